"""The briefing: main event first, changes next, every sentence checked against its citations."""

from __future__ import annotations

from datetime import date

from consilience.reconcile.briefing import Draft, briefing, supported
from consilience.records import Article, Attribution, Claim, Fact, Published, Quantity, Relation, Span


def _article(aid: str, outlet: str, day: str) -> Article:
    d = date.fromisoformat(day)
    return Article(id=aid, source=aid, text="x", outlet=outlet, published=Published(date=d, earliest=d, latest=d,
                                                                                     basis="metadata"))


ARTICLES = {a.id: a for a in (_article("a", "Daily Bugle", "2024-03-04"), _article("b", "Gazette", "2024-03-04"),
                              _article("c", "Courier", "2024-03-06"))}


def _claim(cid: str, art: str, text: str, subject: str, trigger: str, value: float | None = None,
           unit: str = "people", source: str | None = None) -> Claim:
    at = text.index(trigger)
    q = Quantity(value=value, low=value, high=value, unit=unit, qualifier="exact") if value is not None else None
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, kind="quantity" if q else "event",
                 predicate=trigger.rstrip("ed"), subject=subject, quantity=q,
                 trigger=Span(at, at + len(trigger), trigger),
                 attribution=Attribution(source=source, via=(), text=f"{source} said") if source else None)


CLAIMS = {c.id: c for c in (
    _claim("r1", "a", "Mayor Ann Lee resigned on Monday, the council said.", "Ann Lee", "resigned", source="council"),
    _claim("r2", "b", "Lee resigned after a vote of no confidence.", "Ann Lee", "resigned"),
    _claim("r3", "c", "Ann Lee resigned this week.", "Ann Lee", "resigned"),
    _claim("k1", "a", "Police arrested 12 protesters outside city hall.", "protesters", "arrested", 12, "protesters"),
    _claim("k2", "c", "Police have now arrested 31 protesters.", "protesters", "arrested", 31, "protesters"),
)}


def _fact(fid: str, ids: tuple[str, ...], sources: tuple[str, ...]) -> Fact:
    outlets = tuple(sorted({ARTICLES[CLAIMS[i].article].outlet or "" for i in ids}))
    return Fact(id=fid, statement=fid, claims=ids, sources=sources, outlets=outlets,
                status="corroborated" if len(sources) > 1 else "single_source")


FACTS = [_fact("arrest12", ("k1",), ("Daily Bugle",)), _fact("arrest31", ("k2",), ("Courier",)),
         _fact("resign", ("r1", "r2", "r3"), ("council", "Courier", "Gazette"))]
UPDATE = Relation("updates", "arrest31", "arrest12", "later figure", ("k2", "k1"))


def test_the_main_event_comes_first_then_the_change() -> None:
    sentences, dropped = briefing(FACTS, [UPDATE], CLAIMS, ARTICLES)
    assert dropped == 0
    assert sentences[0].text.startswith("Main event, reported by three outlets")
    assert "Ann Lee resigned" in sentences[0].text and "council" in sentences[0].text
    assert sentences[1].text.startswith("Changed") and "31 protesters" in sentences[1].text
    assert "12 protesters" in sentences[1].text and sentences[1].claims == ("k2", "k1")
    assert len(sentences) == 2  # the two figures are told once, in the change


def test_a_sentence_whose_citations_lack_its_number_subject_or_event_is_dropped() -> None:
    ok = Draft("x", ("k1",), subject="protesters", event="arrested", numbers=(12,))
    assert supported(ok, CLAIMS)
    assert not supported(Draft("x", ("k1",), subject="protesters", event="arrested", numbers=(14,)), CLAIMS)
    assert not supported(Draft("x", ("k1",), subject="students", event="arrested", numbers=(12,)), CLAIMS)
    assert not supported(Draft("x", ("k1",), subject="protesters", event="detained", numbers=(12,)), CLAIMS)
    assert not supported(Draft("x", (), subject=None, event=None, numbers=()), CLAIMS)
    assert supported(Draft("x", ("r2",), subject="Mayor Ann Lee", event="resigned", numbers=()), CLAIMS)


def test_dropped_drafts_are_counted() -> None:
    wrong = {**CLAIMS, "k2": Claim(**{**CLAIMS["k2"].__dict__, "text": "Police have now arrested many protesters.",
                                      "end": 41, "trigger": Span(16, 24, "arrested")})}
    sentences, dropped = briefing(FACTS, [UPDATE], wrong, ARTICLES)
    assert dropped == 1 and not any("31" in s.text for s in sentences)


def test_fragments_are_not_quoted_as_statements() -> None:
    from consilience.reconcile.briefing import quotable

    assert quotable(CLAIMS["r1"])
    fragment = Claim(id="x", article="a", start=0, end=20, text="provided by councils", kind="event",
                     predicate="provided", subject="councils", trigger=Span(0, 8, "provided"))
    short = Claim(id="y", article="a", start=0, end=27, text="Jonathan Kaplan's decisions", kind="event",
                  predicate="decided", subject="Jonathan Kaplan", trigger=Span(18, 27, "decisions"))
    elsewhere = Claim(id="z", article="a", start=0, end=33, text="The vote was held late on Monday.", kind="event",
                      predicate="voted", subject="the Senate", trigger=Span(4, 8, "vote"))
    assert not quotable(fragment) and not quotable(short) and not quotable(elsewhere)
    pronoun = Claim(id="p", article="a", start=0, end=37, text="It was followed by a sequel in March.", kind="event",
                    predicate="followed", subject="Harbor Lights", subject_text="It", trigger=Span(7, 15, "followed"))
    named = Claim(id="n", article="a", start=0, end=48, text="Harbor Lights was followed by a sequel in March.",
                  kind="event", predicate="followed", subject="Harbor Lights", subject_text="Harbor Lights",
                  trigger=Span(18, 26, "followed"))
    assert not quotable(pronoun) and quotable(named)  # the reader would have to guess what "it" is
    agent = Claim(id="g", article="a", start=0, end=42, text="It was followed by Harbor Lights in March.", kind="event",
                  predicate="followed", subject="Harbor Lights", subject_text="Harbor Lights",
                  trigger=Span(7, 15, "followed"))
    assert not quotable(agent)  # a passive's agent is named, but what "it" is is not


def test_a_quote_keeps_a_short_rest_of_its_sentence_and_names_only_sources_its_sentence_shows() -> None:
    from consilience.reconcile.briefing import quoted

    text = "Half of the money is benefiting people who do not need it, a study has found. Next sentence."
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    c = Claim(id="h", article="q", start=0, end=38, text=text[:38], kind="event", predicate="benefited",
              subject="money", trigger=Span(21, 31, "benefiting"))
    assert quoted(c, {"q": art}).endswith("people who do not need it, a study has found")
    sentences, _ = briefing(FACTS, [], {**CLAIMS, "r2": Claim(**{**CLAIMS["r2"].__dict__, "attribution": Attribution(
        source="Gazette reporter", via=(), text="x")})}, {**ARTICLES, **{a: Article(**{**ARTICLES[a].__dict__,
                                                                                        "text": CLAIMS[c].text})
                                                                      for a, c in (("a", "r1"), ("b", "r2"))}})
    assert "council" in sentences[0].text and "Gazette reporter" not in sentences[0].text


def test_words_inside_a_quotation_with_no_speaker_found_are_not_the_outlets_own() -> None:
    from consilience.reconcile.briefing import quotable

    text = 'Vos was hurt. "I felt it at once." "Dario Kovac hit me with a wild kick on my left foot."'
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    start = text.index("Dario")
    hit = Claim(id="h", article="q", start=start, end=len(text) - 2, text=text[start:-2], kind="event",
                predicate="hit", subject="Dario Kovac", trigger=Span(text.index("hit"), text.index("hit") + 3, "hit"))
    assert quotable(hit) and not quotable(hit, {"q": art})
    said = Claim(**{**hit.__dict__, "attribution": Attribution(source="Arjen Vos", via=(), text="he said")})
    assert quotable(said, {"q": art})


def test_among_facts_told_alike_the_main_event_is_the_one_the_article_tells_first() -> None:
    text = "Mayor Ann Lee resigned on Monday. Police arrested 12 protesters outside city hall later."
    article = Article(id="d", source="d", text=text, outlet="Daily Bugle")
    early = _claim("r9", "d", text[:33], "Ann Lee", "resigned")
    late = Claim(id="k9", article="d", start=34, end=len(text), text=text[34:], kind="event", predicate="arrest",
                 subject="Police", trigger=Span(41, 49, "arrested"))
    facts = [_fact_of("aa-arrest", late), _fact_of("zz-resign", early)]  # the arrest first by name and id
    sentences, _ = briefing(facts, [], {"k9": late, "r9": early}, {"d": article})
    assert sentences[0].text.startswith("Main event") and "Ann Lee resigned" in sentences[0].text


def _fact_of(fid: str, c: Claim) -> Fact:
    return Fact(id=fid, statement=fid, claims=(c.id,), sources=("Daily Bugle",), outlets=("Daily Bugle",),
                status="single_source")
