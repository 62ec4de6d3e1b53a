"""How much of a dossier's briefing its cited claims' spans hold (issue #11, the support check).

    .venv/bin/python bench/briefing_spans.py OUT/dossier.json [--show N]

For every briefing sentence, each quotation in it (the words between “ and ”, pieces split at '…')
is looked up in the articles of the claims the sentence cites; the sentence counts as *within its
spans* when every word of every quotation lies inside the union of those claims' spans (``and``
may join two cited spans). This is the reading of the seed-16 audit (``bench/labels/README.md``,
"Reconciliation audits"): a claim's span is often one clause of its article sentence, and a quote
that goes beyond it states what no citation holds. Sentences with no quotation (a figure against a
figure) are counted apart. Prints the share, the number of sentences and the drops the briefing
reported (``summary_dropped``); ``--show N`` prints the first N sentences that are not within.
This is a measure, separate from the check in ``reconcile/briefing.py``: it reads only the dossier.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

# A quotation follows ": " or "against " (an outlet known by its title is also written in “ ”).
_QUOTE = re.compile(r"(?:: |against )“(.*?)”(?=[\s.,;:()]|$)")
_WORD = re.compile(r"\w+")
_JOINERS = {"and"}


def quotations(sentence: str) -> list[str]:
    """The pieces of quoted text in a briefing sentence ('…' splits a quote into pieces)."""
    return [p.strip() for q in _QUOTE.findall(sentence) for p in q.split("…") if _WORD.search(p)]


def normalized(text: str) -> tuple[str, list[int]]:
    """The text with every whitespace run made one space, and each of its characters' offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def covered(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Every word of ``text[start:end]`` lies inside one of ``spans``, or is a joiner between two of them."""
    def inside(i: int) -> bool:
        return any(a <= i < b for a, b in spans)
    for m in _WORD.finditer(text, start, end):
        if all(inside(i) for i in range(m.start(), m.end())):
            continue
        if m.group().lower() in _JOINERS and any(b <= m.start() for _, b in spans) and any(a >= m.end() for a, _ in spans):
            continue
        return False
    return True


def within(piece: str, cited: list[dict[str, Any]], articles: dict[str, Any]) -> bool:
    """Some occurrence of the piece, in an article of the cited claims, lies within their spans."""
    for aid in dict.fromkeys(c["article"] for c in cited):
        text = articles[aid]["text"]
        flat, where = normalized(text)
        spans = [(c["start"], c["end"]) for c in cited if c["article"] == aid]
        needle = " ".join(piece.split())
        at = flat.find(needle)
        while at >= 0:
            if covered(text, spans, where[at], where[at + len(needle) - 1] + 1):
                return True
            at = flat.find(needle, at + 1)
    return False


def verdict(sentence: dict[str, Any], claims: dict[str, Any], articles: dict[str, Any]) -> str:
    """'within', 'beyond' (a quoted word outside the cited spans) or 'no quote'."""
    pieces = quotations(sentence["text"])
    if not pieces:
        return "no quote"
    cited = [claims[i] for i in sentence["claims"] if i in claims]
    return "within" if all(within(p, cited, articles) for p in pieces) else "beyond"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dossier")
    ap.add_argument("--show", type=int, default=0, help="print this many sentences whose quotes go beyond their spans")
    args = ap.parse_args()
    d = json.loads(Path(args.dossier).read_text())
    claims = {c["id"]: c for c in d["claims"]}
    articles = {a["id"]: a for a in d["articles"]}
    tally = {"within": 0, "beyond": 0, "no quote": 0}
    shown = 0
    for s in d["stories"]:
        for x in s["summary"]:
            v = verdict(x, claims, articles)
            tally[v] += 1
            if v == "beyond" and shown < args.show:
                shown += 1
                print(f"  {s['id']}: {x['text']}")
    total = sum(tally.values())
    quoted = tally["within"] + tally["beyond"]
    dropped = sum(s.get("summary_dropped", 0) for s in d["stories"])
    print(f"{args.dossier}: {total} briefing sentences in {len(d['stories'])} stories; {quoted} quote an article")
    print(f"  quotes wholly within the cited claims' spans: {tally['within']}/{quoted} = "
          f"{tally['within'] / max(quoted, 1):.3f}; no quotation: {tally['no quote']}")
    print(f"  drafts dropped by the support check: {dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
