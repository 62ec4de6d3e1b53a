"""``consilience articles``: list the stored articles (reads the store, never creates one)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import DbOption, JsonOption, app, existing_store, out, print_json

if TYPE_CHECKING:
    from ..records import Article

COLUMNS = ("id", "published", "language", "outlet", "title", "source")


@app.command()
def articles(db: DbOption = Path("consilience.db"), json_list: JsonOption = False) -> None:
    """List the stored articles: a table on a terminal, tab-separated lines when piped, or --json."""
    store = existing_store(db)
    stored = store.articles()
    store.close()
    if json_list:
        print_json([article_summary(a) for a in stored])
    elif out.is_terminal:
        _print_table(stored)
    else:
        rows = [COLUMNS] + [_row(a) for a in stored]
        sys.stdout.write("".join("\t".join(_cell(v) for v in row) + "\n" for row in rows))


def article_summary(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
            "author": a.author, "language": a.language, "published": a.published.to_dict(),
            "words": len(a.text.split())}


def _row(a: Article) -> tuple[str, ...]:
    p = a.published
    when = str(p.date or (f"{p.earliest or '?'}..{p.latest or '?'}" if p.earliest or p.latest else "unknown"))
    return a.id, when, a.language, a.outlet or "", a.title or a.text[:60], a.source


def _cell(value: str) -> str:
    return " ".join(value.split())  # a tab or newline inside a title would break the columns


def _print_table(stored: list[Article]) -> None:
    from rich.table import Table

    table = Table()
    for col in COLUMNS:
        table.add_column(col, overflow="fold", no_wrap=col == "id")
    for a in stored:
        table.add_row(*_row(a))
    out.print(table)
