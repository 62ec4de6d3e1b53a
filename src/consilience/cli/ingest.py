"""``consilience ingest``: read, clean and store without analysing."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import (
    DEFAULT_WORKERS,
    DbOption,
    JsonOption,
    PathsArg,
    QuietOption,
    VerboseOption,
    WorkersOption,
    app,
    checked_inputs,
    configure_logging,
    err,
    exit_code_for,
    failing_run,
    failures_json,
    print_json,
    progress_display,
    report_failures,
    writable_store,
)
from .limits import (
    DEFAULTS,
    Exclude,
    FollowSymlinks,
    IncludeHidden,
    MaxArticleChars,
    MaxDepth,
    MaxFileMb,
    MaxMembers,
    MaxParagraphChars,
    MaxRatio,
    MaxTotalMb,
    Stopped,
    interrupted,
    read_options,
    report_skipped,
    stop_on_sigterm,
    store_files,
)


@app.command()
def ingest(paths: PathsArg, db: DbOption = Path("consilience.db"), quiet: QuietOption = False,
           verbose: VerboseOption = 0, json_summary: JsonOption = False,
           workers: WorkersOption = DEFAULT_WORKERS,
           max_file_mb: MaxFileMb = DEFAULTS["max_file_mb"], max_total_mb: MaxTotalMb = DEFAULTS["max_total_mb"],
           max_ratio: MaxRatio = DEFAULTS["max_ratio"], max_members: MaxMembers = DEFAULTS["max_members"],
           max_depth: MaxDepth = DEFAULTS["max_depth"], max_article_chars: MaxArticleChars = DEFAULTS["max_article_chars"],
           max_paragraph_chars: MaxParagraphChars = DEFAULTS["max_paragraph_chars"],
           follow_symlinks: FollowSymlinks = False, include_hidden: IncludeHidden = False,
           exclude: Exclude = None) -> None:
    """Read, clean and store PATHS without analysing them."""
    configure_logging(verbose, quiet)
    paths = checked_inputs(paths)
    store = writable_store(db)
    options = read_options(max_file_mb=max_file_mb, max_total_mb=max_total_mb, max_ratio=max_ratio,
                           max_members=max_members, max_depth=max_depth, max_article_chars=max_article_chars,
                           max_paragraph_chars=max_paragraph_chars, follow_symlinks=follow_symlinks,
                           include_hidden=include_hidden, exclude=exclude, outputs=store_files(db))
    try:
        with failing_run(verbose), stop_on_sigterm(), progress_display(quiet) as progress:
            from ..pipeline import ingest as run_ingest

            result = run_ingest(paths, store=store, progress=progress, workers=workers, read_options=options)
    except (KeyboardInterrupt, Stopped):
        raise interrupted(db, store.count()) from None
    finally:
        store.close()
    code = exit_code_for(result.failures)
    if json_summary:
        print_json({"store": str(db), "articles": len(result.ids), "new": result.added,
                    "skipped": [{"source": s.source, "reason": s.reason} for s in result.skipped],
                    "failures": failures_json(result.failures), "exit_code": code})
    elif not quiet:
        err.print(f"{len(result.ids)} articles read, {result.added} new, stored in {db}", soft_wrap=True)
    report_skipped(result.skipped, quiet)
    report_failures(result.failures, quiet)
    raise typer.Exit(code)
