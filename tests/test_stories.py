"""Story grouping on hand-written reports: two similar events stay apart, one event stays together."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pytest

from consilience.reconcile import stories
from consilience.reconcile.stories import story_groups
from consilience.records import Article, Published

QUAKE_A = [
    "A magnitude 6.1 earthquake struck near Lorca in southern Spain on Wednesday, killing nine people and damaging the old town.",
    "The quake hit Lorca, Spain, shortly before 7 p.m., the Spanish geological institute said; rescuers searched damaged buildings.",
    "Nine people died when an earthquake shook Lorca in Murcia, Spain, and thousands of residents slept outdoors.",
]
QUAKE_B = [
    "A magnitude 7.0 earthquake struck off the coast of Sumatra in Indonesia, shaking Padang and prompting a tsunami warning.",
    "Indonesian officials in Padang said the Sumatra earthquake damaged houses; the tsunami warning was later lifted.",
    "Residents of Padang fled to higher ground after the strong earthquake off Sumatra, Indonesia's weather agency said.",
]
BUDGET = ["The city council of Bergen approved next year's budget after a long debate over school funding and bus routes."]


def articles(texts: list[str], prefix: str, day: str | None = None) -> list[Article]:
    d = date.fromisoformat(day) if day else None
    pub = Published(date=d, earliest=d, latest=d, basis="metadata") if d else Published()
    return [Article(id=f"{prefix}{i}", source=f"{prefix}{i}.txt", text=t, published=pub) for i, t in enumerate(texts)]


def test_two_earthquakes_are_two_stories() -> None:
    groups = story_groups(articles(QUAKE_A, "a") + articles(QUAKE_B, "b") + articles(BUDGET, "c"))
    assert sorted(groups) == [["a0", "a1", "a2"], ["b0", "b1", "b2"], ["c0"]]


def test_input_order_does_not_change_the_stories() -> None:
    arts = articles(QUAKE_A, "a") + articles(QUAKE_B, "b") + articles(BUDGET, "c")
    shuffled = arts[:]
    random.Random(3).shuffle(shuffled)
    assert story_groups(shuffled) == story_groups(arts)


def test_same_words_years_apart_are_not_one_story() -> None:
    groups = story_groups(articles(QUAKE_A[:2], "x", "2019-03-01") + articles(QUAKE_A[2:], "y", "2022-05-01"))
    assert sorted(groups) == [["x0", "x1"], ["y0"]]


def test_a_canopy_too_big_is_split_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MAX_CANOPY", 2)
    monkeypatch.setattr(stories, "CANOPY", 0.0)
    groups = story_groups(articles(QUAKE_A, "a") + articles(QUAKE_B, "b"))
    assert all(set(g) <= {"a0", "a1", "a2"} or set(g) <= {"b0", "b1", "b2"} for g in groups)


def test_huge_canopy_falls_back_to_centroids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MAX_CANOPY", 2)
    monkeypatch.setattr(stories, "SPLIT_MAX", 0.0)
    groups = story_groups(articles(QUAKE_A, "a") + articles(QUAKE_B, "b") + articles(BUDGET, "c"))
    assert all(set(g) <= {"a0", "a1", "a2"} or set(g) <= {"b0", "b1", "b2"} or g == ["c0"] for g in groups)
    assert len(groups) <= 5


def test_no_pair_is_compared_twice_and_blocking_is_bounded() -> None:
    arts = [Article(id=f"n{i:03d}", source=str(i), text=f"storm flood river town{i % 7} rain bridge closed") for i in range(200)]
    pairs = stories.candidate_pairs(stories.article_vectors(arts))
    assert len({tuple(p) for p in pairs}) == len(pairs) and (pairs[:, 0] < pairs[:, 1]).all()
    assert len(pairs) <= 200 * stories.TOP_TERMS * stories.WINDOW


def test_undated_articles_skip_the_time_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """With fewer than two dated articles every pair's factor is 1: the n x n product is skipped
    (BBC News: no article dated), and the stories are the same."""
    arts = articles(QUAKE_A, "a") + articles(QUAKE_B, "b") + articles(BUDGET, "c", "2019-03-01")
    expected = story_groups(arts)
    calls: list[int] = []
    real = stories._time_factor
    monkeypatch.setattr(stories, "_time_factor", lambda a, b: calls.append(1) or real(a, b))
    assert story_groups(arts) == expected and calls == []
    story_groups(articles(QUAKE_A, "x", "2019-03-01") + articles(QUAKE_B, "y"))
    assert calls


MIXED = [*QUAKE_A, *QUAKE_B, *BUDGET,
         "Police said the the the road was closed; it's closed again — the Police said, twice.",
         "no capital letters here at all, only words and no numbers",
         "Émile Zola's café in Saint\nDenis: 3.5 million visitors, the São Paulo office said. Zürich agreed."]


def _library_vectors(arts: list[Article]) -> object:
    """What ``article_vectors`` computed with ``TfidfVectorizer.fit_transform`` over the texts."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    texts = [stories._texts(a) for a in arts]
    words, names = ([t[k] for t in texts] for k in (0, 1))
    w, n = (v.fit_transform(t) for v, t in zip(stories._vectorizers(), (words, names), strict=True))
    joined = sparse.hstack([np.sqrt(1 - stories.NAME_WEIGHT) * w, np.sqrt(stories.NAME_WEIGHT) * n])
    return normalize(joined.tocsr()).astype(np.float32)


def test_vectors_from_stored_terms_are_the_library_s_bit_for_bit() -> None:
    """The TF-IDF rows made from each article's stored terms (counted once, when it was ingested)
    are scikit-learn's, entry for entry and in the same order: the stories do not depend on which
    articles' terms were stored and which counted now."""
    arts = sorted(articles(MIXED, "m"), key=lambda a: a.id)
    expected = _library_vectors(arts)
    stored = {a.id: stories.article_terms(a) for a in arts}
    some = {i: t for k, (i, t) in enumerate(sorted(stored.items())) if k % 2}
    for terms in (None, stored, some):
        got = stories.article_vectors(arts, terms)
        for part in ("data", "indices", "indptr"):
            assert np.array_equal(getattr(got, part), getattr(expected, part)), part
        assert got.shape == expected.shape and got.dtype == expected.dtype
    assert story_groups(arts, stored) == story_groups(arts)
    assert stored["m8"].endswith("\n_none_ 1")  # no names in the lede: the placeholder the library counted
