"""Relations only between what measures the same thing: stories written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from consilience.reconcile.relations import relation, relations_of
from consilience.records import Article, Attribution, Claim, Fact, Published, Quantity, Relation, When

DAYS = {"mon": "2024-03-04", "tue": "2024-03-05", "wed": "2024-03-06"}


def article(aid: str, day: str = "mon", outlet: str | None = None) -> Article:
    d = date.fromisoformat(DAYS[day])
    return Article(id=aid, source=f"{aid}.txt", text="x", outlet=outlet or f"Outlet {aid}",
                   published=Published(date=d, earliest=d, latest=d, basis="metadata"))


def claim(cid: str, art: str, predicate: str, value: float, *, unit: str | None = "people", subject: str | None = "people",
          qualifier: str = "exact", kind: str = "count", measure: str | None = None, when: tuple[str, str] | None = None,
          low: float | None = None, high: float | None = None, tally: tuple[float, ...] = ()) -> Claim:
    if low is None and high is None:
        low = value if qualifier in ("exact", "at_least", "more_than") else None
        high = value if qualifier in ("exact", "at_most", "less_than") else None
        if qualifier == "approx":
            low, high = value * 0.9, value * 1.1
    q = Quantity(value=value, low=low, high=high, unit=unit, qualifier=qualifier, kind=kind, measure=measure, tally=tally)
    w = When(start=date.fromisoformat(when[0]), end=date.fromisoformat(when[1]), text="then") if when else None
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="quantity", predicate=predicate, subject=subject,
                 quantity=q, when=w)


def fact(c: Claim) -> Fact:
    return Fact(id="f" + c.id, statement=c.id, claims=(c.id,), sources=(), outlets=(), status="single_source")


ARTICLES = {a.id: a for a in (article("a", "mon"), article("b", "mon"), article("c", "wed"), article("d", "wed"))}


def rel(a: Claim, b: Claim) -> Relation | None:
    return relation(fact(a), fact(b), [a], [b], ARTICLES)


def kind(a: Claim, b: Claim) -> str | None:
    r = rel(a, b)
    return r.kind if r else None


def test_two_outlets_rounding_one_number_refine_not_contradict() -> None:
    rounded = claim("r", "a", "paid", 43e6, unit="USD", kind="money", subject="Acme Corp")
    exact = claim("e", "b", "paid", 43_885_310, unit="USD", kind="money", subject="Acme Corp")
    r = rel(rounded, exact)
    assert r is not None and r.kind == "refines" and r.from_ == "fe" and r.to == "fr"
    assert r.claims == ("e", "r") and "Acme Corp" in r.explanation
    about = claim("p", "a", "evacuated", 200, qualifier="approx", subject="residents", unit="residents")
    some = claim("q", "b", "evacuated", 210, subject="residents", unit="residents")
    assert kind(about, some) == "refines"
    # a round figure is a journalist's rounding, not a licence for any nearby number
    assert kind(claim("s", "a", "arrested", 3000), claim("t", "b", "arrested", 3500)) == "contradicts"


def test_a_true_update_needs_the_same_measure_at_a_later_day() -> None:
    monday = claim("m", "a", "killed", 112)
    wednesday = claim("w", "c", "killed", 131)
    r = rel(monday, wednesday)
    assert r is not None and r.kind == "updates" and (r.from_, r.to) == ("fw", "fm")
    assert "2024-03-06" in r.explanation and "2024-03-04" in r.explanation
    # a figure for a period is not updated by a figure for another period: two measures
    y2023 = claim("y1", "a", "earned", 5e9, unit="USD", kind="money", subject="Acme", measure="revenue",
                  when=("2023-01-01", "2023-12-31"))
    y2024 = claim("y2", "c", "earned", 6e9, unit="USD", kind="money", subject="Acme", measure="revenue",
                  when=("2024-01-01", "2024-12-31"))
    assert rel(y2023, y2024) is None


def test_a_true_contradiction_same_measure_same_day() -> None:
    police = claim("p", "a", "arrested", 12, subject="protesters", unit="protesters")
    organisers = claim("o", "b", "arrested", 30, subject="protesters", unit="protesters")
    r = rel(police, organisers)
    assert r is not None and r.kind == "contradicts" and r.claims == ("p", "o")
    assert "2024-03-04" in r.explanation and "protesters" in r.explanation


def test_one_speakers_running_toll_revised_on_one_day_is_no_contradiction() -> None:
    said = Attribution(source="Police", via=("one.example",), text="Police said")
    early = replace(claim("e", "a", "wounded", 12), attribution=said)
    late = replace(claim("l", "b", "wounded", 18), attribution=said)
    assert kind(early, late) is None
    # two speakers' figures for one day are still a dispute
    organisers = replace(claim("o", "b", "wounded", 18), attribution=Attribution(source="organisers", via=(), text="organisers said"))
    assert kind(early, organisers) == "contradicts"
    # and one speaker's figures of a count that does not run on (a sum paid) still contradict
    paid = replace(claim("p", "a", "paid", 12, unit="USD", kind="money", subject="Acme Corp"), attribution=said)
    paid_more = replace(claim("q", "b", "paid", 18, unit="USD", kind="money", subject="Acme Corp"), attribution=said)
    assert kind(paid, paid_more) == "contradicts"


def test_two_numbers_of_one_article_are_never_related() -> None:
    obama = claim("o", "a", "supported", 46, unit="%", kind="percent", subject="voters")
    romney = claim("r", "a", "supported", 41, unit="%", kind="percent", subject="voters")
    assert kind(obama, romney) is None
    # even when other outlets repeat each figure, the article that gives both keeps them apart
    again_o = claim("o2", "b", "supported", 46, unit="%", kind="percent", subject="voters")
    again_r = claim("r2", "d", "supported", 41, unit="%", kind="percent", subject="voters")
    f46 = Fact(id="f46", statement="46", claims=("o", "o2"), sources=(), outlets=(), status="corroborated")
    f41 = Fact(id="f41", statement="41", claims=("r", "r2"), sources=(), outlets=(), status="corroborated")
    assert relation(f46, f41, [obama, again_o], [romney, again_r], ARTICLES) is None


def test_an_article_dating_its_two_figures_apart_reports_an_update() -> None:
    now = claim("n", "c", "killed", 131, when=("2024-03-06", "2024-03-06"))
    before = claim("b", "c", "killed", 112, when=("2024-03-04", "2024-03-04"))
    elsewhere = claim("e", "a", "killed", 112)
    f131 = Fact(id="f131", statement="131", claims=("n",), sources=(), outlets=(), status="single_source")
    f112 = Fact(id="f112", statement="112", claims=("b", "e"), sources=(), outlets=(), status="corroborated")
    r = relation(f131, f112, [now], [elsewhere, before], ARTICLES)
    assert r is not None and r.kind == "updates" and r.from_ == "f131"


def test_a_poll_with_two_sides_and_complements() -> None:
    yes = claim("y", "a", "supported", 46, unit="%", kind="percent", subject="Smith")
    no = claim("n", "b", "supported", 41, unit="%", kind="percent", subject="Jones")
    assert rel(yes, no) is None  # two candidates' shares: two subjects
    cut = claim("c", "a", "cut", 23, unit="%", kind="percent", subject="pensions")
    kept = claim("k", "b", "cut", 77, unit="%", kind="percent", subject="pensions")
    assert kind(cut, kept) == "compatible"


def test_a_part_and_its_whole_or_an_unnamed_subject_are_not_compared() -> None:
    salary = claim("s", "a", "earned", 16_450, unit="USD", kind="money", subject="the senator", measure="salary")
    income = claim("i", "b", "earned", 14_959_450, unit="USD", kind="money", subject="the senator", measure="income")
    assert rel(salary, income) is None
    anon_a = claim("x", "a", "killed", 12, subject=None)
    anon_b = claim("y", "b", "killed", 30, subject=None)
    assert rel(anon_a, anon_b) is None
    other_unit = claim("u", "b", "killed", 30, unit="cattle", subject="people")
    assert rel(claim("v", "a", "killed", 12), other_unit) is None
    far_apart = claim("f", "b", "earned", 14_959_450, unit="USD", kind="money", subject="the senator")
    near = claim("g", "a", "earned", 16_450, unit="USD", kind="money", subject="the senator")
    assert rel(near, far_apart) is None  # orders apart on one day: two measures the claims could not tell apart


def test_relations_of_buckets_by_measure() -> None:
    claims = [claim("m", "a", "killed", 112), claim("w", "c", "killed", 131), claim("h", "b", "evacuated", 5000)]
    facts = [fact(c) for c in claims]
    rels = relations_of(facts, {fact(c).id: [c] for c in claims}, ARTICLES)
    assert [(r.kind, r.from_, r.to) for r in rels] == [("updates", "fw", "fm")]


def test_a_running_count_a_year_apart_or_a_bare_share_is_not_compared() -> None:
    then = claim("t", "a", "captured", 23, unit="pirates", subject="the navy", when=("2010-04-17", "2010-04-17"))
    now = claim("n", "c", "captured", 26, unit="pirates", subject="the navy", when=("2011-11-11", "2011-11-11"))
    assert rel(then, now) is None  # another capture, not a revised count
    poll = claim("p", "a", "said", 35, unit="percent", kind="percent", subject="percent")
    other = claim("q", "b", "said", 83.3, unit="percent", kind="percent", subject="percent")
    assert rel(poll, other) is None
    bare_a = claim("x", "a", "count", 35, unit="%", kind="percent", subject="voters")
    bare_b = claim("y", "b", "count", 83, unit="%", kind="percent", subject="voters")
    assert rel(bare_a, bare_b) is None


def test_two_rounded_figures_are_not_both_widened_and_small_shares_are_exact() -> None:
    dec = claim("d", "a", "rose", 7.1e9, unit="GBP", kind="money", subject="mortgage lending")
    jan = claim("j", "b", "rose", 7.2e9, unit="GBP", kind="money", subject="mortgage lending")
    assert kind(dec, jan) != "refines" and kind(dec, jan) != "compatible"
    small = claim("s", "a", "rose", 0.8, unit="%", kind="percent", subject="house prices")
    one = claim("o", "b", "rose", 1, unit="%", kind="percent", subject="house prices")
    assert kind(small, one) not in ("refines", "compatible")
    level = claim("l", "a", "closed", 51.15, unit="USD", kind="money", subject="oil", low=2.8, high=51.15)
    assert rel(level, claim("m", "b", "closed", 51.15, unit="USD", kind="money", subject="oil")) is None


def test_one_thing_described_in_two_reports_may_be_two_things() -> None:
    # "the game has sold more than 5 million copies" (Halo 2) and "the game sold more than 1 million" (GTA)
    halo = claim("h", "a", "sold", 5e6, unit="copies", subject="the game", qualifier="more_than")
    gta = claim("g", "c", "sold", 1e6, unit="copies", subject="the game", qualifier="more_than")
    assert rel(halo, gta) is None
    # named, the two reports do measure one thing
    assert rel(claim("x", "a", "sold", 5e6, unit="copies", subject="Halo 2", qualifier="more_than"),
               claim("y", "c", "sold", 1e6, unit="copies", subject="Halo 2", qualifier="more_than")) is not None
    # a measure ("the death toll") or a counted group ("residents") is what a story's numbers count
    assert rel(claim("t", "a", "rose", 112, subject="the death toll"), claim("u", "c", "rose", 131,
                                                                           subject="the death toll")) is not None


def test_a_count_over_a_window_does_not_contradict_one_without() -> None:
    """"arrested three times since October" against "arrested four times": two counts, not a dispute."""
    window = claim("w", "a", "arrested", 3, subject="Jo Smith", unit="times")
    window = Claim(**{**window.__dict__, "when": When(start=date(2023, 10, 1), end=None, text="since October")})
    ever = claim("e", "b", "arrested", 4, subject="Jo Smith", unit="times")
    assert kind(window, ever) != "contradicts"
    assert kind(claim("x", "a", "arrested", 3, subject="Jo Smith", unit="times"), ever) == "contradicts"


def test_a_number_inside_a_modifier_of_the_subject_is_not_the_subject_counted() -> None:
    """"40 to 70 percent of the buildings in seven villages were destroyed" does not count villages destroyed."""
    buildings = claim("v7", "a", "destroyed", 7, subject="percent of the buildings in seven villages", unit="villages")
    villages = claim("v4", "c", "destroyed", 4, subject="villages", unit="villages")
    assert rel(buildings, villages) is None


def _state(cid: str, art: str, predicate: str, subject: str | None, when: tuple[str, str], negated: bool = False) -> Claim:
    w = When(start=date.fromisoformat(when[0]), end=date.fromisoformat(when[1]), text="then")
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="event", predicate=predicate, subject=subject,
                 negated=negated, when=w)


def test_doing_and_not_doing_are_related_only_for_one_named_subject() -> None:
    idle = _state("s1", "a", "in_combat", "the rebel brigade", ("2024-02-01", "2024-02-10"), negated=True)
    back = _state("s2", "c", "redeployed", "the rebel brigade", ("2024-03-01", "2024-03-02"))
    r = rel(back, idle)
    assert r is not None and r.kind == "updates" and r.from_ == "fs2" and "the rebel brigade" in r.explanation
    assert "brigade were" not in r.explanation  # the explanation agrees with a singular subject
    # a redeployment that names no one ("preparations for the rotation") says nothing about the brigade
    assert rel(replace(back, subject=None), idle) is None
    assert rel(back, replace(idle, subject=None)) is None
    # nor does another actor's
    assert rel(replace(back, subject="the navy"), idle) is None


def test_a_figure_for_one_more_event_is_no_rival_reading() -> None:
    police = claim("p", "a", "killed", 30, subject="people", unit="people")
    said = ("12 were killed in a second blast", "another 12 people were killed")
    again, more = (replace(claim(i, "b", "killed", 12, subject="people", unit="people"), text=t, end=len(t))
                   for i, t in zip("sm", said, strict=True))
    assert kind(police, claim("o", "b", "killed", 12, subject="people", unit="people")) == "contradicts"
    assert rel(police, again) is None and rel(again, police) is None
    assert rel(police, more) is None
    # "a second" as a unit of time, "another" as a pronoun, mark no other event
    per_second = ("30 people were killed, two a second", "30 were killed here and another by the river")
    for t in per_second:
        same = replace(claim("t", "b", "killed", 30, subject="people", unit="people"), text=t, end=len(t))
        assert kind(police, same) == "compatible", t


def _said_in(cid: str, art: str, text: str, span: str, predicate: str, value: float, unit: str | None) -> tuple[Claim, Article]:
    start = text.index(span)
    c = replace(claim(cid, art, predicate, value, unit=unit, subject="people", qualifier="at_least"), text=span, start=start, end=start + len(span))
    return c, replace(article(art), text=text)


def test_a_figure_counting_another_outcome_is_not_compared() -> None:
    # ("12, 500 dead" is read as 12,500 by the claim stage: tests/test_quantities.py)
    # a flood of the story: 8 killed and at least 12 hurt; the 12 read as killed
    hurt = "Eight people were killed and at least 12 injured when the river burst its banks."
    wrong, a2 = _said_in("hurt", "b", hurt, "Eight people were killed and at least 12", "killed", 12, None)
    dead = "At least 12 people were killed when the river burst its banks, the mayor said."
    right, a3 = _said_in("dead", "c", dead, "At least 12 people were killed", "killed", 12, None)
    also, a4 = _said_in("also", "d", dead.replace("12", "14"), "At least 14 people were killed", "killed", 14, None)
    arts = {a.id: a for a in (a2, a3, a4)}
    assert relation(fact(wrong), fact(right), [wrong], [right], arts) is None
    # the figure its words give for the event itself is still compared ("killed" after the number)
    r = relation(fact(right), fact(also), [right], [also], arts)
    assert r is not None and r.kind == "refines"


def test_a_toll_followed_by_another_outcome_in_its_own_clause_is_still_compared() -> None:
    # "killed 12 people, injuring 30 others": the comma ends the 12's clause; the 30 are the injured
    blast = "The explosion at the mill killed 12 people, injuring 30 others, the fire service said."
    told, a1 = _said_in("mill", "a", blast, "The explosion at the mill killed 12 people", "killed", 12, None)
    other = "At least 14 people were killed in the mill explosion, the mayor said."
    more, a2 = _said_in("more", "b", other, "At least 14 people were killed", "killed", 14, None)
    assert relation(fact(told), fact(more), [told], [more], {a.id: a for a in (a1, a2)}) is not None


def test_a_toll_of_an_earlier_disaster_in_the_background_does_not_update_the_news() -> None:
    # a quake today with 4 dead; a later report recalls another town's quake of 1998 in its background
    news = "Four people were killed when the earthquake struck the valley on Sunday."
    today, a1 = _said_in("today", "a", news, "Four people were killed", "killed", 4, None)
    today = replace(today, quantity=replace(today.quantity, qualifier="exact", low=4, high=4))
    past = ("The valley lies on a fault line. In March 1998, the town of Orvel was flattened by a quake "
            "that left more than 2,000 people dead.")
    then, a2 = _said_in("then", "c", past, "that left more than 2,000 people dead", "killed", 2000, None)
    a2 = replace(article("c", "wed"), text=past)  # printed two days after the first report
    arts = {a.id: a for a in (a1, a2)}
    assert relation(fact(then), fact(today), [then], [today], arts) is None
    # the same sentence without the other year is the story's own toll, printed two days later
    now = "In the valley, the quake that struck on Sunday left more than 2,000 people dead."
    later, a3 = _said_in("later", "c", now, "that struck on Sunday left more than 2,000 people dead", "killed", 2000, None)
    a3 = replace(article("c", "wed"), text=now)
    r = relation(fact(later), fact(today), [later], [today], {a.id: a for a in (a1, a3)})
    assert r is not None and r.kind == "updates"
