"""Stories: articles about the same event, grouped by TF-IDF similarity.

Sub-quadratic by blocking: each article is indexed under its top ``TOP_TERMS`` TF-IDF terms
(terms in more than ``MAX_DF_SHARE`` of a large corpus are not used as keys), so only articles
that share a distinctive term are ever compared. Pairs at or above ``THRESHOLD`` cosine are
joined (union-find), so a new article joins a story or starts one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..records import Article

# Calibrated with bench/stories.py on ECB+ dev topics (B-cubed F1) and the example corpus.
THRESHOLD = 0.25
TOP_TERMS = 12
MAX_DF_SHARE = 0.05
MIN_SHARED_TERMS = 1


def story_groups(articles: Sequence[Article]) -> list[list[str]]:
    """Lists of article ids, one per story, each sorted; stories ordered by their first id."""
    if not articles:
        return []
    ids = [a.id for a in articles]
    matrix = _tfidf([f"{a.title or ''}\n{a.text}" for a in articles])
    parent = list(range(len(ids)))
    for i, j in _candidate_pairs(matrix):
        if float(matrix[i].multiply(matrix[j]).sum()) >= THRESHOLD:
            _union(parent, i, j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, art_id in enumerate(ids):
        groups[_find(parent, i)].append(art_id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def story_id(member_ids: Sequence[str]) -> str:
    return "s" + hashlib.sha1(",".join(sorted(member_ids)).encode()).hexdigest()[:11]


def _tfidf(texts: list[str]):  # type: ignore[no-untyped-def]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1, ngram_range=(1, 1),
                          token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b", dtype=np.float32)
    return vec.fit_transform(texts).tocsr()


def _candidate_pairs(matrix) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    max_df = max(2, int(MAX_DF_SHARE * n)) if n > 100 else n
    buckets: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        row = matrix.getrow(i)
        order = np.argsort(-row.data)[:TOP_TERMS]
        for term in row.indices[order]:
            if df[term] <= max_df:
                buckets[int(term)].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in buckets.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                shared[(a, b)] += 1
    return {p for p, k in shared.items() if k >= MIN_SHARED_TERMS}


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    a, b = _find(parent, i), _find(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)
