"""Event coreference inside a story (reconcile/coref.py), one rule a test: stories written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from consilience.reconcile.compare import (
    actors_compatible,
    described,
    descriptions_compatible,
    event_words,
    quantities_agree,
    said_words,
    same_saying,
    things_differ,
)
from consilience.reconcile.coref import (
    agentless_passive,
    anchors,
    candidate_buckets,
    compatible,
    grouped_claims,
    is_vague,
    linked,
)
from consilience.records import Claim, Quantity, Span, When


def _c(cid: str, art: str, predicate: str, subject: str | None = None, *, obj: str | None = None, text: str = "",
       value: float | None = None, day: str | None = None, where: str | None = None, speech: bool = False,
       negated: bool = False) -> Claim:
    q = Quantity(value=value, low=value, high=value, unit="people", qualifier="exact") if value is not None else None
    w = When(start=date.fromisoformat(day), end=date.fromisoformat(day), text=day) if day else None
    word = predicate.split(":")[0]
    text = text or word
    at = text.find(word)
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, kind="statement" if speech else "event",
                 predicate=predicate, subject=subject, object=obj, quantity=q, when=w, where=where, speech=speech,
                 negated=negated, trigger=Span(at, at + len(word), word) if at >= 0 else None)


def groups(*claims: Claim) -> list[set[str]]:
    return sorted(({c.id for c in g} for g in grouped_claims(claims)), key=sorted)


def test_a_bare_event_word_is_vague_and_joins_nothing() -> None:
    # "the fight" in two reports of one story may be two fights: nothing pins either down
    a, b = _c("a", "1", "fought"), _c("b", "2", "fought")
    assert is_vague(a) and is_vague(b)
    assert groups(a, b) == [{"a"}, {"b"}]
    assert not is_vague(_c("c", "1", "fought", "Klitschko"))


def test_a_shared_calendar_day_pins_one_event_of_one_class() -> None:
    assert groups(_c("a", "1", "shot:fire", day="2005-06-20"), _c("b", "2", "shot", day="2005-06-20")) \
        == [{"a", "b"}]
    # two days apart: two shootings
    assert groups(_c("a", "1", "shot", day="2005-06-20"), _c("b", "2", "shot", day="2005-06-23")) == [{"a"}, {"b"}]


def test_a_month_alone_joins_nothing() -> None:
    june = When(start=date(2005, 6, 1), end=date(2005, 6, 30), text="June", precision="month")
    a = Claim(id="a", article="1", start=0, end=1, text="x", kind="event", predicate="shot", when=june)
    b = Claim(id="b", article="2", start=0, end=1, text="x", kind="event", predicate="shot", when=june)
    link = linked(a, b)
    assert link is not None and link.anchors == {"time"} and not link.joins
    assert groups(a, b) == [{"a"}, {"b"}]


def test_related_classes_join_only_on_a_named_participant_and_something_else() -> None:
    # "escaped" and "fled" are related in WordNet: one event when the same man did both that day
    assert groups(_c("a", "1", "escaped", "Charles Thomas Sell", day="2009-11-30"),
                  _c("b", "2", "fled", "Sell", day="2009-11-30")) == [{"a", "b"}]
    # the same man alone is not enough: one actor does many related things in a story
    assert groups(_c("a", "1", "escaped", "Charles Thomas Sell"), _c("b", "2", "fled", "Sell")) == [{"a"}, {"b"}]
    # the same place is not enough for two different words
    assert groups(_c("a", "1", "escaped", where="Texas"), _c("b", "2", "fled", where="Texas")) == [{"a"}, {"b"}]
    # unrelated classes never meet, even with one subject
    assert len(candidate_buckets([_c("a", "1", "escaped", "Sell"), _c("b", "2", "married", "Sell")])) == 2
    # nor do related ones when each acts on something else: one man does many things in a story
    assert groups(_c("a", "1", "escaped", "Sell", obj="the county jail"),
                  _c("b", "2", "fled", "Sell", obj="the country")) == [{"a"}, {"b"}]


def test_what_was_acted_on_must_share_a_word_that_says_something() -> None:
    # "increases in funds for schools" and "the first round of a battle for access" share only "for"
    funds = _c("a", "1", "won", "David Blunkett", obj="big increases in funds for schools")
    court = _c("b", "2", "won", "David Blunkett", obj="the first round of a High Court battle for access")
    assert groups(funds, court) == [{"a"}, {"b"}]


def test_speech_acts_join_only_for_one_speaker_saying_the_same() -> None:
    buy = "Microsoft said it would buy Sybari Software, an antivirus maker"
    buy2 = "Microsoft said on Tuesday it would buy the antivirus maker Sybari Software"
    kit = "Microsoft said the new toolkit would be available next month"
    a = _c("a", "1", "said", "Microsoft", text=buy, speech=True)
    b = _c("b", "2", "said", "Microsoft", text=buy2, speech=True)
    c = _c("c", "3", "said", "Microsoft", text=kit, speech=True)
    assert same_saying(a, b) and not same_saying(a, c)
    assert groups(a, b, c) == [{"a", "b"}, {"c"}]
    # one saying, two speakers: two facts
    d = _c("d", "4", "said", "Google", text=buy.replace("Microsoft", "Google"), speech=True)
    assert not compatible(a, d)


def test_a_name_and_a_description_of_a_person_meet_but_not_a_description_of_a_thing() -> None:
    assert described("Tara Reid", "the actress") and not described("Turkmenistan", "the actress")
    assert groups(_c("a", "1", "entered", "Tara Reid", obj="Promises Treatment Center"),
                  _c("b", "2", "entered", "the actress", obj="Promises Treatment Center")) == [{"a", "b"}]
    # a person and a description of people, nothing else shared: maybe two people, so two events
    assert groups(_c("a", "1", "gathered", "Charlene Kafoury"), _c("b", "2", "gathered", "employees")) == [{"a"}, {"b"}]
    assert descriptions_compatible("the actress", "the party girl")
    assert not descriptions_compatible("a decision", "a new constitution")


def _phrasal(cid: str, art: str, text: str, trigger: str) -> Claim:
    at = text.index(trigger)
    return Claim(id=cid, article=art, start=0, end=len(text), text=text, kind="event", predicate="checked",
                 subject="Tara Reid", trigger=Span(at, at + len(trigger), trigger))


def test_a_verb_with_particles_of_opposite_direction_is_two_events() -> None:
    into = _phrasal("a", "1", "Tara Reid checked herself into a Malibu clinic", "checked herself into")
    again = _phrasal("b", "2", "Tara Reid has checked into the clinic", "checked into")
    out = _phrasal("c", "3", "Tara Reid checked out of the clinic", "checked out")
    assert groups(into, again) == [{"a", "b"}]
    assert not compatible(into, out) and {"a", "c"} not in groups(into, again, out)


def test_a_number_joins_an_event_without_one_but_two_that_disagree_never_share_a_group() -> None:
    a = _c("a", "1", "killed", "the gunman", value=12, where="Aurora")
    b = _c("b", "2", "killed", "the gunman", where="Aurora")
    c = _c("c", "3", "killed", "the gunman", value=70, where="Aurora")
    # b may be one event with either, but 12 and 70 dead cannot both be its toll: complete link keeps
    # them apart, and b goes with the first it links to most strongly
    assert not compatible(a, c) and compatible(a, b) and compatible(b, c)
    result = groups(a, b, c)
    assert len(result) == 2 and not any({"a", "c"} <= g for g in result)


def _counted(value: float, unit: str | None) -> Quantity:
    return Quantity(value=value, low=value, high=value, unit=unit, qualifier="exact")


def test_one_number_of_people_under_two_words_is_one_count() -> None:
    assert quantities_agree(_counted(23, "pirates"), _counted(23, "suspects"))
    assert not quantities_agree(_counted(3, "people"), _counted(3, None))  # "a further three are missing"
    assert quantities_agree(_counted(3, "people"), _counted(3, "workers"))
    assert not quantities_agree(_counted(23, "pirates"), _counted(26, "pirates"))  # two captures
    assert not quantities_agree(_counted(23, "boats"), _counted(23, "pirates"))  # boats are no people
    navy = Quantity(value=23, low=23, high=23, unit="suspects", qualifier="exact")
    a = _c("a", "1", "captured", "the Indian Navy", value=23)
    b = Claim(id="b", article="2", start=0, end=8, text="captured", kind="event", predicate="captured",
              subject="Indian Navy", quantity=navy)
    assert groups(a, b) == [{"a", "b"}]


def test_a_date_word_taken_for_a_unit_is_none() -> None:
    # "Williams dies at 91 June 6, 2013" and "dies at 91 6th June": the age, not 91 Junes
    assert quantities_agree(_counted(91, "june"), _counted(91, "6th"))
    assert quantities_agree(_counted(91, "PDT"), _counted(91, None))
    assert not quantities_agree(_counted(91, "june"), _counted(91, "people"))


def test_one_verb_in_two_tenses_is_one_word() -> None:
    died = Claim(id="a", article="1", start=0, end=4, text="died", kind="event", predicate="died",
                 subject="Esther Williams", trigger=Span(0, 4, "died"))
    dies = Claim(id="b", article="2", start=0, end=4, text="dies", kind="event", predicate="killed",
                 subject="Esther Williams", trigger=Span(0, 4, "dies"))
    assert event_words(died) & event_words(dies)  # the lexicon took "dies" for a killing: the word still meets
    assert groups(died, dies) == [{"a", "b"}]


@pytest.mark.parametrize(("a", "b"), [
    (_c("a", "1", "resigned", "Boehner"), _c("b", "2", "resigned", "Boehner", negated=True)),
    (_c("a", "1", "fired", "the club", obj="Mark Hughes"), _c("b", "2", "fired", "the club", obj="Roy Hodgson")),
    (_c("a", "1", "struck", "earthquake", day="2014-08-03"), _c("b", "2", "struck", "earthquake", day="2014-08-10")),
])
def test_what_rules_out_one_event(a: Claim, b: Claim) -> None:
    assert not compatible(a, b) and groups(a, b) == [{"a"}, {"b"}]


def test_groups_come_in_a_fixed_order_whatever_the_input_order() -> None:
    claims = [_c("a", "2", "resigned", "Boehner"), _c("b", "1", "resigned", "John Boehner"),
              _c("c", "1", "won", "Obama"), _c("d", "3", "won", "Barack Obama")]
    first = [[c.id for c in g] for g in grouped_claims(claims)]
    assert first == [[c.id for c in g] for g in grouped_claims(list(reversed(claims)))]
    assert first == [["b", "a"], ["c", "d"]]


def test_two_words_for_one_kind_of_actor_count_one_thing() -> None:
    def q(value: float, unit: str) -> Quantity:
        return Quantity(value=value, low=value, high=value, unit=unit, qualifier="approx")

    assert quantities_agree(q(11000, "troops"), q(11000, "soldiers"))
    assert not quantities_agree(q(11000, "troops"), q(11000, "dollars"))
    assert not quantities_agree(q(11000, "troops"), q(1000, "soldiers"))


def test_a_country_is_no_person_a_description_must_match() -> None:
    # "North Korean troops deployed" may be North Korea's deployment; "the actress" is no country
    assert actors_compatible("North Korea", "North Korean troops")
    assert not actors_compatible("Tara Reid", "troops")


def test_a_passive_and_an_active_report_meet_on_their_participant() -> None:
    assert groups(_c("a", "1", "fired:remove", "Maurice Cheeks"), _c("b", "2", "fired:remove", "the 76ers",
                                                                      obj="Maurice Cheeks")) == [{"a", "b"}]
    # but not across two related classes: "Page disappeared" is not "moved Page"
    assert groups(_c("a", "1", "escaped", "Charles Sell"), _c("b", "2", "fled", obj="Charles Sell")) == [{"a"}, {"b"}]


def test_a_bare_mention_joins_the_one_event_of_its_word_its_article_pins_down() -> None:
    pinned = [_c("a", "1", "shot", "Ian Stawicki", day="2012-05-30"), _c("b", "2", "shot", "Stawicki")]
    bare = _c("c", "1", "shot")
    assert groups(*pinned, bare) == [{"a", "b", "c"}]
    # two shootings reported in its article: either could be meant, so it stays alone
    other = _c("d", "1", "shot", "Mark Hughes", day="2012-05-30")
    assert groups(*pinned, other, bare) == [{"a", "b"}, {"c"}, {"d"}]
    # another article's shooting is not its antecedent
    assert groups(*pinned, _c("e", "3", "shot")) == [{"a", "b"}, {"e"}]


def test_a_description_marked_as_another_one_is_not_the_first() -> None:
    assert groups(_c("a", "1", "jolted", "the quake", where="Qeshm"), _c("b", "2", "jolted", "a second quake",
                                                                           where="Qeshm")) == [{"a"}, {"b"}]
    assert not actors_compatible("another man", "a man") and actors_compatible("a second quake", "the second quake")
    assert groups(_c("a", "1", "jolted", "the quake", where="Qeshm"), _c("b", "2", "jolted", "quake",
                                                                           where="Qeshm")) == [{"a", "b"}]


def test_two_sayings_sharing_only_a_role_word_and_a_modal_are_two() -> None:
    remark = 'If the law allowed more I could give you more, I would," the judge said'
    ruling = "Judge Ann Ortiz said jurors could hear the tape again during their deliberations"
    a = _c("a", "1", "said", "Ann Ortiz", text=remark, speech=True)
    b = _c("b", "2", "said", "Ann Ortiz", text=ruling, speech=True)
    assert not same_saying(a, b)
    assert groups(a, b) == [{"a"}, {"b"}]


def test_two_numbers_that_can_both_hold_are_no_anchor_unless_they_are_one_number() -> None:
    # "about 5%" of one economy and "about 6%" of another: compatible numbers, not one figure
    a = _c("a", "1", "accounted", value=5.0, text="accounted")
    b = _c("b", "2", "accounted", value=5.5, text="accounted")
    assert "number" not in anchors(a, b) and groups(a, b) == [{"a"}, {"b"}]
    rounded = _c("c", "3", "accounted", value=5.0, text="accounted")
    assert "number" in anchors(a, rounded) and groups(a, rounded) == [{"a", "c"}]


def test_two_sayings_sharing_one_content_word_are_two() -> None:
    a = _c("a", "1", "said", "Ada Moss", text="Ada Moss said states had to work with the US", speech=True)
    b = _c("b", "2", "said", "Ada Moss", text="Ada Moss said the president was keen to work with allies", speech=True)
    assert not same_saying(a, b)


def _said(cid: str, art: str, predicate: str, subject: str | None, text: str, trigger: str, day: str | None = None) -> Claim:
    """A claim of ``text`` whose event word is ``trigger`` (as written in it)."""
    at = text.index(trigger)
    base = _c(cid, art, predicate, subject, text=text, day=day)
    return replace(base, trigger=Span(at, at + len(trigger), trigger))


def test_the_subject_alone_joins_only_reports_whose_other_words_meet() -> None:
    # a tennis story: one player says two things about playing; nothing but the player is shared
    tennis = _said("a", "1", "played", "Marat Safin", "I couldn't play tennis", "play")
    grass = _said("b", "2", "played", "Marat Safin", "Me, I can't play on grass", "play")
    assert groups(tennis, grass) == [{"a"}, {"b"}]
    # a sports story: two races of the men's event, one of them the 200m
    assert groups(_said("a", "1", "raced", "men's", "the men's 200m race", "race"),
                  _said("b", "2", "raced", "men's", "The men's race was won by a Swede", "race")) == [{"a"}, {"b"}]
    # a business story: two reports of one bid share a word beyond the bidder and the word "bid"
    cash = _said("a", "1", "bid", "Deutsche Boerse", "Deutsche Boerse will make an all cash bid", "bid")
    assert groups(cash, _said("b", "2", "bid", "Deutsche Boerse", "Deutsche Boerse plans a cash bid", "bid")) \
        == [{"a", "b"}]
    # one report says nothing beyond the actor and the event: no sign of two events
    assert groups(cash, _said("b", "2", "bid", "Deutsche Boerse", "its bid", "bid")) == [{"a", "b"}]
    # another anchor than the subject (the day) needs no shared word
    assert groups(_said("a", "1", "played", "Marat Safin", "I couldn't play tennis", "play", day="2005-01-30"),
                  _said("b", "2", "played", "Marat Safin", "Me, I can't play on grass", "play", day="2005-01-30")) \
        == [{"a", "b"}]


def test_a_possessive_is_the_word_it_marks() -> None:
    # "the men's 200m race" of the men's says only "200m" beyond its subject and event word
    assert said_words(_said("a", "1", "raced", "men's", "the men's 200m race", "race")) == {"200m"}


def test_the_place_alone_joins_only_reports_whose_other_words_meet() -> None:
    # a rugby match in Dublin: two tries, the place the only thing shared
    first = _said("a", "1", "tried", None, "a try from Federico Aramburu", "try")
    captain = _said("b", "2", "tried", None, "A second-half try from captain Brian O'Driscoll", "try")
    assert groups(replace(first, where="Dublin"), replace(captain, where="Dublin")) == [{"a"}, {"b"}]
    # two reports of one protest share what it was against
    march = _said("a", "1", "protested", None, "protests in Athens against new austerity measures", "protests")
    rally = _said("b", "2", "protested", None, "protesting against government austerity measures", "protesting")
    assert groups(replace(march, where="Athens"), replace(rally, where="Athens")) == [{"a", "b"}]


def test_a_definite_bare_mention_with_no_event_in_its_article_is_the_storys_most_reported_one() -> None:
    pinned = [_c("a", "1", "burned", where="Wellington", day="2013-07-21"),
              _c("b", "2", "burned", where="Wellington", day="2013-07-21")]
    the_fire = _c("c", "3", "burned", text="the fire")
    the_fire = replace(the_fire, trigger=Span(4, 8, "fire"))
    assert groups(*pinned, the_fire) == [{"a", "b", "c"}]
    # an indefinite one introduces an event: it may be another fire
    a_fire = replace(the_fire, text="a fire", end=6, trigger=Span(2, 6, "fire"))
    assert groups(*pinned, a_fire) == [{"a", "b"}, {"c"}]
    # two fires reported as widely: either could be meant
    other = [_c("d", "4", "burned", where="Taunton", day="2013-07-25"), _c("e", "5", "burned", where="Taunton",
                                                                          day="2013-07-25")]
    assert groups(*pinned, *other, the_fire) == [{"a", "b"}, {"c"}, {"d", "e"}]
    # a fire only one article reports is no story's event
    assert groups(pinned[0], the_fire) == [{"a"}, {"c"}]


def test_a_passive_with_no_agent_meets_the_active_report_that_names_who_did_it() -> None:
    fired = _c("a", "1", "fired:remove", "Jim O'Brien", text="Jim O'Brien was fired on Monday")
    active = _c("b", "2", "fired:remove", "Billy King", obj="Jim O'Brien",
                text="Billy King fired Jim O'Brien")
    assert groups(fired, active) == [{"a", "b"}]
    # an active report with no object names who acted, not who it befell ("O'Brien fired on Monday")
    acting = _c("a", "1", "fired:remove", "Jim O'Brien", text="Jim O'Brien fired on Monday")
    assert groups(acting, active) == [{"a"}, {"b"}]
    # nor does a passive with its agent: "by" names who did it
    by = _c("a", "1", "fired:remove", "Jim O'Brien", text="Jim O'Brien was fired by the board")
    assert groups(by, active) == [{"a"}, {"b"}]
    # nor is "was firing" a passive: a form of "be" before an "-ing" trigger is the progressive
    firing = _c("a", "1", "fired:remove", "Jim O'Brien", text="Jim O'Brien was firing")
    firing = replace(firing, trigger=Span(16, 22, "firing"))
    assert agentless_passive(replace(firing, text="Jim O'Brien was fired", end=21, trigger=Span(16, 21, "fired")))
    assert not agentless_passive(firing)
    assert groups(firing, active) == [{"a"}, {"b"}]


def test_one_of_a_kind_is_not_a_count_of_several_of_it() -> None:
    # "a man was detained" and "three men were detained": two events (or two tallies), though the first has no number
    several = _c("a", "1", "detained", "men", value=3, text="three men were detained")
    several = replace(several, quantity=_counted(3, "men"))
    one = _c("b", "2", "detained", "man", text="a man was detained on Sunday")
    assert not compatible(one, several) and not compatible(several, one)
    crowd = _c("c", "3", "detained", "people", value=40, text="40 people were detained")
    person = _c("d", "4", "detained", "person", text="one person was detained")
    assert not compatible(person, crowd)
    # a singular word that names no single one ("the crew") and an unmarked description still may
    assert compatible(_c("e", "5", "detained", "crew", text="the crew was detained"),
                      replace(_c("f", "6", "detained", "crew members", value=12), quantity=_counted(12, "crew members")))
    assert compatible(_c("g", "7", "detained", "men", text="the men were detained"), several)
    # the number counts the men, not the officers who held them
    from consilience.reconcile.compare import one_of_what_is_counted
    held = replace(_c("h", "8", "detained", "officers", obj="men", value=3), quantity=_counted(3, "men"))
    assert not one_of_what_is_counted(_c("i", "9", "detained", "an officer", obj="the men",
                                         text="an officer detained the men"), held)
    assert one_of_what_is_counted(_c("j", "10", "detained", "officers", obj="a man",
                                     text="officers detained a man"), held)


def test_an_event_marked_as_another_one_or_owned_by_another_weekday_is_two_events() -> None:
    first = _c("a", "1", "shot", "a gunman", text="a gunman shot a clerk", where="Dayton")
    again = _c("b", "2", "shot", None, text="the suspect in the previous day's shooting", where="Dayton")
    again = replace(again, trigger=Span(again.text.index("shooting"), len(again.text), "shooting"))
    assert not compatible(first, again)
    assert compatible(first, _c("c", "3", "shot", None, text="the shooting", where="Dayton"))
    wed = _c("d", "4", "lost", None, text="Wednesday's home loss to Boston", where="Boston")
    fri = _c("e", "5", "lost", None, text="Friday night's 90-80 loss in Boston", where="Boston")
    wed, fri = (replace(c, trigger=Span(c.text.index("loss"), c.text.index("loss") + 4, "loss")) for c in (wed, fri))
    assert not compatible(wed, fri) and groups(wed, fri) == [{"d"}, {"e"}]
    # an adverb before a verb marks no other event, nor do a speech act's quoted words
    later = _c("f", "6", "arrested", "the driver", text="the driver was later arrested")
    assert compatible(later, _c("g", "7", "arrested", "the driver", text="the driver was arrested"))
    # two reports both marking the event as one more ("a second quake", "another quake") may tell the same one
    second = _c("j", "10", "struck", "a quake", text="a second quake struck", where="Tolu")
    another = _c("k", "11", "struck", "a quake", text="another quake struck", where="Tolu")
    assert compatible(second, another)
    said = _c("h", "8", "said", "Ann Lee", text='"my second time," Ann Lee said', speech=True)
    assert compatible(said, _c("i", "9", "said", "Ann Lee", text='"my second time," Lee said', speech=True))


def test_one_actor_doing_one_verb_to_two_things_is_two_events() -> None:
    # a mayor's two announcements in one speech share "school" in their objects, but not the thing
    pool = _c("a", "1", "announced", "Maria Okafor", obj="a new school swimming pool",
              text="Maria Okafor announced a new school swimming pool")
    meals = _c("b", "2", "announced", "Maria Okafor", obj="free school meals for infants",
               text="The mayor Maria Okafor also announced free school meals for infants")
    assert groups(pool, meals) == [{"a"}, {"b"}]
    # the same thing told by another outlet in other words stays one event
    pool2 = _c("c", "3", "announced", "Okafor", obj="new school swimming pool",
               text="Okafor announced plans for a new school swimming pool on Monday")
    assert groups(pool, pool2) == [{"a", "c"}]
    # "life" and "a life sentence for fraud": one noun names the other thing
    assert not things_differ("life", "a life sentence for fraud")
    assert things_differ("a rise in the fuel duty", "a refund for drivers")
    assert not things_differ("the old colour scheme", "the old color scheme")


def test_one_percentage_of_two_different_groups_is_two_figures() -> None:
    def pct(cid: str, art: str, measure: str) -> Claim:
        q = Quantity(value=75.0, low=75.0, high=75.0, unit="percent", qualifier="exact", kind="percent",
                     measure=measure)
        return replace(_c(cid, art, "count", measure, day="2011-03-06"), quantity=q)

    assert groups(pct("a", "1", "registered voters"), pct("b", "2", "the candidates")) == [{"a"}, {"b"}]
    assert groups(pct("a", "1", "registered voters"), pct("c", "3", "voters")) == [{"a", "c"}]


def test_one_number_alone_does_not_join_two_places() -> None:
    def noms(cid: str, art: str, where: str) -> Claim:
        return replace(_c(cid, art, "nominated", where=where, text="nine nominations"), quantity=_counted(9, "nominations"))

    assert groups(noms("a", "1", "Lisbon"), noms("b", "2", "Oslo")) == [{"a"}, {"b"}]
    assert groups(noms("a", "1", "Lisbon"), noms("c", "3", "Lisbon")) == [{"a", "c"}]
    assert groups(noms("a", "1", "Lisbon"), noms("d", "4", "Lisbon Arena")) == [{"a", "d"}]


def test_a_bare_infinitive_reports_no_event() -> None:
    bare = _c("a", "1", "hit", "Dario Costa", text="to hit")
    assert is_vague(bare)
    assert groups(bare, _c("b", "2", "hit", "Dario Costa", obj="canvas", text="Costa hit the canvas")) == [{"a"}, {"b"}]


def test_one_event_told_by_three_outlets_in_their_own_words_stays_one() -> None:
    a = _c("a", "1", "approved", "Harbury council", obj="a new bus depot", day="2024-05-14",
           text="Harbury council approved a new bus depot on Tuesday")
    b = _c("b", "2", "approved", "Harbury Council", obj="the bus depot", where="Harbury",
           text="Harbury Council has approved the bus depot after a long row")
    c = _c("c", "3", "approved", "council", obj="bus depot", day="2024-05-14",
           text="The depot for buses was approved by the council late on Tuesday")
    assert groups(a, b, c) == [{"a", "b", "c"}]
