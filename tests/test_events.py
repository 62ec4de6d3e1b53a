"""One claim per event mention, with an open vocabulary: sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from claim_texts import all_triggered, triggered
from consilience.claims import claims_of
from consilience.claims.parse import parsed as parsed_docs
from consilience.records import Article, Claim, Published

DAY = Published(date=date(2024, 3, 6), earliest=date(2024, 3, 6), latest=date(2024, 3, 6), basis="metadata")


def claims(text: str, outlet: str | None = "Valley Courier", article: str = "t1") -> list[Claim]:
    a = Article(id=article, source=f"{article}.txt", text=text, outlet=outlet, published=DAY, language="en")
    return claims_of([a])[0]


def parsed_list(sentences: list[str]) -> list[Doc]:
    return list(parsed_docs(sentences))


def test_each_event_of_a_sentence_is_a_claim_of_its_own_clause() -> None:
    text = ("Inspectors closed the bakery on Monday, fined its owner $4,000 and reopened the shop on Friday, "
            "the city said.")
    found = claims(text)
    closed, fined, reopened = (triggered(found, w) for w in ("closed", "fined", "reopened"))
    for c in (closed, fined, reopened):
        assert text[c.start:c.end] == c.text and c.trigger is not None
        assert text[c.trigger.start:c.trigger.end] == c.trigger.text and c.start <= c.trigger.start < c.trigger.end <= c.end
    assert len({(c.start, c.end) for c in (closed, fined, reopened)}) == 3
    assert "fined" not in closed.text and "reopened" not in fined.text
    assert fined.quantity is not None and fined.quantity.value == 4000 and closed.quantity is None
    assert closed.when is not None and closed.when.start == date(2024, 3, 4)
    assert all(c.attribution is not None and c.attribution.source == "city" for c in (closed, fined, reopened))


@pytest.mark.parametrize("words", [
    ("The treasurer resigned on Tuesday.", "The treasurer stepped down on Tuesday.", "The treasurer quit on Tuesday."),
    ("Police arrested the driver on Sunday.", "Police took the driver into custody on Sunday."),
    ("The council passed the zoning bill.", "The council approved the zoning bill."),
])
def test_different_words_for_one_event_meet_in_one_class(words: tuple[str, ...]) -> None:
    predicates = {next(c.predicate for c in claims(w) if c.kind == "event" and not c.speech) for w in words}
    assert len(predicates) == 1, predicates


@pytest.mark.parametrize("text,trigger", [
    ("A grand jury indicted the mayor on Thursday.", "indicted"),
    ("The senator endorsed the governor for a second term.", "endorsed"),
    ("The shop owner pleaded guilty to two counts of fraud.", "pleaded"),
    ("The union voted to end the strike.", "voted"),
    ("The club fired its manager after the derby.", "fired"),
    ("The mayor's indictment was unsealed on Thursday.", "indictment"),
    ("His resignation surprised the board.", "resignation"),
])
def test_any_event_a_report_states_is_a_claim(text: str, trigger: str) -> None:
    c = triggered(claims(text), trigger)
    assert c.kind == "event" and c.predicate


def test_a_speech_act_is_a_claim_and_what_was_said_is_attributed_to_the_speaker() -> None:
    found = claims("The harbour master said that two trawlers collided near the breakwater.")
    said, collided = triggered(found, "said"), triggered(found, "collided")
    assert said.speech and said.subject == "harbour master"
    assert collided.attribution is not None and collided.attribution.source == "harbour master"
    assert collided.attribution.via == ("Valley Courier",) and collided.modality == "reported"
    for text, verb, content in [
        ("The minister denied that she had leaked the report.", "denied", "leaked"),
        ("Residents urged the council to rebuild the footbridge.", "urged", "rebuild"),
        ("The union warned that staff would walk out in May.", "warned", "walk"),
    ]:
        found = claims(text)
        speech, said_thing = triggered(found, verb), [c for c in found if c.trigger and c.trigger.text.startswith(content)][0]
        assert speech.speech and speech.subject
        assert said_thing.attribution is not None and said_thing.attribution.source == speech.subject


def test_what_is_urged_or_called_for_has_not_happened() -> None:
    found = claims("Residents urged the council to rebuild the footbridge.")
    assert triggered(found, "rebuild").modality == "speculative"
    assert triggered(found, "rebuild").subject == "council"


@pytest.mark.parametrize("verb,a,b", [
    ("fired", "The club fired its coach after the defeat.", "Soldiers fired shots at the convoy."),
    ("sent", "Rebels sent troops to the border town.", "The mayor sent a photo to the newspaper."),
    ("launched", "The navy launched a missile strike on the port.", "The company launched a new phone."),
])
def test_the_arguments_decide_the_sense(verb: str, a: str, b: str) -> None:
    assert triggered(claims(a), verb).predicate != triggered(claims(b), verb).predicate


def test_a_hazard_that_strikes_occurs_and_a_figure_of_speech_is_no_attack() -> None:
    quake = claims("A strong earthquake struck the mountain villages on Saturday.")
    assert triggered(quake, "struck").predicate == "occurred"
    assert not [c for c in claims("The editorial called the new law an attack on democracy.") if c.predicate == "attacked"]
    assert not [c for c in claims("The coach struck the right balance between youth and experience.")
                if c.trigger and c.trigger.text == "struck"]
    assert [c for c in claims("Gunmen attacked the police station on Saturday.") if c.predicate == "attacked"]


def test_subjects_and_objects_active_passive_and_resolved() -> None:
    found = claims("Two fishermen were rescued by the coast guard on Sunday.")
    rescued = triggered(found, "rescued")
    assert rescued.subject == "coast guard" and rescued.object == "fishermen"
    found = claims("Three hikers were rescued on Sunday.")
    assert triggered(found, "rescued").subject == "hikers"
    text = ("Maria Okafor, the mayor of Lindport, opened the bridge on Friday. She cut the ribbon herself. "
            "Harbor Freight Lines said it would add two ferries. The company hired 40 crew members.")
    found = claims(text)
    assert triggered(found, "cut").subject == "Maria Okafor" and triggered(found, "cut").subject_text == "She"
    assert triggered(found, "hired").subject == "Harbor Freight Lines"
    assert triggered(found, "hired").subject_text == "The company"


def test_a_relative_word_or_a_pronoun_is_never_a_subject() -> None:
    found = claims("The engineer who designed the dam resigned. They said it was safe.")
    assert triggered(found, "designed").subject == "engineer"
    assert all((c.subject or "").lower() not in ("who", "they", "it", "he", "she", "which") for c in found)
    said = triggered(found, "said")
    assert said.subject is None and said.subject_text == "They"


def test_a_title_resolves_to_the_person_who_holds_it() -> None:
    found = claims("President Ana Ruiz visited the flooded town on Monday. The president promised new levees.")
    assert triggered(found, "promised").subject == "Ana Ruiz"
    found = claims("Coach Liam Brandt was sacked on Monday. Brandt had lost nine games.")
    assert triggered(found, "lost").subject == "Liam Brandt"


def test_he_or_she_continues_the_person_the_text_is_about() -> None:
    text = ("Senator Dana Whitlock gave a speech in Harlow in which she praised Governor Ellen Marsh. "
            "In the speech, she backed new rail links.")
    assert triggered(claims(text), "backed").subject is None  # Whitlock or Marsh: not the last name named
    text = "Priya Nair, from Leeds in Yorkshire, described the award as a surprise, she said on Sunday."
    assert triggered(claims(text), "said").subject == "Priya Nair"
    found = claims("Judge Anna Reyes sentenced Tom Weller on Friday. He had pleaded guilty in May.")
    assert triggered(found, "pleaded").subject is None  # either of them: left open
    found = claims("Anna Reyes was attacked by Tom Weller at her home. He was arrested on Friday.")
    assert triggered(found, "arrested").subject == "Tom Weller"


def test_it_that_stands_for_nothing_is_no_organisation() -> None:
    found = claims("Norvik Bank posted a loss. On the radio it was put to Mr Hale that he had misled savers.")
    assert triggered(found, "put").subject is None
    found = claims("Norvik Bank posted a loss. It was bought by Hollis Group last year.")
    assert triggered(found, "bought").object == "Norvik Bank"
    found = claims("Norvik Bank posted a loss. It was forced to close 40 branches.")
    assert triggered(found, "close").subject == "Norvik Bank"


def test_a_clause_with_there_takes_no_subject_from_the_clause_before() -> None:
    found = claims("The regional council has clashed with the ministry and there have been accusations "
                   "that the process was unfair.")
    assert triggered(found, "accusations").subject is None


def test_a_relative_clause_on_a_description_of_a_name_is_about_the_name() -> None:
    found = claims("Harbor Lights, a documentary that leads the festival field with nine nominations, "
                   "opened in London on Friday.")
    assert triggered(found, "leads").subject == "Harbor Lights"


def test_what_an_uncertain_event_brings_about_is_as_uncertain() -> None:
    found = claims("The storm could hit the coast on Friday, killing dozens of people.")
    assert triggered(found, "killing").modality == "speculative"
    found = claims("The storm hit the coast on Friday, killing dozens of people.")
    assert triggered(found, "killing").modality == "asserted"


def test_a_number_that_describes_the_subject_measures_no_event() -> None:
    found = claims("Harbor Lights, a $7,000 film about dockers, won the top prize on Friday.")
    assert triggered(found, "won").quantity is None
    found = claims("The 12-member jury convicted Tom Weller on Friday.")
    assert triggered(found, "convicted").quantity is None
    found = claims("Two fishermen were rescued by the coast guard on Sunday.")
    assert triggered(found, "rescued").quantity is not None  # a count of those rescued
    found = claims("About 40% of voters backed the plan on Sunday.")
    assert triggered(found, "backed").quantity is not None
    found = claims("A $10bn aid package was approved by Congress on Friday.")
    assert triggered(found, "approved").quantity is not None


def test_a_change_told_without_a_verb_is_a_rise_or_a_fall() -> None:
    found = claims("Annual revenue at Halden Foods was 4bn euros, up 6.5% from 3.76bn euros in 2023.")
    change = next(c for c in found if c.quantity is not None and c.quantity.value == 6.5)
    assert change.predicate == claims("Revenue rose 6.5% last year.")[0].predicate
    before = next(c for c in found if c.quantity is not None and c.quantity.value == 3.76e9)
    assert before.predicate != change.predicate  # the figure it rose from is no rise


def test_a_word_known_only_as_a_noun_is_no_verb() -> None:
    found = claims("The Guild handed out bronze Tony statuettes during the war.")
    assert all(c.predicate != "statuette" for c in found)


def test_a_verb_that_drops_its_e_keeps_it_in_the_lemma() -> None:
    found = claims("Rail unions hoped the strike would end on Monday.")
    assert all(not c.predicate.startswith("hopped") for c in found)
    assert [t.lemma_ for t in parsed_list(["Rail unions hoped the strike would end."])[0] if t.text == "hoped"] == ["hope"]
    assert [t.lemma_ for t in parsed_list(["Hikers hopped on a train."])[0] if t.text == "hopped"] == ["hop"]


def test_a_speech_verb_that_says_nothing_attributes_nothing() -> None:
    found = claims("The Swiss franc had added 0.4% to break through the 1.10 level on Friday.")
    assert all(c.attribution is None for c in found)
    found = claims("Officers found the body of a hiker near Lindport on Sunday.")
    assert all(c.attribution is None for c in found)
    found = claims('"We will rebuild the pier by June," the mayor added.')
    assert triggered(found, "rebuild").attribution is not None
    found = claims("Ferry fares will rise in June, the harbour board added.")
    assert any(c.attribution is not None and c.attribution.source == "harbour board" for c in found)
    found = claims("Tom Weller, who wrote and directed the film, won the award on Sunday.")
    assert triggered(found, "won").attribution is None


def test_figures_or_a_report_speak_for_the_body_that_issued_them() -> None:
    found = claims("Ferry fares rose 4% in May, according to figures from the Lindport Harbour Board.")
    rose = triggered(found, "rose").attribution
    assert rose is not None and rose.source == "Lindport Harbour Board"
    found = claims("A report by the Halden Institute said that rents would fall.")
    fall = triggered(found, "fall").attribution
    assert fall is not None and fall.source == "Halden Institute"


def test_a_thing_that_cannot_speak_is_no_source() -> None:
    found = claims('Growth will slow, the ministry said. It blamed "continuing uncertainties that have shown '
                   'no sign of easing".')
    assert all(c.attribution is None or c.attribution.source == "ministry" for c in found)
    found = claims("Ferry fares rose 4% in May, the harbour board said.")
    assert triggered(found, "rose").attribution is not None
    found = claims("Norvik's profits fell. The bank said it would cut 500 jobs.")
    assert triggered(found, "cut").attribution is not None
    found = claims("The force said two men had been arrested after the stabbing.")
    assert triggered(found, "arrested").attribution is not None


def test_a_death_is_a_killing_only_in_violence_or_disaster() -> None:
    killed = claims("Two hikers were killed in the avalanche on Sunday.")[0].predicate
    assert triggered(claims("Twelve people died in the crash on Sunday."), "died").predicate == killed
    assert triggered(claims("The novelist Ines Calder died at her home on Tuesday."), "died").predicate != killed


def test_a_title_with_another_qualifier_is_someone_else() -> None:
    found = claims("Foreign Minister Ana Ruiz visited Paris on Monday. The prime minister promised new talks.")
    assert triggered(found, "promised").subject != "Ana Ruiz"
    found = claims("Foreign Minister Ana Ruiz visited Paris on Monday. The foreign minister promised new talks.")
    assert triggered(found, "promised").subject == "Ana Ruiz"


def test_first_person_inside_a_quote_is_the_speaker() -> None:
    found = claims('"I will not resign," Governor Tom Weller said on Friday.')
    resign = triggered(found, "resign")
    assert resign.negated and resign.subject == "Tom Weller" and resign.modality == "speculative"


def test_a_headline_in_title_case_gives_claims() -> None:
    found = claims("Mayor Resigns After Harbour Fraud Inquiry")
    assert any(c.predicate == "resigned" for c in found)


def test_claim_ids_are_unique_and_stable_over_repeated_sentences() -> None:
    text = "Police arrested two men. Police arrested two men.\nThe mayor said the bridge would reopen."
    first = claims(text, article="r1") + claims(text, article="r2")
    again = claims(text, article="r1") + claims(text, article="r2")
    ids = [c.id for c in first]
    assert len(ids) == len(set(ids)) and ids == [c.id for c in again]
    assert len([c for c in first if c.article == "r1" and c.predicate == "arrested"]) == 2


def test_what_was_said_is_the_speakers_and_what_is_told_around_it_is_not() -> None:
    found = claims('"I never expected to win," she said, after receiving the trophy from the mayor.')
    assert triggered(found, "receiving").attribution is None
    found = claims("Reports say the insurer, which owns a 3% stake in the exchange, may sell it.")
    assert triggered(found, "owns").attribution is None
    assert triggered(found, "sell").attribution is not None and triggered(found, "sell").modality == "speculative"
    found = claims("Ana Ruiz said they had rejected the plans the council put forward.")
    assert triggered(found, "put forward").attribution is not None


def test_a_quotation_that_runs_over_sentences_keeps_its_speaker() -> None:
    text = ('"We will rebuild the pier. The town has raised the money," said mayor Ana Ruiz. '
            "Crews arrived on Monday.")
    found = claims(text)
    assert triggered(found, "raised").attribution is not None
    assert triggered(found, "raised").attribution.source == "Ana Ruiz"
    assert triggered(found, "arrived").attribution is None


def test_could_not_is_a_refusal_stated_not_a_guess() -> None:
    found = claims("The regulator said it could not approve the merger.")
    approve = triggered(found, "approve")
    assert approve.negated and approve.modality == "reported"


@pytest.mark.parametrize("text, word", [
    ("Kettering have lost 12 of their 14 games under the new coach.", "lost"),
    ("Shares in the drug maker lost 70% on Monday.", "lost"),
    ("The airline suffered heavy losses in 2004.", "suffered"),
    ("Protesters invaded the stage during the speech.", "invaded"),
])
def test_a_number_or_a_verb_outside_war_keeps_its_own_sense(text: str, word: str) -> None:
    """The predicate table's military readings ("lost" a toll, "invaded" an attack) hold only beside
    their context words, for a number's event as for a verb's."""
    found = claims(text)
    assert found and all(c.predicate not in {"casualties", "killed", "attacked", "in_combat"} for c in found)


def test_lives_lost_are_still_a_toll() -> None:
    assert triggered(claims("At least 40 soldiers lost their lives in the ambush on Friday."), "lost").predicate == "casualties"


def test_a_death_noun_is_no_killing() -> None:
    found = claims("The novelist's death at the age of 91 was announced on Tuesday.")
    assert all(c.predicate != "killed" for c in found)


def test_a_verb_is_not_its_own_context() -> None:
    found = claims("The operator plans to charge a flat fee of $12 a month.")
    assert all(c.predicate != "charged" for c in found)
    assert triggered(claims("Police charged the driver with manslaughter on Monday."), "charged").predicate == "charged"


def test_a_bare_object_of_a_verb_phrase_is_no_event_of_its_own() -> None:
    found = claims("Ranieri first took charge of Valencia in 1997.")
    assert [c.predicate for c in found if c.trigger is not None] == ["took_charge"]


def test_fighting_outside_war_is_no_combat() -> None:
    found = claims("Analysts feared that the fighting between the two chief executives could destabilise the group.")
    assert all(c.predicate != "in_combat" for c in found)


@pytest.mark.parametrize("text,word", [
    ("Fire gutted the old mill on Sunday.", "Fire"),
    ("The warehouse was destroyed by fire overnight.", "fire"),
    ("The prisoner escaped during a transfer to another jail.", "transfer"),
    ("The union is in negotiations with the city.", "negotiations"),
    ("The administration of the vaccine began in March.", "administration"),  # names a body too, but acts on something
    ("Critics attacked the management of the flood defences last year.", "management"),
])
def test_an_event_noun_tied_to_an_occurrence_is_a_claim_of_its_own(text: str, word: str) -> None:
    found = claims(text)
    noun = triggered(found, word)
    assert noun.kind == "event" and noun.trigger is not None
    others = [c for c in found if c.id != noun.id and c.start <= noun.trigger.start and noun.trigger.end <= c.end]
    assert all(noun.end - noun.start < c.end - c.start for c in others)  # its own claim is the tightest around it


@pytest.mark.parametrize("text,word", [
    ("Air travel increased by almost 20% last year.", "travel"),
    ("Changes to the rules depressed prices in May.", "Changes"),
    ("Fire is a danger in dry summers.", "Fire"),
    ("The firm invested in roads.", "roads"),
    ("The visitors led until half-time on Saturday.", "time"),
    ("Any move to raise fees could pose a risk to the league.", "move"),
    ("The campaign was engaged in dirty tricks, the report said.", "tricks"),
    ("US growth outpaced every forecast last year.", "growth"),
    ("The Bush administration said on Thursday it would appeal.", "administration"),  # a body, not an act
    ("The management resigned after the vote.", "management"),
    ("Chelsea's defence collapsed in the second half.", "defence"),  # the team that defends
    ("The treaty was signed in 1987 by the administration of Ronald Reagan.", "administration"),
])
def test_an_event_noun_said_of_no_occurrence_is_no_claim(text: str, word: str) -> None:
    assert not all_triggered(claims(text), word)


def test_a_claim_reaches_its_date_but_not_over_another_verb() -> None:
    found = claims("The senator checked into a clinic to begin treatment, her aide said on Monday.")
    checked = triggered(found, "checked into")
    assert "begin" not in checked.text and checked.when is not None
    found = claims("In March, the ministry reported that the plant was preparing a second shipment.")
    preparing = triggered(found, "preparing")
    assert preparing.text.startswith("In March") and preparing.attribution is not None


def test_a_negation_of_the_clause_does_not_undo_the_event_noun_inside_it() -> None:
    fire = triggered(claims("No one was hurt in the fire at the depot on Friday."), "fire")
    assert not fire.negated
    found = claims("The frigate not only repulsed an attack on a tanker but also detained the crew.")
    assert not triggered(found, "repulsed").negated and not triggered(found, "attack").negated
    assert triggered(claims("Troops have not been seen in combat since January."), "combat").negated


def test_stopping_someone_to_win_negates_no_win() -> None:
    found = claims("Rivera stops Okafor to retain the national title.")
    assert not any(c.negated for c in found)
    assert all(c.negated for c in claims("The bakery ceased to trade in May.") if c.predicate.startswith("traded"))
