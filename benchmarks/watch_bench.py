#!/usr/bin/env python3
"""How fast one poll of bilat watch runs against local feeds: pages/s, articles/s, events.

    python benchmarks/watch_bench.py [--feeds 10] [--pages 10] [--hosts 2] [--delay 0]

Starts ``--hosts`` HTTP servers on 127.0.0.1, each serving its share of ``--feeds`` RSS feeds
of ``--pages`` short news pages (distinct texts, so none is a syndicated copy), polls them
all once into a fresh SQLite store through ``bilat.watch.Watcher`` (the real fetcher, reader,
pipeline and store), then polls again, when every feed answers 304. With ``--delay`` above
zero the per-host politeness delay shows: a poll then takes about pages/hosts x delay.
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COUNTRIES = [("China", "Japan"), ("Turkey", "the United States"), ("France", "Germany"), ("India", "Pakistan"),
             ("Russia", "Ukraine"), ("Brazil", "Argentina"), ("Egypt", "Ethiopia"), ("Iran", "Israel")]
VERBS = ["accused {b} of violating the agreement", "demanded that {b} withdraw its troops",
         "signed a trade agreement with {b}", "summoned the ambassador of {b}", "pledged aid to {b}"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> str:
    a, b = COUNTRIES[i % len(COUNTRIES)]
    verb = VERBS[(i // len(COUNTRIES)) % len(VERBS)].format(b=b)
    day = DAYS[i % len(DAYS)]
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Story {i}</title></head><body>"
            f"<article><h1>Story {i}</h1><p>{a} {verb} on {day}, officials said in report number {i}.</p>"
            f"<p>The foreign ministry of {a} said the talks would continue next month, according to "
            f"statement {i * 7 + 3}.</p></article></body></html>")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: dict[str, tuple[bytes, str, str]] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        body, ctype, etag = self.routes.get(self.path, (b"not found", "text/plain", ""))
        if etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(routes) -> tuple[ThreadingHTTPServer, str]:
    handler = type("H", (Handler,), {"routes": routes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=10)
    ap.add_argument("--pages", type=int, default=10, help="pages per feed")
    ap.add_argument("--hosts", type=int, default=2)
    ap.add_argument("--delay", type=float, default=0.0, help="watch_delay, seconds between requests to one host")
    args = ap.parse_args()

    import bilat
    from bilat.nlp import load_nlp
    from bilat.settings import Settings
    from bilat.watch import Watcher

    servers, feeds = [], []
    n = 0
    for h in range(args.hosts):
        routes: dict[str, tuple[bytes, str, str]] = {}
        httpd, base = serve(routes)
        servers.append(httpd)
        for f in range(h, args.feeds, args.hosts):
            items = []
            for _ in range(args.pages):
                path = f"/story-{n}.html"
                routes[path] = (article(n).encode(), "text/html; charset=utf-8", "")
                items.append(f"<item><title>Story {n}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
                             f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>")
                n += 1
            routes[f"/feed-{f}.xml"] = (
                (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed {f}</title>"
                 + "".join(items) + "</channel></rss>").encode(), "application/rss+xml", f'"feed-{f}"')
            feeds.append(f"{base}/feed-{f}.xml")

    settings = Settings().with_(watch_delay=args.delay, watch_retries=0)
    load_nlp(settings.model)  # loaded before the clock starts, as a long-running watcher has it
    with tempfile.TemporaryDirectory() as tmp, bilat.open_store(str(Path(tmp) / "watch.db")) as store:
        with Watcher(store, settings) as w:
            first = w.poll(feeds)
            t = time.perf_counter()
            second = w.poll(feeds)
            second_s = time.perf_counter() - t
    for s in servers:
        s.shutdown()
    print(f"feeds {len(feeds)} on {args.hosts} hosts, {n} pages, politeness delay {args.delay:g} s")
    print(f"first poll : {first.pages_fetched} pages in {first.seconds:.2f} s = "
          f"{first.pages_fetched / first.seconds:.1f} pages/s; {first.articles_stored} articles stored, "
          f"{first.events_stored} events, {len(first.failures)} failures")
    print(f"second poll: {second.pages_fetched} pages, "
          f"{sum(f.status == 'not-modified' for f in second.feeds)} feeds not modified, in {second_s:.2f} s")


if __name__ == "__main__":
    main()
