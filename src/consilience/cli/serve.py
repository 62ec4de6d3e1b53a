"""``consilience serve``: browse and query a store in a web browser, and through its JSON API."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from ..errors import StoreError
from .common import app, err, usage_error


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@app.command()
def serve(db: Annotated[Path, typer.Option("--db", help="The store `consilience analyze --db` wrote.")] = Path(
              "consilience.db"),
          host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback shows the store "
                                                 "to your network.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8001) -> None:
    """Serve the stories, facts, sources, outlets and articles of a store at http://HOST:PORT/ (read-only),
    with a JSON twin of every page and Datasette's tables and SQL at /store."""
    import uvicorn  # loaded here: the other commands do without the web stack

    from ..serve import make_app

    try:
        ds = make_app(db)
    except StoreError as e:
        usage_error(str(e))
    if not _loopback(host):
        err.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach this address can read the "
                  "store; use --host 127.0.0.1 to keep it on this machine")
    err.print(f"serving {db} at http://{host}:{port}/ (read-only; Ctrl-C stops)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
