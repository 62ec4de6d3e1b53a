"""What every command shares: the Typer app, option types, checks made before any work, exit codes,
progress (a bar on a terminal, plain lines otherwise), logging and the failure table.

Exit codes (documented in the README and in ``consilience --help``):

    0  every input was read and the run completed
    1  the run completed, but some inputs could not be read (listed, with the reason)
    2  usage error: a bad option, a missing input, an unwritable -o or --db; nothing was written
    3  the run failed part-way (a bug or the disk); the message says what to do next

Heavy modules (spaCy, scikit-learn, the report writers) are imported inside the commands, so
``--help`` and ``--version`` answer at once. A command added by another module uses the same
options (``PathsArg``, ``DbOption``, ``OutOption``, ``QuietOption``, ``VerboseOption``, ``JsonOption``)
and the same checks (``checked_inputs``, ``checked_outdir``, ``writable_store``, ``existing_store``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from .. import __version__

if TYPE_CHECKING:
    from ..records import Failure
    from ..store.base import Store

EXIT_OK, EXIT_SOME_INPUTS_BAD, EXIT_USAGE, EXIT_RUN_FAILED = 0, 1, 2, 3
EXIT_CODES_HELP = ("Exit status: 0 all inputs read; 1 run completed but some inputs were bad (listed); "
                   "2 usage error, nothing written; 3 the run failed.")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Read many news reports about the same events and say what they establish together.\n\n"
                       + EXIT_CODES_HELP)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)
log = logging.getLogger("consilience")

DEFAULT_WORKERS = min(os.cpu_count() or 1, 4)
DbOption = Annotated[Path, typer.Option("--db", help="SQLite store of ingested articles.")]
WorkersOption = Annotated[int, typer.Option("--workers", "-j", min=1,
                                            help="Processes for extraction and parsing (default: CPU count, max 4).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary; errors only.")]
VerboseOption = Annotated[int, typer.Option("--verbose", "-v", count=True,
                                            help="More log detail: -v for stages and timings, -vv for debugging.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout (for scripts).")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders, archives, or - for stdin.")]
OutOption = Annotated[Path, typer.Option("-o", "--out", help="Folder for dossier.json and the reports.")]


def _print_version(value: bool) -> None:
    if value:
        out.print(f"consilience {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                   help="Print the version and exit.")] = False) -> None:
    """Read many news reports about the same events and say what they establish together."""


# --- checks made before any work: a usage error writes nothing -------------------------------------------

def usage_error(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", soft_wrap=True)
    raise typer.Exit(EXIT_USAGE)


def checked_inputs(paths: Sequence[str]) -> list[str]:
    """``paths`` when each one exists (``-`` is stdin, once); else a usage error naming the missing ones."""
    if not paths:
        usage_error("no input given; pass files, folders, archives, or - for stdin")
    if list(paths).count("-") > 1:
        usage_error("'-' (stdin) given more than once; pass it once")
    missing = [p for p in paths if p != "-" and "://" not in p and not Path(p).exists()]
    if missing:
        usage_error(f"no such file or folder: {', '.join(missing)}; check the path{'s' if len(missing) > 1 else ''}")
    return list(paths)


def checked_outdir(outdir: Path) -> Path:
    """``outdir`` when it is, or can be made, a writable folder; else a usage error."""
    if outdir.exists() and not outdir.is_dir():
        usage_error(f"-o {outdir}: is a file, not a folder; pass a folder for the dossier and reports")
    base = _nearest_existing(outdir)
    if not base.is_dir():
        usage_error(f"-o {outdir}: {base} is a file, not a folder; pass another folder")
    if not os.access(base, os.W_OK | os.X_OK):
        usage_error(f"-o {outdir}: {base} is not writable; pass a folder you can write to")
    return outdir


def writable_store(db: Path) -> Store:
    """The store at ``db``, created when missing; a usage error when it cannot be written or is no store."""
    if db.exists():
        if db.is_dir():
            usage_error(f"--db {db}: is a folder; pass a file such as {db / 'consilience.db'}")
        if not os.access(db, os.R_OK | os.W_OK):
            usage_error(f"--db {db}: not readable and writable; pass another file with --db")
    else:
        base = _nearest_existing(db.parent)
        if not base.is_dir() or not os.access(base, os.W_OK | os.X_OK):
            usage_error(f"--db {db}: cannot create it under {base}; pass a path in a folder you can write to")
        if base != db.parent:
            db.parent.mkdir(parents=True, exist_ok=True)
    return _opened(db)


store_at = writable_store  # the name fetch and watch call it by


def existing_store(db: Path) -> Store:
    """The store at ``db`` for reading; never creates one (a usage error when it does not exist)."""
    if not db.is_file():
        what = "is a folder" if db.is_dir() else "does not exist"
        usage_error(f"--db {db}: {what}; `consilience ingest PATH --db {db}` creates a store, "
                    "or pass the one you analysed into with --db")
    return _opened(db)


def _opened(db: Path) -> Store:
    from ..errors import StoreError
    from ..store import open_store

    try:
        return open_store(db)
    except StoreError as e:
        usage_error(str(e))


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def same_file(a: Path, b: Path) -> bool:
    return a.absolute().resolve() == b.absolute().resolve()


# --- logging, failures and summaries ---------------------------------------------------------------------

class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a record comes (test runners swap it per command)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def configure_logging(verbose: int, quiet: bool) -> None:
    """consilience's own log: warnings by default, -v adds stage summaries (INFO), -vv debugging;
    --quiet shows errors only (other libraries' warnings included)."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log.handlers[:] = [h for h in log.handlers if not isinstance(h, _StderrHandler)] + [handler]
    log.setLevel(level)
    logging.getLogger().setLevel(logging.ERROR if quiet else logging.WARNING)


@contextmanager
def failing_run(verbose: int) -> Iterator[None]:
    """An unexpected error during the run exits with EXIT_RUN_FAILED and one line (the traceback with -v)."""
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except ModuleNotFoundError as e:  # an environment made before a dependency was pinned
        if verbose:
            err.print_exception()
        err.print(f"[red]error:[/red] the package '{e.name}' is not installed in this environment ({sys.prefix}), "
                  "though consilience needs it: install the pinned set with `make .venv/bin/consilience` in a checkout, "
                  "or `pip install -r requirements.lock`, and run again; inputs already stored are kept.", soft_wrap=True)
        raise typer.Exit(EXIT_RUN_FAILED) from e
    except Exception as e:  # noqa: BLE001 - the CLI's last line of defence: a message and exit code 3
        if verbose:
            err.print_exception()
        err.print(f"[red]error:[/red] the run failed: {type(e).__name__}: {e}. "
                  + ("" if verbose else "Run again with -v for the traceback; ") + "inputs already stored are kept, "
                  "and a re-run continues from them.", soft_wrap=True)
        raise typer.Exit(EXIT_RUN_FAILED) from e


def report_failures(failures: Sequence[Failure], quiet: bool) -> None:
    if not failures:
        return
    from rich.table import Table

    table = Table(title=f"{len(failures)} input(s) failed", title_style="bold red")
    for col in ("source", "stage", "reason"):
        table.add_column(col, overflow="fold")
    for f in failures:
        table.add_row(f.source, f.stage, f"{f.code}: {f.message}")
    err.print(table)


def exit_code_for(failures: Sequence[Failure]) -> int:
    return EXIT_SOME_INPUTS_BAD if failures else EXIT_OK


def print_json(data: Any) -> None:
    """One JSON document on stdout, nothing else there (progress and messages go to stderr)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    sys.stdout.flush()


# --- progress: a bar on a terminal, plain lines otherwise ---------------------------------------------------

ProgressFn = Callable[[str, int, "int | None"], None]

# How often a plain progress line is written per stage. Ten seconds keeps a CI log readable on a
# long run (six lines a minute) and still shows that work goes on.
PROGRESS_INTERVAL_S = 10.0


class ProgressLines:
    """Plain progress for logs, pipes and CI: ``stage: done/total (pct), rate/s``, at most one line
    per stage every ``interval`` seconds, one when a stage reaches its total, and on ``close()`` the
    last state of any stage not yet printed."""

    def __init__(self, write: Callable[[str], None], *, interval: float = PROGRESS_INTERVAL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._write, self._interval, self._clock = write, interval, clock
        self._began = clock()
        self._stages: dict[str, dict[str, Any]] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = self._clock()
        st = self._stages.get(stage)
        if st is None:
            self.close()  # a new stage: the ones before it have ended (ingest never knows its total)
            st = self._stages[stage] = {"start": self._last_seen(), "printed": None, "done": 0, "total": None}
        st.update(done=done, total=total, seen=now)
        finished = total is not None and done >= total and st.get("printed_done") != done
        last = st["start"] if st["printed"] is None else st["printed"]
        if finished or now - last >= self._interval:
            self._emit(stage, st, now)

    def close(self) -> None:
        """Print the last state of every stage not printed at it yet."""
        for stage, st in self._stages.items():
            if st.get("printed_done") != st["done"]:
                self._emit(stage, st, st["seen"])

    def _last_seen(self) -> float:
        return max((st["seen"] for st in self._stages.values()), default=self._began)

    def _emit(self, stage: str, st: dict[str, Any], now: float) -> None:
        done, total = st["done"], st["total"]
        elapsed = max(now - st["start"], 1e-6)
        share = f" ({100 * done / total:.0f}%)" if total else ""
        self._write(f"{stage}: {done}/{total if total is not None else '?'}{share}, "
                    f"{done / elapsed:.1f}/s, {elapsed:.0f}s")
        st["printed"], st["printed_done"] = now, done


class StageTimes:
    """Each stage's count and time, from the progress calls; logged at INFO (``-v``) when the run ends."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last = clock()
        self.stages: dict[str, tuple[int, int | None, float]] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = self._clock()
        _, _, spent = self.stages.get(stage, (0, None, 0.0))
        self.stages[stage] = (done, total, spent + now - self._last)
        self._last = now

    def log_summary(self) -> None:
        for stage, (done, total, spent) in self.stages.items():
            log.info("stage %s: %d%s in %.1fs", stage, done, f"/{total}" if total is not None else "", spent)


@contextmanager
def progress_display(quiet: bool, *, bar: bool | None = None) -> Iterator[ProgressFn]:
    """``progress(stage, done, total)`` for the run: nothing with --quiet, a bar when stderr is a
    terminal, else ``ProgressLines`` on stderr; stage times go to the log (``-v``) at the end."""
    times = StageTimes()
    try:
        if quiet:
            yield times
        elif not (err.is_terminal if bar is None else bar):
            lines = ProgressLines(lambda line: err.print(line, markup=False, soft_wrap=True))
            try:
                yield _both(lines, times)
            finally:
                lines.close()
        else:
            with _bar() as report:
                yield _both(report, times)
    finally:
        times.log_summary()


def _both(first: ProgressFn, second: ProgressFn) -> ProgressFn:
    def report(stage: str, done: int, total: int | None) -> None:
        first(stage, done, total)
        second(stage, done, total)
    return report


@contextmanager
def _bar() -> Iterator[ProgressFn]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    display = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), console=err, transient=True)
    tasks: dict[str, Any] = {}

    def report(stage: str, done: int, total: int | None) -> None:
        if stage not in tasks:
            tasks[stage] = display.add_task(stage, total=total)
        display.update(tasks[stage], completed=done, total=total)

    with display:
        yield report


def failures_json(failures: Sequence[Failure]) -> list[dict[str, Any]]:
    return [f.to_dict() for f in failures]
