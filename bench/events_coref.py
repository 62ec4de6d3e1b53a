"""Cross-document event coreference (facts) on ECB+, split into tuning and held-out topics.

    .venv/bin/consilience analyze ../shared/data/ecbplus-events-dev/docs.jsonl -o OUT --db OUT/s.db
    .venv/bin/python bench/events_coref.py OUT/dossier.json [--json]

Scores the dossier with ``../shared/eval/events.py`` three times: on all 22 topics, on topics 1-15
(where the fact rules were tuned) and on topics 16-22 (kept aside, looked at last). Each line gives
mention recall, CoNLL F1 and the scorer's same-stem baseline on the same topics.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

EVAL = Path("../shared/eval/events.py")
GOLD = Path("../shared/data/ecbplus-events-dev/gold.json")
TUNING = range(1, 16)
HELD_OUT = range(16, 23)


def scorer() -> Any:
    spec = importlib.util.spec_from_file_location("events_eval", EVAL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def topics_only(gold: dict[str, Any], topics: range) -> dict[str, Any]:
    docs = {u: d for u, d in gold["docs"].items() if int(str(d["topic"]).rstrip("ab+")) in topics}
    return {**gold, "name": f"{gold.get('name')} topics {topics.start}-{topics.stop - 1}", "docs": docs}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dossier")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--tuning-only", action="store_true", help="score topics 1-15 only (while tuning: the held-out "
                    "topics stay unseen)")
    args = ap.parse_args()
    events = scorer()
    gold = json.loads(Path(args.gold).read_text())
    dossier = json.loads(Path(args.dossier).read_text())
    out = {}
    splits = (("tuning 1-15", TUNING),) if args.tuning_only else (
        ("all", range(1, 23)), ("tuning 1-15", TUNING), ("held-out 16-22", HELD_OUT))
    for name, topics in splits:
        r = events.score(topics_only(gold, topics), dossier)
        out[name] = {"recall": r["recall"], "recall_event_claims": r["recall_event_claims"],
                     "conll_f1": r["coref"]["conll_f1"], "baseline": r["baseline"]["conll_f1"],
                     "singletons": r["singletons"]["conll_f1"], "mentions": r["mentions"]}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for name, r in out.items():
        print(f"{name:15s} mentions {r['mentions']:5d}  recall {r['recall']:.3f} (event claims "
              f"{r['recall_event_claims']:.3f})  CoNLL F1 {r['conll_f1']:5.1f}  (same-stem baseline {r['baseline']:.1f}, "
              f"all singletons {r['singletons']:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
