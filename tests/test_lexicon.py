"""The shipped event lexicon (``data/events.json.gz``, built by ``tools/build_lexicon.py`` from WordNet):
an event noun is in the class of the verb sense WordNet derives it from, and only that sense's."""

from __future__ import annotations

import pytest

from consilience.lexicon.events import EventLexicon, event_lexicon
from consilience.lexicon.gazetteer import inflections, past_tense, third_person
from consilience.lexicon.saying import Said, says


def noun_predicate(word: str) -> str:
    senses = event_lexicon().noun_senses(word)
    assert senses, f"{word!r} is no event noun of the lexicon"
    return senses[0].predicate


def verb_predicate(word: str) -> str:
    sense = event_lexicon().best_sense(word, {})
    assert sense is not None, f"{word!r} is no verb of the lexicon"
    return sense.predicate


@pytest.mark.parametrize("noun, verb", [
    ("death", "die"),              # another word: only WordNet's derivational link joins them
    ("explosion", "explode"),
    ("arrest", "arrest"),
    ("resignation", "resign"),
    ("nomination", "nominate"),
    ("purchase", "buy"),           # "purchase" is derived from "purchase", a verb in the class of "buy"
])
def test_an_event_noun_is_in_the_class_of_its_verb(noun: str, verb: str) -> None:
    assert noun_predicate(noun) == verb_predicate(verb)


def test_a_fire_that_burns_is_no_shooting_and_no_firing_from_a_job() -> None:
    """The noun's most frequent sense (the event of something burning) is derived from "fire" as in
    "burn, destroy by fire": it joins burning, not "fire" as in "fire a gun" (the verb's most frequent
    sense) nor "fire an employee"."""
    lex = event_lexicon()
    fire = noun_predicate("fire")
    shooting = {s.predicate for s in lex.senses("fire") if s.lexname == "verb.competition"}
    dismissal = {s.predicate for s in lex.senses("fire") if s.lexname == "verb.social"}
    assert shooting and dismissal
    assert fire not in shooting | dismissal
    assert fire == lex.senses("burn")[0].predicate  # "burn": destroy by fire
    shooting_classes = {p.split(":")[0] for p in shooting | {s.predicate for s in lex.senses("shoot")}}
    assert {fire.split(":")[0], noun_predicate("blaze").split(":")[0]}.isdisjoint(shooting_classes)


def test_the_act_of_firing_weapons_is_still_the_shooting() -> None:
    """The noun's own second sense ("the act of firing weapons") is linked to the verb of shooting."""
    lex = event_lexicon()
    act = [s for s in lex.noun_senses("fire") if s.lexname == "noun.act"]
    assert act and act[0].predicate == verb_predicate("fire")


def test_a_noun_no_verb_names_is_its_own_event_even_when_a_verb_class_shares_its_spelling() -> None:
    """A class of its own is written with the noun itself ("earthquake"); a verb class of the same
    spelling is another event ("blaze": as a fire, not "blazed", shone brightly)."""
    data = {"classes": {"blaze": "blazed"}, "class_files": {"blaze": "verb.weather"}, "verbs": {}, "profiles": {},
            "nouns": {}, "event_nouns": {"blaze": [["blaze", "noun.event", 3, False]],
                                          "shining": [["blaze", "noun.act", 1, True]]}}
    lex = EventLexicon(data)
    assert lex.noun_senses("blaze")[0].predicate == "blaze"
    assert lex.noun_senses("shining")[0].predicate == "blazed"
    assert noun_predicate("earthquake") == "earthquake"


@pytest.mark.parametrize("noun, body", [
    ("administration", True),   # "the persons who make up a body for administering something"
    ("management", True),       # "those in charge of running a business"
    ("leadership", True),
    ("visit", False),           # its group sense is a meeting: a gathering is an event itself
    ("resignation", False),
    ("attack", False),
])
def test_an_event_noun_that_also_names_a_body_of_people_is_known(noun: str, body: bool) -> None:
    assert event_lexicon().names_a_body(noun) is body


@pytest.mark.parametrize("verb, said, saying", [
    ("say", None, True),          # the gazetteer lists it
    ("warn", None, True),         # its most frequent sense is one of communication
    ("agree", "infinitive", False),  # "agreed to buy" commits to an act
    ("recall", "clause", True),   # "recalled that ...": a rarer sense of saying, with what was said
    ("rise", "clause", False),    # no sense of saying at all
    ("close", None, False),       # some rare sense of saying, and nothing said
])
def test_one_test_tells_a_verb_of_saying(verb: str, said: Said | None, saying: bool) -> None:
    assert says(verb, said=said) is saying


@pytest.mark.parametrize("verb, s_form, past", [
    ("say", "says", "said"), ("testify", "testifies", "testified"), ("reply", "replies", "replied"),
    ("deny", "denies", "denied"), ("stress", "stresses", "stressed"), ("announce", "announces", "announced"),
    ("admit", "admits", "admitted"), ("ban", "bans", "banned"), ("visit", "visits", "visited"),
    ("vow", "vows", "vowed"), ("play", "plays", "played"),
])
def test_verb_forms_are_english(verb: str, s_form: str, past: str) -> None:
    assert (third_person(verb), past_tense(verb)) == (s_form, past)
    assert {s_form, past} <= inflections(verb)
