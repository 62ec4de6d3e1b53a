"""Inferred publication dates on ECB+ (topics 1-22): leave one dated report out, infer its date from its
story and its own text, compare with the date it really carries.

    .venv/bin/python bench/inferred_dates.py [--data ../shared/data/ecbplus-dev] [--gold ../shared/gold/ecbplus-dev-clusters.json]

Truth for a report: the date in its URL (``/2013/05/02/``), else the date printed in its header
(``printed_date``). Each report with a truth is made undated and dated again by ``dated_from_story``
from the other dated reports of its gold story. Prints, for development topics 1-15 and held-out
topics 16-22 separately: how many got a date or range, how many ranges hold the true day, how many
single days were given and how many of those are wrong, how many results lie wholly in a wrong year,
and the median range width.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from htmldate.extractors import COMPLETE_URL

from consilience.errors import InputError
from consilience.meta.article import article_from
from consilience.meta.infer_date import dated_from_story
from consilience.meta.printed_date import printed_date
from consilience.records import Article, Published, RawDocument

HELD_OUT_FROM_TOPIC = 16


def url_day(url: str) -> date | None:
    m = COMPLETE_URL.search(url)
    if not m:
        return None
    try:
        return datetime(int(m[1]), int(m[2]), int(m[3])).date()
    except ValueError:
        return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/ecbplus-dev")
    ap.add_argument("--gold", default="../shared/gold/ecbplus-dev-clusters.json")
    ap.add_argument("--show", action="store_true", help="print each development report whose range misses its day")
    a = ap.parse_args()
    clusters = json.loads(Path(a.gold).read_text())["clusters"]
    articles: dict[str, Article] = {}
    truth: dict[str, date] = {}
    for line in (Path(a.data) / "ecbplus-dev.jsonl").read_text().splitlines():
        rec = json.loads(line)
        try:
            art = article_from(RawDocument(source=rec["url"], kind="text", body=rec["text"]))
        except InputError:
            continue
        day = url_day(rec["url"]) or printed_date(tuple(rec["text"].splitlines()[:4]))
        articles[rec["url"]] = replace(art, published=Published())
        if day:
            truth[rec["url"]] = day
    stories: dict[str, list[str]] = defaultdict(list)
    for url, story in clusters.items():
        if url in articles:
            stories[story].append(url)
    rows: dict[str, list[tuple[date, Published]]] = {"dev": [], "held-out": []}
    for story, members in sorted(stories.items()):
        split = "held-out" if int(story.split("_")[0]) >= HELD_OUT_FROM_TOPIC else "dev"
        for target in members:
            if target not in truth:
                continue
            others = [replace(articles[u], published=Published(truth[u], truth[u], truth[u], "metadata"))
                      for u in members if u != target and u in truth]
            if not others:
                continue
            dated = dated_from_story([articles[target], *others], [[articles[target].id, *(o.id for o in others)]])
            rows[split].append((truth[target], dated[0].published))
            p = dated[0].published
            if a.show and not (p.earliest or date.min) <= truth[target] <= (p.latest or date.max):
                print(f"  {truth[target]} got {p.earliest}..{p.latest} ({p.basis}) others "
                      f"{sorted(str(o.published.date) for o in others)} {target}\n    {articles[target].text[:300]!r}")
    for split, results in rows.items():
        print(f"{split}: {summary(results)}")


def summary(results: list[tuple[date, Published]]) -> str:
    given = [(t, p) for t, p in results if p.basis != "unknown"]
    bounded = [(t, p) for t, p in given if p.earliest and p.latest]
    holds = sum((p.earliest or date.min) <= t <= (p.latest or date.max) for t, p in given)
    days = [(t, p) for t, p in given if p.date]
    wrong_days = sum(p.date != t for t, p in days)
    wrong_year = sum(p.earliest.year == p.latest.year != t.year for t, p in bounded)  # type: ignore[union-attr]
    widths = [(p.latest - p.earliest).days + 1 for t, p in bounded]  # type: ignore[operator]
    return (f"reports={len(results)} dated={len(given)} range_holds_truth={holds}/{len(given)} "
            f"single_days={len(days)} wrong_single_days={wrong_days} wholly_wrong_year={wrong_year} "
            f"median_width_days={statistics.median(widths) if widths else 0}")


if __name__ == "__main__":
    main()
