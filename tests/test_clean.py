"""The cleaner on pages that are not the seeds: every sentence kept, furniture removed and audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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


def test_a_whole_page_pasted_as_plain_text_keeps_its_article_only(fixtures: Path) -> None:
    a = article_from(RawDocument(source="page.txt", kind="text", body=(fixtures / "pasted_page.txt").read_text()))
    body = [ln for ln in a.text.split("\n\n")]
    assert body[0].startswith("The main road bridge into the city centre will close")
    assert body[-1].startswith("The council said it would review the work")
    for sentence in ["About 18,000 vehicles cross the bridge", "We know this will be hard for people",
                     "Buses will run on a temporary route", "Business owners in the old town"]:
        assert sentence in a.text
    furniture = ["Read more: Council warned", "SEE MORE: Traders fear", "Share on Facebook", "Sign up to our daily",
                 "Get the Harbour Gazette app", "Ferry operator to add evening sailings", "Most read",
                 "Storm damage closes coastal path", "not responsible for the content of external sites",
                 "Copyright ©", "I drive over that bridge", "We were never told about the closure"]
    for junk in furniture:
        assert junk not in a.text
        assert any(junk in line for line in a.removed)  # removed, and said so
    assert a.title == "Bridge repairs to close city centre for three weeks" and a.author == "Anna Kowalski"
    assert str(a.published.date) == "2025-03-04"


@pytest.mark.parametrize(("line", "reason"), [
    ("Read more: Council warned of bridge corrosion two years ago", "teaser"),
    ("SEE MORE: Traders fear empty streets during the closure", "teaser"),
    ("Related: Five things to know about the vote", "teaser"),
    ("Copyright © 2025 Harbour Gazette Media Ltd. All rights reserved.", "copyright"),
    ("© Reuters 2025", "copyright"),
    ("The BBC is not responsible for the content of external sites.", "external links"),
    ("Share this article", "prompt"),
    ("Download the app for breaking news alerts", "prompt"),
    ("Officials said the bridge would reopen next month after repairs...", "teaser"),
    ("The minister said copyright law would change, and more cuts would follow.", None),
    ("Read the full statement on the council's website, a spokesman said.", None),
])
def test_page_furniture_by_its_words(line: str, reason: str | None) -> None:
    from consilience.clean.page import furniture_reason

    assert furniture_reason(line) == reason


def test_the_article_run_crosses_no_wall_and_outweighs_the_furniture() -> None:
    from consilience.clean.page import before_comments, body_span

    weights = [-1, -1, 20, 15, -4, 18, -1, 10, 12, -1]
    walls = [False] * 6 + [True] + [False] * 3  # "Most read" at 6: the list after it is another run
    assert body_span(weights, walls) == (2, 6)
    assert body_span(weights, [False] * 10) == (2, 9)  # without the wall one run takes in the list
    assert body_span([-1.0, -2.0], [False, False]) == (0, 0)
    lines = ["p"] * 6 + ["34 responses to \u201cCoach: we needed to win\u201d"] + ["c"] * 3
    assert before_comments(lines, [30, 30, 0, 0, 0, 0, -1, 90, 90, 90]) == 6  # a long thread after an article
    assert before_comments(lines, [10, 0, 0, 0, 0, 0, -1, 90, 90, 90]) == 10  # no article before it: no cut
