"""Where cross-document event coreference on ECB+ goes wrong: coverage and pairwise links.

    .venv/bin/python bench/events_errors.py OUT/dossier.json [--topics 1-15] [--examples 20]

For each gold mention, the claim the scorer (``../shared/eval/events.py``) picks to cover it, and
whether that claim's trigger is the mention itself ("own claim"), or another event's claim whose
span reaches over it ("wrong claim"; then whether an own claim existed and lost the scorer's
tie-break, or none was made). Then the gold pairs of mentions in two documents of one gold event,
and the system's: how many the facts join (pair recall), how many joined pairs are one gold event
(pair precision), and the commonest missed and wrong pairs by the two triggers' words. Last, the
links by cause: every pair of covered mentions (one topic, two different covering claims) that one
fact joins, by what joined its two claims (same or related class, and the anchors ``coref.linked``
finds; "transitive" when the pair has no joining link of its own and met through others), with the
share that is one gold event; and every pair of one gold event that no fact joins, by the first test
that kept it apart (``why_apart``). Both split by whether the two mentions are covered by their own
claims ("own") or one by another event's claim whose span reaches over it ("reached"): a reached
mention goes wherever the claim over it goes, whatever coreference decides. And the ceiling of
these claims: the CoNLL F1 the scorer gives when each claim whose trigger marks a gold mention is
put in that mention's gold event (the best any grouping of these claims could do), and below it the
CoNLL F1 of grouping each story's claims by their event words alone, with none of coref's tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from events_coref import GOLD, scorer  # the same scorer and gold, loaded one way (run from bench/'s parent)


def topic_range(text: str) -> range:
    a, _, b = text.partition("-")
    return range(int(a), int(b or a) + 1)


def covering(ev: Any, gold: dict[str, Any], d: dict[str, Any], topics: range) -> list[dict[str, Any]]:
    """One row per located gold mention: its gold instance, its doc, the covering claim as the scorer picks it,
    and whether an own claim (trigger overlapping the mention) exists."""
    by_url = {a.get("url") or a["source"]: a for a in d["articles"]}
    claims_of: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for n, c in enumerate(d["claims"]):
        claims_of[c["article"]].append((n, c))
    fact_of = {cid: f["id"] for s in d["stories"] for f in s["facts"] for cid in f["claims"]}
    rows = []
    for url, g in gold["docs"].items():
        if int(str(g["topic"]).rstrip("ab+")) not in topics or url not in by_url:
            continue
        art = ev.Article(by_url[url])
        cands = claims_of[by_url[url]["id"]]
        for k, m in enumerate(g["mentions"]):
            span = art.locate(m)
            if span is None:
                continue
            s, e = span
            trig = set(ev.stems(m["text"]))
            best, own = None, None
            for n, c in cands:
                if c["start"] <= s and e <= c["end"]:
                    rank = (c["kind"] != "event", not (trig & set(ev.stems(c["predicate"]))), c["end"] - c["start"], n)
                    if best is None or rank < best[0]:
                        best = (rank, c)
                t = c.get("trigger")
                if t and t["start"] < e and s < t["end"] and own is None:
                    own = c
            chosen = best[1] if best else None
            rows.append({"mention": (url, k), "instance": m["instance"], "text": m["text"], "doc": url,
                         "topic": g["topic"], "claim": chosen, "own": own,
                         "fact": fact_of.get(chosen["id"]) if chosen else None,
                         "right": chosen is not None and own is not None and chosen["id"] == own["id"]})
    return rows


def pair_figures(rows: list[dict[str, Any]], examples: int, story_of: dict[str, str]) -> list[str]:
    out = []
    reasons: Counter[str] = Counter()
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_topic[str(r["topic"])].append(r)
    gold_pairs = sys_pairs = both = 0
    missed: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    missed_right = 0
    for rs in by_topic.values():
        for i, a in enumerate(rs):
            for b in rs[i + 1:]:
                if a["doc"] == b["doc"]:
                    continue
                same_gold = a["instance"] == b["instance"]
                same_sys = a["fact"] is not None and a["fact"] == b["fact"]
                gold_pairs += same_gold
                sys_pairs += same_sys
                both += same_gold and same_sys
                key = tuple(sorted((a["text"].lower(), b["text"].lower())))
                if same_gold and not same_sys:
                    missed[key] += 1  # type: ignore[index]
                    missed_right += a["right"] and b["right"]
                    if a["right"] and b["right"]:
                        reasons[why_apart(a["claim"], b["claim"], story_of)] += 1
                if same_sys and not same_gold:
                    wrong[key] += 1  # type: ignore[index]
    out.append(f"cross-doc pairs: gold {gold_pairs}, system {sys_pairs}, both {both}; "
               f"pair recall {both / max(1, gold_pairs):.3f}, pair precision {both / max(1, sys_pairs):.3f}")
    out.append(f"missed gold pairs where both mentions have their own claim: {missed_right}")
    out.append("what kept them apart: " + ", ".join(f"{k} {n}" for k, n in reasons.most_common()))
    out.append("commonest missed pairs: " + "; ".join(f"{a}/{b} {n}" for (a, b), n in missed.most_common(examples)))
    out.append("commonest wrong pairs: " + "; ".join(f"{a}/{b} {n}" for (a, b), n in wrong.most_common(examples)))
    return out


def link_figures(rows: list[dict[str, Any]], story_of: dict[str, str], top: int) -> list[str]:
    """Pairs of covered mentions joined by one fact, by cause, with the share that is one gold event; gold pairs
    no fact joins, by reason (module docstring)."""
    from consilience.records import Claim

    claims: dict[str, Claim] = {}

    def claim(c: dict[str, Any]) -> Claim:
        return claims.setdefault(c["id"], Claim.from_dict(c))

    joined: Counter[str] = Counter()
    right: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["claim"] is not None:
            by_topic[str(r["topic"])].append(r)
    for rs in by_topic.values():
        for i, a in enumerate(rs):
            for b in rs[i + 1:]:
                if a["claim"]["id"] == b["claim"]["id"]:
                    continue
                same_gold = a["instance"] == b["instance"]
                side = "own" if a["right"] and b["right"] else "reached"
                if a["fact"] is not None and a["fact"] == b["fact"]:
                    cause = f"{side} {joined_by(claim(a['claim']), claim(b['claim']))}"
                    joined[cause] += 1
                    right[cause] += same_gold
                elif same_gold:
                    missed[f"{side} {why_apart(a['claim'], b['claim'], story_of)}"] += 1
    total, good = sum(joined.values()), sum(right.values())
    out = [f"links by cause (pairs of covered mentions with two claims): joined {total}, one gold event {good} "
           f"({good / max(1, total):.3f})"]
    out += [f"  {n:6d} one event {right[k]:6d} ({right[k] / n:.2f})  {k}" for k, n in joined.most_common(top)]
    out.append(f"gold pairs no fact joins, by reason: {sum(missed.values())}")
    out += [f"  {n:6d}  {k}" for k, n in missed.most_common(top)]
    return out


def ceiling(ev: Any, gold: dict[str, Any], d: dict[str, Any], topics: range) -> float:
    """The scorer's CoNLL F1 on ``topics`` when each claim whose trigger overlaps a gold mention forms one fact
    with the claims of that mention's gold event (the others alone): what perfect coreference of these claims
    would score, short of claims that cover the wrong mentions or none."""
    by_url = {a.get("url") or a["source"]: a for a in d["articles"]}
    claims_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in d["claims"]:
        claims_of[c["article"]].append(c)
    event_of: dict[str, str] = {}
    docs = {u: g for u, g in gold["docs"].items() if int(str(g["topic"]).rstrip("ab+")) in topics}
    for url, g in docs.items():
        if url not in by_url:
            continue
        art = ev.Article(by_url[url])
        for m in g["mentions"]:
            span = art.locate(m)
            for c in claims_of[by_url[url]["id"]] if span else ():
                t = c.get("trigger")
                if t and t["start"] < span[1] and span[0] < t["end"]:
                    event_of.setdefault(c["id"], m["instance"])
    facts: dict[str, list[str]] = defaultdict(list)
    for c in d["claims"]:
        facts[event_of.get(c["id"], "claim " + c["id"])].append(c["id"])
    perfect = {**d, "stories": [{"facts": [{"claims": ids} for ids in facts.values()]}]}
    return float(ev.score({**gold, "docs": docs}, perfect)["coref"]["conll_f1"])


def by_event_word(ev: Any, gold: dict[str, Any], d: dict[str, Any], topics: range) -> float:
    """The scorer's CoNLL F1 on ``topics`` when each story's claims are grouped by their event words alone
    (``compare.event_words``, joined transitively, vague claims too): coreference with
    none of ``coref``'s tests. Between it and the current facts lie the tests; between it and ``ceiling``
    the event words that differ for one event and the mentions other events' claims cover."""
    from consilience.reconcile import compare
    from consilience.records import Claim

    claims = {c["id"]: Claim.from_dict(c) for c in d["claims"]}
    facts: list[dict[str, Any]] = []
    for s in d["stories"]:
        ids = [cid for f in s["facts"] for cid in f["claims"]]
        parent: dict[str, str] = {}
        for cid in ids:
            for w in sorted(compare.event_words(claims[cid])):
                parent[_root(parent, w)] = _root(parent, "claim " + cid)
        groups: dict[str, list[str]] = defaultdict(list)
        for cid in ids:
            groups[_root(parent, "claim " + cid)].append(cid)
        facts += [{"claims": g} for g in groups.values()]
    docs = {u: g for u, g in gold["docs"].items() if int(str(g["topic"]).rstrip("ab+")) in topics}
    loose = {**d, "stories": [{"facts": facts}]}
    return float(ev.score({**gold, "docs": docs}, loose)["coref"]["conll_f1"])


def _root(parent: dict[str, str], k: str) -> str:
    while parent.setdefault(k, k) != k:
        k = parent[k]
    return k


def joined_by(a: Any, b: Any) -> str:
    """What joined two claims of one fact: the link's class and anchors, a bare mention, or others in between."""
    from consilience.reconcile import coref

    if coref.is_vague(a) or coref.is_vague(b):
        return "bare mention"
    link = coref.linked(a, b)
    if link is None or not link.joins:
        return "transitive"
    return ("same class " if link.same_class else "related class ") + "+".join(sorted(link.anchors))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dossier")
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--topics", default="1-15")
    ap.add_argument("--examples", type=int, default=20)
    args = ap.parse_args()
    ev = scorer()
    dossier = json.loads(Path(args.dossier).read_text())
    rows = covering(ev, json.loads(Path(args.gold).read_text()), dossier, topic_range(args.topics))
    story_of = {a: s["id"] for s in dossier["stories"] for a in s["articles"]}
    covered = [r for r in rows if r["claim"] is not None]
    right = sum(r["right"] for r in covered)
    own_lost = sum(1 for r in covered if not r["right"] and r["own"] is not None)
    wrong_kind: Counter[str] = Counter(r["claim"]["kind"] for r in covered if not r["right"])
    print(f"located mentions {len(rows)}; covered {len(covered)}; by their own claim {right}; "
          f"by another event's claim {len(covered) - right} (an own claim existed for {own_lost}); "
          f"covering claims of the wrong ones by kind {dict(wrong_kind)}")
    no_own = Counter(r["text"].lower() for r in rows if r["own"] is None)
    print("commonest mentions with no own claim: " + ", ".join(f"{w} {n}" for w, n in no_own.most_common(args.examples)))
    for line in pair_figures(rows, args.examples, story_of):
        print(line)
    for line in link_figures(rows, story_of, args.examples):
        print(line)
    print(f"these claims grouped by event word alone (no test of coref): CoNLL F1 "
          f"{by_event_word(ev, json.loads(Path(args.gold).read_text()), dossier, topic_range(args.topics)):.1f}")
    print(f"ceiling of these claims (each claim in the gold event its trigger marks): CoNLL F1 "
          f"{ceiling(ev, json.loads(Path(args.gold).read_text()), dossier, topic_range(args.topics)):.1f}")
    return 0



def why_apart(a: dict[str, Any], b: dict[str, Any], story_of: dict[str, str]) -> str:
    """What kept two claims of one gold event in two facts: the first test of ``coref`` they fail."""
    from consilience.reconcile import compare, coref
    from consilience.records import Claim

    ca, cb = Claim.from_dict(a), Claim.from_dict(b)
    if story_of.get(ca.article) != story_of.get(cb.article):
        return "stories"
    if coref.is_vague(ca) or coref.is_vague(cb):
        return "vague"
    if not compare.event_words(ca) & compare.event_words(cb):
        related = compare.related_words(ca) & compare.event_words(cb) or compare.related_words(cb) & compare.event_words(ca)
        return "related class" if related else "event class"
    checks = (("negation", ca.negated == cb.negated),
              ("modality", (ca.modality == "speculative") == (cb.modality == "speculative")),
              ("speech", compare.is_speech(ca) == compare.is_speech(cb)),
              ("speaker", not compare.is_speech(ca) or compare.same_entity(ca.subject, cb.subject)),
              ("subject", compare.actors_compatible(ca.subject, cb.subject)),
              ("object", compare.actors_compatible(ca.object, cb.object)),
              ("time", compare.days_compatible(ca.when, cb.when)),
              ("number", coref.compatible(ca, cb)))
    failed = next((name for name, ok in checks if not ok), None)
    if failed:
        return failed
    link = coref.linked(ca, cb)
    return "no anchor" if link is None or not link.joins else "group (complete link)"


if __name__ == "__main__":
    sys.exit(main())
