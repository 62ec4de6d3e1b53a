"""The web app: Datasette over the store, with consilience's own pages added through its plugin hooks.

Datasette gives, at ``/store``, every table of the analysis with SQL, facets, full-text search,
JSON and CSV; the hooks here add the pages an analyst reads (``/stories``, ``/stories/ID``,
``/facts/ID``, ``/sources/NAME``, ``/outlets/NAME``, ``/articles/ID``), each with a JSON twin
(``.json`` or ``Accept: application/json``), and make every response safe by default:

- the store is opened read-only (SQLite ``mode=ro``; Datasette never writes to a file it did not
  create), so ``analyze`` may keep writing to it while it is served;
- every response carries a Content-Security-Policy; our pages allow only their own inline style
  and script (by hash) and load nothing, Datasette's pages load only from this server;
- every text from an article goes through Jinja2's autoescape;
- a bad id is a 404 page, a bad parameter a 400 page naming the valid values, any other error a
  500 page without a traceback (the traceback goes to the log).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import asdict, is_dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm
from datasette.utils.asgi import NotFound as DatasetteNotFound
from datasette.utils.asgi import Request, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..errors import NotFound, RequestError, StoreError
from ..report.assets import asset, content_security_policy
from ..report.safety import without_bidi
from ..report.view import CLAIM_LINKS
from . import pages

log = logging.getLogger(__name__)
DB_NAME = "store"
# Datasette's own pages (/store, /-/...) use their inline scripts and styles; they may load from
# this server only.
DATASETTE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                 "script-src 'self' 'unsafe-inline'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'")
PAGE_CSP = content_security_policy() + "; form-action 'self'; frame-ancestors 'none'"
SAFE_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}

Page = Callable[[sqlite3.Connection, pages.Params], Any]


def link(kind: str, ident: str, article: str | None = None) -> str:
    """Every href of our pages: stable URLs, a claim as an anchor in its article's page."""
    if kind == "claim":
        return f"{pages.path_of('articles', article or '')}#claim-{ident}"
    plural = {"story": "stories", "fact": "facts", "article": "articles", "source": "sources", "outlet": "outlets"}
    return pages.path_of(plural[kind], ident)


@cache
def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([PackageLoader("consilience.serve", "templates"),
                                           PackageLoader("consilience.report", "templates")]),
                      autoescape=select_autoescape(["html", "j2"], default=True), undefined=StrictUndefined)
    env.globals.update(link=link, css=Markup(asset("report.css")), js=Markup(asset("report.js")),
                       claim_links=CLAIM_LINKS, more_where=" (see the store's tables at /store)", source_links=True)
    return env


def to_json(value: Any) -> Any:
    """A page record as JSON: dataclasses as objects, tuples as lists, dates as ISO strings."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_json(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def wants_json(request: Any) -> bool:
    return bool(request.url_vars.get("fmt")) or request.headers.get("accept", "").startswith("application/json")


def json_twin(request: Any) -> str:
    """The URL of a page's JSON twin: its path plus ``.json``, with the same query."""
    path = request.path if request.path.endswith(".json") else request.path + ".json"
    return path + (f"?{request.query_string}" if request.query_string else "")


def render(request: Any, page: Any, status: int = 200) -> Response:
    headers = {**SAFE_HEADERS, "Vary": "Accept"}
    if wants_json(request):
        return Response.json(to_json(page), status=status, headers=headers)
    # bidi controls from articles would reorder what the page shows
    html = without_bidi(environment().get_template(f"{page.kind}.html.j2").render(page=page, json_url=json_twin(request)))
    return Response.html(html, status=status, headers={**headers, "Content-Security-Policy": PAGE_CSP})


def view(build: Callable[..., Any], *, key: str | None = None) -> Callable[[Any, Any], Awaitable[Response]]:
    """A Datasette route for ``build(conn, [ident,] params)``, run on Datasette's read connection."""

    async def route(datasette: Datasette, request: Any) -> Response:
        params = pages.Params({k: request.args.get(k) or "" for k in request.args.keys()})
        args = (unquote(request.url_vars[key]),) if key else ()
        db = datasette.get_database(DB_NAME)
        try:
            page = await db.execute_fn(lambda conn: build(conn, *args, params))
        except Exception as e:  # answered here: Datasette's own handler would print it with its locals
            return error_response(request, e)
        return render(request, page)

    return route


async def home(request: Any) -> Response:
    return Response.redirect("/stories")


async def openapi() -> Response:
    text = files("consilience.serve").joinpath("openapi.json").read_text(encoding="utf-8")
    return Response(text, content_type="application/json; charset=utf-8", headers=SAFE_HEADERS)


ID = r"(?P<ident>[^/.]+)"
NAME = r"(?P<ident>[^/]+?)"
FMT = r"(?P<fmt>\.json)?$"
ROUTES = [
    (r"^/$", home),
    (r"^/-/openapi\.json$", openapi),
    (r"^/stories" + FMT, view(pages.stories_page)),
    (r"^/stories/" + ID + FMT, view(pages.story_page, key="ident")),
    (r"^/facts/" + ID + FMT, view(pages.fact_page, key="ident")),
    (r"^/articles/" + ID + FMT, view(pages.article_page, key="ident")),
    (r"^/sources/" + NAME + FMT, view(pages.source_page, key="ident")),
    (r"^/outlets/" + NAME + FMT, view(pages.outlet_page, key="ident")),
]


def error_response(request: Any, exception: Exception) -> Response:
    """404 and 400 say what was wrong and where to go; anything else is logged, never shown."""
    if isinstance(exception, RequestError):
        status, message = exception.status, str(exception)
    elif isinstance(exception, DatasetteNotFound):
        status, message = 404, f"nothing at {request.path}; the pages are listed at /stories and /-/openapi.json"
    elif getattr(exception, "status", None) in (400, 403, 404, 405):
        status, message = int(exception.status), str(exception.args[0] if exception.args else exception)
    else:
        log.error("error serving %s", request.path, exc_info=exception)
        status, message = 500, "the server could not build this page; the error is in the server's log"
    error = pages.ErrorPage(status=status, error=message)
    if request.path.endswith(".json") or request.headers.get("accept", "").startswith("application/json"):
        return Response.json(to_json(error), status=status, headers=SAFE_HEADERS)
    html = environment().get_template("error.html.j2").render(page=error, json_url=json_twin(request))
    return Response.html(html, status=status, headers={**SAFE_HEADERS, "Content-Security-Policy": PAGE_CSP})


DATASETTE_PATHS = (f"/{DB_NAME}", "/-/", "/favicon.ico")


def ours_or_datasettes(path: str) -> bool:
    """Whether a path is one of our pages or Datasette's; any other is answered 404 by us."""
    return path.startswith(DATASETTE_PATHS) or any(re.match(regex, path) for regex, _ in ROUTES)


def with_security_headers(app: Any) -> Any:
    """Add the safe headers to every response; a CSP to those that set none (Datasette's own pages).
    A path that is neither ours nor Datasette's gets our 404 page here."""

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1").partition("?")[0]
            if not ours_or_datasettes(path):
                await error_response(Request(scope, receive), DatasetteNotFound(path)).asgi_send(send)
                return

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = {**SAFE_HEADERS, "Content-Security-Policy": DATASETTE_CSP}
                headers += [(k.lower().encode(), v.encode()) for k, v in extra.items() if k.lower().encode() not in names]
                message = dict(message, headers=headers)
            await send(message)

        await app(scope, receive, sending)

    return wrapped


def make_app(db: str | Path) -> Datasette:
    """A Datasette serving the store at ``db`` read-only, with consilience's pages."""
    path = Path(db)
    check_store(path)
    from . import hooks  # the hooks call back into this module

    if not pm.is_registered(hooks):
        pm.register(hooks, name="consilience")
    ds = Datasette(settings={"sql_time_limit_ms": 3000, "num_sql_threads": 3})
    ds.consilience = True  # type: ignore[attr-defined]
    ds.add_database(Database(ds, path=str(path), is_mutable=True), name=DB_NAME)
    return ds


def check_store(path: Path) -> None:
    """Fail early, with the next step, when ``path`` is no store of the whole analysis."""
    if not path.is_file():
        raise StoreError(f"{path}: no such store; build one with `consilience analyze PATH... --db {path}`")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not an SQLite store ({e}); pass the --db file of `consilience analyze`") from e
    missing = sorted({"stories", "facts", "claims", "articles", "fact_sources", "stories_fts"} - tables)
    if missing:
        raise StoreError(f"{path}: the store has no {', '.join(missing)} table; run `consilience analyze ... "
                         f"--db {path}` with this version of consilience to fill it")


__all__ = ["DB_NAME", "NotFound", "make_app", "to_json"]
