"""The briefing: main event first, changes next, every sentence checked against its citations."""

from __future__ import annotations

from datetime import date

import pytest

from consilience.reconcile.briefing import Draft, briefing, in_spans, quotation, supported
from consilience.records import Article, Attribution, Claim, Fact, Published, Quantity, Relation, Span


def _article(aid: str, outlet: str, day: str, text: str = "x") -> Article:
    d = date.fromisoformat(day)
    return Article(id=aid, source=aid, text=text, outlet=outlet, published=Published(date=d, earliest=d, latest=d,
                                                                                      basis="metadata"))


def _claim(cid: str, art: str, text: str, subject: str, trigger: str, value: float | None = None,
           unit: str = "people", source: str | None = None, at: int = 0) -> Claim:
    """A claim whose span is ``text``, standing at ``at`` in its article."""
    t = text.index(trigger)
    q = Quantity(value=value, low=value, high=value, unit=unit, qualifier="exact") if value is not None else None
    return Claim(id=cid, article=art, start=at, end=at + len(text), text=text, kind="quantity" if q else "event",
                 predicate=trigger.rstrip("ed"), subject=subject, quantity=q,
                 trigger=Span(at + t, at + t + len(trigger), trigger),
                 attribution=Attribution(source=source, via=(), text=f"{source} said") if source else None)


R1 = "Mayor Ann Lee resigned on Monday, the council said."
K2 = "Police have now arrested 31 protesters."
CLAIMS = {c.id: c for c in (
    _claim("r1", "a", R1, "Ann Lee", "resigned", source="council"),
    _claim("r2", "b", "Lee resigned after a vote of no confidence.", "Ann Lee", "resigned"),
    _claim("r3", "c", "Ann Lee resigned this week.", "Ann Lee", "resigned", at=len(K2) + 1),
    _claim("k1", "a", "Police arrested 12 protesters outside city hall.", "protesters", "arrested", 12, "protesters",
           at=len(R1) + 1),
    _claim("k2", "c", K2, "protesters", "arrested", 31, "protesters"),
)}


def _told(aid: str) -> str:
    """The article's text: its claims' words, in their places, one space between."""
    return " ".join(c.text for c in sorted(CLAIMS.values(), key=lambda c: c.start) if c.article == aid)


ARTICLES = {a.id: a for a in (_article("a", "Daily Bugle", "2024-03-04", _told("a")),
                              _article("b", "Gazette", "2024-03-04", _told("b")),
                              _article("c", "Courier", "2024-03-06", _told("c")))}


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
    assert supported(ok, CLAIMS, ARTICLES)
    assert not supported(Draft("x", ("k1",), subject="protesters", event="arrested", numbers=(14,)), CLAIMS, ARTICLES)
    assert not supported(Draft("x", ("k1",), subject="students", event="arrested", numbers=(12,)), CLAIMS, ARTICLES)
    assert not supported(Draft("x", ("k1",), subject="protesters", event="detained", numbers=(12,)), CLAIMS, ARTICLES)
    assert not supported(Draft("x", (), subject=None, event=None, numbers=()), CLAIMS, ARTICLES)
    assert supported(Draft("x", ("r2",), subject="Mayor Ann Lee", event="resigned", numbers=()), CLAIMS, ARTICLES)


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


def test_a_quote_holds_only_its_claims_span_and_marks_where_the_sentence_goes_on() -> None:
    text = ("Customs officers led the operation. Seventy search warrants were executed in Spain, Italy and Greece. "
            "Nine people were charged.")
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    start = text.index("Seventy")
    c = _claim("w", "q", "Seventy search warrants were executed in Spain", "search warrants", "executed", at=start)
    quote, cited = quotation(c, art, [c])
    assert quote == "Seventy search warrants were executed in Spain …" and cited == ("w",)  # not Italy nor Greece
    mid = _claim("m", "q", "Nine people were charged", "people", "charged", at=text.index("Nine"))
    assert quotation(mid, art, [mid])[0] == "Nine people were charged"  # the sentence ends with the span: no '…'
    led = "The court ruled that Ann Lee broke the law. She will appeal."
    inner = _claim("i", "q", "Ann Lee broke the law", "Ann Lee", "broke", at=led.index("Ann"))
    assert quotation(inner, Article(id="q", source="q", text=led), [inner])[0] == "… Ann Lee broke the law"


def test_a_quote_goes_on_only_into_the_spans_of_the_articles_claims_that_adjoin_it() -> None:
    text = "Reuters cut its costs by 5% in 2003 and reduced its debt to £160m, analysts noted. Shares rose."
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    cost = _claim("c1", "q", "Reuters cut its costs by 5% in 2003", "Reuters", "cut", 5, "percent")
    debt = _claim("c2", "q", "reduced its debt to £160m", "Reuters", "reduced", 160e6, "GBP",
                  at=text.index("reduced"))
    shares = _claim("c3", "q", "Shares rose", "shares", "rose", at=text.index("Shares"))
    quote, cited = quotation(cost, art, [cost, debt, shares])
    assert quote == "Reuters cut its costs by 5% in 2003 and reduced its debt to £160m …"
    assert cited == ("c1", "c2")  # the debt is quoted on its own claim; the next sentence is not joined
    far = _claim("c4", "q", "analysts noted", "analysts", "noted", at=text.index("analysts"))
    assert quotation(debt, art, [debt, far])[1] == ("c2", "c4")  # ", " between: joined
    gap = "Reuters cut its costs by 5% in 2003 while it reduced its debt to £160m."
    debt2 = _claim("c2", "q", "reduced its debt to £160m", "Reuters", "reduced", at=gap.index("reduced"))
    assert quotation(cost, Article(id="q", source="q", text=gap), [cost, debt2]) == (
        "Reuters cut its costs by 5% in 2003 …", ("c1",))  # "while it" is no cited claim's: not quoted


def test_a_quote_beyond_its_cited_spans_fails_the_support_check_and_is_counted() -> None:
    text = "Seventy search warrants were executed in Spain, Italy and Greece."
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    c = _claim("w", "q", "Seventy search warrants were executed in Spain", "search warrants", "executed")
    claims = {"w": c}

    def draft(quote: str) -> Draft:
        return Draft(f"Reported by Daily Bugle: “{quote}”.", ("w",), subject="search warrants", event="executed",
                     numbers=(), quotes=(quote,))

    assert supported(draft("Seventy search warrants were executed in Spain …"), claims, art)
    assert not supported(draft(text.rstrip(".")), claims, art)  # the old whole-sentence quote: Italy, Greece
    assert not supported(draft("Seventy search warrants were executed in Spain and Greece"), claims, art)
    assert not supported(draft("Seventy search warrants were executed …"), claims, {})  # no article to look in
    quote = "Seventy search warrants were executed in Spain"
    assert not supported(Draft("Reported: “other words”.", ("w",), subject=None, event=None, numbers=(),
                               quotes=(quote,)), claims, art)  # the text must show the quote it was checked for
    assert in_spans("Seventy search warrants … in Spain", [c], art)


def test_and_joins_two_cited_spans_but_is_no_cited_word_on_its_own() -> None:
    text = "Police arrested 12 people and seized 3 guns and a car."
    art = {"q": Article(id="q", source="q", text=text)}
    a = _claim("a", "q", "Police arrested 12 people", "Police", "arrested")
    b = _claim("b", "q", "seized 3 guns", "Police", "seized", at=text.index("seized"))
    assert in_spans("Police arrested 12 people and seized 3 guns", [a, b], art)
    assert not in_spans("Police arrested 12 people and seized 3 guns", [a], art)
    assert not in_spans("seized 3 guns and a car", [a, b], art)  # "and" leads to no cited span


def test_a_claim_whose_sentence_says_who_said_it_is_not_told_as_the_outlets_own() -> None:
    text = "The Harbor Dam Corp is refusing to halt building, the state press has said. It denies it."
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    c = _claim("d", "q", "The Harbor Dam Corp is refusing to halt building", "Harbor Dam Corp", "refusing")
    fact = _fact_of("dam", c)
    sentences, dropped = briefing([fact], [], {"d": c}, {"q": art})
    assert dropped == 0
    assert sentences[0].text == "Main event, reported by Daily Bugle: “The Harbor Dam Corp is refusing to halt building …”."
    plain = Article(id="q", source="q", text=text.replace(", the state press has said", " this week"),
                    outlet="Daily Bugle", published=Published())
    sentences, _ = briefing([fact], [], {"d": c}, {"q": plain})
    assert "on its own authority" in sentences[0].text


def test_names_only_sources_its_sentence_shows() -> None:
    sentences, _ = briefing(FACTS, [], {**CLAIMS, "r2": Claim(**{**CLAIMS["r2"].__dict__, "attribution": Attribution(
        source="Gazette reporter", via=(), text="x")})}, ARTICLES)
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


def test_a_fact_is_quoted_from_a_claim_that_opens_its_sentence_when_it_has_one() -> None:
    mid_text = "Hours after the vote, Mayor Ann Lee resigned from office."
    whole_text = "Mayor Ann Lee resigned on Monday."
    mid = _claim("m1", "a", "Mayor Ann Lee resigned from office", "Ann Lee", "resigned", at=mid_text.index("Mayor"))
    whole = _claim("w1", "b", "Mayor Ann Lee resigned on Monday", "Ann Lee", "resigned")
    arts = {"a": _article("a", "Daily Bugle", "2024-03-04", mid_text), "b": _article("b", "Gazette", "2024-03-04",
                                                                                     whole_text)}
    fact = Fact(id="f", statement="f", claims=("m1", "w1"), sources=("Daily Bugle", "Gazette"),
                outlets=("Daily Bugle", "Gazette"), status="corroborated")
    sentences, _ = briefing([fact], [], {"m1": mid, "w1": whole}, arts)  # article "a" ranks first otherwise
    assert "“Mayor Ann Lee resigned on Monday”" in sentences[0].text and sentences[0].claims == ("w1", "m1")


def test_a_person_the_fact_rests_on_is_cited_only_where_the_sentence_gives_it_to_them() -> None:
    text = 'Coach Ray Dunn has signed a new contract with the club. "I am happy," Dunn said later.'
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    signed = _claim("s", "q", "Coach Ray Dunn has signed a new contract with the club", "Ray Dunn", "signed")
    # the fact rests on Dunn (quoted elsewhere in the article), but its sentence is no saying of his
    fact = Fact(id="f", statement="f", claims=("s",), sources=("Ray Dunn",), outlets=("Daily Bugle",),
                status="single_source")
    sentences, _ = briefing([fact], [], {"s": signed}, art)
    assert sentences[0].text == ("Main event, reported by Daily Bugle: “Coach Ray Dunn has signed a new contract with "
                                 "the club”.")  # neither "citing Ray Dunn" nor "on its own authority"
    said_text = "Coach Ray Dunn said the club would sign two players. Nothing else."
    said = Claim(**{**_claim("d", "q", "Coach Ray Dunn said the club would sign two players", "Ray Dunn",
                             "said").__dict__, "speech": True})
    art2 = {"q": Article(id="q", source="q", text=said_text, outlet="Daily Bugle", published=Published())}
    spoken = Fact(id="g", statement="g", claims=("d",), sources=("Ray Dunn",), outlets=("Daily Bugle",),
                  status="single_source")
    sentences, _ = briefing([spoken], [], {"d": said}, art2)
    assert ", citing Ray Dunn: “Coach Ray Dunn said" in sentences[0].text


@pytest.mark.parametrize(("said", "subject", "own"), [
    ("Exports rose sharply in May, the statistics office said", "Exports", False),
    ("Deaths in custody have reached record levels, a committee of MPs has warned", "Deaths", False),
    ("Acme Corp overstated its earnings by a third, it was claimed in court", "Acme Corp", False),
    ("Exports rose sharply in May, according to the statistics office", "Exports", False),
    ("Exports rose sharply in May, figures from the statistics office show", "Exports", False),
    ("A loaded revolver was reportedly found at the scene", "revolver", False),
    ("The Acme founder is thought to have left the country", "Acme founder", False),
    ("Hitachi has unveiled a new robot, called Emiew, at a show in Tokyo", "Hitachi", True),
    ("Heineken and Carlsberg, two big brewers, have reported falling profits", "Heineken", True),
])
def test_a_quote_that_ends_with_who_says_it_is_not_told_as_the_outlets_own(said: str, subject: str, own: bool) -> None:
    art = {"q": Article(id="q", source="q", text=said + ". Next.", outlet="Daily Bugle", published=Published())}
    c = Claim(id="c", article="q", start=0, end=len(said), text=said, kind="event", predicate="x", subject=subject,
              subject_text=subject, trigger=Span(0, len(said.split()[0]), said.split()[0]))
    sentences, _ = briefing([_fact_of("f", c)], [], {"c": c}, art)
    assert sentences and ("on its own authority" in sentences[0].text) == own


def test_a_quote_goes_on_only_into_claims_reported_as_widely_as_its_fact() -> None:
    sentence = "Kent Police arrested 12 protesters in Dover and seized 3 guns at the port."
    other = "Kent Police arrested 12 protesters in Dover on Friday."
    arts = {"a": _article("a", "Daily Bugle", "2024-03-04", sentence), "b": _article("b", "Gazette", "2024-03-04", other),
            "c": _article("c", "Courier", "2024-03-04", other)}
    arrested = [_claim(f"a{k}", k, "Kent Police arrested 12 protesters in Dover", "Kent Police", "arrested", 12,
                       "protesters") for k in "abc"]
    seized = _claim("s", "a", "seized 3 guns at the port", "Kent Police", "seized", 3, "guns",
                    at=sentence.index("seized"))
    claims = {c.id: c for c in (*arrested, seized)}
    facts = [Fact(id="arrest", statement="arrest", claims=("aa", "ab", "ac"), sources=("Daily Bugle", "Gazette",
                                                                                        "Courier"),
                  outlets=("Courier", "Daily Bugle", "Gazette"), status="corroborated"),
             Fact(id="seize", statement="seize", claims=("s",), sources=("Daily Bugle",), outlets=("Daily Bugle",),
                  status="single_source")]
    sentences, _ = briefing(facts, [], claims, arts)
    main = sentences[0]
    assert main.text.startswith("Main event, reported by three outlets")
    assert "guns" not in main.text and "s" not in main.claims  # one outlet's seizure is not the three's
    # told as widely, the next clause is quoted on and cited
    wide = [Fact(id="arrest", statement="arrest", claims=("aa", "ab", "ac"), sources=(), outlets=("Courier",
                 "Daily Bugle", "Gazette"), status="corroborated"),
            Fact(id="seize", statement="seize", claims=("s",), sources=(), outlets=("Courier", "Daily Bugle",
                 "Gazette"), status="corroborated")]
    assert any("seized 3 guns" in s.text and "s" in s.claims for s in briefing(wide, [], claims, arts)[0])


@pytest.mark.parametrize(("before", "governs"), [
    ("Reports that ", True),  # reported, not done
    ("Our first aim this season was to get ", True),  # aimed at
    ("If the talks fail on Friday, ", True),  # a condition
    ("Analysts doubt ", True),  # no attribution read: whose doubt is not told
    ("", False),
    ("On Monday, ", False),
    ("Markets fell but ", False),
    ("Shares rose as ", False),
])
def test_a_claim_whose_sentence_makes_it_reported_aimed_at_or_supposed_is_not_quoted(before: str,
                                                                                     governs: bool) -> None:
    from consilience.reconcile.briefing import governed, quotable

    said = "Governor Tim Hale is planning a snap election in March"
    text = f"Voters are restless. {before}{said}. Nothing else."
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    c = _claim("p", "q", said, "Tim Hale", "planning", at=text.index(said))
    assert governed(c, art) == governs and quotable(c, {"q": art}) != governs
    sentences, dropped = briefing([_fact_of("plan", c)], [], {"p": c}, {"q": art})
    assert dropped == 0 and (not sentences) == governs


def test_a_claim_after_the_words_its_attribution_was_read_from_is_quoted_as_theirs() -> None:
    from consilience.reconcile.briefing import governed

    said = "the plant will close in June"
    text = f"The union says {said}. Nothing else."
    art = Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())
    c = _claim("p", "q", said, "plant", "close", source="union", at=text.index(said))
    assert not governed(c, art)
    assert governed(Claim(**{**c.__dict__, "attribution": None}), art)  # whose saying is not known: not quoted


def test_a_quote_of_a_speech_act_goes_on_only_into_the_same_speakers_words() -> None:
    text = "The landlord Ruth Ames says she may replace the roof; this will cut heating bills and stop leaks. Next."
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    says = Claim(**{**_claim("s", "q", "The landlord Ruth Ames says she may replace the roof", "Ruth Ames",
                             "says").__dict__, "speech": True})
    cut = _claim("c", "q", "this will cut heating bills", "bills", "cut", at=text.index("this"))
    claims = {"s": says, "c": cut}
    facts = [Fact(id="f", statement="f", claims=("s",), sources=("Ruth Ames",), outlets=("Daily Bugle",),
                  status="single_source"), _fact_of("g", cut)]
    sentences, _ = briefing(facts, [], claims, art)
    assert sentences[0].text == ("Main event, reported by Daily Bugle, citing Ruth Ames: “The landlord Ruth Ames says "
                                 "she may replace the roof …”.")  # the writer's "this will cut …" is not hers
    assert sentences[0].claims == ("s",)


def test_who_says_it_is_told_from_the_claims_cited_not_from_the_facts_others() -> None:
    text = 'Host Lena Park is taking over the breakfast show on Monday. "It is a dream," Park says. Next.'
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    taking = _claim("t", "q", "Host Lena Park is taking over the breakfast show on Monday", "Lena Park", "taking")
    dream = _claim("d", "q", "It is a dream", "show", "is", source="Lena Park", at=text.index("It is"))
    fact = Fact(id="f", statement="f", claims=("t", "d"), sources=("Lena Park",), outlets=("Daily Bugle",),
                status="single_source")
    sentences, _ = briefing([fact], [], {"t": taking, "d": dream}, art)
    assert sentences[0].text == ("Main event, reported by Daily Bugle: “Host Lena Park is taking over the breakfast "
                                 "show on Monday”.")  # the outlet tells the takeover; she says only "It is a dream"


def test_an_attribution_its_sentence_does_not_name_leaves_the_outlet_as_the_channel_only() -> None:
    text = "His old radio show Night Beat was first broadcast in 1961 and drew 2 million listeners. Next."
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    c = _claim("b", "q", "Night Beat was first broadcast in 1961", "Night Beat", "broadcast",
               source="His old radio", at=text.index("Night"))
    fact = Fact(id="f", statement="f", claims=("b",), sources=("Tom Reyes",), outlets=("Daily Bugle",),
                status="single_source")
    sentences, _ = briefing([fact], [], {"b": c}, art)
    assert sentences[0].text == "Main event, reported by Daily Bugle: “… Night Beat was first broadcast in 1961 …”."


def test_a_claim_whose_span_cuts_a_word_is_not_quoted() -> None:
    from consilience.reconcile.briefing import quotable

    text = "Ana Ruiz qualified for the 5,000m final in Rome. Next."
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    cut = _claim("r", "q", "Ana Ruiz qualified for the 5,000", "Ana Ruiz", "qualified")
    whole = _claim("w", "q", "Ana Ruiz qualified for the 5,000m final", "Ana Ruiz", "qualified")
    assert not quotable(cut, art) and quotable(whole, art)


@pytest.mark.parametrize(("text", "subject", "source", "cited"), [
    ("Number 10 said an error was made over the visit", "Number", "Number", False),  # part of a longer name
    ("The 27-year-old said leaving would be hard for him", "old", "old", False),  # part of a word
    ("The club have confirmed that Ray Dunn will be unveiled on Tuesday", "club", "club (Daily Bugle)", False),
    ("Coach Ray Dunn said the club would sign two players", "Ray Dunn", "Ray Dunn", True),
])
def test_a_speaker_is_named_only_by_a_whole_name_the_sentence_writes(text: str, subject: str, source: str,
                                                                     cited: bool) -> None:
    art = {"q": Article(id="q", source="q", text=text + ". Next.", outlet="Daily Bugle", published=Published())}
    said = Claim(**{**_claim("d", "q", text, subject, "said" if " said " in text else "confirmed").__dict__,
                    "speech": True, "subject_text": subject})
    fact = Fact(id="g", statement="g", claims=("d",), sources=(source,), outlets=("Daily Bugle",),
                status="single_source")
    sentences, _ = briefing([fact], [], {"d": said}, art)
    assert sentences and (", citing " in sentences[0].text) == cited
    assert "on its own authority" not in sentences[0].text  # a speech act is its speaker's


def test_words_inside_a_quotation_whose_speaker_the_sentence_does_not_name_are_told_as_quoted() -> None:
    text = '"Prices will fall," said Ann Lee, the trade body chief.\n\n"Shops are cutting staff across the region." Next.'
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    said = "Shops are cutting staff across the region"
    c = _claim("s", "q", said, "Shops", "cutting", source="Ann Lee", at=text.index(said))
    fact = Fact(id="f", statement="f", claims=("s",), sources=("Ann Lee",), outlets=("Daily Bugle",),
                status="single_source")
    sentences, _ = briefing([fact], [], {"s": c}, art)
    assert sentences[0].text == f"Main event, reported by Daily Bugle, quoting a speaker: “{said}”."
    unquoted = text.replace('"Shops', "Shops").replace('region."', "region.")
    plain = {"q": Article(id="q", source="q", text=unquoted, outlet="Daily Bugle", published=Published())}
    c = _claim("s", "q", said, "Shops", "cutting", source="Ann Lee", at=unquoted.index(said))
    assert briefing([fact], [], {"s": c}, plain)[0][0].text == f"Main event, reported by Daily Bugle: “{said}”."


@pytest.mark.parametrize(("after", "kept"), [
    (" if the board agrees on Friday", False),  # the condition would be lost
    (" unless the union backs down", False),
    (" who work in its depots", False),  # "who" restricts whom it means
    ("% of the staff", False),  # the unit of the number
    (" and its depots will close", True),
    (", the company said in a statement", False),  # "…, the company said": who says it is not the outlet
])
def test_a_quote_does_not_stop_before_words_it_needs(after: str, kept: bool) -> None:
    said = "Acme Freight will cut 40 drivers"
    text = f"{said}{after}. Next."
    art = {"q": Article(id="q", source="q", text=text, outlet="Daily Bugle", published=Published())}
    c = _claim("c", "q", said, "Acme Freight", "cut", 40, "drivers")
    sentences, dropped = briefing([_fact_of("f", c)], [], {"c": c}, art)
    if after.startswith(","):
        assert sentences and "on its own authority" not in sentences[0].text
        return
    assert (dropped, bool(sentences)) == ((0, True) if kept else (1, False))


def test_a_detail_that_would_quote_again_what_an_earlier_sentence_quotes_is_left_out() -> None:
    said = "Harbour authorities closed 40 piers in March, the port board said."
    other = "Ferry crews staged a strike over pay on Friday."
    closed = _claim("p1", "h", said[: said.index(",")], "Harbour authorities", "closed", 40, "piers")
    saying = _claim("p2", "h", said, "port board", "said")
    strike = _claim("p3", "h", other, "Ferry crews", "staged", at=len(said) + 1)
    claims = {c.id: c for c in (closed, saying, strike)}
    articles = {"h": _article("h", "Harbour News", "2024-04-02", f"{said} {other}")}
    facts = [Fact(id=i, statement=i, claims=(c,), sources=("Harbour News",), outlets=("Harbour News",),
                  status="single_source") for i, c in (("close", "p1"), ("say", "p2"), ("strike", "p3"))]
    sentences, _ = briefing(facts, [], claims, articles)
    assert sum("40 piers" in s.text for s in sentences) == 1
    assert any("Ferry crews staged a strike" in s.text for s in sentences)  # something new is still told


def test_a_claim_holding_a_shorter_one_shown_before_is_still_told() -> None:
    text = "The storm killed 12 people in the valley on Sunday."
    short = _claim("s1", "v", "The storm", "storm", "storm")
    long_ = _claim("s2", "v", text[: text.index(" in the")], "The storm", "killed", 12, "people")
    from consilience.reconcile.briefing import _unrepeated
    drafts = [Draft("storm", ("s1",), None, None, ()), Draft("killed", ("s2",), None, None, ())]
    assert [d.text for d in _unrepeated(drafts, {"s1": short, "s2": long_})] == ["storm", "killed"]
    assert [d.text for d in _unrepeated(drafts[::-1], {"s1": short, "s2": long_})] == ["killed"]
