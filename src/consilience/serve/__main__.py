"""``python -m consilience.serve --db STORE [--host H] [--port P]``: the server process alone.

``consilience serve`` checks its options and then becomes this process (``os.execv``), so the
server holds the web app only (~65 MB), not the analysis pipeline the CLI loads (~270 MB).
"""

from __future__ import annotations

import argparse
import logging

import uvicorn

from .app import make_app


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m consilience.serve", description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8001)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    uvicorn.run(make_app(args.db).app(), host=args.host, port=args.port, log_level="warning", lifespan="on")


if __name__ == "__main__":
    main()
