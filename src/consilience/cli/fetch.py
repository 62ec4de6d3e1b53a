"""``consilience fetch``: fetch article URLs, feeds and sitemaps into the store; the fetch options
every command that takes URLs shares (``analyze``, ``fetch``, ``watch``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ..fetch.settings import DEFAULT_SETTINGS, FetchSettings
from .common import (
    DEFAULT_WORKERS,
    DbOption,
    QuietOption,
    WorkersOption,
    app,
    err,
    progress_display,
    report_failures,
    store_at,
)

UrlsFileOption = Annotated[Path | None, typer.Option("--urls", exists=True, dir_okay=False,
                                                     help="A file of URLs (or paths), one a line; # starts a comment.")]
AllowPrivateOption = Annotated[bool, typer.Option(
    "--allow-private", help="Allow loopback and private addresses (intranet sites); cloud-metadata addresses stay refused.")]
PerHostOption = Annotated[int, typer.Option("--per-host", min=1, help="Requests in flight to one site at once.")]
DelayOption = Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one site "
                                                                    "(a robots.txt Crawl-delay raises it).")]
TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds for a whole page to arrive.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", min=1024, help="Largest page or sitemap read, in bytes.")]
MaxPerSourceOption = Annotated[int, typer.Option("--max-per-source", min=1,
                                                 help="Pages taken from one feed or sitemap, newest first.")]
IgnoreRobotsOption = Annotated[bool, typer.Option("--ignore-robots",
                                                  help="Do not read robots.txt (only with the site's permission).")]
InputsArg = Annotated[list[str] | None, typer.Argument(help="Article URLs, RSS/Atom feeds, sitemaps, and local paths.")]


def settings_of(*, allow_private: bool = False, per_host: int = DEFAULT_SETTINGS.per_host,
                delay: float = DEFAULT_SETTINGS.delay, timeout: float = DEFAULT_SETTINGS.timeout,
                max_bytes: int = DEFAULT_SETTINGS.max_bytes, max_per_source: int = DEFAULT_SETTINGS.max_per_source,
                ignore_robots: bool = False) -> FetchSettings:
    return replace(DEFAULT_SETTINGS, allow_private=allow_private, per_host=per_host, delay=delay, timeout=timeout,
                   max_bytes=max_bytes, max_per_source=max_per_source, robots=not ignore_robots)


def inputs_of(args: list[str] | None, urls_file: Path | None) -> list[str]:
    """The command's arguments followed by the ``--urls`` file's lines; exit with a usage error when empty."""
    from ..fetch.urls import urls_in  # noqa: PLC0415 - the fetch stack loads only when it is used

    inputs = list(args or []) + (urls_in(urls_file.read_text(encoding="utf-8")) if urls_file else [])
    if not inputs:
        err.print("[red]error:[/red] nothing to read; pass URLs or paths, or --urls FILE")
        raise typer.Exit(2)
    return inputs


@app.command()
def fetch(inputs: InputsArg = None, urls_file: UrlsFileOption = None, db: DbOption = Path("consilience.db"),
          allow_private: AllowPrivateOption = False, per_host: PerHostOption = DEFAULT_SETTINGS.per_host,
          delay: DelayOption = DEFAULT_SETTINGS.delay, timeout: TimeoutOption = DEFAULT_SETTINGS.timeout,
          max_bytes: MaxBytesOption = DEFAULT_SETTINGS.max_bytes,
          max_per_source: MaxPerSourceOption = DEFAULT_SETTINGS.max_per_source,
          ignore_robots: IgnoreRobotsOption = False,
          refetch: Annotated[bool, typer.Option("--refetch", help="Fetch pages the store has already, and listings "
                                                                  "even when unchanged.")] = False,
          quiet: QuietOption = False, workers: WorkersOption = DEFAULT_WORKERS) -> None:
    """Fetch article URLs, feeds (their entries' pages) and sitemaps into the store, without analysing.

    Incremental: pages the store has are skipped and feeds are asked whether they changed
    (ETag / Last-Modified), unless --refetch.
    """
    sources = inputs_of(inputs, urls_file)
    settings = settings_of(allow_private=allow_private, per_host=per_host, delay=delay, timeout=timeout,
                           max_bytes=max_bytes, max_per_source=max_per_source, ignore_robots=ignore_robots)
    from ..pipeline import ingest as run_ingest  # loaded here, not at import: `--help` stays fast

    store = store_at(db)
    from ..fetch import Crawl, FetchState  # noqa: PLC0415 - httpx and the decompressors load here

    state = FetchState(db)
    with Crawl(settings, state=state, incremental=not refetch) as crawl, progress_display(quiet) as progress:
        result = run_ingest(sources, store=store, progress=progress, workers=workers, read_urls=crawl)
        counts = crawl.commit()
    state.close()
    store.close()
    if not quiet:
        err.print(f"{counts.new} pages fetched, {counts.known} already stored, {counts.unchanged} of {counts.sources} "
                  f"feeds/sitemaps unchanged; {result.added} new articles in {db}", soft_wrap=True)
    report_failures(result.failures, quiet)
    raise typer.Exit(1 if result.failures else 0)
