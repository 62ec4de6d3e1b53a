"""Who a claim is by and whose word it is, on sentences written for these tests: subjects from the
parse and from the sentences before, quotations that run on, and what is only hoped or planned."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claim_texts import all_triggered, claims_in, triggered
from consilience.claims.arguments import arguments_of
from consilience.claims.entities import quote_state
from consilience.claims.parse import parsed
from consilience.claims.syntax import clause_subject
from consilience.records import Claim


def claims(text: str) -> list[Claim]:
    return claims_in(text, outlet="Valley Courier", article="s1")


@pytest.mark.parametrize("text,still_open", [
    ('"We did not plan this. "We never sold tickets we did not have."', False),
    ('"We did not plan this. "We never sold tickets', True),
    ('He called the plan "a fraud". The council voted', False),
    ('She said:"It will rain."Then it did', False),
])
def test_a_quotation_that_opens_again_for_its_next_sentence_still_closes(text: str, still_open: bool) -> None:
    doc = next(iter(parsed([text])))
    assert quote_state(doc, len(doc)) is still_open


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    text = ('"The bridge is safe," said the engineer Tomas Welk. "Nobody was ever at risk.\n\n'
            'The council closed the bridge on Friday.')
    closed = triggered(claims(text), "closed")
    assert closed.attribution is None


def test_he_in_the_speakers_own_words_is_not_the_speaker() -> None:
    text = '"Peter Walsh was the finest tenor of his day, and because he died young, few remember him," said Lena Ortiz.'
    died = triggered(claims(text), "died")
    assert died.subject == "Peter Walsh" and died.attribution is not None and died.attribution.source == "Lena Ortiz"


def test_it_is_not_the_reports_a_claim_is_according_to() -> None:
    text = ("The regulator tightened its rules. It has barred most foreign lenders from the market, "
            "according to reports.")
    barred = triggered(claims(text), "barred")
    assert barred.subject != "reports" and barred.attribution is not None and barred.attribution.source == "reports"


@pytest.mark.parametrize("text,trigger,subject", [
    ("Councillor Dana Pike was quoted in the Evening Post saying the depot would close.", "saying", "Dana Pike"),
    ("Olek Marsh was advised to declare the shares and said he had done nothing wrong.", "said", "Olek Marsh"),
])
def test_what_the_subject_of_an_agentless_passive_does_next_is_theirs(text: str, trigger: str, subject: str) -> None:
    assert triggered(claims(text), trigger).subject == subject


def test_by_a_means_is_no_agent() -> None:
    scanned = triggered(claims("So far 12,400 parcels have been scanned by bar code at the depot."), "scanned")
    assert scanned.subject != "bar code"
    checked = triggered(claims("The parcels were checked by customs officers at the depot."), "checked")
    assert checked.subject == "customs officers"


def test_who_is_able_or_slow_to_do_it_does_it_and_would_makes_it_speculative() -> None:
    found = claims("Sarah Collins injured her ankle in May. It was hoped she would be able to race this summer, "
                   "but the ankle has been slow to heal.")
    race = triggered(found, "race")
    assert race.subject == "Sarah Collins" and race.modality == "speculative"
    heal = triggered(found, "heal")
    assert heal.subject == "ankle" and heal.modality == "asserted"


def test_the_company_is_the_one_the_text_was_about_not_the_last_one_named() -> None:
    text = ("Northgate Telecom has hotspots in stores run by Tesco and in the Bexley Mall. "
            "The company is due to launch a service on coaches later in the year.")
    launch = triggered(claims(text), "launch")
    assert launch.subject == "Northgate Telecom" and launch.modality == "speculative"


def test_a_speech_act_inside_a_quotation_is_the_speakers_word() -> None:
    text = ('Ruth Adeyemi said the club was calm. "He is a fine player, and we will not be asking the league '
            'to review the tackle."')
    asking = triggered(claims(text), "asking")
    assert asking.speech and asking.attribution is not None and asking.attribution.source == "Ruth Adeyemi"


def test_coordinated_measures_before_a_role_are_one_speaker() -> None:
    text = ('Ana Sorel broke two records last year. "Nobody has beaten her this year," the world 200m and 400m '
            'record holder told Radio Nord.')
    beaten = triggered(claims(text), "beaten")
    assert beaten.attribution is not None and " and " not in beaten.attribution.source


@pytest.mark.parametrize("text,word", [
    ("The new ferry goes into service on Thursday.", "goes into"),
    ("The winners are announced on 4 March.", "announced"),
])
def test_a_simple_present_with_a_date_is_a_schedule(text: str, word: str) -> None:
    assert triggered(claims(text), word).modality == "speculative"


@pytest.mark.parametrize("text,word", [
    ("When the partners split in December, the firm closed.", "split"),
    ("The market opens every Monday.", "opens"),
    ("The ferry sailed on Thursday.", "sailed"),
])
def test_a_past_form_a_habit_or_a_past_tense_is_no_schedule(text: str, word: str) -> None:
    assert triggered(claims(text), word).modality != "speculative"


def test_what_is_according_to_projections_is_speculative() -> None:
    found = claims("According to some projections, container traffic at the port grows by half within a decade.")
    doubles = triggered(found, "grows")
    assert doubles.modality == "speculative" and doubles.attribution is not None
    found = claims("According to port figures, container traffic grew by half within a decade.")
    assert triggered(found, "grew").modality == "reported"


def test_a_speech_act_beside_another_is_its_own() -> None:
    found = claims("Small harbours can be cheaper, said Mr Ortega, but the audit revealed that fees had doubled.")
    revealed = triggered(found, "revealed")
    assert revealed.attribution is None and revealed.modality == "asserted"


def test_an_opening_mark_left_at_the_end_of_a_sentence_opens_the_next() -> None:
    doc = next(iter(parsed(['Trade needs calm more than anything. "'])))
    doc.user_data["quote_open"] = True  # inside a quotation that goes on into the next sentence
    assert quote_state(doc, len(doc)) is True


def test_we_in_a_quotation_that_goes_on_is_the_speaker() -> None:
    text = ('Sir Roland Pike, head of the Builders Guild, added: "I doubt it. Calm is what trade needs. '
            '"We would tell the minister to cut his spending.')
    tell = triggered(claims(text), "tell")
    assert tell.subject == "Roland Pike" and tell.attribution is not None


def test_she_goes_on_meaning_whom_the_last_she_meant() -> None:
    text = ('Mira Castell won the title in 2002. Her career has been hit by injuries since. '
            'She missed the whole of 2003. She returned in the spring. She reached two finals. '
            'She was due to play in Perth this week but decided to rest her knee. '
            '"My knee needed the rest," she said.')
    said = triggered(claims(text), "said")
    assert said.subject == "Mira Castell"


def test_he_is_not_a_woman_the_text_called_she() -> None:
    text = ("Jane Orme divorced her husband, Edward Vance, in 1801. A maid, Amelia Stott, told how Vance "
            "passed by her on the way to the room where she had put her mistress to bed. He had already fled abroad.")
    found = claims(text)
    assert triggered(found, "put").subject == "Amelia Stott"
    assert triggered(found, "fled").subject == "Edward Vance"


def test_quoted_in_a_paper_is_the_papers_act_and_the_saying_is_the_speakers() -> None:
    found = claims("The mayor was quoted in the Evening Post as saying he would resign.")
    assert triggered(found, "quoted").subject == "Evening Post"
    assert triggered(found, "saying").subject == "mayor"
    assert triggered(claims("The mayor was interviewed in London on Monday."), "interviewed").subject == "mayor"


def test_what_the_patient_of_a_passive_with_an_agent_does_next_is_still_theirs() -> None:
    fleeing = triggered(claims("Two men were arrested by police after fleeing the scene."), "fleeing")
    assert fleeing.subject == "men"


def test_a_count_a_forecast_verb_takes_as_object_is_forecast() -> None:
    found = claims("The studio expects 12 million people to see the film.")
    counts = [c for c in found if c.quantity is not None and c.quantity.value == 12_000_000]
    assert counts and all(c.modality == "speculative" for c in counts)


def test_a_described_noun_with_a_name_in_it_is_named_where_it_stands() -> None:
    text = "The Harbour Trust bought the pier. Ms Vale was quoted in the Gazette newspaper saying so."
    quoted = triggered(claims(text), "quoted")
    assert quoted.subject is not None and "Gazette" in quoted.subject


def test_a_year_in_a_numbers_own_phrase_dates_that_number() -> None:
    found = claims("Exports grew 6.5% during 2004, well above 2003's 4.1%.")
    by_value = {c.quantity.value: c for c in found if c.quantity is not None}
    assert by_value[6.5].when is not None and by_value[6.5].when.start == date(2004, 1, 1)
    assert by_value[4.1].when is not None and by_value[4.1].when.start == date(2003, 1, 1)


def test_a_mark_with_spaces_on_both_sides_at_a_sentence_end_closes_the_quotation() -> None:
    text = ('Coach Tomas Brill said: "I never meant to offend anyone at all. "As part of my job, I use plain words '
            "that all my players understand. \" Ireland's players made a point of wearing black armbands when "
            "training before their match against Wales last month.")
    training = triggered(claims(text), "training")
    assert training.attribution is None and training.modality == "asserted"


def test_an_act_a_later_speech_clause_hangs_on_is_the_outlets() -> None:
    text = ("Shipping tycoon Ana Ferro recently bought the Harbour Line, while investor Paul Deane has said "
            "he is keen to open a rival service.")
    found = claims(text)
    assert triggered(found, "bought").attribution is None
    assert triggered(found, "open").attribution is not None


def test_a_table_drawn_up_by_a_paper_is_the_papers_word() -> None:
    text = "Lena Hartmann earned 4.2m euros last year, according to a table drawn up by the Berlin Morgenblatt newspaper."
    found = claims(text)
    earned = triggered(found, "earned")
    assert earned.attribution is not None and "Morgenblatt" in earned.attribution.source
    assert all(c.attribution is None for c in all_triggered(found, "drawn up"))


def test_a_named_speech_act_after_a_quotation_left_unclosed_is_the_outlets_again() -> None:
    text = ('The striker added: "I was wrong to shout at the coach. "So I now know the fans can turn against me '
            "and I will not react when this happens. Meanwhile, club spokesman Tom Reilly welcomed the apology and "
            'said no one had pushed the striker to apologise. "His apology was sincere," Reilly said.')
    found = claims(text)
    welcomed = triggered(found, "welcomed")
    assert welcomed.attribution is None and welcomed.modality == "asserted"
    said = all_triggered(found, "said")
    assert said and all(c.attribution is None for c in said)
    pushed = triggered(found, "pushed")
    assert pushed.attribution is not None and pushed.attribution.source == "Tom Reilly"
    assert pushed.subject is None, "'no one' names nobody"


def test_a_quotation_that_goes_on_keeps_its_speaker_when_it_quotes_someone() -> None:
    text = ('The keeper said: "I was told to stay calm. "Then the manager Luis Roca said we could all go home.')
    said = all_triggered(claims(text), "said")
    assert len(said) == 2 and said[1].attribution is not None, "the manager's saying is told by the keeper"


def test_what_they_say_in_a_phrase_is_no_sources_sentence_and_they_is_its_clause_subject() -> None:
    text = ("Rival parties have accused the Greens of making promises they cannot pay for. The Greens have already "
            "released what they say are full costings for their programme and Monday's rally did not reveal new "
            "pledges.")
    found = claims(text)
    for word in ("released", "reveal"):
        c = triggered(found, word)
        assert c.attribution is None and c.modality == "asserted", word


def test_they_speaking_beside_a_named_subject_is_not_the_source_named_before() -> None:
    text = ("Regulators said the port was unsafe. The harbour board repaired the quay in May, and they say it is "
            "now safe.")
    repaired = triggered(claims(text), "repaired")
    assert repaired.attribution is None and repaired.modality == "asserted"


def test_a_verb_coordinated_before_a_speech_verb_is_the_speakers_act_not_what_was_said() -> None:
    found = claims("Hanna Berg played down her defeat and insisted she is fit for the final in Oslo.")
    assert triggered(found, "played down").attribution is None
    assert triggered(found, "defeat").attribution is None


def test_a_time_in_an_apposition_dates_the_role_not_the_act() -> None:
    found = claims("Conductor Marta Lenz died on Sunday. Lenz, director of the Riga Opera since 2001, conducted "
                   "at opera houses across Europe.")
    assert triggered(found, "conducted").when is None


def test_the_russian_is_the_person_named_with_that_nationality() -> None:
    text = "Federer will face seventh seed Russian Igor Petrov in the quarter-finals. The Russian beat Jan Kolb 7-5 6-4."
    beat = all_triggered(claims(text), "beat")
    assert beat and all(c.subject == "Igor Petrov" for c in beat)


def test_he_is_the_person_last_the_subject_not_one_named_in_a_phrase_or_as_an_object() -> None:
    text = ("Former minister Peter Hale has died at the age of 88. After serving in the Morrison cabinet, he became "
            "home secretary when his party won power in 1970. With the economy in trouble, he resisted cuts for two "
            "years. His career was not without drama. When he refused to back party leader Tom Baird over the "
            'strike bill in 1973, he said: "I am not going to resign."')
    found = claims(text)
    assert triggered(found, "refused").subject == "Peter Hale"
    assert triggered(found, "said").subject == "Peter Hale"


def test_he_is_not_the_person_a_he_before_it_in_the_sentence_acts_on() -> None:
    text = ("The harbour was quiet that year. The fleet stayed in port. Prices rose. "
            "When he refused to back party leader Tom Baird over the strike bill in 1973, he said: "
            '"I am not going to resign."')
    found = claims(text)
    assert triggered(found, "said").subject != "Tom Baird"
    assert triggered(found, "refused").subject != "Tom Baird"


def test_he_inside_a_speakers_own_words_is_someone_else() -> None:
    text = ('Singer Tom Baxter wrote the theme tune in 1962. His agent Sam Reid said that the singer never '
            'tired of the song. "He would sing it at birthdays and weddings."')
    assert triggered(claims(text), "sing").subject == "Tom Baxter"


def test_a_plan_whose_words_name_its_owner_is_not_the_clause_subjects() -> None:
    text = ("Finance minister Ana Ruiz visited a school in Lima. She pointed to international plans to build "
            "500 schools over the next decade. The firm announced plans to close two plants.")
    found = claims(text)
    assert triggered(found, "build").subject is None
    assert triggered(found, "close").subject == "firm"


def test_a_description_of_one_kind_of_body_is_no_body_called_another_kind() -> None:
    text = ("Budget airline Northwind Airways could move 900 jobs abroad, according to newspaper reports. "
            "Northwind Airways confirmed it was reviewing costs. If Northwind Airways were to follow its rivals, "
            "900 jobs could move abroad, the newspaper reported.")
    found = claims(text)
    assert triggered(found, "reported").subject not in ("Northwind Airways", "Budget")
    assert all(c.attribution is None or c.attribution.source not in ("Northwind Airways", "Budget")
               for c in all_triggered(found, "move"))
    # a word for the same kind, or for any body, still means it
    for word in ("carrier", "company"):
        found = claims(f"Budget airline Northwind Airways cut fares on Monday. The {word} said bookings rose.")
        assert triggered(found, "said").subject == "Northwind Airways"


def test_a_spokesman_is_not_the_person_just_named_in_another_role() -> None:
    found = claims("A Dunmore Foods spokesman said the board may remove chairman Oskar Lind. "
                   "The spokesman did not say why the board was unhappy with him.")
    assert triggered(found, "say").subject != "Oskar Lind"
    found = claims("Veteran striker Tomas Brandt scored twice on Sunday. The player said he was tired.")
    assert triggered(found, "said").subject == "Tomas Brandt"


def test_a_described_body_speaking_is_that_body_not_the_last_person_quoted() -> None:
    text = ('Ana Ruiz of the tenants\' union said the rents were "unfair". The plans have also been called into question by the '
            "Housing Standards Committee. In a report published in May the committee stated the landlords had "
            "broken the law because they raised rents twice.")
    found = claims(text)
    raised = triggered(found, "raised")
    assert raised.attribution is not None and raised.attribution.source == "Housing Standards Committee"
    assert raised.subject == "landlords"  # "they" is the plural subject of the clause it hangs on


def test_it_in_a_clause_under_what_a_body_said_is_still_that_body() -> None:
    found = claims("The ministry said it could not sign the treaty because it is reviewing its borders.")
    assert triggered(found, "reviewing").subject == "ministry"


def test_an_adjective_set_off_after_a_noun_says_something_of_that_noun() -> None:
    found = claims("Many councils are ill-prepared for the Data Protection Act, due to come into force next month, "
                   "because of government delays, say auditors.")
    come = triggered(found, "come into")
    assert come.subject == "Data Protection Act"
    assert come.attribution is None  # what the outlet tells of the Act in passing, not the auditors' finding


def test_a_surname_the_model_took_for_a_common_noun_still_continues_the_person() -> None:
    text = ("Council leader Peter Tanner wants to close the old library on Mill Street. "
            "Librarian Sean Doyle has run it since 1990. But the 58-year-old is set to retire in the spring. "
            "Tanner would not be pressed on a date.\n\n"
            'But he said: "The council has tried for two years to find a buyer."')
    tried = [c for c in claims(text) if c.text.startswith("The council has tried")]
    assert tried and all(c.attribution is not None and c.attribution.source == "Peter Tanner" for c in tried)
    # the model tags "Tanner" a common noun here; unread, "he" goes to Doyle, the subject named since


def test_a_role_with_a_word_tagged_as_a_name_still_names_the_person_and_she_goes_on_with_them() -> None:
    text = ("Mayor Dan Osei will open the new ferry terminal with Transport Secretary Ruth Amis on Friday. "
            "Ms Amis's spending is under review by the audit office. "
            "The transport secretary has conceded she was wrong to let a donor use the ministerial car. "
            "She has written to Mr Kofi Mensah and says she will repay the costs.")
    found = claims(text)
    assert triggered(found, "conceded").subject == "Ruth Amis"
    assert triggered(found, "written").subject == "Ruth Amis"  # Mr Mensah, named since, is no rival for "she"
    repay = triggered(found, "repay")
    assert repay.attribution is not None and repay.attribution.source == "Ruth Amis"


def test_it_said_is_not_the_accounts_named_before_but_the_body() -> None:
    text = ("According to its latest accounts, Brayford Council's reserves fell by a third last year. "
            "More than 60% of the shortfall came from care homes, it said.")
    sources = [c.attribution.source for c in claims(text) if c.attribution is not None and "60%" in c.text]
    assert sources and set(sources) == {"Brayford Council"}


def test_the_subject_after_an_inverted_speech_verb_is_its_speaker() -> None:
    # as the parser can read "Delays were longest on the coast, especially Ellis, said the survey":
    # "Ellis" and "survey" both subjects of "said"
    words = ["Delays", "were", "longest", ",", "especially", "Ellis", ",", "said", "the", "survey", "."]
    heads = [1, 7, 1, 7, 5, 7, 7, 7, 9, 7, 7]
    deps = ["nsubj", "ccomp", "acomp", "punct", "advmod", "nsubj", "punct", "ROOT", "det", "nsubj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert clause_subject(doc[7]).text == "survey"
    assert clause_subject(doc[1]).text == "Delays"


def test_a_verb_of_no_saying_keeps_the_subject_before_it() -> None:
    # as the parser can read "Floods closed roads in Carrow, the council" (an appended phrase taken
    # for a second subject): only a speech verb's subject comes after it, so "closed" keeps "Floods"
    words = ["Floods", "closed", "roads", "in", "Carrow", ",", "the", "council", "."]
    heads = [1, 1, 1, 2, 3, 1, 7, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "det", "nsubj", "punct"]
    lemmas = ["flood", "close", "road", "in", "Carrow", ",", "the", "council", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, lemmas=lemmas)
    assert arguments_of(doc[1], noun=False).subject.text == "Floods"
    said = Doc(Vocab(), words=["Roads", "shut", ",", "said", "the", "council", "."], heads=[1, 3, 3, 3, 5, 3, 3],
               deps=["nsubj", "ccomp", "punct", "ROOT", "det", "nsubj", "punct"],
               lemmas=["road", "shut", ",", "say", "the", "council", "."])
    assert arguments_of(said[3], noun=False).subject.text == "council"


def test_what_was_told_hung_on_the_hearer_is_still_what_was_told() -> None:
    text = ("Prosecutor Lena Ward said the appeal had no merit. "
            "Later, she told Channel 9's Evening Report programme the court had cut the sentence "
            "from 12 years to eight years.")
    cut = all_triggered(claims(text), "cut")
    assert cut and all(c.attribution is not None and c.attribution.source == "Lena Ward" for c in cut)


def test_what_a_claim_noun_says_is_its_owners_word() -> None:
    text = ("Judge Alan Pike upheld the fine on Thursday. "
            "But the defence disputed Judge Pike's assertion that the fine would deter other firms.")
    deter = triggered(claims(text), "deter")
    assert deter.attribution is not None and deter.attribution.source == "Alan Pike"
    assert deter.modality == "speculative"


def test_a_present_tense_verb_coordinated_with_a_dated_past_one_takes_no_date() -> None:
    found = claims("The flood barrier was finished in spring 2019 and protects 900 homes along the estuary.")
    assert triggered(found, "finished").when is not None
    protects = all_triggered(found, "protects")
    assert protects and all(c.when is None for c in protects)


def test_the_team_is_the_body_that_acted_as_that_team() -> None:
    text = ("The Castra Dairies team visited the depot on Monday. "
            "The team agreed that deliveries would start in June.")
    assert triggered(claims(text), "agreed").subject == "Castra Dairies"


def test_the_team_is_not_a_team_acted_on_nor_one_another_body_was_named_since() -> None:
    acted_on = ("Norvale Foods outbid the Castra Dairies team for the school meals contract on Tuesday. "
                "Norvale director Jan Holt said the team had worked hard.")
    worked = all_triggered(claims(acted_on), "worked")
    assert worked and all(c.subject != "Castra Dairies" for c in worked)
    rival_since = ("The Castra Dairies team lost the school meals contract to Norvale Foods. "
                   "Norvale director Jan Holt said the team had worked hard for it.")
    worked = all_triggered(claims(rival_since), "worked")
    assert worked and all(c.subject == "team" for c in worked)  # either side's team: left unresolved


def test_a_body_named_before_a_group_word_is_still_what_a_description_of_its_own_kind_means() -> None:
    text = ("Councillor Ann Cole attacked the SNP council in a speech on Tuesday. SNP's members stayed away. "
            "She would not comment on reports that the party had returned a donation of £2,000.")
    returned = all_triggered(claims(text), "returned")
    assert returned and all(c.subject == "SNP" for c in returned)  # "the SNP council" does not make the SNP no party


def test_the_owner_of_a_claim_noun_is_named_as_when_he_spoke() -> None:
    text = ("Mr Uba said he was owed money. "
            "Mr Uba's claim that he was owed £900 was dismissed by the judge.")
    found = [c for c in claims(text) if c.attribution is not None]
    assert {c.attribution.source for c in found} == {"Mr Uba"}  # not also "Mr Uba's": one speaker, one name
    assert any(c.attribution.text == "Mr Uba's claim" for c in found)


def test_a_person_named_only_to_qualify_a_noun_is_still_whom_he_means() -> None:
    text = ("Omar Reyes scored twice for the club last season. He then broke his ankle in a tackle by defender "
            "Paul Grant.\n\nAnother injury arrived in March as a knee problem cut short Reyes's season.\n\n"
            "Rumours spread that his career was over but, in typical Reyes style, he returned to training within six weeks.")
    assert triggered(claims(text), "returned").subject == "Omar Reyes"
    # "Reyes style" names him only to qualify a noun; read as a place, it left "he" to Grant, named as an object


def test_a_one_word_name_the_model_tags_once_is_still_the_subject_when_it_leaves_it_untagged() -> None:
    text = ("Stars gathered in London on Sunday. Fans cheered McConaughey on the red carpet.\n\n"
            "McConaughey faces competition from Bernal, Jamie Foxx, Jim Carrey and Johnny Depp in the best actor "
            "category. The crowd screamed when he arrived.\"It is very loud,\" he told the BBC.")
    told = triggered(claims(text), "told")
    assert told.subject == "McConaughey"  # not Johnny Depp, the last of a list the subject faces


@pytest.mark.parametrize("text,word,speaker", [
    ('Coach Dana Whitfield watched the final from the stand. "She plays the way Serena Ruiz played at her age," '
     'she said.', "said", "Dana Whitfield"),
    ('The chief executive, Martin Okafor, opened the meeting on Tuesday. "Nobody here thinks Alan Drury sold '
     'those shares alone," he told shareholders.', "told", "Martin Okafor"),
])
def test_a_person_named_inside_the_quotation_is_not_whom_the_speaker_pronoun_means(
        text: str, word: str, speaker: str) -> None:
    assert triggered(claims(text), word).subject == speaker


def test_a_speaker_pronoun_with_only_a_quoted_name_before_it_is_left_unresolved() -> None:
    text = 'Rain fell on the stadium all day. "Tom Hale ran the race of his life," he said.'
    assert triggered(claims(text), "said").subject is None  # not Tom Hale, who is spoken of


def test_a_first_name_in_the_quotation_still_rivals_the_person_it_may_be() -> None:
    text = ('Club owner Vera Lind spoke after the board met. Manager Oscar Pell resigned on Friday. '
            '"I asked Oscar to stay, and he told me he was tired," he said.')
    assert triggered(claims(text), "said").subject is None  # "Oscar" may be Oscar Pell: no clear speaker


@pytest.mark.parametrize("text,future,past", [
    ("The striker will face his old club on Sunday, before the match was moved to a new ground in May.",
     "face", "moved"),
    ("The firm could appeal the ruling, though not before the court fined it in March.", "appeal", "fined"),
])
def test_a_past_clause_after_before_is_told_as_done_not_as_unsure_as_its_head(text: str, future: str, past: str) -> None:
    found = claims(text)
    assert triggered(found, future).modality == "speculative"
    assert triggered(found, past).modality == "asserted"
