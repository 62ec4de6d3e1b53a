"""Agreement between two hand-labelled passes over the same claim sentences, per field.

    python3 bench/claims_agreement.py [--first bench/labels/claims_bbc.jsonl]
        [--second bench/labels/claims_bbc_pass2.jsonl] [--show]

Standard library only. Only sentences present in both files are compared (the second pass
re-labels a random subset). Within a sentence, claims are paired one to one: a pair needs
overlapping triggers; among several candidates the one with the same quantity value (claims
that share a trigger differ by their number) and then the nearest trigger wins.

Reported: how many claims each pass has, how many pair up (claim agreement = pairs / claims of
the union, i.e. pairs / (pairs + unpaired of either pass)), and for the pairs the share that
agree on each field. Names agree when any name of one side (the canonical name or one of its
`*_any` alternatives, compared case-insensitively) is among the other side's names; both null
agree. A quantity agrees when value, unit, qualifier, kind and tally are equal; a time when the
spans overlap and the ISO start/end are equal.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

FIRST = Path("bench/labels/claims_bbc.jsonl")
SECOND = Path("bench/labels/claims_bbc_pass2.jsonl")
FIELDS = ("trigger", "lemma", "event", "negated", "subject", "object", "quantity", "time",
          "attribution", "modality")


def labelled(path: Path) -> dict[tuple, list[dict]]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {(r["url"], tuple(r["sentence"])): r["claims"] for r in rows}


def overlaps(a: list[int], b: list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pairs(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of claims whose triggers overlap, best candidate first."""
    free = list(second)
    found = []
    for claim in first:
        candidates = [c for c in free if overlaps(claim["trigger"], c["trigger"])]
        if not candidates:
            continue
        best = min(candidates, key=lambda c: (value(c) != value(claim),
                                              abs(c["trigger"][0] - claim["trigger"][0])))
        free.remove(best)
        found.append((claim, best))
    return found


def value(claim: dict):
    return claim["quantity"]["value"] if claim["quantity"] else None


def names(claim: dict, field: str) -> set[str]:
    main = claim.get(field)
    if field == "attribution":
        if not main:
            return set()
        main, others = main.get("source"), main.get("source_any", [])
    else:
        others = claim.get(f"{field}_any", [])
    return {n.casefold() for n in [main, *others] if n}


def names_agree(a: dict, b: dict, field: str) -> bool:
    main_a = a.get(field) if field != "attribution" else a.get("attribution")
    main_b = b.get(field) if field != "attribution" else b.get("attribution")
    if main_a is None or main_b is None:
        return main_a is None and main_b is None
    return bool(names(a, field) & names(b, field))


def time_agrees(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return overlaps(a["span"], b["span"]) and (a["start"], a["end"]) == (b["start"], b["end"])


def field_agrees(a: dict, b: dict, field: str) -> bool:
    if field in ("subject", "object", "attribution"):
        return names_agree(a, b, field)
    if field == "time":
        return time_agrees(a["time"], b["time"])
    if field in ("lemma", "event"):
        return a[field].casefold() == b[field].casefold()
    return a[field] == b[field]


def agreement(first: dict, second: dict) -> dict:
    shared = sorted(set(first) & set(second))
    counts = {"sentences": len(shared), "first": 0, "second": 0, "pairs": 0,
              "same_count": 0, "fields": dict.fromkeys(FIELDS, 0), "disagreements": []}
    for key in shared:
        a, b = first[key], second[key]
        counts["first"] += len(a)
        counts["second"] += len(b)
        counts["same_count"] += len(a) == len(b)
        matched = pairs(a, b)
        counts["pairs"] += len(matched)
        for x, y in matched:
            for field in FIELDS:
                if field_agrees(x, y, field):
                    counts["fields"][field] += 1
                else:
                    counts["disagreements"].append((key[0], field, x, y))
        counted = {id(x) for x, _ in matched} | {id(y) for _, y in matched}
        for claim in a + b:
            if id(claim) not in counted:
                side = "first only" if any(claim is c for c in a) else "second only"
                counts["disagreements"].append((key[0], side, claim, None))
    return counts


def report(counts: dict) -> str:
    union = counts["first"] + counts["second"] - counts["pairs"]
    lines = [
        f"sentences compared: {counts['sentences']} "
        f"(same number of claims in {counts['same_count']})",
        f"claims: first pass {counts['first']}, second pass {counts['second']}, "
        f"paired {counts['pairs']}, claim agreement {counts['pairs'] / max(union, 1):.2f} "
        f"(pairs / union of {union})",
        "",
        "| field | agree | of pairs | share |",
        "|---|---|---|---|",
    ]
    for field, n in counts["fields"].items():
        lines.append(f"| {field} | {n} | {counts['pairs']} | {n / max(counts['pairs'], 1):.2f} |")
    return "\n".join(lines)


def disagreement_lines(counts: dict) -> list[str]:
    out = []
    for url, field, x, y in counts["disagreements"]:
        if y is None:
            out.append(f"{url} {field}: {x['lemma']} (s={x['subject']}, o={x['object']})")
        else:
            out.append(f"{url} {x['lemma']}: {field} {shown(x, field)!r} vs {shown(y, field)!r}")
    return out


def shown(claim: dict, field: str):
    return claim[field] if field in claim else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--first", type=Path, default=FIRST)
    parser.add_argument("--second", type=Path, default=SECOND)
    parser.add_argument("--show", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    counts = agreement(labelled(args.first), labelled(args.second))
    print(report(counts))
    if args.show:
        print()
        print("\n".join(disagreement_lines(counts)))


if __name__ == "__main__":
    main()
