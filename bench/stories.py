"""Story clustering: B-cubed F1 on ECB+ dev topics, and clustering time at 1k / 10k / 100k articles.

    .venv/bin/python bench/stories.py [--sizes 1000,10000,100000]

Growth is synthetic from real text: each article mixes about 60% of the sentences of two real
reports of one ECB+ story, shuffled, so articles are related but never copies, and its B-cubed F1
against that story is printed too.
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


def synthetic(recs: list[dict], gold: dict[str, str], n: int, rng: random.Random) -> tuple[list[Article], dict[str, str]]:
    """``n`` articles, each mixing ~60% of the sentences of two real reports of one ECB+ story:
    related but never identical, so stories grow to n/40 articles (the hard, large-story case)."""
    by_story: dict[str, list[list[str]]] = {}
    for r in recs:
        if r["url"] in gold:
            by_story.setdefault(gold[r["url"]], []).append(r["text"].split(". "))
    names = sorted(by_story)
    arts, truth = [], {}
    for k in range(n):
        story = names[k % len(names)]
        a, b = rng.choice(by_story[story]), rng.choice(by_story[story])
        sents = [x for x in a + b if rng.random() < 0.6] or a
        rng.shuffle(sents)
        arts.append(Article(id=f"{k:07d}", source=str(k), text=". ".join(sents) + f" copy{k}", url=f"syn:{k}"))
        truth[f"syn:{k}"] = story
    return arts, truth


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
    for n in (int(s) for s in a.sizes.split(",")):
        synth, truth = synthetic(recs, gold, n, random.Random(7))
        t0 = time.perf_counter()
        groups = story_groups(synth)
        dt = time.perf_counter() - t0
        f1 = bcubed(groups, truth, {x.id: x.url or "" for x in synth})
        print(f"synthetic: articles={n} stories={len(groups)} bcubed_f1={f1:.3f} seconds={dt:.2f} "
              f"per_1k={1000 * dt / n:.2f}s")


if __name__ == "__main__":
    main()
