"""The parser and recogniser decoded from Python (claims/transitions.py) give spaCy's own output."""

from __future__ import annotations

import pytest

SENTENCES = (
    "The city council of Leeds voted 9-4 on Tuesday to close the Kirkgate swimming baths by March.",
    "Shares in Volvo fell 3% after the Swedish carmaker warned of weaker demand in China.",
    "",
    "   ",
    "Rain.",
    "Dr Amina Okafor, who led the study at the University of Lagos, said the results were 'striking'.",
    "Firefighters from three stations were called to the blaze in Hackney at about 02:00 BST.",
    "He denied it.",
    "UN envoy Martin Griffiths flew to Geneva on 4 May, a day after talks in Jeddah stalled.",
    "The $2.5bn (£2bn) deal, first reported by Reuters, still needs approval from regulators in Brussels.",
    "Neither the coach nor the players would comment when asked about the 2-1 defeat at Anfield.",
    "Kenya's president, William Ruto, is expected to sign the finance bill into law next week.",
)


def _analysis(doc):  # type: ignore[no-untyped-def]
    return [(t.i, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.mark.parametrize("batch_size", [4, 1024])
def test_decoding_from_python_gives_spacys_parses_and_entities(batch_size: int) -> None:
    from consilience.claims.parse import nlp
    from consilience.claims.transitions import decodes_here, transition_pipe

    pipeline = nlp()
    components = [c for _, c in pipeline.pipeline if decodes_here(c)]
    assert {type(c).__name__ for c in components} == {"DependencyParser", "EntityRecognizer"}

    def run(decode: bool) -> list[object]:
        docs = list(map(pipeline.make_doc, SENTENCES))
        for _, component in pipeline.pipeline:
            if decode and decodes_here(component):
                docs = list(transition_pipe(component, docs, batch_size=batch_size))
            else:
                docs = list(component.pipe(docs, batch_size=batch_size))
        return [_analysis(d) for d in docs]

    ours, spacys = run(decode=True), run(decode=False)
    assert ours == spacys
    assert any(iob == "B" for doc in ours for *_, iob, _ in doc)  # entities were found, not left unset


def test_an_empty_batch_gives_no_documents() -> None:
    from consilience.claims.parse import nlp
    from consilience.claims.transitions import transition_pipe

    assert list(transition_pipe(nlp().get_pipe("ner"), [], batch_size=8)) == []


PHRASES = (
    "The mayor, who took office in May, and her deputy, a former judge, said the bridge that collapsed was unsafe.",
    "Officials in the northern province of Kunduz, where fighting broke out on Monday, reported 12 deaths.",
    "A spokesman for the company, which makes parts for cars and trucks, declined to comment.",
)


def test_phrase_span_keeps_what_its_definition_keeps() -> None:
    from consilience.claims.parse import parsed
    from consilience.claims.syntax import _CLAUSES, phrase_span

    def by_definition(token):  # type: ignore[no-untyped-def]
        """A token stays unless it or a token between it and the head has a dropped label."""
        keep = [t for t in token.subtree if not any(a.dep_ in _CLAUSES and a.i != token.i and token in a.ancestors
                                                    for a in [t, *t.ancestors] if a.i != token.i)]
        keep = [t for t in keep if not (t.dep_ == "punct" and t.i in (keep[0].i, keep[-1].i))]
        kept = {t.i for t in keep}
        lo = hi = token.i
        while lo - 1 in kept:
            lo -= 1
        while hi + 1 in kept:
            hi += 1
        return lo, hi + 1

    tokens = [t for doc in parsed(PHRASES) for t in doc]
    spans = [((s := phrase_span(t)).start, s.end) for t in tokens]
    assert spans == [by_definition(t) for t in tokens]
    assert any(end - start < len(list(t.subtree)) - 1 for t, (start, end) in zip(tokens, spans, strict=True))  # a clause dropped
