"""Fetch throughput against a local server: 2,000 pages with 20 ms latency, with the default
per-host limits and with a raised per-host limit; fetched only, then fetched and analysed.

    nice .venv/bin/python bench/fetch.py [--data ../shared/data] [--pages 2000] [--hosts 5]
                                         [--raised-per-host 8] [--workers 2] [--no-analyse]

The pages are BBC News articles (``bbc-news/``) rendered as HTML, spread over ``--hosts`` site
names (one per BBC section, each with a Google News sitemap listing its pages); every name resolves
to 127.0.0.1 through an injected resolver, so per-host limits apply per site as they would on the
web and no packet leaves the machine. The server runs in a child process and sleeps 20 ms before
each answer. Prints pages/second per run, the ratio of the raised limit to the default, and the
resident memory of this process sampled every 250 pages (flat when the fetcher keeps a bounded
window of pages in flight).
"""

from __future__ import annotations

import argparse
import html
import http.server
import json
import multiprocessing
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from consilience.fetch import Crawl, FetchSettings, Guard
from consilience.pipeline import analyze
from consilience.store import open_store

DATA = Path("../shared/data")
LATENCY = 0.020


def pages_of(data: Path, n: int, hosts: int) -> dict[tuple[str, str], bytes]:
    """``(host, path) -> body``: articles as pages, and each host's news sitemap."""
    rows = [json.loads(line) for line in (data / "bbc-news" / "bbc-2225.jsonl").open(encoding="utf-8")][:n]
    sites: dict[str, list[tuple[str, dict]]] = {}
    for i, row in enumerate(rows):
        section = row["url"].split(":", 1)[1].split("/", 1)[0]
        host = f"{section}.bench.test" if hosts >= 5 else f"site{i % hosts}.bench.test"
        sites.setdefault(host, []).append((f"/news/{i:05d}", row))
    served: dict[tuple[str, str], bytes] = {}
    for host, items in sites.items():
        for path, row in items:
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
            served[(host, path)] = (f"<!doctype html><html><head><title>{html.escape(row['title'])}</title></head>"
                                    f"<body><nav>Home | World | Business</nav><article><h1>{html.escape(row['title'])}"
                                    f"</h1>{paras}</article><footer>Copyright</footer></body></html>").encode()
        urls = "".join(f"<url><loc>http://{host}:PORT{path}</loc></url>" for path, _ in items)
        served[(host, "/sitemap.xml")] = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                                          f'sitemap/0.9">{urls}</urlset>').encode()
        served[(host, "/robots.txt")] = b"User-agent: *\nAllow: /\n"
    return served


def serve(served: dict[tuple[str, str], bytes]) -> tuple[multiprocessing.Process, int]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            time.sleep(LATENCY)
            host, _, port = (self.headers.get("Host") or "").partition(":")
            body = served.get((host, self.path))
            if body is not None and self.path == "/sitemap.xml":
                body = body.replace(b":PORT", f":{port}".encode())
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    http.server.ThreadingHTTPServer.daemon_threads = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    process = multiprocessing.get_context("fork").Process(target=server.serve_forever, daemon=True)
    process.start()
    server.server_close()
    return process, server.server_address[1]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def fetch_run(settings: FetchSettings, guard: Guard, sources: list[str]) -> tuple[int, float, list[float]]:
    samples, n, failed = [rss_mb()], 0, []
    start = time.perf_counter()
    with Crawl(settings, guard=guard) as crawl:
        for item in crawl(sources):
            if not hasattr(item, "body"):
                failed.append(item)
                continue
            n += 1
            if n % 250 == 0:
                samples.append(rss_mb())
    if failed:
        print(f"  {len(failed)} failed, e.g. {failed[0]}")
    return n, time.perf_counter() - start, samples


def analyse_run(settings: FetchSettings, guard: Guard, sources: list[str], workers: int) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        with Crawl(settings, guard=guard) as crawl:
            dossier = analyze(sources, store=store, workers=workers, read_urls=crawl)
        elapsed = time.perf_counter() - start
        store.close()
    return len(dossier.articles), elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--hosts", type=int, default=5)
    ap.add_argument("--raised-per-host", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-analyse", action="store_true")
    args = ap.parse_args()

    served = pages_of(args.data, args.pages, args.hosts)
    process, port = serve(served)
    try:
        hosts = sorted({h for h, _ in served})
        sources = [f"http://{h}:{port}/sitemap.xml" for h in hosts]
        guard = Guard(allow_private=True, resolver=lambda host, p: ["127.0.0.1"])  # every bench site is this machine
        default = FetchSettings(allow_private=True, max_per_source=args.pages)
        raised = replace(default, per_host=args.raised_per_host, delay=0.0)
        print(f"{args.pages} pages on {len(hosts)} sites, {LATENCY * 1000:.0f} ms latency; default per host: "
              f"{default.per_host} in flight, {default.delay} s between starts; raised: {raised.per_host}, 0 s")
        rates = {}
        for name, settings in (("default", default), ("raised", raised)):
            n, secs, rss = fetch_run(settings, guard, sources)
            rates[name] = n / secs
            print(f"fetch only, {name:7s}: {n} pages in {secs:6.1f} s = {n / secs:6.1f} pages/s; "
                  f"RSS MB first/last/max {rss[0]:.0f}/{rss[-1]:.0f}/{max(rss):.0f} over {len(rss)} samples")
        print(f"raised / default (fetch only): {rates['raised'] / rates['default']:.2f}x")
        if not args.no_analyse:
            for name, settings in (("default", default), ("raised", raised)):
                n, secs = analyse_run(settings, guard, sources, args.workers)
                rates[f"a-{name}"] = n / secs
                print(f"fetch + analyse, {name:7s}: {n} articles in {secs:6.1f} s = {n / secs:6.1f} pages/s "
                      f"({args.workers} workers)")
            print(f"raised / default (fetch + analyse): {rates['a-raised'] / rates['a-default']:.2f}x")
    finally:
        process.terminate()
        process.join(timeout=5)


if __name__ == "__main__":
    main()
