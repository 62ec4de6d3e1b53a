"""Draw the random sentences of the hand-labelled claim sample (bench/labels/claims_bbc.jsonl).

    python3 bench/sample_claim_sentences.py [--data ../shared/data/bbc-news/bbc-2225.jsonl]
        [--n 120] [--dev 85] [--extra-dev 6] [--out bench/labels/sample_bbc.jsonl] [--quiet]
    python3 bench/sample_claim_sentences.py --check bench/labels/claims_bbc.jsonl

Standard library only, so the sample can be re-drawn without the project installed.

How the sample is drawn (seed 20261130):
1. One `random.Random(SEED)` shuffles the article indices of the file (a full permutation);
   articles are taken in that order.
2. For each article in turn, the same generator picks one of its eligible sentences
   (`randrange`). An article without an eligible sentence is passed over. Because the draws
   interleave in one sequence, asking for more (`--n 140`) keeps the first 120 unchanged.
3. The first `--dev` sentences drawn are `dev`, the next up to `--n` are `heldout`. When the
   labelled dev part falls short of its claim target, `--extra-dev K` continues the same sequence
   for K more draws and adds them to `dev` (the heldout draws stay as they were). The committed
   sample used `--extra-dev 6` (see bench/labels/README.md).

Sentence rule (simple on purpose, documented so a labeller can reproduce it):
- paragraphs are the runs of text between newlines; a sentence never crosses a newline;
- inside a paragraph a sentence ends after `.`, `!` or `?` (optionally followed by closing
  quotes or brackets) when whitespace follows and the next character is an upper-case letter,
  a digit or an opening quote; abbreviations such as "Mr." are not special-cased (BBC style
  writes "Mr Blair" without a full stop, so this rarely matters);
- sentences are stripped of surrounding whitespace; those under 30 characters (headings,
  bylines, fragments) are not eligible.

Output: one JSON line per sentence with `url`, `sentence` ([start, end] Python string indices
into that article's `text`) and `split`. No article text is written; the sentences are printed
to the terminal for the labeller to read.

`--check LABELS` re-draws the sample and checks a label file against it: every labelled
sentence is a drawn one with the same split, every trigger and time span lies inside its
sentence, the closed vocabularies (modality, qualifier, kind) hold and no attributed claim is
marked asserted; then it prints how many drawn sentences are labelled and the counts per split
and per field.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED = 20261130
MIN_CHARS = 30  # shorter "sentences" in this corpus are headings and fragments, not statements
DATA = Path("../shared/data/bbc-news/bbc-2225.jsonl")
OUT = Path("bench/labels/sample_bbc.jsonl")

# End of a sentence: terminal punctuation, optional closing quotes/brackets, whitespace, then an
# upper-case letter, a digit or an opening quote. The lookahead leaves the next sentence intact.
BOUNDARY = re.compile(r"""[.!?]['"\u2019\u201d)\]]*(?=[ \t]+['"\u2018\u201c(]?[A-Z0-9])""")


def articles(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each newline-free run of text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Stripped [start, end) spans of the sentences of `text` under the rule in the docstring."""
    spans = []
    for p_start, p_end in paragraph_spans(text):
        cut = p_start
        for m in BOUNDARY.finditer(text, p_start, p_end):
            spans.append(stripped(text, cut, m.end()))
            cut = m.end()
        spans.append(stripped(text, cut, p_end))
    return [s for s in spans if s[1] > s[0]]


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def eligible(text: str, *, quoted: bool = False) -> list[tuple[int, int]]:
    """Sentences of MIN_CHARS or more; with `quoted`, only those QUOTED_CUE marks (see below)."""
    spans = sentence_spans(text)
    keep = [(s, e) for s, e in spans if e - s >= MIN_CHARS]
    if not quoted:
        return keep
    before = {span: spans[i - 1] for i, span in enumerate(spans) if i}
    return [span for span in keep
            if QUOTED_CUE.search(text, *span) or QUOTE_MARK.search(text, *before.get(span, (0, 0)))]


# --quoted (the dev3 sample): a sentence with a quote mark or a speech verb, or right after a
# sentence with a quote mark, i.e. one where attribution is at stake (said, inside or after a quote).
QUOTE_MARK = re.compile(r"""["\u201c\u201d]""")
QUOTED_CUE = re.compile(r"""["\u201c\u201d]|\b(?:said|says|told|tells|according to)\b""")


def drawn(docs: list[dict], n: int, dev: int, extra_dev: int = 0, seed: int = SEED,
          exclude: frozenset[str] = frozenset(), name: str | None = None,
          quoted: bool = False) -> list[dict]:
    """The first `n + extra_dev` (article, sentence) draws of the seeded sequence, with splits.

    Articles whose url is in `exclude` are passed over without drawing a sentence (a later
    sample then shares no article with an earlier one). With `name`, every draw gets that split.
    """
    rng = random.Random(seed)
    order = rng.sample(range(len(docs)), len(docs))
    sample = []
    for index in order:
        if len(sample) == n + extra_dev:
            break
        spans = eligible(docs[index]["text"], quoted=quoted)
        if not spans or docs[index]["url"] in exclude:
            continue
        start, end = spans[rng.randrange(len(spans))]
        split = name or split_of(len(sample), n, dev)
        sample.append({"url": docs[index]["url"], "sentence": [start, end], "split": split})
    return sample


def urls_in(row: object) -> set[str]:
    """Every `url` value anywhere in a JSON row: a sample's own, or those of an audit's claims."""
    if isinstance(row, dict):
        return {row["url"]} if isinstance(row.get("url"), str) else set().union(
            *(urls_in(v) for v in row.values()))
    if isinstance(row, list):
        return set().union(*(urls_in(v) for v in row))
    return set()


def with_copies(docs: list[dict], exclude: frozenset[str]) -> frozenset[str]:
    """`exclude` and every article whose text is identical to an excluded one (the corpus has
    133 texts published twice under two urls; a copy of a looked-at article is not unseen)."""
    texts = {d["text"] for d in docs if d["url"] in exclude}
    return exclude | {d["url"] for d in docs if d["text"] in texts}


def split_of(draw: int, n: int, dev: int) -> str:
    """dev for the first `dev` draws and for the extension after `n`; heldout in between."""
    return "heldout" if dev <= draw < n else "dev"


MODALITIES = {"asserted", "reported", "speculative"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "less_than"}
KINDS = {"count", "money", "percent", "share", "tally", "measure"}


def problems(labels: list[dict], sample: list[dict]) -> list[str]:
    """What is wrong with a label file against the drawn sample (empty when nothing)."""
    drawn_keys = {(r["url"], tuple(r["sentence"])): r["split"] for r in sample}
    found = [f"{r['url']} {r['sentence']}: not a drawn sentence with split {r['split']!r}"
             " (same seed, --n and --extra-dev?)"
             for r in labels if drawn_keys.get((r["url"], tuple(r["sentence"]))) != r["split"]]
    for row in labels:
        start, end = row["sentence"]
        for claim in row["claims"]:
            found += claim_problems(row["url"], start, end, claim)
    return found


def claim_problems(url: str, start: int, end: int, claim: dict) -> list[str]:
    spans = [claim["trigger"]] + ([claim["time"]["span"]] if claim["time"] else [])
    found = [f"{url}: span {s} outside sentence [{start}, {end}]"
             for s in spans if not start <= s[0] < s[1] <= end]
    if claim["modality"] not in MODALITIES:
        found.append(f"{url}: modality {claim['modality']!r} not in {sorted(MODALITIES)}")
    quantity = claim["quantity"]
    if quantity and (quantity["qualifier"] not in QUALIFIERS or quantity["kind"] not in KINDS):
        found.append(f"{url}: quantity {quantity} has an unknown qualifier or kind")
    if claim["attribution"] is not None and claim["modality"] == "asserted":
        found.append(f"{url}: attributed claim marked asserted")
    return found


def counts(labels: list[dict]) -> dict[str, int]:
    """Sentences and claims per split, and how many claims fill each optional field."""
    out: dict[str, int] = {}
    for row in labels:
        out[f"sentences {row['split']}"] = out.get(f"sentences {row['split']}", 0) + 1
        out[f"claims {row['split']}"] = out.get(f"claims {row['split']}", 0) + len(row["claims"])
        for claim in row["claims"]:
            for field in ("subject", "object", "quantity", "time", "attribution"):
                out[f"with {field}"] = out.get(f"with {field}", 0) + (claim[field] is not None)
            out["negated"] = out.get("negated", 0) + claim["negated"]
            out[f"modality {claim['modality']}"] = out.get(f"modality {claim['modality']}", 0) + 1
            if claim["time"]:
                dated = claim["time"]["start"] or claim["time"]["end"]
                out["time with ISO dates"] = out.get("time with ISO dates", 0) + bool(dated)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--dev", type=int, default=85)
    parser.add_argument("--extra-dev", type=int, default=6,
                        help="draws after --n added to dev (6: the committed sample)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--quiet", action="store_true", help="do not print the sentences")
    parser.add_argument("--check", type=Path, help="check a label file against the sample")
    parser.add_argument("--seed", type=int, default=SEED, help=f"{SEED}: the dev/heldout sample")
    parser.add_argument("--split", help="one split name for every draw (a later sample, e.g. dev2)")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a sample file whose articles are not drawn again (repeatable)")
    parser.add_argument("--exclude-copies", action="store_true",
                        help="also pass over articles whose text equals an excluded one's (heldout3)")
    parser.add_argument("--quoted", action="store_true",
                        help="only sentences with a quote mark or speech verb, or just after a quote")
    args = parser.parse_args()
    docs = articles(args.data)
    exclude = frozenset(url for path in args.exclude for line in path.open(encoding="utf-8")
                        if line.strip() for url in urls_in(json.loads(line)))
    if args.exclude_copies:
        exclude = with_copies(docs, exclude)
    sample = drawn(docs, args.n, args.dev, args.extra_dev, args.seed, exclude, args.split,
                    quoted=args.quoted)
    if args.check:
        labels = [json.loads(line) for line in args.check.open(encoding="utf-8") if line.strip()]
        for problem in problems(labels, sample):
            print("problem:", problem)
        print(f"labels cover {len(labels)} of the {len(sample)} drawn sentences")
        for name, n in counts(labels).items():
            print(f"{name}: {n}")
        return
    texts = {d["url"]: d["text"] for d in docs}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in sample:
            handle.write(json.dumps(row) + "\n")
    if not args.quiet:
        for i, row in enumerate(sample):
            start, end = row["sentence"]
            print(f"[{i}] {row['split']} {row['url']} {start}-{end}")
            print("   ", texts[row["url"]][start:end])
    splits = [row["split"] for row in sample]
    per_split = ", ".join(f"{splits.count(name)} {name}" for name in sorted(set(splits)))
    print(f"{len(sample)} sentences ({per_split}) -> {args.out}")


if __name__ == "__main__":
    main()
