"""Hand audits of reconciliation (issue #11): relations, briefing sentences, multi-source facts.

    # draw a sample (fixed seed) and show it for labelling; writes the label file's rows, verdicts empty
    .venv/bin/python bench/audits.py sample relations OUT/dossier.json --n 60 --seed 11 --out bench/labels/x.jsonl
    .venv/bin/python bench/audits.py sample sentences OUT/dossier.json --n 50 --seed 11 --out ...
    .venv/bin/python bench/audits.py sample facts OUT/dossier.json --n 30 --seed 11 --out ...
    # show a label file's items again (article text around each claim) and score its verdicts
    .venv/bin/python bench/audits.py show bench/labels/x.jsonl OUT/dossier.json
    .venv/bin/python bench/audits.py score bench/labels/x.jsonl

A label file holds ids, article urls, claim offsets and the verdict with its reason, never article
text (the data's licences forbid copying it). ``verdict`` is ``accept`` or ``reject``; the score is
the accepted share of the labelled items.

What is accepted:
- relation: both claims measure the same thing and the kind is right (a careful reader would agree
  that the one updates / contradicts / refines / is compatible with the other);
- sentence: everything it states (subject, event, numbers, dates, who says it) is in its citations;
- fact: its claims report one event, and its sources are counted right (no speaker twice, no
  outlet counted beside the speaker it quotes, no pronoun).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

CONTEXT = 160


def load(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text())


def indexes(d: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    claims = {c["id"]: c for c in d["claims"]}
    articles = {a["id"]: a for a in d["articles"]}
    facts = {f["id"]: f for s in d["stories"] for f in s["facts"]}
    return claims, articles, facts


def claim_ref(c: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    a = articles[c["article"]]
    return {"claim": c["id"], "url": a.get("url") or a["source"], "span": [c["start"], c["end"]]}


def items(kind: str, d: dict[str, Any]) -> list[dict[str, Any]]:
    claims, articles, _ = indexes(d)
    out: list[dict[str, Any]] = []
    for s in d["stories"]:
        if kind == "relations":
            for r in s["relations"]:
                if len(r.get("claims") or ()) == 2:
                    out.append({"story": s["id"], "kind": r["kind"], "from": r["from"], "to": r["to"],
                                "claims": [claim_ref(claims[i], articles) for i in r["claims"]]})
        elif kind == "sentences":
            for n, x in enumerate(s["summary"]):
                out.append({"story": s["id"], "sentence": n, "claims": [claim_ref(claims[i], articles) for i in x["claims"]]})
        elif kind == "facts":
            for f in s["facts"]:
                arts = {claims[i]["article"] for i in f["claims"]}
                if len(arts) >= 2:
                    out.append({"story": s["id"], "fact": f["id"], "n_sources": len(f["sources"]),
                                "claims": [claim_ref(claims[i], articles) for i in f["claims"]]})
    return out


def show(item: dict[str, Any], d: dict[str, Any]) -> str:
    claims, articles, facts = indexes(d)
    by_url = {a.get("url") or a["source"]: a for a in d["articles"]}
    lines = [json.dumps({k: v for k, v in item.items() if k not in ("claims",)})]
    story = next(s for s in d["stories"] if s["id"] == item["story"])
    if "sentence" in item:
        lines.append("SENTENCE: " + story["summary"][item["sentence"]]["text"])
    if "from" in item:
        r = next(r for r in story["relations"] if r["from"] == item["from"] and r["to"] == item["to"])
        lines.append(f"RELATION {r['kind']}: {r['explanation']}")
    if "fact" in item:
        f = facts[item["fact"]]
        lines.append(f"FACT: {f['statement']} | sources {f['sources']} | outlets {f['outlets']}")
    for ref in item["claims"]:
        a = by_url[ref["url"]]
        s, e = ref["span"]
        c = claims.get(ref["claim"], {})
        text = a["text"]
        lines.append(f"  [{ref['claim']}] {a.get('outlet')} pub {a['published'].get('date')} subj={c.get('subject')!r} "
                     f"pred={c.get('predicate')} q={(c.get('quantity') or {}).get('value')} "
                     f"src={(c.get('attribution') or {}).get('source')!r}")
        lines.append("     …" + " ".join(text[max(0, s - CONTEXT):s].split()) + " [[" + " ".join(text[s:e].split())
                     + "]] " + " ".join(text[e:e + CONTEXT // 2].split()) + "…")
    return "\n".join(lines)


def sample(kind: str, dossier: str, n: int, seed: int, out: str | None) -> None:
    d = load(dossier)
    pool = items(kind, d)
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    print(f"{len(pool)} {kind} in the dossier; {len(chosen)} drawn with seed {seed}", file=sys.stderr)
    rows = [{**item, "verdict": "", "why": ""} for item in chosen]
    if out:
        Path(out).write_text("".join(json.dumps(r) + "\n" for r in rows))
    for k, item in enumerate(chosen):
        print(f"\n#{k} " + show(item, d))


def score(path: str) -> None:
    rows = [json.loads(x) for x in Path(path).read_text().splitlines() if x.strip()]
    labelled = [r for r in rows if r.get("verdict") in ("accept", "reject")]
    ok = sum(1 for r in labelled if r["verdict"] == "accept")
    share = ok / len(labelled) if labelled else 0.0
    print(f"{path}: {ok}/{len(labelled)} accepted ({share:.2f}); {len(rows) - len(labelled)} unlabelled")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("kind", choices=["relations", "sentences", "facts"])
    s.add_argument("dossier")
    s.add_argument("--n", type=int, default=50)
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("--out")
    v = sub.add_parser("show")
    v.add_argument("labels")
    v.add_argument("dossier")
    c = sub.add_parser("score")
    c.add_argument("labels")
    args = ap.parse_args()
    if args.cmd == "sample":
        sample(args.kind, args.dossier, args.n, args.seed, args.out)
    elif args.cmd == "show":
        d = load(args.dossier)
        for k, x in enumerate(Path(args.labels).read_text().splitlines()):
            print(f"\n#{k} " + show(json.loads(x), d))
    else:
        score(args.labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
