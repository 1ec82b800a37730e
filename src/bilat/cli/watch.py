"""bilat watch: poll RSS/Atom feeds into the store (a thin front end over ``bilat.watch``)."""
from __future__ import annotations

import datetime as dt
import signal
import sys
import time

import click

from ..errors import BilatError
from .common import db_option, fail, main, quiet_option
from .progress import Progress


@main.command("watch")
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@db_option
@click.option("--every", default="15m", show_default=True, metavar="INTERVAL",
              help="time between polls: a number and s, m, h or d (at least 10s). Example: --every 30m")
@click.option("--once", is_flag=True, help="poll once and exit, for cron and tests; exit status 1 if anything "
                                           "failed. Example: --once")
@quiet_option
@click.pass_obj
def watch_cmd(settings, feeds, db, every, once, quiet):
    """Keep the store current from RSS and Atom feeds: poll them, fetch each new article
    page, extract its events and ingest it (idempotent: nothing is stored twice).

    Polite: robots.txt is obeyed, each host is asked at most once per watch_delay seconds,
    and the User-Agent names bilat with watch_contact (set your own in the settings).
    Feeds and pages are asked with their ETag/Last-Modified, so an unchanged feed costs one
    304. A feed or page that fails is logged with its URL and a numbered reason and tried
    again in a later poll, waiting longer after each failure; one bad host never stops the
    others. What has been seen lives in the store, so a restarted watcher resumes.
    Ctrl-C stops after the article in hand (twice: at once).

    \b
    Examples:
      bilat watch https://www.example.com/world/rss.xml --db news.db
      bilat watch https://a.example/feed.atom https://b.example/rss --every 30m
      bilat watch https://www.example.com/world/rss.xml --once -q   # from cron
    """
    from ..fetch import check_url
    from ..store import open_store
    from ..watch import Watcher, parse_interval

    try:
        feeds = [check_url(f) for f in feeds]
        interval = parse_interval(every)
    except BilatError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = open_store(db, settings=settings, create=True, command="bilat watch")
    except BilatError as exc:
        fail(exc)

    bar: list[Progress] = []

    def on_failure(failure) -> None:
        if bar:
            bar[0].close()
        click.echo(failure.message, err=True)

    watcher = Watcher(store, settings, on_failure=on_failure,
                      on_page=lambda page: bar[0].update() if bar else None)

    def on_sigint(signum, frame):
        if watcher.stopping:  # the second Ctrl-C: now
            raise KeyboardInterrupt
        watcher.stop()
        click.echo("stopping after the article in hand (Ctrl-C again to quit at once)", err=True)

    previous = signal.signal(signal.SIGINT, on_sigint)
    n = 0
    any_failed = False
    try:
        while True:
            n += 1
            bar[:] = [Progress(total=None, unit="page", disable=quiet, threshold=settings.progress_threshold)]
            report = watcher.poll(feeds)
            bar[0].close()
            any_failed = any_failed or bool(report.failures)
            if not quiet:
                for f in report.feeds:
                    click.echo(_feed_line(f), err=True)
            click.echo(_summary(n, report), err=True)
            if once or watcher.stopping:
                break
            wake = time.monotonic() + interval
            if not quiet:
                at = dt.datetime.now().astimezone() + dt.timedelta(seconds=interval)
                click.echo(f"next poll at {at:%H:%M:%S}", err=True)
            while time.monotonic() < wake and not watcher.stopping:
                time.sleep(min(0.5, max(wake - time.monotonic(), 0)))
            if watcher.stopping:
                break
    except KeyboardInterrupt:
        click.echo("interrupted: every stored article is complete; run the same command to resume", err=True)
        sys.exit(130)
    except BilatError as exc:
        fail(exc)
    finally:
        signal.signal(signal.SIGINT, previous)
        watcher.close()
        store.close()
    if watcher.stopping:
        click.echo("stopped: run the same command to resume", err=True)
        sys.exit(130)
    if once and any_failed:
        sys.exit(1)


def _feed_line(f) -> str:
    if f.status == "ok":
        line = f"{f.url}: {f.entries} entries, {f.new} new"
        return line + (f" (read despite: {f.warning})" if f.warning else "")
    if f.status == "not-modified":
        return f"{f.url}: not modified"
    if f.status == "waiting":
        return f"{f.url}: failed before; waiting for its retry time"
    return f"{f.url}: failed ({f.failure.code})" if f.failure else f"{f.url}: {f.status}"


def _summary(n: int, r) -> str:
    counts = {s: sum(1 for f in r.feeds if f.status == s) for s in ("ok", "not-modified", "failed", "waiting")}
    feeds = f"{len(r.feeds)} feeds ({counts['ok']} read, {counts['not-modified']} not modified, " \
            f"{counts['failed']} failed, {counts['waiting']} waiting)"
    rate = f", {r.pages_fetched / r.seconds:.1f} pages/s" if r.pages_fetched and r.seconds > 0 else ""
    tail = f"; {r.deferred} left for the next poll" if r.deferred else ""
    return (f"poll {n}: {feeds}; {r.pages_fetched} pages fetched, {r.articles_stored} new articles, "
            f"{r.events_stored} events, {r.articles_known} already stored; {len(r.failures)} failures{tail} "
            f"in {r.seconds:.1f}s{rate}")
