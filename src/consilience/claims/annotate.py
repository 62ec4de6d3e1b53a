"""The English pipeline's attribute ruler and lemmatizer, applied through token arrays.

spaCy's own components set each token's POS, MORPH and LEMMA one Python call at a time, about a
fifth of the parse on short sentences. These functions read the same loaded components (the
ruler's matcher and rules, the lemmatizer's tables and cache) and write the results in one
``Doc.from_array`` per document, so the annotations are the ones spaCy would give; a test
compares them token by token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

SKIPPED = ("attribute_ruler", "lemmatizer")  # run by ``Annotator`` instead of inside ``nlp.pipe``
_ARRAY_ATTRS = (POS, MORPH, LEMMA)
_RULE_KEY = [TAG, LOWER, DEP, IS_SPACE]  # all a one-token rule of the English pipeline reads
_RULE_KEY_NAMES = {"TAG", "LOWER", "DEP", "IS_SPACE"}


@dataclass
class Annotator:
    """POS, MORPH and LEMMA for parsed docs, from ``pipeline``'s own ruler and lemmatizer.

    The ruler's patterns are spaCy Matcher patterns; most look at one token (its tag, lower-case
    form, dependency label), and the Matcher runs them all at every token of every sentence.
    Here the one-token patterns run once per distinct (tag, form, label, is-space) and their
    result is remembered, where "form" is the lower-case word only when some rule names it (or its
    regex matches it): every other word meets the same rules. Patterns of several tokens run
    through a Matcher of their own.
    """

    ruler: AttributeRuler
    lemmatizer: Lemmatizer
    multi: Matcher  # the rules of several tokens
    starts: Matcher  # their first tokens, as one-token patterns: a doc without one skips ``multi``
    words: frozenset[str]  # the lower-case forms the one-token rules name
    regexes: tuple[re.Pattern[str], ...]
    _rules: dict[tuple[int, ...], list[int]] = field(default_factory=dict)
    _starts: dict[tuple[int, ...], bool] = field(default_factory=dict)
    _forms: dict[int, int] = field(default_factory=dict)
    _lemmas: dict[tuple[int, int, int], int] = field(default_factory=dict)

    @classmethod
    def of(cls, pipeline: Language) -> Annotator | None:
        """None when a rule reads more than tag, form, label and is-space: then spaCy's own
        components must run (a pipeline other than the English one this was measured on)."""
        ruler = pipeline.get_pipe("attribute_ruler")
        multi, starts = Matcher(pipeline.vocab), Matcher(pipeline.vocab)
        words: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        for rule_id, rule in enumerate(ruler.patterns):
            several = any(len(p) > 1 for p in rule["patterns"])
            if several:
                multi.add(str(rule_id), rule["patterns"])
                starts.add(str(rule_id), [p[:1] for p in rule["patterns"]])
            for spec in (p[0] for p in rule["patterns"]):
                if not set(spec) <= _RULE_KEY_NAMES:
                    return None
                lower = spec.get("LOWER")
                if isinstance(lower, str):
                    words.add(lower)
                elif isinstance(lower, dict):
                    for op, value in lower.items():
                        if op in ("IN", "NOT_IN"):
                            words.update(value)
                        elif op == "REGEX":
                            regexes.append(re.compile(value))
                        else:
                            return None
        return cls(ruler, pipeline.get_pipe("lemmatizer"), multi, starts, frozenset(words), tuple(regexes))

    def __call__(self, doc: Doc) -> Doc:
        self._apply_rules(doc)
        self._lemmatize(doc)
        return doc

    def _apply_rules(self, doc: Doc) -> None:
        """What ``AttributeRuler.__call__`` does: every match, in rule order, sets its token's attributes."""
        keys = [(tag, self._form(lower, doc), dep, space) for tag, lower, dep, space in doc.to_array(_RULE_KEY).tolist()]
        hits = [(rule_id, i, i) for i, key in enumerate(keys) for rule_id in self._one_token_rules(key, doc, i)]
        if any(self._may_start(key, doc, i) for i, key in enumerate(keys)):
            hits += [(int(self.ruler.vocab.strings[m]), s, self._target(int(self.ruler.vocab.strings[m]), s, e))
                     for m, s, e in self.multi(doc, allow_missing=True)]
        hits.sort()
        values = doc.to_array(list(_ARRAY_ATTRS)).astype(np.uint64)
        others: list[tuple[int, dict[int, int]]] = []  # TAG, DEP: rare (space tokens); set one by one
        for rule_id, _, i in hits:
            attrs = self.ruler.attrs[rule_id]
            for column, attr in enumerate(_ARRAY_ATTRS):
                if attr in attrs:
                    values[i, column] = attrs[attr]
            rest = {k: v for k, v in attrs.items() if k not in _ARRAY_ATTRS}
            if rest:
                others.append((i, rest))
        doc.from_array(list(_ARRAY_ATTRS), values)
        for i, rest in others:
            set_token_attrs(doc[i], rest)

    def _one_token_rules(self, key: tuple[int, ...], doc: Doc, i: int) -> list[int]:
        found = self._rules.get(key)
        if found is None:
            found = sorted(rule_id for rule_id, _, _, _ in self.ruler.match(self._alone(doc, i))
                           if self.multi.get(str(rule_id)) is None)
            self._rules[key] = found
        return found

    def _may_start(self, key: tuple[int, ...], doc: Doc, i: int) -> bool:
        found = self._starts.get(key)
        if found is None:
            found = bool(self.starts(self._alone(doc, i), allow_missing=True))
            self._starts[key] = found
        return found

    def _form(self, lower: int, doc: Doc) -> int:
        """``lower`` when a rule can tell it from other words, else 0."""
        form = self._forms.get(lower)
        if form is None:
            text = doc.vocab.strings[lower]
            form = lower if text in self.words or any(rx.search(text) for rx in self.regexes) else 0
            self._forms[lower] = form
        return form

    @staticmethod
    def _alone(doc: Doc, i: int) -> Doc:
        """Token ``i`` as a doc of its own, with its tag and dependency label."""
        single = doc[i:i + 1].as_doc()  # its head is outside: as_doc makes it ROOT; give it its label back
        single.from_array([HEAD, DEP], np.array([[0, doc[i].dep]], dtype=np.uint64))
        return single

    def _target(self, rule_id: int, start: int, end: int) -> int:
        index = self.ruler.indices[rule_id]
        i = (start if index >= 0 else end) + index
        if not start <= i < end:
            raise ValueError(f"attribute rule {rule_id} points outside its match at token {start}")
        return i

    def _lemmatize(self, doc: Doc) -> None:
        """What ``Lemmatizer.__call__`` does: a lemma for each token that has none, memoized by
        (form, POS, morphology) as the lemmatizer's own cache is."""
        values = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(np.uint64)
        lemmas = values[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))


def index_as_sets(pipeline: Language) -> None:
    """Turn the lemmatizer's word lists (``lemma_index``: up to 57,000 nouns) into sets, in place.

    The rule lemmatizer asks ``form in index`` for every candidate lemma; on a list that is a scan
    of the whole list, most of the lemmatizer's time. Membership answers are the same.
    """
    if "lemmatizer" not in pipeline.pipe_names:
        return
    lookups = pipeline.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
