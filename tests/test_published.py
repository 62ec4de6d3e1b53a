"""Publication dates: a date printed as the page's own, never a reference in its lede; inferred
dates bounded by the article's own past and coming references and never a confident wrong day."""

from __future__ import annotations

from datetime import date

import pytest

from consilience.meta.infer_date import dated_from_story, inferred_published, own_bounds
from consilience.meta.printed_date import printed_date
from consilience.records import Article, Published
from consilience.timex import Anchor

D = date.fromisoformat


@pytest.mark.parametrize(("header", "day"), [
    (["Council approves new budget", "Published: March 13, 2013", "The council voted on Tuesday."], D("2013-03-13")),
    (["Queens hit and run leaves woman dead Saturday, September 14, 2013 Police have a suspect."], D("2013-09-14")),
    (["Lawyer: actress checks into rehab facility May 2, 2013 12: 50 PM The actress has checked in."], D("2013-05-02")),
    (["Deputy's killer gets death sentence The gang member shot a deputy in 2005. April 04, 2007 A jury on "
      "Tuesday ordered execution."], D("2007-04-04")),
    (["Crash leaves mother dead On behalf of a law firm posted in Hit and Run Accidents on Friday, "
      "September 20, 2013. In New York there are laws."], D("2013-09-20")),
    (["Since Jan. 20, 2017, the administration has replaced half of the agency's senior staff, officials said."], None),
    (["Pinup icon dies Page died Thursday after a heart attack. Page was born on April 22, 1923, in Nashville."], None),
    (["Fulton courthouse killer sentenced for the crimes he committed on March 11, 2005, that stunned the city."],
     None),
    (["Death for Orozco POSTED: 04 / 02 / 07, 9: 00 PM | The jury ruled in the murder of a deputy."], None),
])
def test_a_printed_date_is_the_pages_own_not_a_reference_in_its_lede(header: list[str], day: date | None) -> None:
    assert printed_date(header) == day


WINDOW = Anchor(D("2018-01-15"), D("2018-02-26"))  # a story whose dated reports run Jan 29 - Feb 12, 2018


def test_a_background_date_from_another_year_does_not_move_the_date() -> None:
    text = ("The agency has lost a third of its staff since Jan. 20, 2017, the report found. Officials said on "
            "Tuesday that hiring would resume.")
    p = inferred_published(text, WINDOW)
    assert p.basis == "inferred" and p.earliest == WINDOW.earliest and p.latest == WINDOW.latest
    assert p.date is None


def test_the_latest_past_reference_bounds_the_date_from_below() -> None:
    p = inferred_published("The minister resigned on Feb. 5 after the vote, his office said.", WINDOW)
    assert (p.earliest, p.latest, p.date) == (D("2018-02-05"), WINDOW.latest, None)


def test_a_coming_reference_bounds_the_date_from_above() -> None:
    text = "The coach will leave at the end of February, the club said after Saturday's defeat."
    p = inferred_published(text, Anchor(D("2018-02-01"), D("2018-03-20")))
    assert p.earliest == D("2018-02-01") and p.latest == D("2018-02-28") and p.date is None
    both = own_bounds("Talks began on Feb. 2 and will resume on Feb. 19, the envoy said.", WINDOW)
    assert (both.after, both.before) == (D("2018-02-02"), D("2018-02-19"))


@pytest.mark.parametrize("text", [
    "Ministers must act by Feb. 20, campaigners said in a letter.",
    "The rule stays in force until February, the court said.",
    "Greece faces a Feb. 19 due date on its debt, the finance minister said.",
    "The deadline is set for February 9, 2018, and the talks will resume before the Feb. 9 deadline.",
])
def test_a_deadline_or_a_due_date_bounds_nothing_from_below(text: str) -> None:
    assert own_bounds(text, WINDOW).after is None


def test_own_dates_that_contradict_the_story_give_no_date_rather_than_a_wrong_one() -> None:
    text = "The verdict came on March 30, 2019, after a three-week trial, the court said on Friday."
    assert inferred_published(text, WINDOW) == Published()


def test_a_yearless_day_places_nothing_in_a_story_spread_over_years() -> None:
    wide = Anchor(D("2005-06-10"), D("2007-04-18"))
    assert own_bounds("Deputy Ortiz was shot on June 24 near a house in the city.", wide).after is None
    assert own_bounds("Deputy Ortiz was shot on June 24, 2005 near a house.", wide).after == D("2005-06-24")


def test_a_reporting_weekday_alone_gives_the_whole_window_not_a_guessed_week() -> None:
    p = inferred_published("Officials said Tuesday that the bridge would stay closed.", WINDOW)
    assert (p.earliest, p.latest, p.date) == (WINDOW.earliest, WINDOW.latest, None)


def test_no_single_day_unless_the_evidence_gives_one() -> None:
    text = "The strike began on Feb. 26, the union said."  # its only reference meets the window's last day
    assert inferred_published(text, WINDOW).date is None


def test_undated_members_of_a_story_are_dated_from_it() -> None:
    def article(i: str, text: str, published: Published | None = None) -> Article:
        return Article(id=i, source=f"{i}.txt", text=text, published=published or Published(), language="en")

    day = Published(D("2018-02-05"), D("2018-02-05"), D("2018-02-05"), "metadata")
    dated = dated_from_story([article("a", "The port reopened on Monday.", day),
                              article("b", "The port, closed since Feb. 1, reopened after the storm, officials said."),
                              article("c", "A report on something else entirely.")], [["a", "b"], ["c"]])
    by_id = {a.id: a.published for a in dated}
    assert by_id["a"] == day and by_id["c"] == Published()
    assert by_id["b"].basis == "inferred" and by_id["b"].earliest == D("2018-02-01") and by_id["b"].date is None
    assert by_id["b"].latest == D("2018-02-19")


def test_a_url_names_the_day_of_a_plain_text_report() -> None:
    from consilience.meta.article import article_from
    from consilience.meta.printed_date import url_day
    from consilience.records import RawDocument

    assert url_day("http://nypost.com/2013/05/02/actress-checks-in/") == D("2013-05-02")
    assert url_day("http://articles.example.com/2005-05-24/news/25441279") == D("2005-05-24")
    assert url_day("http://example.com/story/123") is None and url_day(None) is None
    a = article_from(RawDocument(source="x.jsonl#1", kind="text", url="http://example.com/2013/05/02/rehab/",
                                 body="The actress checked into a rehab facility on Thursday, her lawyer said."))
    assert (a.published.date, a.published.basis) == (D("2013-05-02"), "metadata")
