"""``consilience articles``: list the stored articles."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from .common import DbOption, app, out, store_at


@app.command()
def articles(db: DbOption = Path("consilience.db")) -> None:
    """List the stored articles."""
    store = store_at(db)
    table = Table()
    for col in ("id", "published", "outlet", "title", "source"):
        table.add_column(col, overflow="fold")
    for a in store.articles():
        table.add_row(a.id, str(a.published.date or f"{a.published.earliest or '?'}..{a.published.latest or '?'}"),
                      a.outlet or "", (a.title or a.text[:60]), a.source)
    store.close()
    out.print(table)
