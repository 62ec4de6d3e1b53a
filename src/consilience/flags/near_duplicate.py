"""Near-duplicates (syndicated or copied text) with MinHash LSH: linear in the number of articles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from datasketch import MinHash, MinHashLSH

from ..records import Article, Flag

# Jaccard similarity of word 5-shingles above which two texts are copies (AFP copy republished
# with a different intro still shares ~0.8 of its shingles).
THRESHOLD = 0.8
NUM_PERM = 128
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 5]) for i in range(max(len(words) - 4, 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode() for s in sorted(shingles)])
    return m


def with_duplicates_marked(articles: Sequence[Article]) -> list[Article]:
    """Each copy gets ``duplicate_of`` (the earliest-published, then smallest id) and a flag."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sigs = {a.id: signature(a.text) for a in articles}
    for a in articles:
        if a.id not in lsh:
            lsh.insert(a.id, sigs[a.id])
    by_id = {a.id: a for a in articles}
    out = []
    for a in articles:
        group = sorted(set(lsh.query(sigs[a.id])) | {a.id}, key=lambda i: (_when(by_id[i]), i))
        original = group[0]
        if original == a.id:
            out.append(a)
            continue
        sim = sigs[a.id].jaccard(sigs[original])
        flag = Flag("near_duplicate", f"copies article {original}", f"Jaccard similarity {sim:.2f} of 5-word shingles")
        out.append(replace(a, duplicate_of=original, flags=a.flags + (flag,)))
    return out


def _when(a: Article) -> date:
    return a.published.date or a.published.earliest or date.max
