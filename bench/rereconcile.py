"""Reconcile a dossier's stories again with the current code, keeping its articles, claims and story groups.

    .venv/bin/python bench/rereconcile.py OUT/dossier.json NEW/dossier.json

For iterating on ``reconcile/`` without extracting claims again: the articles and claims are read
back from the dossier (``from_dict``), each story's articles stay grouped as they were, and only
the stories (facts, relations, timeline, briefing) are made anew. Not a substitute for a full
``consilience analyze`` when claims or story clustering change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from consilience.reconcile import stories_of
from consilience.records import Article, Claim


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dossier")
    ap.add_argument("out")
    args = ap.parse_args()
    d = json.loads(Path(args.dossier).read_text())
    articles = [Article.from_dict(a) for a in d["articles"]]
    claims = [Claim.from_dict(c) for c in d["claims"]]
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    by_id = {a.id: a for a in articles}
    stories = []
    for s in d["stories"]:
        group = list(s["articles"])
        members = [by_id[i] for i in group]
        stories.append(stories_of(members, [c for i in group for c in by_article.get(i, ())], [group])[0].to_dict())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({**d, "stories": stories}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
