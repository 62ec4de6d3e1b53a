"""Story clustering: B-cubed F1 on ECB+ dev topics, and clustering time at 1k / 10k / 100k articles.

    .venv/bin/python bench/stories.py [--sizes 1000,10000,100000]

Growth is synthetic from real text: ECB+ documents with their sentences shuffled and a per-copy
token appended, so copies are near but not identical.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from consilience.reconcile.stories import story_groups
from consilience.records import Article

DATA = Path("../shared/data/ecbplus-dev/ecbplus-dev.jsonl")
GOLD = Path("../shared/gold/ecbplus-dev-clusters.json")


def bcubed(groups: list[list[str]], gold: dict[str, str], url_of: dict[str, str]) -> float:
    story = {a: k for k, g in enumerate(groups) for a in g}
    items = [i for i in url_of if url_of[i] in gold]
    by_story: dict[int, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for i in items:
        by_story.setdefault(story[i], []).append(i)
        by_gold.setdefault(gold[url_of[i]], []).append(i)
    p = r = 0.0
    for i in items:
        same = by_story[story[i]]
        both = sum(1 for j in same if gold[url_of[j]] == gold[url_of[i]])
        p += both / len(same)
        r += both / len(by_gold[gold[url_of[i]]])
    p, r = p / len(items), r / len(items)
    return 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    a = ap.parse_args()
    recs = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    gold = json.loads(GOLD.read_text())["clusters"]
    arts = [Article(id=f"{i:06d}", source=r["url"], text=r["text"], url=r["url"]) for i, r in enumerate(recs)]
    t0 = time.perf_counter()
    groups = story_groups(arts)
    print(f"ecb+ dev: articles={len(arts)} stories={len(groups)} bcubed_f1="
          f"{bcubed(groups, gold, {x.id: x.url or '' for x in arts}):.3f} seconds={time.perf_counter() - t0:.2f}")
    rng = random.Random(7)
    for n in (int(s) for s in a.sizes.split(",")):
        synth = []
        for k in range(n):
            base = recs[k % len(recs)]["text"].split(". ")
            rng.shuffle(base)
            synth.append(Article(id=f"{k:07d}", source=str(k), text=". ".join(base) + f" copy{k}"))
        t0 = time.perf_counter()
        groups = story_groups(synth)
        print(f"synthetic: articles={n} stories={len(groups)} seconds={time.perf_counter() - t0:.2f}")


if __name__ == "__main__":
    main()
