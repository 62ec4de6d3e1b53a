"""How a claim reads its sentence: speech acts, hearsay, forecasts, what is only wanted or possible.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from claim_texts import all_triggered, claims_in, triggered
from consilience.records import Claim


def claims(text: str) -> list[Claim]:
    return claims_in(text, outlet="Harbour Gazette", article="r1")


def words(found: list[Claim]) -> set[str]:
    return {c.trigger.text for c in found if c.trigger is not None}


def test_an_agreement_to_act_is_an_event_and_citing_names_no_event() -> None:
    found = claims("Halvorsen Shipping agreed to buy the ferry operator for $40m, citing rising freight demand.")
    agreed = triggered(found, "agreed")
    assert not agreed.speech and agreed.attribution is None and agreed.modality == "asserted"
    buy = triggered(found, "buy")
    assert buy.subject == "Halvorsen Shipping" and buy.object != "Halvorsen Shipping" and buy.modality == "speculative"
    assert buy.attribution is None
    assert "citing" not in words(found)


def test_agreeing_that_something_is_so_is_still_said() -> None:
    found = claims("The two ministers agreed that the harbour tunnel had been badly built.")
    assert triggered(found, "agreed").speech


@pytest.mark.parametrize("text,trigger,subject", [
    ("The harbour master is said to have resigned on Monday.", "resigned", "harbour master"),
    ("The mayor is reported to have sold the land.", "sold", "mayor"),
    ("The ferry company reportedly cut 300 jobs.", "cut", "ferry company"),
])
def test_hearsay_is_reported_with_its_subject_and_no_speech_act(text: str, trigger: str, subject: str) -> None:
    found = claims(text)
    c = triggered(found, trigger)
    assert c.modality == "reported" and c.subject == subject
    assert not any(x.speech for x in found), "'is said to' is nobody's speech act"


def test_a_count_of_what_an_event_acts_on_measures_that_event() -> None:
    cut = triggered(claims("The ferry company reportedly cut 300 jobs."), "cut")
    assert cut.quantity is not None and cut.quantity.value == 300


@pytest.mark.parametrize("text,trigger,subject", [
    ("Freight volumes are forecast to grow 4% next year.", "grow", "Freight volumes"),
    ("The new bridge is expected to open in June.", "open", "new bridge"),
    ("Ticket prices could rise by 10%.", "rise", "Ticket prices"),
])
def test_forecasts_are_speculative_with_their_subject(text: str, trigger: str, subject: str) -> None:
    found = claims(text)
    c = triggered(found, trigger)
    assert c.modality == "speculative" and c.subject == subject
    assert not any(x.speech for x in found)


def test_an_event_noun_or_number_is_as_sure_as_the_verb_it_belongs_to() -> None:
    found = claims("The council will order the closure of the fish market. After his arrest, the captain "
                   "was released.")
    assert triggered(found, "closure").modality == "speculative"
    assert triggered(found, "arrest").modality == "asserted"
    saving = [c for c in claims("Under the plan, the average saving for a family would be more than $900.")
              if c.quantity is not None]
    assert saving and saving[0].modality == "speculative"


@pytest.mark.parametrize("text,noun", [
    ("The union may seek a strike ballot next month.", "ballot"),
    ("The council dismissed a merger with the port authority.", "merger"),
    ("The board is exploring the sale of its cargo arm.", "sale"),
    ("The minister put the vote off until March.", "vote"),
])
def test_an_event_only_sought_proposed_or_refused_is_no_claim_of_its_own(text: str, noun: str) -> None:
    assert noun not in words(claims(text))


@pytest.mark.parametrize("text,verb", [
    ("Visitors can book their own tours and take on guided walks.", "book"),
    ("The harbour should reflect the history of the town.", "reflect"),
])
def test_what_can_or_should_happen_is_no_claim(text: str, verb: str) -> None:
    assert verb not in words(claims(text))


def test_could_not_and_will_still_give_claims() -> None:
    found = claims("The port could not accept the tanker. The ferry will resume sailings on Friday.")
    assert triggered(found, "accept").negated and triggered(found, "resume").modality == "speculative"


def test_fixed_phrases_and_descriptions_are_no_events() -> None:
    found = claims("In support of the appeal, the club handed out free tickets for the first time. "
                   "The regatta has become a local phenomenon.")
    assert {"support", "time", "phenomenon"}.isdisjoint(words(found))
    assert "handed out" in words(found)


def test_a_number_of_nothing_in_no_event_is_no_claim() -> None:
    found = claims("Two guards stopped them as they tried to reach the five on the deck. The curfew starts at 2200 GMT.")
    assert all(c.quantity is None or c.quantity.value not in (5, 2200) for c in found)


def test_a_possessive_is_the_named_subject_of_its_own_clause() -> None:
    found = claims("Tomas Lind beat Karl Berg in Oslo. Lind later played down his victory.")
    assert triggered(found, "victory").subject == "Tomas Lind"


def test_the_n_year_old_is_the_person_the_text_is_about() -> None:
    found = claims("Greta Halloran won the regional final on Sunday. The 24-year-old, who has trained in Bergen, "
                   "thanked her coach.")
    assert triggered(found, "trained").subject == "Greta Halloran"


def test_a_public_body_is_not_whichever_organisation_came_last() -> None:
    found = claims("A Kestrel Research poll was published on Monday. It asked about the tax which the "
                   "government has chosen for next year.")
    chosen = triggered(found, "chosen")
    assert chosen.subject != "Kestrel Research" and "government" in (chosen.subject or "")


def test_a_share_of_people_is_no_subject_name() -> None:
    found = claims("Nearly 40% chose electric cars.")
    assert all(c.subject != "%" for c in found)


def test_a_participle_after_a_reported_clause_continues_it() -> None:
    found = claims("Cheaper fuel may have lifted sales in March, thus flattering the quarterly figures, analysts said.")
    flattering = triggered(found, "flattering")
    assert flattering.subject == "Cheaper fuel" and flattering.modality == "speculative"
    assert flattering.attribution is not None and flattering.attribution.source == "analysts"


def test_after_doing_something_is_done_by_the_clause_subject_and_not_negated_with_it() -> None:
    found = claims("The bakery did not reopen after losing its licence. The driver was arrested after fleeing the scene.")
    losing = triggered(found, "losing")
    assert losing.subject == "bakery" and not losing.negated and triggered(found, "reopen").negated
    assert triggered(found, "fleeing").subject == "driver"


def test_what_is_told_after_a_quotation_and_its_speech_verb_is_the_outlets() -> None:
    found = claims('"I never expected this," Ana Ruiz said, after receiving the prize from the mayor.')
    receiving = triggered(found, "receiving")
    assert receiving.attribution is None and receiving.modality == "asserted" and receiving.subject == "Ana Ruiz"


@pytest.mark.parametrize("text,word", [
    ("We always say the launch was a surprise.", "say"),
    ("The ferry usually docks at the north pier.", "docks"),
    ("The court agreed to move the hearing so the witness could attend.", "attend"),
])
def test_habits_and_aims_are_no_claims(text: str, word: str) -> None:
    assert word not in words(claims(text))


def test_a_hearsay_claim_holds_its_hedge_and_a_report_who_it_cites() -> None:
    text = "The harbour master is said to have resigned. The port will close, the agency reported, citing officials."
    found = claims(text)
    assert triggered(found, "resigned").text.startswith("The harbour master is said to")
    assert "citing officials" in triggered(found, "reported").text


def test_the_firm_is_no_paper_it_was_according_to_nor_a_statistics_office() -> None:
    found = claims("Sales rose 5% last year, according to figures from the Office for National Statistics. "
                   "The firm, according to the Harbour Times, will open three stores.")
    assert triggered(found, "open").subject == "firm"


def test_what_a_thing_is_designed_for_is_no_act_and_its_aim_is_speculative() -> None:
    found = claims("The vouchers are designed to let pensioners choose their own suppliers.")
    assert "designed" not in words(found)
    assert triggered(found, "choose").modality == "speculative"


def test_a_statement_told_from_the_hearers_side_is_the_named_speakers() -> None:
    found = claims('"Shareholders are advised that no offer has been made," Kessel Bank said.')
    assert "advised" not in words(found) and triggered(found, "said").speech
    found = claims("Residents were warned that the dam could burst.")
    assert triggered(found, "warned").speech


def test_a_time_of_a_participle_on_a_noun_dates_that_participle_only() -> None:
    found = claims("The council has chosen the question for the referendum, expected in 2027.")
    assert triggered(found, "chosen").when is None


def test_a_headline_runs_into_no_subject() -> None:
    found = claims("Shock As Local Mayor Resigns Over Expenses\n\nThe mayor resigned on Tuesday.")
    headline = all_triggered(found, "Resigns")
    assert headline and headline[0].subject is None
    assert triggered(claims("Harbour Chief Resigns Over Expenses"), "Resigns").subject == "Harbour Chief"


def test_what_a_pronoun_or_whose_owns_is_written_with_the_owners_name() -> None:
    found = claims("The singer Ana Perez, whose brother runs a bar, was arrested. Perez said her lawyer had filed an appeal.")
    assert triggered(found, "runs").subject == "Ana Perez's brother"
    assert triggered(found, "filed").subject == "Ana Perez's lawyer"


def test_hopes_to_is_a_plan_of_its_subject() -> None:
    sign = triggered(claims("Kessel Rovers hopes to sign the striker before Friday."), "sign")
    assert sign.modality == "speculative" and sign.subject == "Kessel Rovers"


def test_a_size_said_with_a_hyphen_measures_the_thing_not_the_event() -> None:
    granted = triggered(claims("She hopes she will be granted a place in the 32-strong squad."), "granted")
    assert granted.quantity is None
    arrested = triggered(claims("Police arrested a 40-strong gang in Leeds."), "arrested")
    assert arrested.quantity is not None and arrested.quantity.value == 40


@pytest.mark.parametrize("text,word", [
    ("The scheme lists builders who would compete for council contracts.", "compete"),
    ("Officials asked whether the bridge would reopen.", "reopen"),
])
def test_a_hypothesis_in_a_relative_clause_or_a_question_is_no_claim(text: str, word: str) -> None:
    assert word not in words(claims(text))


def test_would_under_a_speech_verb_is_a_forecast_claim() -> None:
    cut = triggered(claims("The brewer said it would cut 500 jobs."), "cut")
    assert cut.modality == "speculative" and cut.attribution is not None


def test_a_change_is_in_what_changed_and_not_in_the_survey_that_found_it() -> None:
    found = claims("Despite recording a price rise in March, the Kessel survey concluded that demand had slowed. "
                   "Figures showed a rise in unemployment.")
    rises = all_triggered(found, "rise")
    assert [c.subject for c in rises] == ["price", "unemployment"]


def test_an_attempt_is_a_claim_and_a_number_of_its_aim_is_not_its_count() -> None:
    found = claims("Two guards stopped them as they tried to reach the five men on the deck. Police tried to stop the van.")
    tried = all_triggered(found, "tried")
    assert len(tried) == 2 and all(c.quantity is None for c in tried)
    assert tried[1].subject == "Police" and "stop" not in words(found)


def test_only_when_is_a_condition_and_a_finite_clause_keeps_its_own_subject() -> None:
    found = claims("The minister said only when the harbour is dredged would trade recover.")
    assert "dredged" not in words(found)
    sold = triggered(claims("When the ferry firm was sold, 300 staff left."), "sold")
    assert sold.subject == "ferry firm"


def test_a_plan_told_as_a_noun_is_a_speculative_claim_of_whoever_made_it() -> None:
    found = claims("Kessel Foods announced plans to close two bakeries. Ministers made a pledge to cut fuel duty.")
    close, cut = triggered(found, "close"), triggered(found, "cut")
    assert close.subject == "Kessel Foods" and close.modality == "speculative"
    assert cut.subject == "Ministers" and cut.modality == "speculative"
    assert "help" not in words(claims("The council set up a fund to help flood victims."))


@pytest.mark.parametrize("text,word", [
    ("Ana Ruiz returns to the tour on Monday. She faces Dutch qualifier Eva Maas in the first round.", "faces"),
    ("The two brothers already face a criminal trial in Porto.", "trial"),
])
def test_what_someone_faces_lies_ahead(text: str, word: str) -> None:
    assert triggered(claims(text), word).modality == "speculative"


def test_what_someone_faced_is_told_as_it_stands() -> None:
    assert triggered(claims("Last year the club faced a points deduction."), "faced").modality == "asserted"


def test_what_someone_is_charged_with_is_the_charge_and_not_negated_by_avoiding() -> None:
    found = claims("The pair were charged with avoiding a drug test and then faking a car crash.")
    assert triggered(found, "charged").modality == "asserted"
    for word in ("avoiding", "faking"):
        assert triggered(found, word).modality == "reported", word
    assert not triggered(found, "faking").negated, "the faking is what they did, not what they avoided"
    ignoring = triggered(claims("Police accused the driver of ignoring a red light."), "ignoring")
    assert ignoring.modality == "reported"


def test_could_not_of_someone_else_in_what_was_said_is_a_judgement_of_what_will_be() -> None:
    found = claims("The party's campaign chief has denied a newspaper report claiming he told Anna Lind "
                   "the party could not win the election.")
    told = triggered(found, "told")
    assert told.attribution is not None and told.attribution.source == "newspaper report"
    win = triggered(found, "win")
    assert win.negated and win.modality == "speculative"
    assert win.attribution is None, "what 'he' told is his word, and who he is the text does not say"


def test_a_participle_of_saying_on_a_noun_is_no_source_of_the_sentence() -> None:
    found = claims("The party will test a poster showing the two leaders beside a blackboard.")
    assert triggered(found, "test").attribution is None


def test_an_event_figures_show_is_what_the_figures_tell() -> None:
    rise = triggered(claims("Official figures showed a sharp rise in unemployment."), "rise")
    assert rise.attribution is not None and rise.attribution.source == "Official figures"
    assert rise.modality == "reported"


def test_would_not_tell_is_a_refusal_stated_and_wont_is_an_intention() -> None:
    found = claims("The minister would not reveal whether she intended to stand again.")
    assert triggered(found, "reveal").modality == "asserted" and triggered(found, "reveal").negated
    found = claims("The club would not sell the striker, the manager insisted.")
    assert triggered(found, "sell").modality == "speculative"  # not a verb of telling: what will not be
    found = claims('"We won\'t be asking the league to review the tackle," the coach said.')
    assert triggered(found, "asking").modality == "speculative"  # "won't": an intention


def test_what_is_expected_urged_or_planned_for_is_speculative() -> None:
    assert triggered(claims("Most traders expect the levy to be scrapped."), "scrapped").modality == "speculative"
    found = claims("The mayor unveiled plans for a new library, funded by a local lottery.")
    assert triggered(found, "funded").modality == "speculative"
    found = claims("The mayor signed a deal for a new library, funded by a local lottery.")
    assert triggered(found, "funded").modality == "asserted"
    # a clause with a subject of its own under the plan tells what happened, not what is planned
    found = claims("The families renewed their call for an inquiry into the blaze that destroyed 40 homes.")
    assert triggered(found, "destroyed").modality == "asserted"


def test_be_to_is_a_plan_and_its_counted_subject_too_but_like_to_is_not() -> None:
    found = claims("The contractor and four site managers are to stand trial over the collapse.")
    assert all(c.modality == "speculative" for c in found if c.quantity is not None and c.quantity.value == 4)
    assert any(c.quantity is not None and c.quantity.value == 4 for c in found)
    found = claims('"People remember what it was like to pay 15% interest," the adviser said.')
    assert triggered(found, "pay").modality == "reported"


def test_a_no_that_is_quoted_leaves_the_speech_act_that_quotes_it_standing() -> None:
    found = claims("\"I asked the minister whether the bridge would close, and she told me 'certainly not',\" the engineer said.")
    assert not triggered(found, "told").negated


def test_a_not_beside_its_verb_still_negates_it() -> None:
    assert triggered(claims("The engineer did not tell the council about the crack."), "tell").negated


@pytest.mark.parametrize("text,trigger,direction", [
    ("The index closed 2.5% higher in Tokyo on Monday.", "closed", "rise"),
    ("Halvorsen's stock ended up $3 at $41 in New York.", "ended up", "rise"),
    ("Copper finished down $40 a tonne in London.", "finished", "fall"),
])
def test_a_closing_verb_with_a_direction_and_an_amount_is_the_rise_or_fall(text: str, trigger: str, direction: str) -> None:
    from consilience.lexicon.events import event_lexicon
    lex = event_lexicon()
    assert triggered(claims(text), trigger).predicate in {s.predicate for s in lex.senses(direction)}


def test_a_closing_verb_without_an_amount_keeps_its_own_class() -> None:
    assert triggered(claims("The festival finished on Sunday with a parade."), "finished").predicate == "completed"


def test_a_name_the_tagger_reads_as_a_modal_before_a_past_verb_hedges_nothing() -> None:
    found = claims('"The two of us had never played together before," May wrote on her blog.')
    assert triggered(found, "wrote on").modality == "asserted"


def test_a_participle_said_of_a_noun_in_what_someone_asked_to_do_is_the_outlets() -> None:
    found = claims("Lawyers for the airline have asked to see e-mails written by the former pilot.")
    written = triggered(found, "written")
    assert written.attribution is None and written.modality == "asserted"


@pytest.mark.parametrize("text,trigger", [
    ("Government troops are preparing for an assault on the northern port.", "assault"),
    ("The council is gearing up for a vote on the budget.", "vote"),
])
def test_what_someone_is_getting_ready_for_has_not_happened(text: str, trigger: str) -> None:
    assert triggered(claims(text), trigger).modality == "speculative"


def test_a_scare_quoted_verb_keeps_its_negation() -> None:
    found = claims("Auditors did not 'cover up' the shortfall at the museum, the inquiry found.")
    assert triggered(found, "cover up").negated
