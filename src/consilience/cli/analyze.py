"""``consilience analyze``: ingest, run every stage, write the dossier and the reports."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from ..ingest import looks_like_url
from .common import (
    DEFAULT_WORKERS,
    DbOption,
    JsonOption,
    OutOption,
    QuietOption,
    VerboseOption,
    WorkersOption,
    app,
    checked_inputs,
    checked_outdir,
    configure_logging,
    err,
    exit_code_for,
    failing_run,
    failures_json,
    print_json,
    progress_display,
    report_failures,
    same_file,
    usage_error,
    writable_store,
)
from .fetch import AllowPrivateOption, InputsArg, UrlsFileOption, inputs_of, settings_of
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
    stop_on_sigterm,
    store_files,
)

ReportsOption = Annotated[bool, typer.Option("--reports/--no-reports",
                                             help="Also write report.html, report.md, CSV/Parquet, "
                                                  "provenance graph and timeline pictures.")]


@app.command()
def analyze(paths: InputsArg = None, outdir: OutOption = Path("out"), db: DbOption = Path("consilience.db"),
            quiet: QuietOption = False, verbose: VerboseOption = 0, json_summary: JsonOption = False,
            workers: WorkersOption = DEFAULT_WORKERS, reports: ReportsOption = True,
            urls_file: UrlsFileOption = None, allow_private: AllowPrivateOption = False,
            max_file_mb: MaxFileMb = DEFAULTS["max_file_mb"], max_total_mb: MaxTotalMb = DEFAULTS["max_total_mb"],
            max_ratio: MaxRatio = DEFAULTS["max_ratio"], max_members: MaxMembers = DEFAULTS["max_members"],
            max_depth: MaxDepth = DEFAULTS["max_depth"], max_article_chars: MaxArticleChars = DEFAULTS["max_article_chars"],
            max_paragraph_chars: MaxParagraphChars = DEFAULTS["max_paragraph_chars"],
            follow_symlinks: FollowSymlinks = False, include_hidden: IncludeHidden = False,
            exclude: Exclude = None) -> None:
    """Ingest PATHS (files, folders, archives, article URLs, feeds, sitemaps), run every stage, and write
    OUTDIR/dossier.json and the reports."""
    configure_logging(verbose, quiet)
    inputs = checked_inputs(inputs_of(paths, urls_file))
    checked_outdir(outdir)
    if same_file(db, outdir):
        usage_error(f"--db {db} and -o {outdir} are the same path; put the store beside or inside the folder")
    store = writable_store(db)
    options = read_options(max_file_mb=max_file_mb, max_total_mb=max_total_mb, max_ratio=max_ratio,
                           max_members=max_members, max_depth=max_depth, max_article_chars=max_article_chars,
                           max_paragraph_chars=max_paragraph_chars, follow_symlinks=follow_symlinks,
                           include_hidden=include_hidden, exclude=exclude, outputs=(outdir, *store_files(db)))
    try:
        with failing_run(verbose), stop_on_sigterm(), progress_display(quiet) as progress:
            from ..pipeline import published, updated

            with _crawl_for(inputs, allow_private) as crawl:
                update = updated(inputs, store=store, progress=progress, workers=workers, read_urls=crawl,
                                 read_options=options)
            out = published(store, update, outdir, reports=reports, progress=progress)
    except (KeyboardInterrupt, Stopped):
        raise interrupted(db, store.count()) from None
    finally:
        store.close()
    path = outdir / "dossier.json"
    code = exit_code_for(update.failures)
    if json_summary:
        print_json({"dossier": str(path), "files": [str(p) for p in out.files], "articles": out.articles,
                    "claims": out.claims, "stories": out.stories, "failures": failures_json(update.failures),
                    "notes": list(out.notes), "exit_code": code})
    elif not quiet:
        err.print(f"{out.articles} articles, {out.claims} claims, {out.stories} stories -> {path}"
                  + (f" and {outdir / 'report.html'}" if reports else "")
                  + ("" if out.rewritten else " (nothing new: left as they were)"), soft_wrap=True)
    report_failures(update.failures, quiet)
    raise typer.Exit(code)


def _crawl_for(inputs: list[str], allow_private: bool) -> AbstractContextManager[Any]:
    """A fetcher when some input is a URL; else none, and httpx and the fetch stack stay unloaded."""
    if not any(looks_like_url(i) for i in inputs):
        return nullcontext(None)
    from ..fetch import Crawl  # noqa: PLC0415

    return Crawl(settings_of(allow_private=allow_private))
