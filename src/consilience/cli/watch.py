"""``consilience watch``: poll feeds and sitemaps, fetch what is new, analyse, rewrite the outputs."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from ..fetch.settings import DEFAULT_SETTINGS
from ..records import Failure
from .common import DEFAULT_WORKERS, DbOption, OutOption, QuietOption, WorkersOption, app, err, store_at
from .fetch import (
    AllowPrivateOption,
    DelayOption,
    IgnoreRobotsOption,
    MaxBytesOption,
    MaxPerSourceOption,
    PerHostOption,
    TimeoutOption,
    settings_of,
)

if TYPE_CHECKING:
    from ..fetch.crawl import PollCounts

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds_of(every: str) -> float:
    """``15m``, ``90s``, ``1h``, ``1d`` or plain seconds -> seconds."""
    m = _INTERVAL.match(every)
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"{every!r}: give a positive interval such as 30s, 15m, 1h or 1d")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


@app.command()
def watch(sources: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                                  help="A file of feed, sitemap or page URLs, one a line (# comments); "
                                                       "re-read at every poll.")],
          every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 15m, 1h …")] = "15m",
          db: DbOption = Path("consilience.db"), outdir: OutOption = Path("out"),
          polls: Annotated[int, typer.Option("--polls", min=0, help="Stop after this many polls (0: until stopped).")] = 0,
          reports: Annotated[bool, typer.Option("--reports/--no-reports", help="Also rewrite report.html and the "
                                                                                "other reports at each change.")] = True,
          allow_private: AllowPrivateOption = False, per_host: PerHostOption = DEFAULT_SETTINGS.per_host,
          delay: DelayOption = DEFAULT_SETTINGS.delay, timeout: TimeoutOption = DEFAULT_SETTINGS.timeout,
          max_bytes: MaxBytesOption = DEFAULT_SETTINGS.max_bytes,
          max_per_source: MaxPerSourceOption = DEFAULT_SETTINGS.max_per_source,
          ignore_robots: IgnoreRobotsOption = False, quiet: QuietOption = False,
          workers: WorkersOption = DEFAULT_WORKERS) -> None:
    """Poll SOURCES every interval: fetch only new pages, analyse, rewrite OUTDIR; one log line per poll.

    Stops cleanly on Ctrl-C or SIGTERM: what was fetched is stored and the outputs are written.
    """
    from ..pipeline import ingest as run_ingest  # loaded here, not at import: `--help` stays fast

    interval = seconds_of(every)
    settings = settings_of(allow_private=allow_private, per_host=per_host, delay=delay, timeout=timeout,
                           max_bytes=max_bytes, max_per_source=max_per_source, ignore_robots=ignore_robots)
    from ..fetch import Crawl, FetchState, urls_in  # noqa: PLC0415 - httpx and the decompressors load here

    store, state = store_at(db), FetchState(db)
    stop = threading.Event()
    with Crawl(settings, state=state) as crawl:
        restore = _stop_on_signals(lambda: (stop.set(), crawl.stop()))
        try:
            n = 0
            while not stop.is_set():
                n += 1
                urls = urls_in(sources.read_text(encoding="utf-8"))
                result = run_ingest(urls, store=store, workers=workers, read_urls=crawl, extract=True)
                counts = crawl.commit()  # after the articles are stored: a stopped poll loses nothing
                written = _rewritten(store, result.failures, outdir, workers=workers, reports=reports,
                                     changed=counts.new > 0 or n == 1)
                _log_poll(n, counts, result.failures, written, quiet)
                if polls and n >= polls:
                    break
                stop.wait(interval)
        finally:
            restore()
            state.close()
            store.close()


def _rewritten(store, failures: tuple[Failure, ...], outdir: Path, *, workers: int, reports: bool,  # type: ignore[no-untyped-def]
               changed: bool) -> int | None:
    """Rebuild the dossier over every stored article when something changed; its article count, else None."""
    if not changed and (outdir / "dossier.json").exists():
        return None
    from ..pipeline import dossier_from, reanalysed
    from ..report import write_dossier, write_reports

    reanalysed(store, workers=workers)  # only what the new articles touch
    dossier = dossier_from(store, failures=failures)
    write_dossier(dossier, outdir)
    if reports:
        write_reports(dossier, outdir)
    return len(dossier.articles)


def _log_poll(n: int, counts: PollCounts, failures: tuple[Failure, ...], written: int | None, quiet: bool) -> None:
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    outcome = f"{written} articles -> dossier rewritten" if written is not None else "outputs unchanged"
    err.print(f"{when} poll {n}: {counts.new} new, {counts.unchanged} of {counts.sources} sources unchanged, "
              f"{counts.known} already stored, {len(failures)} failed; {outcome}", highlight=False, soft_wrap=True)
    if not quiet:
        for f in failures:
            err.print(f"  failed {f.source}: {f.code}: {f.message}", highlight=False, soft_wrap=True)


def _stop_on_signals(stop: Callable[[], object]) -> Callable[[], None]:
    """First SIGINT/SIGTERM: finish the poll in hand, store it, write the outputs, exit. A second one: exit now."""
    def handler(signum: int, frame: FrameType | None) -> None:
        if stopping[0]:
            raise KeyboardInterrupt
        stopping[0] = True
        err.print(f"{signal.Signals(signum).name}: stopping after this poll is stored (again to stop at once)")
        stop()

    stopping = [False]
    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    return lambda: [signal.signal(s, h) for s, h in previous.items()] and None
