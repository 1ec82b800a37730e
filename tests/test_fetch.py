"""fetch: the polite, bounded HTTP client, against a real local server (tests/fixtures_http.py).

Every limit is set short here (0.5 s timeouts), so the misbehaving pages cost about a second
in all; each test checks what the server saw, not only what the client returned.
"""
from __future__ import annotations

import time

import pytest

from bilat.errors import FetchError
from bilat.fetch import Fetcher, is_transient, user_agent
from bilat.settings import Settings

FAST = Settings().with_(watch_delay=0.0, watch_timeout=0.5, watch_max_seconds=1.5, watch_max_bytes=100_000,
                        watch_retries=0, watch_backoff=0.05)


@pytest.fixture
def fetcher():
    f = Fetcher(FAST)
    yield f
    f.close()


def _code(fetcher, url, **kw) -> FetchError:
    with pytest.raises(FetchError) as err:
        fetcher.get(url, **kw)
    return err.value


def test_a_page_comes_back_with_its_validators_and_charset(http_server, fetcher):
    url = http_server.add("/a.html", "<p>é</p>", content_type="text/html; charset=ISO-8859-1", etag='"v1"',
                          last_modified="Tue, 05 Mar 2024 10:00:00 GMT")
    got = fetcher.get(url)
    assert (got.status, got.content, got.media_type, got.charset) == (200, "<p>é</p>".encode(), "text/html", "ISO-8859-1")
    assert (got.etag, got.last_modified) == ('"v1"', "Tue, 05 Mar 2024 10:00:00 GMT")
    again = fetcher.get(url, etag=got.etag)
    assert again.not_modified and again.content == b""
    assert http_server.hits("/a.html")[1].headers["if-none-match"] == '"v1"'
    assert http_server.hits("/a.html")[1].status == 304


def test_user_agent_names_bilat_its_version_and_a_contact(http_server, fetcher):
    fetcher.get(http_server.add("/ua", "x"))
    ua = http_server.hits("/ua")[0].headers["user-agent"]
    assert ua == user_agent(FAST.watch_contact)
    assert ua.startswith("bilat/") and FAST.watch_contact in ua and any(ch.isdigit() for ch in ua)


@pytest.mark.parametrize("status, transient", [(404, False), (410, False), (500, True), (503, True), (429, True)])
def test_http_errors_are_b701_with_the_url(http_server, fetcher, status, transient):
    url = http_server.add("/e", "no", status=status)
    exc = _code(fetcher, url)
    assert exc.code == "B701" and url in exc.message and str(status) in exc.message
    assert is_transient(exc) is transient


def test_transient_errors_are_retried_with_exponential_backoff(http_server):
    calls = []

    def flaky(h):
        calls.append(time.monotonic())
        if len(calls) < 3:
            h.answer(503, b"busy", {})
        else:
            h.answer(200, b"<p>finally</p>", {"Content-Type": "text/html"})

    url = http_server.add("/flaky")
    http_server.routes["/flaky"].handler = flaky
    with Fetcher(FAST.with_(watch_retries=2, watch_backoff=0.1)) as f:
        assert f.get(url).content == b"<p>finally</p>"
    gaps = [b - a for a, b in zip(calls, calls[1:])]
    assert len(calls) == 3 and gaps[0] >= 0.1 and gaps[1] >= 0.2  # 0.1 s, then doubled
    # a 404 is not retried: it will not get better in a second
    http_server.add("/gone", status=404)
    with Fetcher(FAST.with_(watch_retries=2, watch_backoff=0.1)) as f, pytest.raises(FetchError):
        f.get(http_server.url("/gone"))
    assert len(http_server.hits("/gone")) == 1


def test_a_server_that_does_not_answer_is_a_bounded_b702(http_server, fetcher):
    def silent(h):
        time.sleep(3)

    url = http_server.add("/slow")
    http_server.routes["/slow"].handler = silent
    t = time.monotonic()
    exc = _code(fetcher, url)
    assert exc.code == "B702" and url in exc.message and time.monotonic() - t < 1.5


def _endless(h, pause: float = 0.01):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    try:
        h.wfile.write(b"<html><body>")
        until = time.monotonic() + 30
        while time.monotonic() < until:
            h.wfile.write(b"<p>" + b"more " * 20 + b"</p>\n")
            h.wfile.flush()
            if pause:
                time.sleep(pause)
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_a_page_that_never_ends_is_cut_off_by_time(http_server):
    url = http_server.add("/endless")
    http_server.routes["/endless"].handler = _endless
    t = time.monotonic()
    with Fetcher(FAST.with_(watch_max_bytes=10**9, watch_max_seconds=0.5)) as f:
        exc = _code(f, url)
    assert exc.code == "B706" and "0.5 s" in exc.message and time.monotonic() - t < 1.5


def test_a_page_that_never_ends_is_cut_off_by_size(http_server, fetcher):
    url = http_server.add("/endless")
    http_server.routes["/endless"].handler = lambda h: _endless(h, pause=0)
    exc = _code(fetcher, url)
    assert exc.code == "B705" and "100000 bytes" in exc.message


def test_a_huge_body_is_refused_from_its_content_length_without_reading_it(http_server, fetcher):
    url = http_server.add("/huge", b"x" * 2_000_000)
    exc = _code(fetcher, url)
    assert exc.code == "B705"


def test_redirects_are_followed_and_a_loop_is_b704(http_server, fetcher):
    http_server.add("/old", status=301, headers={"Location": "/mid"})
    http_server.add("/mid", status=302, headers={"Location": http_server.url("/new")})
    http_server.add("/new", "<p>here</p>")
    got = fetcher.get(http_server.url("/old"))
    assert got.final_url == http_server.url("/new") and got.content == b"<p>here</p>"
    http_server.add("/a", status=302, headers={"Location": "/b"})
    http_server.add("/b", status=302, headers={"Location": "/a"})
    exc = _code(fetcher, http_server.url("/a"))
    assert exc.code == "B704" and "/b -> " in exc.message
    assert len(http_server.hits("/a")) == 1 and len(http_server.hits("/b")) == 1  # stopped at the loop
    for i in range(8):  # a chain longer than MAX_REDIRECTS, never looping
        http_server.add(f"/r{i}", status=307, headers={"Location": f"/r{i + 1}"})
    assert _code(fetcher, http_server.url("/r0")).code == "B704"


def test_robots_txt_is_obeyed_on_every_hop(http_server, fetcher):
    http_server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    http_server.add("/private/x.html", "<p>secret</p>")
    http_server.add("/open.html", "<p>open</p>")
    http_server.add("/sneaky", status=302, headers={"Location": "/private/x.html"})
    assert fetcher.get(http_server.url("/open.html")).status == 200
    for path in ("/private/x.html", "/sneaky"):
        exc = _code(fetcher, http_server.url(path))
        assert exc.code == "B707" and "robots.txt" in exc.message
    assert http_server.hits("/private/x.html") == []
    assert len(http_server.hits("/robots.txt")) == 1  # read once, then cached


def test_robots_txt_rules_for_bilat_by_name(http_server, fetcher):
    http_server.add("/robots.txt", "User-agent: bilat\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                    content_type="text/plain")
    assert _code(fetcher, http_server.add("/p", "x")).code == "B707"


def test_an_unreadable_robots_txt_fetches_nothing(http_server, fetcher):
    http_server.add("/robots.txt", "down", status=503)
    exc = _code(fetcher, http_server.add("/p", "x"))
    assert exc.code == "B710" and "HTTP 503" in exc.message
    assert http_server.hits("/p") == []


def test_politeness_delay_between_requests_to_one_host(http_server):
    for i in range(3):
        http_server.add(f"/p{i}", "x")
    with Fetcher(FAST.with_(watch_delay=0.2)) as f:
        for i in range(3):
            f.get(http_server.url(f"/p{i}"))
    times = [h.at for h in http_server.log if h.path.startswith("/p")]
    assert len(times) == 3 and all(b - a >= 0.19 for a, b in zip(times, times[1:]))


def test_nothing_listens_is_b703(fetcher):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exc = _code(fetcher, f"http://127.0.0.1:{port}/feed.xml")
    assert exc.code == "B703" and is_transient(exc)


@pytest.mark.parametrize("url", ["ftp://example.com/x", "not a url", "file:///etc/passwd", "http:///nohost"])
def test_only_http_urls(fetcher, url):
    assert _code(fetcher, url).code == "B711"
