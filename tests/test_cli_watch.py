"""bilat watch on the command line: --once against a real local server, usage errors, and
Ctrl-C in a real process stopping between articles."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import bilat
from bilat.cli import main

from .test_watch import STORIES, page, rss

pytestmark = pytest.mark.model

FAST_ENV = {"BILAT_WATCH_DELAY": "0", "BILAT_WATCH_TIMEOUT": "0.5", "BILAT_WATCH_MAX_SECONDS": "2",
            "BILAT_WATCH_RETRIES": "0", "BILAT_WATCH_RETRY_AFTER": "600"}


def _invoke(args, **kw):
    return CliRunner().invoke(main, args, env=FAST_ENV, catch_exceptions=False, **kw)


def test_once_polls_reports_and_exits_1_on_a_failure(http_server, tmp_path, nlp):
    s = http_server
    s.add("/chn.html", page(*STORIES["chn"]))
    s.add("/feed.xml", rss([("c", "/chn.html", "Tue, 05 Mar 2024 10:00:00 GMT"), ("gone", "/gone.html", None)]),
          content_type="application/rss+xml", etag='"f1"')
    db = str(tmp_path / "w.db")
    res = _invoke(["watch", s.url("/feed.xml"), "--db", db, "--once"])
    assert res.exit_code == 1, res.output
    assert f"[B701] {s.url('/gone.html')}: the server answered HTTP 404" in res.output
    assert f"{s.url('/feed.xml')}: 2 entries, 2 new" in res.output
    assert "poll 1: 1 feeds (1 read, 0 not modified, 0 failed, 0 waiting); 2 pages fetched, 1 new articles" in res.output
    with bilat.open_store(db) as store:
        assert store.stats()["articles"] == 1 and store.stats()["events"] >= 1
    # again: the feed is unchanged (304) and the failed page waits for its retry time: nothing fails now
    res = _invoke(["watch", s.url("/feed.xml"), "--db", db, "--once", "-q"])
    assert res.exit_code == 0, res.output
    assert "0 pages fetched, 0 new articles" in res.output
    assert f"{s.url('/feed.xml')}: not modified" not in res.output  # -q: the summary only


@pytest.mark.parametrize("args, code", [(["ftp://example.com/feed"], "B711"), (["http://x/f", "--every", "1s"], "B712"),
                                        (["http://x/f", "--every", "soon"], "B712")])
def test_usage_errors(args, code, tmp_path):
    res = _invoke(["watch", *args, "--db", str(tmp_path / "w.db"), "--once"])
    assert res.exit_code == 2 and code in res.output
    assert not (tmp_path / "w.db").exists()  # refused before any store is made


def test_ctrl_c_stops_between_articles(http_server, tmp_path):
    s = http_server
    asked_second = threading.Event()

    def second(h):
        asked_second.set()
        time.sleep(0.3)  # Ctrl-C arrives while this article is in hand (under the 0.5 s read timeout)
        h.answer(200, page(*STORIES["tur"]).encode(), {"Content-Type": "text/html"})

    s.add("/chn.html", page(*STORIES["chn"]))
    s.add("/tur.html")
    s.routes["/tur.html"].handler = second
    s.add("/fra.html", page(*STORIES["fra"]))
    s.add("/feed.xml", rss([("c", "/chn.html", None), ("t", "/tur.html", None), ("f", "/fra.html", None)]),
          content_type="application/rss+xml")
    db = str(tmp_path / "w.db")
    exe = Path(sys.executable).with_name("bilat")
    proc = subprocess.Popen([str(exe), "watch", s.url("/feed.xml"), "--db", db, "--every", "10m"],
                            env={**os.environ, **FAST_ENV}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert asked_second.wait(60), "the watcher never asked for the second page"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "stopping after the article in hand" in err and "1 left for the next poll" in err
    assert "Traceback" not in err
    assert s.hits("/fra.html") == []  # nothing after the stop
    with bilat.open_store(db) as store:
        assert store.stats()["articles"] == 2, err  # the article in hand was finished, not dropped
