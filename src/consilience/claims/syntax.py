"""Small helpers over a parsed sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once: spaCy joins every token again on each access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return str(text)


def written(doc: Doc, start: int, end: int) -> str:
    """The sentence's own characters ``start:end``: a title-case headline is parsed from a copy with
    its verbs in lower case (``parse.sentence_cased``), but names and phrases are written as printed."""
    original = doc.user_data.get("original")
    return str(original if original is not None else doc_text(doc))[start:end]


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            return n + ids_b[t.i]
    return len(up_a) + len(up_b)


_CLAUSES = ("punct", "cc", "conj", "appos", "relcl", "acl", "advcl")


def phrase(token: Token, *, drop: tuple[str, ...] = _CLAUSES) -> str:
    """The noun phrase headed by ``token``, without clauses and coordination, as written."""
    span = phrase_span(token, drop=drop)
    return written(span.doc, span.start_char, span.end_char).strip()


def owner_phrase(token: Token) -> str:
    """``phrase`` without the token's own possessive marker: "Mr Obi's claim" -> "Mr Obi" (one
    speaker, one name, whether he said it or it was his claim)."""
    span = phrase_span(token)
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].dep_ == "case" and span.doc[end - 1].head == token:
        end -= 1
    return written(span.doc, span.start_char, span.doc[end - 1].idx + len(span.doc[end - 1].text)).strip()


def phrase_span(token: Token, *, drop: tuple[str, ...] = _CLAUSES) -> Span:
    """The tokens of ``phrase``: the unbroken run around the head of what is kept (a dropped clause
    must not glue its ends). Remembered per sentence (as token indices, so the doc holds no span of
    itself): its claims ask for the same phrases about three times each."""
    known = token.doc.user_data.setdefault("phrase_spans", {})
    bounds = known.get((token.i, drop))
    if bounds is None:
        bounds = known[(token.i, drop)] = _phrase_bounds(token, drop)
    return token.doc[bounds[0] : bounds[1]]


def _phrase_bounds(token: Token, drop: tuple[str, ...]) -> tuple[int, int]:
    inside: dict[int, bool] = {token.i: False}  # token index -> in a dropped clause below ``token``
    keep = [t for t in token.subtree if not _in_dropped(t, inside, drop)]
    keep = [t for t in keep if not (t.dep_ == "punct" and t.i in (keep[0].i, keep[-1].i))]
    kept = {t.i for t in keep}
    lo = hi = token.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    return lo, hi + 1


def phrase_words(t: Token) -> set[str]:
    """The lemmas and forms of the other words in a verb's phrase, for the predicate table's context
    words (the verb itself is no context: "to charge a fee" is no criminal charge)."""
    words = [w for w in t.subtree if w.i != t.i]
    return {w.lemma_.lower() for w in words} | {w.lower_ for w in words}


def _in_dropped(t: Token, inside: dict[int, bool], drop: tuple[str, ...]) -> bool:
    """Whether ``t`` or a token between it and the phrase's head (a key of ``inside`` already) has
    a label in ``drop``: each token's answer is remembered, so a subtree costs its size, not its
    size times its depth."""
    path = []
    while t.i not in inside:
        path.append(t)
        t = t.head
    dropped = inside[t.i]
    for u in reversed(path):
        dropped = dropped or u.dep_ in drop
        inside[u.i] = dropped
    return dropped


def named_noun(noun: Token) -> bool:
    """A common noun a name qualifies ("France's Le Figaro newspaper", "the Gallup organisation",
    "the Herald newspaper"); a place or nationality ("the French newspaper") names no one."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "NORP")
               for c in noun.children)


def set_off_after_a_noun(t: Token) -> Token | None:
    """An adjective set off by a comma after a noun, where its verb already has what it states ("are
    ill-prepared for the Act, due to come into force next month"): the parser hangs it on the verb,
    but it says something of that noun."""
    if t.dep_ != "acomp" or t.i < 2 or t.doc[t.i - 1].text != "," or t.doc[t.i - 2].pos_ not in ("NOUN", "PROPN"):
        return None
    stated = any(c.dep_ in ("acomp", "attr") and c.i < t.i - 1 for c in t.head.children)
    return t.doc[t.i - 2] if stated else None


def clause_subject(verb: Token) -> Token | None:
    """The active subject of ``verb``. When the parser gave it two, one before and one after it
    ("Delays were longest on the coast, especially Ellis, said the survey": "Ellis" and "survey"), the one after is the
    inverted subject of a speech verb; the one before belongs to what was said."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        after = [c for c in subjects if c.i > verb.i]
        if after:
            return after[0]
    return subjects[0] if subjects else None
