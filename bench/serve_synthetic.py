"""A synthetic store of N articles for `bench/serve.py`: the shape of real news, none of its text.

Stories of 1 to 8 articles (3.3 on average, as in the BBC + ECB+ store) over two years, from 60
outlets; each article a dozen sentences from a 6,000-word made-up vocabulary, five of them claims
attributed to one of 800 sources; each story 2 to 12 facts, a relation, a timeline and a briefing.
Written through the store's own interface (``SQLiteStore``), so its tables and indexes are the
ones `consilience analyze` writes. Deterministic: the same N gives the same store.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from consilience.records import (
    Article,
    Attribution,
    Claim,
    Fact,
    Published,
    Relation,
    Sentence,
    Story,
    TimelineEntry,
    When,
)
from consilience.store import open_store
from consilience.store.base import Extraction, StoredStory

SYLLABLES = ["ka", "lo", "mi", "ten", "ra", "vo", "shi", "nu", "pe", "dar", "el", "gon", "is", "tu", "bre", "ams"]
BATCH = 2_000  # stories written per transaction


def vocabulary(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_story(k: int, rng: random.Random, words: list[str], outlets: list[str], sources: list[str],
                    start: date) -> tuple[Story, list[Article], list[Claim]]:
    topic = rng.sample(words, 3)
    day = start + timedelta(days=rng.randrange(730))
    articles, claims = [], []
    for j in range(min(8, max(1, int(rng.expovariate(1 / 3.3)) + 1))):
        sentences = [" ".join([rng.choice(topic), *rng.sample(words, 9), rng.choice(topic)]).capitalize() + "."
                     for _ in range(12)]
        text = " ".join(sentences)
        aid = f"{k:07d}{j}".rjust(16, "a")
        published = day + timedelta(days=rng.randrange(4))
        articles.append(Article(id=aid, source=f"synthetic/{aid}.txt", text=text, url=f"https://example.org/{aid}",
                                outlet=rng.choice(outlets), title=" ".join(topic + rng.sample(words, 3)).title(),
                                published=Published(date=published, basis="metadata"), language="en"))
        pos = 0
        for n, sentence in enumerate(sentences):
            if n % 2 == 0 and n < 10:
                src = rng.choice(sources)
                claims.append(Claim(id=f"{aid}c{n}", article=aid, start=pos, end=pos + len(sentence), text=sentence,
                                    kind="event", predicate=rng.choice(topic), subject=topic[0],
                                    when=When(start=published - timedelta(days=1), end=published - timedelta(days=1),
                                              text="yesterday", precision="day"),
                                    attribution=Attribution(source=src, via=(), text=f"{src} said"),
                                    modality="reported"))
            pos += len(sentence) + 1
    by_article = {a.id: a for a in articles}
    facts = []
    for n in range(rng.randint(2, 12)):
        cited = rng.sample(claims, min(len(claims), rng.randint(1, 4)))
        outlets_of = tuple(sorted({by_article[c.article].outlet or "" for c in cited}))
        facts.append(Fact(id=f"f{k:07d}{n:02d}", statement=f"{cited[0].predicate} {' '.join(rng.sample(words, 3))}",
                          claims=tuple(c.id for c in cited), sources=tuple(sorted({c.attribution.source for c in cited
                                                                                    if c.attribution})),
                          outlets=outlets_of, status="corroborated" if len(outlets_of) > 1 else "single_source",
                          when=cited[0].when))
    relations = (Relation(kind="updates", from_=facts[1].id, to=facts[0].id, explanation="a later report"),)
    timeline = tuple(TimelineEntry(start=f.when.start, end=f.when.end, label=f.statement, facts=(f.id,),
                                   precision="day") for f in facts[:3] if f.when and f.when.start)
    summary = tuple(Sentence(text=f"{f.statement.capitalize()}.", claims=f.claims) for f in facts[:3])
    story = Story(id=f"s{k:07d}", title=" ".join(topic + rng.sample(words, 4)).capitalize(),
                  articles=tuple(a.id for a in articles), facts=tuple(facts), relations=relations, timeline=timeline,
                  summary=summary)
    return story, articles, claims


def build_synthetic(db: Path, n_articles: int, seed: int = 14) -> Path:
    """Write the store (once; an existing file is kept) and return its path."""
    if db.exists():
        return db
    db.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    words = vocabulary(rng, 6000)
    outlets = [f"{w.capitalize()} News" for w in rng.sample(words, 60)]
    sources = [f"{a.capitalize()} {b.capitalize()}" for a, b in zip(rng.sample(words, 800), rng.sample(words, 800),
                                                                    strict=True)]
    store = open_store(db)
    started, written, k = time.perf_counter(), 0, 0
    while written < n_articles:
        batch = []
        while written + sum(len(a) for _, a, _ in batch) < n_articles and len(batch) < BATCH:
            batch.append(synthetic_story(k, rng, words, outlets, sources, date(2023, 1, 1)))
            k += 1
        articles = [a for _, arts, _ in batch for a in arts]
        store.put_articles(articles)
        store.put_analysed_articles(articles, {a: s.id for s, _, _ in batch for a in s.articles})
        store.put_claims({a.id: (Extraction(key="synthetic", extractor="synthetic"),
                                 [c for c in claims if c.article == a.id]) for _, arts, claims in batch for a in arts})
        store.put_stories([StoredStory(story=s, key="synthetic", first_day=min(_days(arts)), last_day=max(_days(arts)))
                           for s, arts, _ in batch])
        written += len(articles)
        print(f"{written:,} articles written ({time.perf_counter() - started:.0f} s)", flush=True)
    store.close()
    return db


def _days(articles: list[Article]) -> list[str]:
    return [a.published.date.isoformat() for a in articles if a.published.date]
