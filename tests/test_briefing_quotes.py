"""The briefing's quote check finds a quote's words where a regular expression would (briefing._word_runs)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from consilience.reconcile.briefing import _word_runs


@given(st.text(alphabet=st.sampled_from([*"ab a\n\t.", "\u00a0", "\u2003", "é"]), max_size=30),
       st.lists(st.text(alphabet=st.sampled_from([*"ab.é"]), min_size=1, max_size=3), min_size=1, max_size=3),
       st.integers(0, 30), st.integers(0, 30))
def test_word_runs_are_the_matches_of_the_whitespace_joined_pattern(text: str, words: list[str], lo: int,
                                                                     hi: int) -> None:
    pattern, found, at = re.compile(r"\s+".join(map(re.escape, words))), [], lo
    while (m := pattern.search(text, at, hi)) is not None:
        found.append(m.span())
        at = m.start() + 1
    assert list(_word_runs(text, words, lo, hi)) == found


def test_word_runs_cross_any_whitespace_but_not_none() -> None:
    text = "He said: the plan\n  was  final. The planwas"
    assert list(_word_runs(text, ["plan", "was"], 0, len(text))) == [(13, 23)]
    assert list(_word_runs(text, ["plan", "was"], 0, 22)) == []  # the match must end by ``hi``
