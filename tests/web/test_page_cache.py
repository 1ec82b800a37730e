"""Answers kept per store version (``web/page_cache.py``), over a real server on SQLite and PostgreSQL: a
page asked again is the same bytes after one query (the store's version); a write to the store shows at
once; the format, the compression and who asks are part of what an answer is kept by; errors and exports
are always made afresh."""
from __future__ import annotations

import contextlib

import httpx
import pytest
from sqlalchemy import event as sa_event

import bilat
from tests.fixtures_web import WEB_TOKEN, ThreadServer, make_app

PAGES = ["/", "/pairs", "/pair/CHN/JPN", "/pair/CHN/JPN.json", "/events?type=ACCUSE", "/actors", "/actor/CHN",
         "/issues", "/codebook", "/api/events?pair=CHN-JPN", "/api/pairs/CHN/JPN", "/api/stats"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def served(request, tmp_path, web_results):
    """A store holding half the sample, served; the other half to write later."""
    url = str(tmp_path / "kept.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = bilat.open_store(url)
    half = len(web_results) // 2
    store.ingest(web_results[:half])
    with ThreadServer(make_app(store)) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        yield store, client, web_results[half:]
    store.close()


@contextlib.contextmanager
def statements(store):
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT"):  # not a connection's PRAGMA or BEGIN
            seen.append(statement)
    sa_event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_asked_again_is_sent_as_it_was(served, path):
    store, client, _ = served
    first = client.get(path)
    assert first.status_code == 200
    with statements(store) as seen:
        again = client.get(path)
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert len(seen) == 1 and "max(events.seq)" in seen[0].lower()  # the store's version, nothing else


def test_a_request_for_a_fresh_answer_is_made_afresh(served):
    store, client, _ = served
    first = client.get("/pair/CHN/JPN")
    with statements(store) as seen:
        again = client.get("/pair/CHN/JPN", headers={"cache-control": "no-cache"})
    assert again.content == first.content and len(seen) > 5  # the page's own reads


def test_a_write_to_the_store_shows_at_once(served):
    store, client, rest = served
    stats, events = client.get("/api/stats").json(), client.get("/events.json").json()
    assert client.get("/api/stats").json() == stats  # kept
    store.ingest(rest)
    later, events_later = client.get("/api/stats").json(), client.get("/events.json").json()
    assert later["events"] > stats["events"]
    assert events_later["total"] > events["total"]


def test_format_and_compression_are_part_of_the_key(served):
    _, client, _ = served
    for _ in range(2):  # the second round is answered from what the first kept
        html = client.get("/pair/CHN/JPN", headers={"accept": "text/html"})
        as_json = client.get("/pair/CHN/JPN", headers={"accept": "application/json"})
        assert html.headers["content-type"].startswith("text/html") and html.text.lstrip().startswith("<!")
        assert as_json.headers["content-type"].startswith("application/json") and as_json.json()["a"] == "CHN"
        with httpx.Client(base_url=str(client.base_url)) as raw:
            zipped = raw.get("/pair/CHN/JPN", headers={"accept-encoding": "gzip", "accept": "text/html"})
            plain = raw.get("/pair/CHN/JPN", headers={"accept-encoding": "identity", "accept": "text/html"})
        assert zipped.headers.get("content-encoding") == "gzip" and "content-encoding" not in plain.headers
        assert zipped.content == plain.content  # (httpx decodes gzip)


def test_errors_and_exports_are_made_afresh(served):
    store, client, _ = served
    for path in ("/story/st-nothing-here", "/api/export?format=csv&pair=CHN-JPN"):
        first = client.get(path)
        with statements(store) as seen:
            again = client.get(path)
        assert again.status_code == first.status_code and len(seen) > 1, path


def test_a_read_that_needs_the_token_is_never_answered_from_one_that_had_it(tmp_path, web_results):
    store = bilat.open_store(str(tmp_path / "closed.db"))
    store.ingest(web_results[:10])
    with ThreadServer(make_app(store, api_read_open=False)) as server, httpx.Client(base_url=server.url) as client:
        token = {"authorization": f"Bearer {WEB_TOKEN}"}
        for _ in range(2):
            assert client.get("/api/stats", headers=token).status_code == 200
            assert client.get("/api/stats").status_code == 401
    store.close()
