"""Near-duplicates (syndicated or copied text) with MinHash LSH: linear in the number of articles."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

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


def signature_bytes(text: str) -> bytes:
    """The signature of ``text`` as bytes, to compute once per article and store."""
    m = signature(text)
    return bytes(m.hashvalues.astype(m.hashvalues.dtype.newbyteorder("<")).tobytes())


def signature_from(data: bytes) -> LeanMinHash:
    """The signature ``signature_bytes`` wrote, for ``with_duplicates_marked``."""
    scheme = _scheme()
    dtype = "<u4" if scheme == "affine32" else "<u8"
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=dtype), scheme=scheme)


@lru_cache(maxsize=1)
def _scheme() -> str:
    return str(MinHash(num_perm=NUM_PERM, seed=1).scheme)


def with_duplicates_marked(articles: Sequence[Article],
                           signatures: Mapping[str, MinHash] | None = None) -> list[Article]:
    """Each copy gets ``duplicate_of`` (the earliest-published, then smallest id) and a flag.
    ``signatures``: the articles' signatures when computed before (``signature_from``); the others are made here."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    given = signatures or {}
    sigs = {a.id: given.get(a.id) or signature(a.text) for a in articles}
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
