"""The cleaner on pages that are not the seeds: every sentence kept, furniture removed and audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from consilience.clean.stopwords import stopwords
from consilience.clean.text import cleaned_text
from consilience.meta.article import article_from
from consilience.records import RawDocument

EN = stopwords("en")


def test_plain_text_keeps_sentences_and_removes_furniture(fixtures: Path) -> None:
    c = cleaned_text((fixtures / "wildfire.txt").read_text(), stop=EN)
    for sentence in ["Firefighters evacuated three villages", "more than 300 firefighters and six water-dropping aircraft",
                     "the cause of the fire was still being investigated"]:
        assert sentence in c.text
    for junk in ["Home > News", "Share this article", "Views: 1,024", "Sign up for our newsletter", "Comments (0)",
                 "Please log in"]:
        assert junk not in c.text
        assert any(junk in r for r in c.removed)
    assert c.text.count("Photo: smoke over the ridge") <= 1
    assert c.title == "Wildfire forces evacuation of hill villages"


def test_appeal_to_the_reader_is_removed_but_quotes_are_kept() -> None:
    raw = ("The mayor opened the new bridge on Friday after three years of construction work on the river crossing.\n"
           "\"We are proud of what our city has built,\" the mayor told the crowd gathered at the riverside.\n"
           "Dear reader,\n"
           "We rely on your support to keep our reporting free. If you can, please give what you can today.\n"
           "Maybe later")
    c = cleaned_text(raw, stop=EN)
    assert "We are proud of what our city has built" in c.text
    assert "We rely on your support" not in c.text and "Dear reader," in c.removed and "Maybe later" in c.removed


def test_section_markers_timestamps_and_repeats() -> None:
    raw = ("[UPDATE]\nPosted 2024-03-12 08:00 | Updated 2024-03-12 09:15\n"
           "The council voted to raise bus fares by ten percent from next month, officials said.\n"
           "The council voted to raise bus fares by ten percent from next month, officials said.\n"
           "Opposition members said the rise would hurt the poorest commuters in the outer districts.")
    c = cleaned_text(raw, stop=EN)
    assert c.text.count("The council voted") == 1 and "[UPDATE]" in c.removed
    assert "Opposition members said" in c.text and not any("Posted" in line for line in c.text.split("\n"))


def test_html_page_through_trafilatura(fixtures: Path) -> None:
    html = (fixtures / "harbour.html").read_text()
    a = article_from(RawDocument(source="harbour.html", kind="html", body=html))
    assert "About 1,200 ferry workers walked off the job" in a.text
    assert "at least 40,000 people were affected" in a.text
    assert "Related articles" not in a.text and "Log in to leave a comment" not in a.text
    assert a.outlet == "Coastal Ledger" and a.published.date == date(2024, 3, 12) and a.published.basis == "metadata"
    assert a.language == "en"


def test_placeholder_flag_with_evidence() -> None:
    body = "The minister resigned on Monday after the vote of no confidence in parliament.\nSource: [Insert link to report here]"
    a = article_from(RawDocument(source="x.txt", kind="text", body=body))
    flags = [f for f in a.flags if f.code == "placeholder_text"]
    assert flags and "[Insert link to report here]" in flags[0].evidence
    clean = article_from(RawDocument(source="y.txt", kind="text", body="The minister resigned on Monday after the vote."))
    assert not clean.flags


def test_a_page_lang_attribute_is_checked_not_trusted() -> None:
    from consilience.meta.language import language_of

    german = ("Die Stadtverwaltung hat am Montag beschlossen, dass die neue Brücke erst im Herbst geöffnet wird. "
              "Viele Pendler hatten auf eine frühere Öffnung gehofft, weil die Umleitung über die Altstadt führt.")
    english = ("The city council decided on Monday that the new bridge will not open until the autumn. Many "
               "commuters had hoped for an earlier opening, because the detour runs through the old town.")
    assert language_of(german, hint="en") == "de"
    assert language_of(english, hint="en") == "en"
    assert language_of(english) == "en"


def test_a_wire_dateline_becomes_agency_and_day_not_text() -> None:
    from consilience.meta.article import article_from
    from consilience.records import RawDocument

    body = ("LISBON, March 3, 2022 (Reuters) - Portugal's navy rescued 40 migrants off the Algarve coast on "
            "Wednesday, the navy said in a statement.\n\nThe boat had left Morocco two days earlier.")
    a = article_from(RawDocument(source="wire.txt", kind="text", body=body))
    assert a.outlet == "Reuters" and a.published.date == date(2022, 3, 3)
    assert a.text.startswith("Portugal's navy rescued") and "LISBON, March 3, 2022 (Reuters) -" in a.removed
    no_dateline = article_from(RawDocument(source="n.txt", kind="text", body="The NIS (National Intelligence "
                                           "Service) - said in a long statement that the talks would resume."))
    assert no_dateline.text.startswith("The NIS")


def test_stop_words_come_without_the_language_package() -> None:
    import sys

    from consilience.clean.stopwords import stopwords

    assert {"le", "et", "les"} <= stopwords("fr")
    assert "spacy.lang.fr" not in sys.modules  # its tokenizer exceptions take seconds to build
    assert stopwords("en-US") == stopwords("xx") == frozenset()
