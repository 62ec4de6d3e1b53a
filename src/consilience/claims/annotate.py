"""The English pipeline's attribute ruler and lemmatizer, applied through token arrays.

spaCy's own components set each token's POS, MORPH and LEMMA one Python call at a time, about a
fifth of the parse on short sentences. These functions read the same loaded components (the
ruler's matcher and rules, the lemmatizer's tables and cache) and write the results in one
``Doc.from_array`` per document, so the annotations are the ones spaCy would give; a test
compares them token by token.
"""

from __future__ import annotations

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


@dataclass
class Annotator:
    """POS, MORPH and LEMMA for parsed docs, from ``pipeline``'s own ruler and lemmatizer.

    The ruler's patterns are spaCy Matcher patterns; most look at one token (its tag, lower-case
    form, dependency label), and the Matcher runs them all at every token of every sentence.
    Here the one-token patterns run once per distinct (tag, form, label, is-space) and their
    result is remembered; patterns of several tokens run through a Matcher of their own.
    """

    ruler: AttributeRuler
    lemmatizer: Lemmatizer
    multi: Matcher
    _rules: dict[tuple[int, ...], list[int]] = field(default_factory=dict)
    _lemmas: dict[tuple[int, int, int], int] = field(default_factory=dict)

    @classmethod
    def of(cls, pipeline: Language) -> Annotator:
        ruler = pipeline.get_pipe("attribute_ruler")
        multi = Matcher(pipeline.vocab)
        for rule_id, rule in enumerate(ruler.patterns):
            if any(len(p) > 1 for p in rule["patterns"]):
                multi.add(str(rule_id), rule["patterns"])
        return cls(ruler, pipeline.get_pipe("lemmatizer"), multi)

    def __call__(self, doc: Doc) -> Doc:
        self._apply_rules(doc)
        self._lemmatize(doc)
        return doc

    def _apply_rules(self, doc: Doc) -> None:
        """What ``AttributeRuler.__call__`` does: every match, in rule order, sets its token's attributes."""
        hits = [(rule_id, i, i) for i, key in enumerate(map(tuple, doc.to_array(_RULE_KEY).tolist()))
                for rule_id in self._one_token_rules(key, doc, i)]
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
            single = doc[i:i + 1].as_doc()  # its head is outside: as_doc makes it ROOT; give it its label back
            single.from_array([HEAD, DEP], np.array([[0, doc[i].dep]], dtype=np.uint64))
            found = sorted(rule_id for rule_id, _, _, _ in self.ruler.match(single)
                           if self.multi.get(str(rule_id)) is None)
            self._rules[key] = found
        return found

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

