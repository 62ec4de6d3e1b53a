"""When a claim is about: the tense of the sentence and ranges, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from consilience.timex import Anchor

MONDAY = Anchor(date(2024, 3, 11), date(2024, 3, 11))


def when(sentence: str, trigger: str, anchor: Anchor = MONDAY) -> tuple[str | None, str | None]:
    """The (start, end) of the time ``trigger`` (a word of ``sentence``) is about."""
    from consilience.claims.parse import nlp
    from consilience.claims.timing import times_in, when_of
    from consilience.lexicon.gazetteer import gazetteer
    from consilience.timex import mentions

    doc = nlp()(sentence)
    token = next(t for t in doc if t.text == trigger)
    w = when_of(token, times_in(doc, mentions(sentence), anchor, gazetteer()))
    assert w is not None, f"no time for {trigger!r}"
    return w.start.isoformat() if w.start else None, w.end.isoformat() if w.end else None


@pytest.mark.parametrize("sentence,trigger,expected", [
    # what is set, scheduled, due or expected lies ahead of the day of publication (Monday 11 March 2024)
    ("Organisers said the march set for Saturday would start at the harbour.", "march", "2024-03-16"),
    ("The hearing, scheduled for Thursday, was moved to a larger courtroom.", "hearing", "2024-03-14"),
    ("The interview is to air Friday on the regional channel.", "air", "2024-03-15"),
    ("A verdict is due on Wednesday, the clerk said.", "verdict", "2024-03-13"),
    ("The governor is expected to sign the budget on Tuesday.", "sign", "2024-03-12"),
    ("The striker will leave the club at the end of April.", "leave", "2024-04-21"),
    ("Ferries will resume sailing in February.", "resume", "2025-02-01"),
    # and what was done lies behind it
    ("The striker left the club at the end of April.", "left", "2023-04-21"),
    ("The mill closed in April, its owners said.", "closed", "2023-04-01"),
    ("The mill closed in March, its owners said.", "closed", "2024-03-01"),
    ("The governor signed the budget on Tuesday.", "signed", "2024-03-05"),
    ("She declined to comment on Friday.", "declined", "2024-03-08"),
])
def test_the_tense_of_the_sentence_decides_past_or_coming(sentence: str, trigger: str, expected: str) -> None:
    assert when(sentence, trigger)[0] == expected


@pytest.mark.parametrize("sentence,trigger,expected", [
    ("Exports to the region fell between 2015 and 2018, the agency said.", "fell", ("2015-01-01", "2018-12-31")),
    ("The canal was closed from June to August for dredging.", "closed", ("2023-06-01", "2023-08-31")),
    ("The canal will be closed from June to August for dredging.", "closed", ("2024-06-01", "2024-08-31")),
    ("Two trawlers were seized in June-July, the coastguard said.", "seized", ("2023-06-01", "2023-07-31")),
    ("The festival runs May 9-12 in the old town.", "runs", ("2024-05-09", "2024-05-12")),
])
def test_a_range_keeps_both_ends(sentence: str, trigger: str, expected: tuple[str, str]) -> None:
    assert when(sentence, trigger) == expected


def _claim_when(text: str, word: str) -> str | None:
    from claim_texts import claims_in, triggered

    w = triggered(claims_in(text, outlet="Test"), word).when
    return w.text if w is not None else None


def test_a_year_that_names_a_thing_dates_no_event_done_to_it() -> None:
    assert _claim_when("Many analysts expect the 2030 deadline to be quietly abandoned.", "abandoned") is None
    assert _claim_when("The 2019 floods destroyed the harbour wall.", "destroyed") is None


def test_a_time_dates_the_clause_it_hangs_on_not_clauses_of_their_own_around_it() -> None:
    text = "Exports have been recovering in recent months after collapsing during 2019 as the port battled to reopen."
    assert _claim_when(text, "collapsing") == "during 2019"
    assert _claim_when(text, "battled") is None  # "as the port battled": its own clause, with no time
    assert _claim_when(text, "recovering") != "during 2019"
    assert _claim_when("The mayor was charged on Monday and released on bail.", "released") == "on Monday"
    # a clause said of the time itself is dated by it
    assert _claim_when("No figures have been released since May 2021, when the ministry counted 412 deaths.",
                       "counted") is not None
