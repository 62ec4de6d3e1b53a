"""Sources are entities: one speaker under several names, pronouns never, outlets as channels."""

from __future__ import annotations

import re

import pytest

from consilience.reconcile.entities import entity_names, names_nobody, same_entity
from consilience.reconcile.sources import _said_before, independent_sources, inside_quotation, speaker_names
from consilience.records import Article, Attribution, Claim, Published, Span

TEXTS = ["WASHINGTON - House Speaker John A. Boehner said on Tuesday the House would vote this week.",
         "Speaker John Boehner of Ohio told reporters the bill would pass."]


def test_one_speaker_under_three_names() -> None:
    names = entity_names(["Boehner", "Speaker John A. Boehner of Ohio", "the speaker", "Nancy Pelosi"], TEXTS)
    assert names["Boehner"] == names["Speaker John A. Boehner of Ohio"] == names["the speaker"] == "John Boehner"
    assert names.get("Nancy Pelosi", "Nancy Pelosi") == "Nancy Pelosi"  # joins nobody else


def test_a_shared_surname_joins_neither_person() -> None:
    names = entity_names(["George Bush", "Jeb Bush", "Bush", "President George W. Bush"], [])
    assert "Bush" not in names
    assert names["President George W. Bush"] == names["George Bush"]


def test_a_nickname_and_the_full_first_name_are_one_speaker() -> None:
    names = entity_names(["Bernie Ebbers", "Bernard Ebbers", "Mr Ebbers", "Scott Sullivan"], [])
    assert names["Bernie Ebbers"] == names["Bernard Ebbers"] == names["Mr Ebbers"] == "Bernard Ebbers"
    assert names.get("Scott Sullivan", "Scott Sullivan") == "Scott Sullivan"
    assert same_entity("Tony Blair", "Anthony Blair") and not same_entity("Tony Blair", "Cherie Blair")


def test_a_nickname_that_could_stand_for_two_names_joins_neither() -> None:
    names = entity_names(["Ed Miliband", "Edward Miliband", "Edwin Miliband"], [])
    assert names["Ed Miliband"] == "Ed Miliband"  # Edward or Edwin: the story cannot tell
    assert names["Edward Miliband"] != names["Edwin Miliband"]


def test_two_brothers_are_not_joined_by_a_surname() -> None:
    names = entity_names(["David Miliband", "Ed Miliband", "Miliband"], [])
    assert names["David Miliband"] != names["Ed Miliband"] and "Miliband" not in names


@pytest.mark.parametrize("word", ["I", "he", "who", "which", "They", "that"])
def test_pronouns_and_relative_words_name_nobody(word: str) -> None:
    assert names_nobody(word) and not same_entity(word, word)
    assert entity_names([word], [])[word] == ""


def test_organisations_are_not_taken_for_people() -> None:
    names = entity_names(["National Intelligence Service", "The New York Times", "Service"], [])
    assert "National Intelligence Service" not in names and "The New York Times" not in names


def _article(aid: str, outlet: str) -> Article:
    return Article(id=aid, source=aid, text=" ".join(TEXTS), outlet=outlet, published=Published())


def _said(cid: str, art: str, source: str, via: tuple[str, ...] = ()) -> Claim:
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="event", predicate="passed",
                 attribution=Attribution(source=source, via=via, text=f"{source} said"))


ARTICLES = {a.id: a for a in (_article("a", "Reuters"), _article("b", "cnn.com"), _article("c", "BBC"),
                              _article("d", "The Hill"))}


def test_independent_sources_count_speakers_not_outlets() -> None:
    claims = [_said("1", "a", "Boehner"), _said("2", "b", "Speaker John A. Boehner of Ohio"), _said("3", "c", "he")]
    names = speaker_names(claims, ARTICLES)
    sources = independent_sources(claims, ARTICLES, names)
    assert sources == ["John Boehner"]  # "he" (the BBC's) may well be Boehner: no second source
    assert not {"Reuters", "cnn.com"} & set(sources)


def test_a_speaker_quoting_through_an_outlet_is_not_independent_of_it() -> None:
    own = Claim(id="1", article="a", start=0, end=1, text="x", kind="event", predicate="passed")  # Reuters' own word
    quoted = _said("2", "c", "the White House", via=("Reuters",))  # the BBC, citing Reuters, citing the White House
    other = _said("3", "d", "Nancy Pelosi")
    names = speaker_names([own, quoted, other], ARTICLES)
    assert independent_sources([own, quoted, other], ARTICLES, names) == ["Nancy Pelosi", "the White House"]


def test_described_speakers_count_once_and_only_when_nobody_is_named() -> None:
    claims = [_said("1", "a", "officials"), _said("2", "b", "officials")]
    names = speaker_names(claims, ARTICLES)
    # two outlets' "officials" may be the same people: one source, scoped to the first outlet
    assert independent_sources(claims, ARTICLES, names) == ["officials (Reuters)"]
    named = [*claims, _said("3", "c", "Nancy Pelosi")]
    assert independent_sources(named, ARTICLES, speaker_names(named, ARTICLES)) == ["Nancy Pelosi"]


def test_one_name_typed_with_another_apostrophe_or_case_is_one_speaker() -> None:
    claims = [_said("1", "a", "Maria Ortiz’s lawyer"), _said("2", "b", "Maria Ortiz's lawyer"),
              _said("3", "c", "maria ortiz's  Lawyer")]
    names = speaker_names(claims, ARTICLES)
    assert len(set(names.values())) == 1
    assert len(independent_sources(claims, ARTICLES, names)) == 1


def test_a_name_with_and_without_its_middle_name_is_one_speaker_where_an_article_writes_both() -> None:
    both = Article(id="m", source="m", text="Rosa Ines Delgado, the mayor, spoke. Rosa Delgado said more.",
                   outlet="Reuters", published=Published())
    arts = {**ARTICLES, "m": both}
    claims = [_said("1", "m", "Rosa Delgado"), _said("2", "b", "Rosa Ines Delgado"), _said("3", "c", "Delgado")]
    names = speaker_names(claims, arts)
    assert {names[n] for n in ("Rosa Delgado", "Rosa Ines Delgado", "Delgado")} == {"Rosa Ines Delgado"}
    # two middle names that could both be hers: the short name joins neither
    assert speaker_names([*claims, _said("4", "d", "Rosa Maria Delgado")], arts)["Rosa Delgado"] == "Rosa Delgado"
    # no article writes both forms (a father and a son?): they stay two
    assert speaker_names(claims, ARTICLES)["Rosa Delgado"] == "Rosa Delgado"


def test_a_name_written_after_what_it_is_is_that_name() -> None:
    claims = [_said("1", "a", "Review website Kotaku"), _said("2", "b", "Kotaku"),
              _said("3", "c", "Harbour Board chairman Ian Pryce"), _said("4", "d", "Ian Pryce")]
    names = speaker_names(claims, ARTICLES)
    assert names["Review website Kotaku"] == "Kotaku" and names["Harbour Board chairman Ian Pryce"] == "Ian Pryce"
    assert independent_sources(claims, ARTICLES, names) == ["Ian Pryce", "Kotaku"]
    assert speaker_names([*claims, _said("5", "a", "a survey by analysts Kotaku")], ARTICLES)[
        "a survey by analysts Kotaku"] == "Kotaku"
    # a description that makes the speaker someone else is no such description
    others = [_said("1", "a", "a neighbour of Ian Pryce"), _said("2", "b", "Ian Pryce"),
              _said("3", "c", "the row between Ian Pryce"), _said("4", "d", "ports including Ian Pryce"),
              _said("5", "a", "a close associate of former board chairman Ian Pryce"),
              _said("6", "b", "the prosecutor who charged Ian Pryce"), _said("7", "c", "a lawyer for defendant Ian Pryce"),
              _said("8", "d", "the lawyer representing defendant Ian Pryce"), _said("9", "a", "an ally of ousted chairman Ian Pryce")]
    names = speaker_names(others, ARTICLES)
    assert not {n for n, to in names.items() if to == "Ian Pryce" and n != "Ian Pryce"}


def test_a_speech_acts_speaker_is_the_source_and_its_outlet_a_channel() -> None:
    said = [Claim(id=str(n), article=art, start=0, end=1, text="x", kind="statement", predicate="said", speech=True,
                  subject=who) for n, (art, who) in enumerate([("a", "Nancy Pelosi"), ("b", "Pelosi"), ("c", "Pelosi")])]
    assert independent_sources(said, ARTICLES, speaker_names(said, ARTICLES)) == ["Nancy Pelosi"]


def test_a_speech_act_inside_someone_elses_quotation_is_not_its_subjects_word() -> None:
    text = 'Ines Calder backed the club. "Halden are saying clearly that they will not tolerate this," she said.'
    article = Article(id="q", source="q", text=text, outlet="Valley Courier", published=Published())
    start = text.index("Halden")
    quoted = Claim(id="1", article="q", start=start, end=start + 19, text=text[start:start + 19], kind="event",
                   predicate="said", speech=True, subject="Halden")
    assert independent_sources([quoted], {"q": article}, speaker_names([quoted], {"q": article})) == ["Valley Courier"]
    plain = Article(id="p", source="p", text=text.replace('"', ""), outlet="Valley Courier", published=Published())
    unquoted = Claim(id="2", article="p", start=start - 1, end=start + 18, text=plain.text[start - 1:start + 18],
                     kind="event", predicate="said", speech=True, subject="Halden")
    assert independent_sources([unquoted], {"p": plain}, speaker_names([unquoted], {"p": plain})) == ["Halden"]


def test_a_body_of_a_named_owner_is_named() -> None:
    claims = [_said("1", "a", "Chile's forensic service"), _said("2", "b", "officials")]
    assert independent_sources(claims, ARTICLES, speaker_names(claims, ARTICLES)) == ["Chile's forensic service"]


@pytest.mark.parametrize(("url", "outlet"), [("https://edition.cnn.com/2024/x.html", "cnn.com"),
                                             ("http://www.cnn.com/y", "cnn.com"),
                                             ("http://news.bbc.co.uk/1/hi/z.stm", "bbc.co.uk"),
                                             ("http://127.0.0.1:8000/a", "127.0.0.1")])
def test_outlets_are_keyed_by_registered_domain(url: str, outlet: str) -> None:
    from consilience.meta.outlet import host_name

    assert host_name(url) == outlet


def test_a_spokesperson_is_the_body_and_a_short_name_the_one_long_name_it_ends() -> None:
    claims = [_said("1", "a", "Bat spokeswoman"), _said("2", "b", "Bat"), _said("3", "c", "Police"),
              _said("4", "d", "Greater Manchester Police"), _said("5", "a", "Many of those interviewed")]
    names = speaker_names(claims, ARTICLES)
    assert names["Bat spokeswoman"] == "Bat" and names["Police"] == "Greater Manchester Police"
    assert independent_sources(claims, ARTICLES, names) == ["Bat", "Greater Manchester Police"]


def test_a_police_officer_named_with_a_rank_is_the_storys_one_force() -> None:
    claims = [_said("1", "a", "Police Constable Tim Fanning"), _said("2", "b", "Fanning"),
              _said("3", "c", "Vancouver Police"), _said("4", "d", "Nancy Pelosi")]
    names = speaker_names(claims, ARTICLES)
    assert names["Fanning"] == names["Police Constable Tim Fanning"] == "Vancouver Police"
    assert independent_sources(claims, ARTICLES, names) == ["Nancy Pelosi", "Vancouver Police"]
    # two forces in the story: which one he serves is not known, so he stays himself
    two = [*claims, _said("5", "d", "Surrey Police")]
    assert speaker_names(two, ARTICLES)["Fanning"] == "Tim Fanning"
    # a name without a police rank is not an officer
    plain = [_said("1", "a", "Tim Fanning"), _said("2", "b", "Vancouver Police")]
    assert speaker_names(plain, ARTICLES)["Tim Fanning"] == "Tim Fanning"


def test_a_clock_time_left_before_a_name_is_no_part_of_it() -> None:
    claims = [_said("1", "a", "10:46 AM Police"), _said("2", "b", "Greater Manchester Police"),
              _said("3", "c", "PM EDT Wladimir Klitschko"), _said("4", "d", "Wladimir Klitschko")]
    names = speaker_names(claims, ARTICLES)
    assert names["10:46 AM Police"] == "Greater Manchester Police"
    assert names["PM EDT Wladimir Klitschko"] == names["Wladimir Klitschko"]
    assert independent_sources(claims, ARTICLES, names) == ["Greater Manchester Police", "Wladimir Klitschko"]


def test_inside_a_quotation_from_its_mark_the_sentence_or_the_paragraph() -> None:
    text = 'Vos was hurt in the match. "Kovac hit me," he said. "It was late." Kovac denied it.'
    assert inside_quotation(text, text.index('"Kovac'))  # a span that starts at the opening mark
    assert inside_quotation(text, text.index("Kovac hit"))
    assert inside_quotation(text, text.index("was late"))
    assert not inside_quotation(text, text.index("Kovac denied"))
    assert not inside_quotation(text, text.index("Vos"))



COMMENTED = ('Mr Hale quit the Rural Party last week. Party officials also argue Mr Hale has not been '
             '"straightforward" about his plans.\n\n'
             'Good riddance, I say. Let us hope this is the start of his slide into obscurity!\n\n'
             '"He will be back," Mr Hale\'s agent said.')


def _claim_in(text: str, words: str, cid: str, source: str, said: str) -> Claim:
    start = text.index(words)
    return Claim(id=cid, article="k", start=start, end=start + len(words), text=words, kind="event",
                 predicate="started", attribution=Attribution(source=source, via=(), text=said))


def test_a_readers_comment_is_not_the_word_of_the_speaker_named_above_it() -> None:
    article = Article(id="k", source="k", text=COMMENTED, outlet="Shire News", published=Published())
    comment = _claim_in(COMMENTED, "the start of his slide", "1", "Party officials", "Party officials also argue")
    own = _claim_in(COMMENTED, "has not been", "2", "Party officials", "Party officials also argue")
    arts = {"k": article}
    assert independent_sources([comment], arts, speaker_names([comment], arts)) == ["an unnamed source (Shire News)"]
    assert independent_sources([own], arts, speaker_names([own], arts)) == ["Party officials (Shire News)"]
    # named in the comment's own paragraph, or a quotation going on: the speaker's word
    quoted = _claim_in(COMMENTED, "He will be back", "3", "Party officials", "Party officials also argue")
    assert independent_sources([quoted], arts, speaker_names([quoted], arts)) == ["Party officials (Shire News)"]


def test_a_paragraph_going_on_about_the_speaker_keeps_the_speaker() -> None:
    text = ('"It is no way to run a league," Mr Hale argues.\n\n'
            'Now he fears the cup run could end after eight players left for the national team.')
    article = Article(id="k", source="k", text=text, outlet="Shire News", published=Published())
    fears = _claim_in(text, "the cup run could end", "1", "Mr Hale", "he argues")
    assert independent_sources([fears], {"k": article}, speaker_names([fears], {"k": article})) == ["Mr Hale"]


def test_a_party_and_the_leader_who_speaks_for_it_are_one_source() -> None:
    texts = {"m": "Rural Party leader Ann Hale denied the cabinet was split.",
             "n": "The Rural Party said the cabinet was not split. Ann Hale spoke later.",
             "o": "Ann Hale and the Farmers Union both denied it."}
    arts = {k: Article(id=k, source=k, text=t, outlet=f"Outlet {k}", published=Published()) for k, t in texts.items()}
    hale, party = _said_in("1", "m", "Ann Hale"), _said_in("2", "n", "Rural Party")
    assert independent_sources([hale, party], arts, speaker_names([hale, party], arts)) == ["Ann Hale"]
    # nobody titles her the union's leader: two sources
    union = _said_in("3", "o", "Farmers Union")
    hale_o = _said_in("4", "o", "Ann Hale")
    assert independent_sources([hale_o, union], arts, speaker_names([hale_o, union], arts)) == ["Ann Hale",
                                                                                             "Farmers Union"]


def _said_in(cid: str, art: str, source: str) -> Claim:
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="event", predicate="denied",
                 attribution=Attribution(source=source, via=(), text=f"{source} denied"))


def test_two_office_holders_named_after_their_office_are_two_people() -> None:
    from consilience.reconcile.entities import same_entity
    assert same_entity("Colin Powell", "Secretary of State Colin Powell")
    assert same_entity("Mayor of London Boris Johnson", "Boris Johnson")
    assert not same_entity("Secretary of State Colin Powell", "Secretary of Defense Donald Rumsfeld")


def test_a_surname_misspelt_by_one_outlet_is_the_same_speaker() -> None:
    texts = ["Hugh Hefner said the magazine would go on.", "Mr Heffner told reporters he was well. Hefner added more."]
    names = entity_names(["Heffner", "Hugh Hefner", "Hugh Heffner", "Hefner"], texts)
    assert names["Heffner"] == names["Hugh Heffner"] == names["Hefner"] == names["Hugh Hefner"] == "Hugh Hefner"
    # a changed letter in a short surname is often another name: left alone
    assert "Smith" not in entity_names(["Smith", "John Smyth"], [])


def test_a_bank_of_one_country_is_not_the_bank_of_another_but_its_short_name_is_it() -> None:
    assert not same_entity("the Bank of England", "the Bank of Japan")
    assert same_entity("the Bank", "the Bank of England") and not same_entity("England", "the Bank of England")
    assert same_entity("Mayor of London Boris Johnson", "Johnson") and same_entity("John Boehner of Ohio", "Boehner")
    claims = [_said("1", "a", "the Bank of England"), _said("2", "b", "the Bank"), _said("3", "c", "the Bank of Japan")]
    one_bank = speaker_names(claims[:2], ARTICLES)
    assert one_bank["the Bank"] == "the Bank of England"
    assert independent_sources(claims[:2], ARTICLES, one_bank) == ["the Bank of England"]
    two_banks = speaker_names(claims, ARTICLES)  # "the Bank" could be either: it joins neither
    assert len(independent_sources(claims, ARTICLES, two_banks)) == 3


def test_cops_are_the_storys_one_police_force() -> None:
    claims = [_said("1", "a", "Cops"), _said("2", "b", "New York Police")]
    names = speaker_names(claims, ARTICLES)
    assert independent_sources(claims, ARTICLES, names) == ["New York Police"]


def test_a_speech_act_whose_quotation_opens_its_span_is_still_its_speakers() -> None:
    text = 'Mr Lyle lives next door. "There were officers everywhere with guns out," Ned Lyle said.'
    arts = {k: Article(id=k, source=k, text=text, outlet=k + ".com", published=Published()) for k in ("x", "y")}
    start = text.index("There")
    span = text[start:len(text) - 1]
    said = [Claim(id=k, article=k, start=start, end=start + len(span), text=span, kind="event", predicate="said",
                  speech=True, subject="Ned Lyle", trigger=Span(start=text.index("said"), end=text.index("said") + 4,
                                                                text="said")) for k in arts]
    assert independent_sources(said, arts, speaker_names(said, arts)) == ["Ned Lyle"]


def test_the_subject_of_a_passive_speech_verb_is_no_speaker() -> None:
    text = "The designs were sent to party members, who were asked to vote for their favourite."
    start = text.index("who were")
    span = text[start:len(text) - 1]
    art = {"p": Article(id="p", source="p", text=text, outlet="Shire News", published=Published())}
    asked = Claim(id="1", article="p", start=start, end=start + len(span), text=span, kind="event",
                  predicate="asked", speech=True, subject="party members",
                  trigger=Span(start=text.index("asked"), end=text.index("asked") + 5, text="asked"))
    assert independent_sources([asked], art, speaker_names([asked], art)) == ["Shire News"]


SEVERAL = ('Ina Roth won the poetry prize. The judges called her book "a marvel". She teaches in Leeds. '
           'Besides writing poems, Roth makes films. "I write at night," she said. She sleeps by day.')


def test_an_attribution_from_sentences_back_in_the_paragraph_is_not_carried_on() -> None:
    arts = {"k": Article(id="k", source="k", text=SEVERAL, outlet="Shire News", published=Published())}
    films = _claim_in(SEVERAL, "Roth makes films", "1", "judges", "The judges called")
    assert independent_sources([films], arts, speaker_names([films], arts)) == ["an unnamed source (Shire News)"]
    # the sentence right after the attribution still carries it
    leeds = _claim_in(SEVERAL, "She teaches in Leeds", "2", "judges", "The judges called")
    assert independent_sources([leeds], arts, speaker_names([leeds], arts)) == ["judges (Shire News)"]


STANDOFF = {"a": 'Some witnesses said he looked as if he was trying to hide something, Chief Dana Craft said. '
                  'A gunman opened fire in the office on Monday.',
            "b": "Some witnesses said he looked as if he was trying to hide something. The firm was closed.",
            "c": "A gunman opened fire in the office on Monday, leaving three dead."}
STANDOFF_ARTICLES = {k: Article(id=k, source=k, text=t, outlet=k + ".com", published=Published())
                     for k, t in STANDOFF.items()}


def _told(cid: str, art: str, words: str, source: str | None = None) -> Claim:
    start = STANDOFF[art].index(words)
    att = Attribution(source=source, via=(), text=f"{source} said") if source else None
    return Claim(id=cid, article=art, start=start, end=start + len(words), text=words, kind="event",
                 predicate="looked", attribution=att)


def test_an_outlet_carrying_a_named_speakers_word_is_its_channel_not_a_second_source() -> None:
    arts = STANDOFF_ARTICLES
    chief = _told("1", "a", "he looked as if he was trying to hide something", "Chief Dana Craft")
    copy = _told("2", "b", "he looked as if he was trying to hide something")  # a copy without "Craft said"
    assert independent_sources([chief, copy], arts, speaker_names([chief, copy], arts)) == ["Dana Craft"]
    # the outlet that quotes the chief in one claim and tells the event itself in another: one source
    own = _told("3", "a", "A gunman opened fire")
    assert independent_sources([chief, own], arts, speaker_names([chief, own], arts)) == ["Dana Craft"]
    # an outlet that reports the event itself and quotes no one stays a source of its own
    other = _told("4", "c", "A gunman opened fire")
    assert independent_sources([chief, other], arts, speaker_names([chief, other], arts)) == ["Dana Craft", "c.com"]


def test_outlets_printing_one_sentence_word_for_word_are_one_source() -> None:
    wire = "The Navy said nothing. Pirates in two skiffs fired on the tanker before dawn on Friday. More later."
    rewrite = "Pirates fired on a tanker on Friday, officials said nothing more. Two skiffs were seen."
    arts = {k: Article(id=k, source=k, text=t, outlet=k + ".com", published=Published())
            for k, t in (("x", wire), ("y", wire), ("z", rewrite))}

    def fired(k: str) -> Claim:
        text = arts[k].text
        start = text.index("fired on")
        return Claim(id=k, article=k, start=start, end=start + 8, text="fired on", kind="event", predicate="fired")

    copies = [fired("x"), fired("y")]
    assert independent_sources(copies, arts, speaker_names(copies, arts)) == ["x.com"]
    told = [*copies, fired("z")]
    assert independent_sources(told, arts, speaker_names(told, arts)) == ["x.com", "z.com"]


RUN_ON = ('"We got everyone out. "Our team talked to him for an hour," Sgt. Lena Ortiz told reporters. '
          '"It went well." Across the road at Pinewood Print, Omar Reyes said staff were about to hold a party.')


def test_a_quotation_run_on_without_a_closing_mark_does_not_swallow_the_rest_of_the_text() -> None:
    # no paragraph breaks and one quotation left open, as wire copy often is: the marks are read by
    # their neighbours, so the last one before "said" closes a quotation
    art = {k: Article(id=k, source=k, text=RUN_ON, outlet=f"{k}.com", published=Published()) for k in "xy"}
    start = RUN_ON.index("Omar Reyes")
    span = RUN_ON[start:len(RUN_ON) - 1]
    verb = RUN_ON.index("said staff")
    said = [Claim(id=k, article=k, start=start, end=start + len(span), text=span, kind="event", predicate="said",
                  speech=True, subject="Omar Reyes", trigger=Span(start=verb, end=verb + 4, text="said"))
            for k in "xy"]
    assert independent_sources(said, art, speaker_names(said, art)) == ["Omar Reyes"]
    assert inside_quotation(RUN_ON, RUN_ON.index("Our team")) and inside_quotation(RUN_ON, RUN_ON.index("went"))
    assert not inside_quotation(RUN_ON, RUN_ON.index("Across"))


def test_a_speech_verb_right_after_a_closing_mark_is_its_speakers() -> None:
    text = 'The host was named. " She is quick and warm, "said board chair Ada Quist. More follows.'
    art = {"g": Article(id="g", source="g", text=text, outlet="g.com", published=Published())}
    start, verb = text.index("She is"), text.index("said")
    span = text[start:text.index(". More")]
    c = Claim(id="1", article="g", start=start, end=start + len(span), text=span, kind="event", predicate="said",
              speech=True, subject="Ada Quist", trigger=Span(start=verb, end=verb + 4, text="said"))
    assert independent_sources([c], art, speaker_names([c], art)) == ["Ada Quist"]


def test_a_capitalised_common_word_is_a_description_not_a_name() -> None:
    from consilience.reconcile.sources import common_words
    texts = ["Riot in Eastfield. Officers said a riot began after the vigil; the riot went on all night.",
             "Police said the riot was over. Shares in UK Coal fell as coal ran short."]
    words = common_words(["Riot", "Police", "Coal", "Officers"], texts)
    assert words == {"Riot": "riot"}  # "Police" is one body; "UK Coal" is written as a name
    claims = [_said_in("1", "m", "Riot"), _said_in("2", "n", "Ann Hale")]
    arts = {k: Article(id=k, source=k, text=t, outlet=f"Outlet {k}", published=Published())
            for k, t in zip("mn", texts, strict=True)}
    assert independent_sources(claims, arts, speaker_names(claims, arts)) == ["Ann Hale"]


def _attributed(cid: str, art: str, source: str, said: str, via: tuple[str, ...] = ()) -> Claim:
    return Claim(id=cid, article=art, start=0, end=1, text="x", kind="event", predicate="left",
                 attribution=Attribution(source=source, via=via, text=said))


def test_a_resolution_the_attributions_own_noun_contradicts_is_not_the_speaker() -> None:
    texts = {"m": "Software piracy hurts. The company announced new software tools for its software.",
             "n": "Kimani Dale, 16, died. According to the officers, they left their car. Strategy Vance grew."}
    arts = {k: Article(id=k, source=k, text=t, outlet=f"{k}.com", published=Published()) for k, t in texts.items()}
    software = _attributed("1", "m", "Software", "The company announced")  # "the company" is no software
    officers = _attributed("2", "n", "Kimani Dale", "according to the officers")  # one boy is not "the officers"
    assert independent_sources([software], arts, speaker_names([software], arts)) == ["an unnamed source (m.com)"]
    assert independent_sources([officers], arts, speaker_names([officers], arts)) == ["officers (n.com)"]
    firm = _attributed("3", "n", "Strategy Vance", "the consultants said")  # a firm may be "the consultants"
    assert independent_sources([firm], arts, speaker_names([firm], arts)) == ["Strategy Vance"]
    body = Claim(id="5", article="m", start=0, end=1, text="S", kind="event", predicate="left", subject="Mafia",
                 attribution=Attribution(source="Mafia", via=(), text="The tobacco companies deny"))
    assert independent_sources([body], arts, speaker_names([body], arts)) == ["tobacco companies (m.com)"]
    cited = _attributed("6", "n", "Hale Police", "according to the officers involved in the case")
    assert independent_sources([cited], arts, speaker_names([cited], arts)) == ["Hale Police"]  # a force
    for said in ("according to four officers", "12 officers said", "according to the two officers",
                 "dozens of officers said", "according to hundreds of officers"):
        counted = _attributed("7", "n", "Kimani Dale", said)  # how many officers, still not the boy
        assert independent_sources([counted], arts, speaker_names([counted], arts)) == ["officers (n.com)"], said
    named = _attributed("4", "n", "Kimani Dale", "Kimani Dale said")
    assert independent_sources([named], arts, speaker_names([named], arts)) == ["Kimani Dale"]


def test_the_one_told_is_not_the_speaker() -> None:
    arts = {"h": Article(id="h", source="h", text="The dispatcher said she told Mira Holt to kneel.", outlet="h.com",
                         published=Published())}
    told = _attributed("1", "h", "Mira Holt", "she told", via=("Holt",))
    assert independent_sources([told], arts, speaker_names([told], arts)) == ["an unnamed source (h.com)"]


def test_an_edited_repost_of_a_spokesmans_release_is_his_channel() -> None:
    release = ("The swift action by the cutter Vega resulted, once again, in foiling the smugglers' plan of "
               "landing their cargo on the quiet northern beaches near the old harbour.")
    quoted = ("The swift action by the cutter Vega resulted, once again, in foiling the smugglers' attempt to land "
              "cargo on the northern beaches near the harbour, Commander Ivo Brandt said.")
    rewrite = ("Smugglers tried to land cargo on northern beaches, but a coastguard cutter stopped them, "
               "a resident told us.")
    arts = {k: Article(id=k, source=k, text=t, outlet=f"{k}.com", published=Published())
            for k, t in (("blog", release), ("paper", quoted), ("local", rewrite))}

    def foiling(k: str, source: str | None = None) -> Claim:
        text = arts[k].text
        start = text.index("mugglers") - 1
        att = Attribution(source=source, via=(), text=f"{source} said") if source else None
        return Claim(id=k, article=k, start=start, end=start + 9, text=text[start:start + 9], kind="event",
                     predicate="foiled", attribution=att)

    claims = [foiling("blog"), foiling("paper", "Commander Ivo Brandt")]
    assert independent_sources(claims, arts, speaker_names(claims, arts)) == ["Ivo Brandt"]
    # a rewrite in other words is the outlet's own telling
    other = [foiling("local"), foiling("paper", "Commander Ivo Brandt")]
    assert independent_sources(other, arts, speaker_names(other, arts)) == ["Ivo Brandt", "local.com"]


SHOOTING = {"p": "A woman was killed on Elm Road, police said. The driver fled, police said.",
            "q": "Elm Road crash leaves woman dead. A woman was killed on Elm Road on Friday. Police arrested a man.",
            "r": "A woman was killed on Elm Road. Ina Voss, who saw it, said the car was red.",
            "s": "Elm Road: a woman was killed on Friday night."}
SHOOTING_ARTICLES = {k: Article(id=k, source=k, text=t, outlet=f"{k}.com", published=Published())
                     for k, t in SHOOTING.items()}


def _killed(cid: str, art: str, source: str | None = None, words: str = "was killed") -> Claim:
    start = SHOOTING[art].index(words)
    att = Attribution(source=source, via=(), text=f"{source} said") if source else None
    return Claim(id=cid, article=art, start=start, end=start + len(words), text=words, kind="event",
                 predicate="killed", attribution=att)


def test_an_outlet_whose_article_quotes_the_facts_speaker_relies_on_him() -> None:
    arts = SHOOTING_ARTICLES
    police = _killed("1", "p", "Hale County Police")
    fled = _killed("2", "q", "Hale County Police", words="arrested a man")  # q quotes the police elsewhere
    own = _killed("3", "q")
    story = [police, fled, own]
    names = speaker_names(story, arts)
    assert names.quoted["q"] == frozenset({"Hale County Police"})
    assert independent_sources([police, own], arts, names) == ["Hale County Police"]
    # an outlet that quotes nobody of the fact stays a source of its own
    alone = _killed("4", "s")
    story = [police, fled, own, alone]
    assert independent_sources([police, own, alone], arts, speaker_names(story, arts)) == ["Hale County Police",
                                                                                         "s.com"]


def test_an_outlet_quoting_two_speakers_does_not_make_them_one() -> None:
    arts = SHOOTING_ARTICLES
    police = _killed("1", "r", "Hale County Police")
    witness = _killed("2", "r", "Ina Voss", words="the car was red")
    own = _killed("3", "r")
    names = speaker_names([police, witness, own], arts)
    assert independent_sources([police, witness, own], arts, names) == ["Hale County Police", "Ina Voss"]


def test_an_acronym_may_hold_a_generic_head_its_full_name_leaves_out() -> None:
    from consilience.reconcile.sources import source_aliases
    assert source_aliases(["NYPD", "New York Police"])["NYPD"] == "New York Police"
    # the name that holds the head is the better match
    both = source_aliases(["NYPD", "New York Police Department", "New York Police"])
    assert both["NYPD"] == "New York Police Department"
    assert "NYPD" not in source_aliases(["NYPD", "New Haven Police"])


def test_a_speaker_that_names_an_outlet_of_the_story_is_that_outlet() -> None:
    texts = {"a": "Crowds gathered, according to RussiaToday reporters. Police came.",
             "b": "Crowds gathered on Monday night. Police came.",
             "c": "Crowds gathered, the defence said. Police came."}
    arts = {"a": Article(id="a", source="a", text=texts["a"], outlet="blog.example", published=Published()),
            "b": Article(id="b", source="b", text=texts["b"], outlet="rt.com", published=Published()),
            "c": Article(id="c", source="c", text=texts["c"], outlet="defence.pk", published=Published())}
    cited = _attributed("1", "a", "RussiaToday reporters", "according to RussiaToday reporters")
    own = Claim(id="2", article="b", start=0, end=1, text="C", kind="event", predicate="gathered")
    assert independent_sources([cited, own], arts, speaker_names([cited, own], arts)) == ["rt.com"]
    lower = _attributed("3", "c", "defence", "the defence said")  # a common word is no outlet's name
    assert speaker_names([lower, own], arts)["defence"] == "defence"


def test_a_saying_reported_by_another_rests_on_the_reporter() -> None:
    book = "The Quiet Years, a book by Ann Lowe, is out. It claims Mr Dorn told Mr Fell he would quit."
    plain = "The Quiet Years, a book by Ann Lowe, is out. Mr Dorn told Mr Fell he would quit, the book says."
    arts = {k: Article(id=k, source=k, text=t, outlet=f"{k}.com", published=Published())
            for k, t in (("b", book), ("p", plain))}

    def told(k: str) -> Claim:
        text = arts[k].text
        start, verb = text.index("Mr Dorn"), text.index("told")
        span = text[start:text.index("quit") + 4]
        return Claim(id=k, article=k, start=start, end=start + len(span), text=span, kind="statement",
                     predicate="told", speech=True, subject="Dorn", trigger=Span(start=verb, end=verb + 4, text="told"),
                     attribution=Attribution(source="Ann Lowe", via=(), text="It claims"))

    assert independent_sources([told("b")], arts, speaker_names([told("b")], arts)) == ["Ann Lowe"]
    # the attribution's verb is not right before the saying: the saying stays its speaker's
    assert independent_sources([told("p")], arts, speaker_names([told("p")], arts)) == ["Dorn"]


def test_police_in_lower_case_is_the_force_only_its_own_article_names() -> None:
    texts = {"w": "Four men were held in Wiltshire. They were bailed, but police say they may be charged.",
             "n": "Northumbria Police said the hunt in Alnwick was lawful.",
             "v": "Northumbria Police were at the meet. Later police said no one was held."}
    arts = {k: Article(id=k, source=k, text=t, outlet="BBC News", published=Published()) for k, t in texts.items()}
    elsewhere = [_said_in("1", "w", "police"), _said_in("2", "n", "Northumbria Police")]
    assert speaker_names(elsewhere, arts)["police"] == "police"
    same = [_said_in("3", "v", "police"), _said_in("2", "n", "Northumbria Police")]
    assert speaker_names(same, arts)["police"] == "Northumbria Police"


def test_outlets_printing_a_described_speakers_words_as_their_own_are_his_channels() -> None:
    quoted = ('The ship turned back. "Four rifles and 90 rounds of ammunition were found on the skiffs and seized," '
              'the officer said. No one was hurt.')
    repost = "The ship turned back. Four rifles and 90 rounds of ammunition were found on the skiffs and seized. No one was hurt."
    edited = ("The warship turned back at dawn. Four rifles and 90 rounds of ammunition were found on the skiffs and "
              "seized at once. Nobody was hurt.")
    own = "The ship turned back. Guns were found on board, the paper learnt from its own reporter. No one was hurt."
    arts = {k: Article(id=k, source=k, text=t, outlet=k + ".com", published=Published())
            for k, t in (("q", quoted), ("r", repost), ("e", edited), ("o", own))}

    def found(k: str, source: str | None = None) -> Claim:
        text = arts[k].text
        start = text.index("were found") if "were found" in text else text.index("found")
        att = Attribution(source=source, via=(), text=f"the {source} said") if source else None
        return Claim(id=k, article=k, start=start, end=start + 5 + (5 if text[start:].startswith("were") else 0),
                     text=text[start:start + 5 + (5 if text[start:].startswith("were") else 0)], kind="event",
                     predicate="found", attribution=att)

    told = [found("q", "officer"), found("r"), found("e")]
    # the repost prints the officer's sentence without "the officer said"; the edited copy prints the repost's
    assert independent_sources(told, arts, speaker_names(told, arts)) == ["officer (q.com)"]
    mixed = [*told, found("o")]  # an outlet that found it in its own words stays a source of its own
    counted = independent_sources(mixed, arts, speaker_names(mixed, arts))
    assert "o.com" in counted and not {"r.com", "e.com"} & set(counted)
    pirates = [found("q", "23 pirates"), found("r")]  # a described subject is no speaker an outlet reposts
    assert independent_sources(pirates, arts, speaker_names(pirates, arts)) == ["r.com"]


@pytest.mark.parametrize("text", [
    "The judges called it a triumph.\nRoberts said the film would open. Roberts also makes documentaries.",
    "İstanbul police said 12 were held. The governor, Ali Yerlikaya, said more would follow.",  # İ lower-cases to two characters
])
def test_the_words_said_before_a_place_are_those_of_the_text_before_it(text: str) -> None:
    words = {"judges", "roberts", "said", "governor", "police", "film", "yerlikaya", "absent"}
    for begin in range(len(text) + 1):
        if begin == 0 or text[begin - 1].isspace():  # where sentences and paragraphs begin
            assert _said_before(text, begin, words) == words & set(re.findall(r"[a-z0-9]+", text[:begin].lower()))


def test_a_middle_name_or_an_initial_left_out_is_the_same_person() -> None:
    texts = ["County Sheriff Paul R. Ostrander said the ferry had been moored.", "R. Ostrander said so.",
             "Dana Lee Whitcombe owns the ferry. Dana Whitcombe said it was insured."]
    names = entity_names(["Dana Whitcombe", "Dana Lee Whitcombe", "Whitcombe", "R. Ostrander", "Paul R Ostrander",
                          "Ostrander"], texts)
    assert names["Dana Whitcombe"] == names["Whitcombe"] == names["Dana Lee Whitcombe"] == "Dana Lee Whitcombe"
    assert names["R. Ostrander"] == names["Ostrander"] == names["Paul R Ostrander"]
    # two fuller names fit: which one is not known; a title taken for a given name joins nobody
    two = entity_names(["Dana Whitcombe", "Dana Lee Whitcombe", "Dana Ray Whitcombe"], [])
    assert two["Dana Whitcombe"] == "Dana Whitcombe"
    assert entity_names(["Mogul Whitcombe", "Media Mogul Whitcombe"], []).get("Mogul Whitcombe") != "Media Mogul Whitcombe"


def _articles(**texts: str) -> dict[str, Article]:
    return {k: Article(id=k, source=k, text=t, outlet=f"{k}.example", published=Published()) for k, t in texts.items()}


def test_an_officer_the_reports_write_with_a_police_rank_is_the_force() -> None:
    arts = _articles(a="The ferry sank at dawn, Harbour police Sgt. Nora Quill said.",
                     b="Police said the crew was rescued. Lakeside police Sgt. Omar Vance said it was cold.",
                     c="Lt. Ada Brook of the Harbour Police said two were missing.")
    said = [_said("1", "a", "Nora Quill"), _said("2", "b", "Police"), _said("3", "b", "Omar Vance")]
    names = speaker_names(said, arts)
    assert names["Nora Quill"] == names["Omar Vance"] == "Police"  # "Police" alone: the story's one force
    assert independent_sources(said[:2], arts, names) == ["Police"]
    # a force named in full: its officers join it, another place's police officer does not
    full = [_said("4", "c", "Ada Brook"), _said("5", "a", "Nora Quill"), _said("6", "c", "Harbour Police"),
            _said("7", "b", "Omar Vance")]
    names = speaker_names(full, arts)
    assert names["Ada Brook"] == names["Nora Quill"] == "Harbour Police" and names["Omar Vance"] == "Omar Vance"
    assert independent_sources(full, arts, names) == ["Harbour Police", "Omar Vance"]


def test_a_police_departments_acronym_and_police_are_one_force() -> None:
    arts = _articles(a="HCPD said the ferry sank.", b="Police said the crew was rescued.")
    said = [_said("1", "a", "HCPD's"), _said("2", "b", "Police"), _said("3", "a", "HCPD")]
    names = speaker_names(said, arts)
    assert names["HCPD's"] == names["HCPD"] == "Police"
    assert independent_sources(said, arts, names) == ["Police"]


def test_one_description_with_either_apostrophe_is_one_source() -> None:
    arts = _articles(a="Harbour Trust’s board said the ferry sank.", b="Harbour Trust's board said the crew was saved.")
    said = [_said("1", "a", "Harbour Trust’s board"), _said("2", "b", "Harbour Trust's board")]
    assert len(independent_sources(said, arts, speaker_names(said, arts))) == 1


def test_one_wire_sentence_after_a_quote_one_outlet_cut_is_still_one_source() -> None:
    # two sites print one agency story; one kept a quote before the sentence, the other cut it
    kept = ('"The river rose far too fast for anyone to move the cars, the cattle or the elderly," said the mayor, '
            'who asked the army for help. The flood reached the old town two hours before the dykes were closed on '
            'Sunday. More rain is due.')
    cut = ("Rescuers in boats and helicopters worked through the night in the valley while volunteers filled "
           "sandbags at the school. The flood reached the old town two hours before the dykes were closed on "
           "Sunday. More rain is due.")
    own = "The water came into the old town on Sunday, residents told our reporter. Shops were shut."
    arts = {k: Article(id=k, source=k, text=t, outlet=k + ".com", published=Published())
            for k, t in (("x", kept), ("y", cut), ("z", own))}

    def reached(k: str, words: str) -> Claim:
        text = arts[k].text
        start = text.index(words)
        return Claim(id=k, article=k, start=start, end=start + len(words), text=words, kind="event", predicate="reached")

    copies = [reached("x", "The flood reached the old town"), reached("y", "The flood reached the old town")]
    assert independent_sources(copies, arts, speaker_names(copies, arts)) == ["x.com"]
    told = [*copies, reached("z", "The water came into the old town")]
    assert independent_sources(told, arts, speaker_names(told, arts)) == ["x.com", "z.com"]


def test_a_name_whose_last_word_the_claims_spread_over_its_and_is_one_source() -> None:
    text = "Fishing quotas will fall, according to the Fisheries and Oceans Council and the IMF and World Bank."
    arts = {"a": Article(id="a", source="a", text=text, outlet="a.com", published=Published())}

    def said(cid: str, *names: str) -> Claim:
        return Claim(id=cid, article="a", start=0, end=20, text=text[:20], kind="event", predicate="fall",
                     attribution=Attribution(source=" and ".join(names), via=(), text="according to Council",
                                             sources=names))

    council = [said("1", "Fisheries Council", "Oceans Council")]
    assert independent_sources(council, arts, speaker_names(council, arts)) == ["Fisheries and Oceans Council"]
    # a first part that is a name of its own: two bodies
    banks = [said("2", "IMF Bank", "World Bank")]
    assert len(independent_sources(banks, arts, speaker_names(banks, arts))) == 2


def _claim_at(aid: str, text: str, words: str, cid: str, source: str | None, said: str = "") -> Claim:
    start = text.index(words)
    attribution = Attribution(source=source, via=(), text=said) if source else None
    return Claim(id=cid, article=aid, start=start, end=start + len(words), text=words, kind="event",
                 predicate="arrested", attribution=attribution)


def test_a_person_the_claim_names_is_not_the_he_who_says_it() -> None:
    text = ("Marta Quell was detained late on Monday outside the depot, county Sgt. Ravi Dunmore said. "
            "Nobody was hurt when Quell was led away, he added.")
    arts = {"k": Article(id="k", source="k", text=text, outlet="Valley Post", published=Published())}
    led = _claim_at("k", text, "Nobody was hurt when Quell was led away", "1", "Marta Quell", "he added")
    assert independent_sources([led], arts, speaker_names([led], arts)) == ["an unnamed source (Valley Post)"]
    # the pronoun resolved to someone the words do not name stays that speaker
    other = _claim_at("k", text, "Nobody was hurt when Quell was led away", "2", "Ravi Dunmore", "he added")
    assert independent_sources([other], arts, speaker_names([other], arts)) == ["Ravi Dunmore"]
    # a name as the subject of its own verb may well be the pronoun's
    own = "Later Tomas Reyes left a statement for the press, he said."
    arts = {"j": Article(id="j", source="j", text=own, outlet="Valley Post", published=Published())}
    left = _claim_at("j", own, "Tomas Reyes left a statement for the press", "3", "Tomas Reyes", "he said")
    assert independent_sources([left], arts, speaker_names([left], arts)) == ["Tomas Reyes"]


def test_a_paper_reporting_what_a_named_body_said_is_its_channel() -> None:
    relayed = ("Harbour Police named the driver killed in the ferry crash as Ines Vale, 33, "
               "the Coast Herald reported.")
    direct = "Harbour Police said the driver who died in the ferry crash was Ines Vale."
    own = "The Coast Herald found the ferry crash killed the driver, Ines Vale, 33."
    arts = {k: Article(id=k, source=k, text=t, outlet=f"Outlet {k}", published=Published())
            for k, t in (("m", relayed), ("n", direct), ("o", own))}
    paper = _claim_at("m", relayed, "the ferry crash as Ines Vale, 33", "1", "Coast Herald", "the Coast Herald reported")
    police = _claim_at("n", direct, "the ferry crash was Ines Vale", "2", "Harbour Police", "Harbour Police said")
    claims = [paper, police]
    assert independent_sources(claims, arts, speaker_names(claims, arts)) == ["Harbour Police"]
    # the paper on its own word, not relaying the police in that sentence: two sources
    found = _claim_at("o", own, "the ferry crash killed the driver", "3", "Coast Herald", "The Coast Herald found")
    claims = [found, police]
    assert independent_sources(claims, arts, speaker_names(claims, arts)) == ["Coast Herald", "Harbour Police"]


def test_a_headline_over_a_described_speaker_is_that_speakers_word() -> None:
    page = ("Painter Odile Brandt Dies at 88\n\n"
            "Brandt, 88, died on Sunday at her studio in Lyon, according to her manager.")
    other = "Odile Brandt died on Sunday in Lyon, her nephew Paul Brandt said."
    arts = {"p": Article(id="p", source="p", text=page, outlet="artsdaily.example", published=Published()),
            "q": Article(id="q", source="q", text=other, outlet="lyonpost.example", published=Published())}
    headline = _claim_at("p", page, "Painter Odile Brandt Dies at 88", "1", None)
    body = _claim_at("p", page, "Brandt, 88, died on Sunday", "2", "her manager", "according to her manager")
    nephew = _claim_at("q", other, "Odile Brandt died on Sunday", "3", "Paul Brandt", "her nephew Paul Brandt said")
    claims = [headline, body, nephew]
    assert independent_sources(claims, arts, speaker_names(claims, arts)) == ["Paul Brandt"]
    # with nobody named, the page is one source, under its described speaker
    assert independent_sources(claims[:2], arts, speaker_names(claims[:2], arts)) == ["her manager (artsdaily.example)"]


def test_a_remark_quoted_below_the_lead_does_not_take_the_outlets_own_account() -> None:
    page = ("Dock fire closes the port of Sella. The blaze began at a fuel store on Tuesday. Crews fought it "
            "all night. Ships were sent to other ports. Trade fell sharply. Later, a dock worker said the fire "
            "began at a fuel store and spread fast.")
    other = "The port of Sella was shut after a fire, harbour master Lena Ostrova said."
    arts = {"p": Article(id="p", source="p", text=page, outlet="portnews.example", published=Published()),
            "q": Article(id="q", source="q", text=other, outlet="sellatimes.example", published=Published())}
    own = _claim_at("p", page, "The blaze began at a fuel store", "1", None)
    worker = _claim_at("p", page, "the fire began at a fuel store", "2", "a dock worker", "a dock worker said")
    master = _claim_at("q", other, "The port of Sella was shut", "3", "Lena Ostrova", "harbour master Lena Ostrova said")
    claims = [own, worker, master]
    assert independent_sources(claims, arts, speaker_names(claims, arts)) == ["Lena Ostrova", "portnews.example"]
