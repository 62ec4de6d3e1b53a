"""Stories: articles about the same event, grouped by average-link clustering inside canopies.

1. Each article is a unit vector: TF-IDF of its words, joined with TF-IDF of the names and
   numbers in its title and lede (``NAME_WEIGHT`` of the similarity). Two earthquakes or two
   celebrities entering rehab share their words; their places, names and years differ.
2. Candidate pairs by blocking, never all pairs: each article is keyed by its ``TOP_TERMS``
   heaviest terms, and inside each key's posting list (sorted by weight) an article is paired
   only with its ``WINDOW`` nearest neighbours (the sorted-neighbourhood method). So the work is
   O(n · TOP_TERMS · WINDOW) however common a term is.
3. Canopies: pairs with similarity at least ``CANOPY`` are joined (union-find). A canopy holds
   every story that could be one, and more.
   A corpus of at most ``MAX_CANOPY`` articles is one canopy: every pair is compared exactly (with
   a handful of articles, corpus-wide IDF is too weak a guide for blocking).
4. Inside each canopy, exact average-link clustering cut at ``THRESHOLD``: a story is a set
   whose members are, on average, similar to each other; unlike single-link, two events that
   share a topic do not chain into one. A canopy over ``MAX_CANOPY`` articles is split first by
   assigning its members to running centroids (linear), so no step is quadratic in the corpus.

Articles whose known publication dates are more than ``MAX_GAP_DAYS`` apart count as half as similar.
Calibrated with bench/stories.py on the ECB+ dev topics (B-cubed F1) and kept deterministic:
the same articles in any order give the same stories.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import cache

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..records import Article
from ..timex import anchor_of

THRESHOLD = 0.15      # average similarity inside a story
CANOPY = 0.10         # single-link similarity that puts two articles in one canopy
NAME_WEIGHT = 0.45    # share of the similarity from names and numbers in title and lede
LEDE_CHARS = 1000
TOP_TERMS = 12
WINDOW = 8
MAX_CANOPY = 2500
MAX_GAP_DAYS = 365   # dated more than a year apart: similarity halved (TIME_PENALTY)
TIME_PENALTY = 0.5
PAIR_CHUNK = 200_000

_WORD = r"(?u)\b[^\W\d_][\w'-]+\b"
_NAMES = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+|\b\d[\d.,]*\d\b|\b[A-Z][a-z]{2,}\b")


def story_groups(articles: Sequence[Article], terms: Mapping[str, str] | None = None) -> list[list[str]]:
    """Lists of article ids, one per story, each sorted; stories ordered by their first id.
    ``terms``: article id -> its ``article_terms``, stored when it was ingested (computed here for
    the articles missing from it)."""
    if not articles:
        return []
    articles = sorted(articles, key=lambda a: a.id)
    vectors = article_vectors(articles, terms)
    days = _days(articles)
    if len(articles) <= MAX_CANOPY:  # small enough to compare every pair exactly: one canopy
        blocks = [np.arange(len(articles))]
    else:
        pairs, sims = candidate_similarities(vectors, days)
        blocks = canopies(len(articles), pairs, sims)
    labels = np.full(len(articles), -1, dtype=np.int64)
    next_label = 0
    for members in blocks:
        for local in _clusters_in(members, vectors, days):
            labels[members[local]] = next_label
            next_label += 1
    groups: dict[int, list[str]] = defaultdict(list)
    for a, label in zip(articles, labels, strict=True):
        groups[int(label)].append(a.id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def story_id(member_ids: Sequence[str]) -> str:
    return "s" + hashlib.sha1(",".join(sorted(member_ids)).encode()).hexdigest()[:11]


def article_vectors(articles: Sequence[Article], terms: Mapping[str, str] | None = None) -> sparse.csr_matrix:
    """One unit row per article: words and (weighted) names/numbers of title and lede.
    ``terms``: the articles' ``article_terms`` where known (the others are counted here)."""
    known = terms or {}
    counted = [_parsed(known[a.id]) if a.id in known else _counted(a) for a in articles]
    words = _tfidf([w for w, _ in counted])
    name_vec = _tfidf([n for _, n in counted])
    joined = sparse.hstack([np.sqrt(1 - NAME_WEIGHT) * words, np.sqrt(NAME_WEIGHT) * name_vec])
    return normalize(joined.tocsr()).astype(np.float32)


# An article's terms: the words, and the names and numbers of its title and lede, each with how
# often it occurs, in the order they first occur. Counted once per article (when it is stored, in
# the workers) so that adding a few articles refits the TF-IDF weights without reading every text
# again; ``_tfidf`` makes from them the matrix ``TfidfVectorizer.fit_transform`` makes from the texts.
Counts = dict[str, int]


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    """The two vectorizers whose terms an article is counted by: words; names and numbers."""
    return (TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_WORD, dtype=np.float32),
            TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+", lowercase=False, dtype=np.float32))


@cache
def _analyzers() -> tuple[Callable[[str], list[str]], Callable[[str], list[str]]]:
    """Their term analysers, built once per process (not once per article)."""
    words, names = _vectorizers()
    return words.build_analyzer(), names.build_analyzer()


def _texts(a: Article) -> tuple[str, str]:
    """What the two vectorizers read of an article: its title and text, and the names and numbers of its lede."""
    text = f"{a.title or ''}\n{a.text}"
    return text, " ".join(m.replace(" ", "_") for m in _NAMES.findall(text[:LEDE_CHARS])) or "_none_"


def _counted(a: Article) -> tuple[Counts, Counts]:
    out = []
    for analyse, text in zip(_analyzers(), _texts(a), strict=True):
        counts: Counts = {}
        for term in analyse(text):
            counts[term] = counts.get(term, 0) + 1
        out.append(counts)
    return out[0], out[1]


def article_terms(a: Article) -> str:
    """``a``'s terms as stored: a line of words, a line of names, each ``term count term count ...``
    (no term holds white space: the token patterns exclude it)."""
    return "\n".join(" ".join(f"{t} {n}" for t, n in counts.items()) for counts in _counted(a))


def _parsed(text: str) -> tuple[Counts, Counts]:
    words, names = text.split("\n")
    return _pairs(words), _pairs(names)


def _pairs(line: str) -> Counts:
    items = line.split()
    return dict(zip(items[0::2], map(int, items[1::2]), strict=True))


def _tfidf(docs: Sequence[Counts]) -> sparse.csr_matrix:
    """The TF-IDF rows of documents given by their term counts: the matrix, entry for entry and in
    the same order within each row (which the floating-point sums of the norms follow),
    that ``TfidfVectorizer(sublinear_tf=True).fit_transform`` gives of their texts. As it does:
    terms numbered in order of first occurrence, each row's entries sorted by that number, then
    the terms renumbered alphabetically (``tests/test_stories.py`` compares the two)."""
    first = {term: k for k, term in enumerate(dict.fromkeys(itertools.chain.from_iterable(docs)))}
    columns = np.fromiter((first[t] for d in docs for t in d), dtype=np.int32, count=sum(map(len, docs)))
    values = np.fromiter((n for d in docs for n in d.values()), dtype=np.intc, count=len(columns))
    indptr = np.zeros(len(docs) + 1, dtype=np.int32)
    np.cumsum([len(d) for d in docs], out=indptr[1:])
    counts = sparse.csr_matrix((values, columns, indptr), shape=(len(docs), len(first)), dtype=np.float32)
    counts.sort_indices()
    alphabetical = np.empty(len(first), dtype=counts.indices.dtype)
    alphabetical[[first[t] for t in sorted(first)]] = np.arange(len(first), dtype=counts.indices.dtype)
    counts.indices = alphabetical.take(counts.indices)
    return TfidfTransformer(sublinear_tf=True).fit(counts).transform(counts, copy=False)


def candidate_pairs(vectors: sparse.csr_matrix) -> np.ndarray:
    """(k, 2) array of article index pairs i < j worth comparing (sorted-neighbourhood blocking)."""
    keys: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i in range(vectors.shape[0]):
        lo, hi = vectors.indptr[i], vectors.indptr[i + 1]
        data, idx = vectors.data[lo:hi], vectors.indices[lo:hi]
        top = np.argsort(-data, kind="stable")[:TOP_TERMS]
        for t in top:
            keys[int(idx[t])].append((-float(data[t]), i))
    found: list[np.ndarray] = []
    for posting in keys.values():
        if len(posting) < 2:
            continue
        order = np.array([i for _, i in sorted(posting)], dtype=np.int64)
        for step in range(1, min(WINDOW, len(order) - 1) + 1):
            found.append(np.stack([order[:-step], order[step:]], axis=1))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.sort(np.concatenate(found), axis=1)
    return np.unique(pairs, axis=0)


def candidate_similarities(vectors: sparse.csr_matrix, days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs and their cosine similarity, computed in vectorised chunks."""
    pairs = candidate_pairs(vectors)
    sims = np.empty(len(pairs), dtype=np.float32)
    for lo in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[lo:lo + PAIR_CHUNK]
        sims[lo:lo + PAIR_CHUNK] = np.asarray(vectors[chunk[:, 0]].multiply(vectors[chunk[:, 1]]).sum(axis=1)).ravel()
    sims *= _time_factor(days[pairs[:, 0]], days[pairs[:, 1]]) if len(pairs) else 1
    return pairs, sims


def canopies(n: int, pairs: np.ndarray, sims: np.ndarray) -> list[np.ndarray]:
    """Groups of articles connected by pairs with similarity >= CANOPY, smallest index first.

    A group over MAX_CANOPY articles is split again at a higher similarity (up to SPLIT_MAX),
    so that average-link inside a canopy stays cheap.
    """
    keep = sims >= CANOPY
    return sorted(_components(np.arange(n), pairs[keep], sims[keep], CANOPY), key=lambda m: int(m[0]))


SPLIT_STEP = 0.05
SPLIT_MAX = 0.6


def _components(members: np.ndarray, pairs: np.ndarray, sims: np.ndarray, floor: float) -> list[np.ndarray]:
    index = np.full(int(members.max()) + 1, -1, dtype=np.int64)
    index[members] = np.arange(len(members))
    local = index[pairs]
    graph = sparse.coo_matrix((np.ones(len(local)), (local[:, 0], local[:, 1])), shape=(len(members),) * 2)
    _, labels = sparse.csgraph.connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    out: list[np.ndarray] = []
    for part in np.split(order, np.flatnonzero(np.diff(labels[order])) + 1):
        group = members[part]
        if len(group) <= MAX_CANOPY or floor + SPLIT_STEP > SPLIT_MAX:
            out.append(group)
            continue
        inside = np.zeros(index.shape[0], dtype=bool)
        inside[group] = True
        keep = inside[pairs[:, 0]] & (sims >= floor + SPLIT_STEP)
        out += _components(group, pairs[keep], sims[keep], floor + SPLIT_STEP)
    return out


def _clusters_in(members: np.ndarray, vectors: sparse.csr_matrix, days: np.ndarray) -> list[np.ndarray]:
    """Average-link clusters inside one canopy, as positions into ``members``."""
    if len(members) == 1:
        return [np.array([0])]
    if len(members) > MAX_CANOPY:
        return _centroid_clusters(members, vectors)
    sub = vectors[members]
    sim = (sub @ sub.T).toarray()
    if np.count_nonzero(days[members] >= 0) > 1:  # else every factor is 1: an n x n product saved
        sim *= _time_factor(days[members][:, None], days[members][None, :])
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), 1.0 - THRESHOLD, "distance")
    return [np.flatnonzero(labels == k) for k in np.unique(labels)]


def _centroid_clusters(members: np.ndarray, vectors: sparse.csr_matrix, batch: int = 500) -> list[np.ndarray]:
    """Linear fallback for a huge canopy: in batches, each article joins the most similar story
    centroid so far, or starts a story (matched against the batch's earlier new stories)."""
    sub = vectors[members]
    n = sub.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    sums = sparse.csr_matrix((0, sub.shape[1]), dtype=np.float32)
    for lo in range(0, n, batch):
        rows = sub[lo:lo + batch]
        if sums.shape[0]:
            sim = (rows @ normalize(sums).T).toarray()
            best = sim.argmax(axis=1)
            matched = sim[np.arange(len(best)), best] >= THRESHOLD
            labels[lo + np.flatnonzero(matched)] = best[matched]
        fresh = [r for r in range(rows.shape[0]) if labels[lo + r] < 0]
        k = sums.shape[0]
        if fresh:
            local = (rows[fresh] @ rows[fresh].T).toarray()
            leaders: list[int] = []
            for pos, r in enumerate(fresh):
                scores = local[pos, leaders] if leaders else np.empty(0)
                if len(scores) and scores.max() >= THRESHOLD:
                    labels[lo + r] = labels[lo + fresh[leaders[int(scores.argmax())]]]
                else:
                    labels[lo + r] = k + len(leaders)
                    leaders.append(pos)
        grown = k + (len(leaders) if fresh else 0)
        onehot = sparse.csr_matrix((np.ones(rows.shape[0], dtype=np.float32),
                                    (labels[lo:lo + rows.shape[0]], np.arange(rows.shape[0]))),
                                   shape=(grown, rows.shape[0]))
        sums = sparse.vstack([sums, sparse.csr_matrix((grown - k, sub.shape[1]), dtype=np.float32)]).tocsr() + onehot @ rows
    return [np.flatnonzero(labels == c) for c in np.unique(labels)]


def _days(articles: Sequence[Article]) -> np.ndarray:
    """Middle day of each article's known publication date (ordinal), or -1 when unknown."""
    anchors = [anchor_of(a.published) for a in articles]
    return np.array([x.mid.toordinal() if x else -1 for x in anchors], dtype=np.int64)


def _time_factor(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """TIME_PENALTY for two dated articles more than MAX_GAP_DAYS apart, else 1. Soft, not a cut:
    a date printed in a header is sometimes not the publication date (ECB+ dev: a hard cut at 120
    days gave B-cubed 0.887, this 0.922)."""
    far = (a >= 0) & (b >= 0) & (np.abs(a - b) > MAX_GAP_DAYS)
    return np.where(far, TIME_PENALTY, 1.0).astype(np.float32)
