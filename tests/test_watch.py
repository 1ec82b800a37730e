"""watch: polls of good and broken feeds and pages on a real local server into a real store,
through the real pipeline (the pinned spaCy model, loaded once per run)."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

import bilat
from bilat.errors import FetchError
from bilat.settings import Settings
from bilat.store.schema import articles
from bilat.watch import Watcher, parse_interval

pytestmark = pytest.mark.model

FAST = Settings().with_(watch_delay=0.0, watch_timeout=0.5, watch_max_seconds=1.5, watch_max_bytes=200_000,
                        watch_retries=0, watch_backoff=0.05, watch_retry_after=60.0)

STORIES = {
    "chn": ("China accuses Japan", "China accused Japan on Tuesday of endangering the Pacific by releasing treated "
                                   "wastewater from the Fukushima plant. Beijing demanded that Tokyo halt the discharge."),
    "tur": ("Turkey summons US envoy", "Turkey summoned the US ambassador in Ankara on Monday to protest against the "
                                       "arrest of a consular employee, the foreign ministry said."),
    "fra": ("Macron meets Scholz", "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on "
                                   "Friday to discuss aid to Ukraine."),
}


def page(title: str, body: str, head: str = "", charset_meta: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (f"<!doctype html><html><head>{meta}<title>{title}</title>{head}</head><body>"
            f"<nav>Home | World | Business</nav><article><h1>{title}</h1><p>{body}</p></article>"
            f"<footer>Copyright Example News</footer></body></html>")


def rss(items: list[tuple[str, str, str | None]], title: str = "Example World") -> str:
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
           f"<link>http://example.invalid/</link><description>d</description>"]
    for t, link, date in items:
        out.append(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
                   + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>")
    return "".join(out) + "</channel></rss>"


def atom(items: list[tuple[str, str, str]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>'
           '<id>urn:x</id><updated>2024-03-06T00:00:00Z</updated>']
    for t, link, published in items:
        out.append(f'<entry><title>{t}</title><id>urn:{link}</id><link href="{link}"/>'
                   f"<published>{published}</published><updated>{published}</updated></entry>")
    return "".join(out) + "</feed>"


@pytest.fixture
def store(tmp_path):
    s = bilat.open_store(str(tmp_path / "watch.db"))
    yield s
    s.close()


@pytest.fixture
def watcher(store, nlp):
    failures = []
    w = Watcher(store, FAST, on_failure=failures.append)
    w.failures_seen = failures
    yield w
    w.close()


def _stored(store) -> dict[str, dict]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(articles.c.article_id, articles.c.url, articles.c.published, articles.c.text,
                                   articles.c.title, articles.c.outlet)).mappings().all()
    return {r["url"]: dict(r) for r in rows}


def _count(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(articles)).scalar()


def test_rss_and_atom_feeds_are_stored_once_and_a_second_poll_fetches_nothing(http_server, store, watcher):
    s = http_server
    s.add("/chn.html", page(*STORIES["chn"]))
    s.add("/tur.html", page(*STORIES["tur"]))
    s.add("/fra.html", page(*STORIES["fra"], head='<meta property="article:published_time" '
                                                  'content="2024-02-23T09:00:00+00:00">'))
    s.add("/rss.xml", rss([("China accuses Japan", s.url("/chn.html"), "Tue, 05 Mar 2024 10:00:00 GMT"),
                           ("Turkey summons", "/tur.html", None)]),
          content_type="application/rss+xml", etag='"rss-1"')
    s.add("/atom.xml", atom([("Macron meets Scholz", s.url("/fra.html"), "")]),
          content_type="application/atom+xml", last_modified="Wed, 06 Mar 2024 00:00:00 GMT")
    feeds = [s.url("/rss.xml"), s.url("/atom.xml")]

    first = watcher.poll(feeds)
    assert [f.status for f in first.feeds] == ["ok", "ok"]
    assert [f.new for f in first.feeds] == [2, 1]
    assert first.failures == () and first.articles_stored == 3 and first.events_stored >= 3
    got = _stored(store)
    assert set(got) == {s.url("/chn.html"), s.url("/tur.html"), s.url("/fra.html")}
    chn = got[s.url("/chn.html")]
    assert chn["published"] == "2024-03-05"  # from the feed entry
    assert chn["title"] == "China accuses Japan" and chn["outlet"] == "127.0.0.1"
    assert "Copyright" not in chn["text"] and "Home | World" not in chn["text"] and "wastewater" in chn["text"]
    assert got[s.url("/fra.html")]["published"] == "2024-02-23"  # no date in the feed: the page's metadata
    assert got[s.url("/tur.html")]["published"] is None  # no date anywhere: unknown, never today
    events = store.events(pair="CHN-JPN").rows
    assert {e["type"] for e in events} >= {"ACCUSE"}

    before = len(s.log)
    second = watcher.poll(feeds)
    assert [f.status for f in second.feeds] == ["not-modified", "not-modified"]
    assert second.pages_fetched == 0 and second.articles_stored == 0 and second.failures == ()
    asked = s.log[before:]
    assert sorted(h.path for h in asked) == ["/atom.xml", "/rss.xml"]  # the feeds only, no page again
    assert all(h.status == 304 for h in asked)
    assert next(h for h in asked if h.path == "/rss.xml").headers["if-none-match"] == '"rss-1"'
    assert next(h for h in asked if h.path == "/atom.xml").headers["if-modified-since"] == \
        "Wed, 06 Mar 2024 00:00:00 GMT"
    assert _count(store) == 3


def test_a_feed_without_validators_is_read_again_but_nothing_is_stored_twice(http_server, store, watcher):
    s = http_server
    s.add("/chn.html", page(*STORIES["chn"]))
    s.add("/feed.xml", rss([("c", "/chn.html", None)]), content_type="text/xml")
    watcher.poll([s.url("/feed.xml")])
    again = watcher.poll([s.url("/feed.xml")])
    assert again.feeds[0].status == "ok" and again.feeds[0].new == 0 and again.pages_fetched == 0
    assert len(s.hits("/chn.html")) == 1 and _count(store) == 1
    # a restarted watcher (a new Watcher on the same store) remembers what it has seen
    with Watcher(store, FAST) as fresh:
        assert fresh.poll([s.url("/feed.xml")]).pages_fetched == 0
    assert len(s.hits("/chn.html")) == 1 and len(s.hits("/feed.xml")) == 3


def test_broken_pages_are_recorded_with_url_and_reason_and_good_ones_still_stored(http_server, store, watcher):
    s = http_server
    s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    s.add("/ok.html", page(*STORIES["tur"]))
    s.add("/missing.html", "gone", status=404)
    s.add("/error.html", "oops", status=500)
    s.add("/private/secret.html", page(*STORIES["chn"]))
    s.add("/loop-a", status=302, headers={"Location": "/loop-b"})
    s.add("/loop-b", status=302, headers={"Location": "/loop-a"})
    s.add("/moved", status=301, headers={"Location": "/chn.html"})
    s.add("/chn.html", page(*STORIES["chn"]))
    s.add("/huge.html", b"<html><body><p>" + b"word " * 100_000 + b"</p></body></html>")
    s.add("/empty.html", "<html><body><script>var x = 1;</script></body></html>")
    s.add("/pdf", b"%PDF-1.4 binary", content_type="application/pdf")
    s.add("/slow.html")
    s.routes["/slow.html"].handler = lambda h: time.sleep(3)
    links = ["/ok.html", "/missing.html", "/error.html", "/private/secret.html", "/loop-a", "/moved", "/huge.html",
             "/empty.html", "/pdf", "/slow.html"]
    s.add("/feed.xml", rss([(p, p, None) for p in links]), content_type="application/rss+xml")

    report = watcher.poll([s.url("/feed.xml")])
    codes = {f.origin.replace(s.base, ""): f.code for f in report.failures}
    assert codes == {"/missing.html": "B701", "/error.html": "B701", "/private/secret.html": "B707",
                     "/loop-a": "B704", "/huge.html": "B705", "/empty.html": "B111", "/pdf": "B709",
                     "/slow.html": "B702"}
    assert all(s.base in f.message for f in report.failures)  # every message names its URL
    assert watcher.failures_seen == list(report.failures)  # and each was reported as it happened
    got = _stored(store)
    assert set(got) == {s.url("/ok.html"), s.url("/chn.html")}  # the redirect is stored under its final URL
    assert s.hits("/private/secret.html") == []  # robots.txt: never asked
    pages = {p.url.replace(s.base, ""): p for p in store.watch_pages_of(s.url("/feed.xml"))}
    assert pages["/ok.html"].status == "stored" and pages["/moved"].status == "stored"
    failed = {k for k, p in pages.items() if p.status == "failed"}
    assert failed == set(codes)
    assert all(pages[k].failures == 1 and pages[k].next_try_at and pages[k].last_error.startswith(f"[{codes[k]}]")
               for k in failed)


def test_failed_pages_wait_then_are_retried_and_stored(http_server, store, nlp):
    s = http_server
    answers = iter([500, 500, 200])

    def flaky(h):
        code = next(answers, 200)
        h.answer(code, page(*STORIES["fra"]).encode() if code == 200 else b"down", {"Content-Type": "text/html"})

    s.add("/fra.html")
    s.routes["/fra.html"].handler = flaky
    s.add("/feed.xml", rss([("f", "/fra.html", "Fri, 01 Mar 2024 08:00:00 GMT")]), content_type="application/rss+xml",
          etag='"e"')
    with Watcher(store, FAST.with_(watch_retry_after=0.3)) as w:
        first = w.poll([s.url("/feed.xml")])
        assert [f.code for f in first.failures] == ["B701"]
        state = store.watch_pages_of(s.url("/feed.xml"))[0]
        assert (state.status, state.failures) == ("failed", 1)
        # not yet due: the next poll does not ask again (the feed answers 304, the page waits)
        assert w.poll([s.url("/feed.xml")]).pages_fetched == 0 and len(s.hits("/fra.html")) == 1
        time.sleep(0.35)
        second = w.poll([s.url("/feed.xml")])
        assert second.pages_fetched == 1 and [f.code for f in second.failures] == ["B701"]
        state = store.watch_pages_of(s.url("/feed.xml"))[0]
        assert state.failures == 2  # the wait doubles: 0.6 s now
        time.sleep(0.35)
        assert w.poll([s.url("/feed.xml")]).pages_fetched == 0
        time.sleep(0.3)
        third = w.poll([s.url("/feed.xml")])
    assert third.articles_stored == 1 and third.failures == ()
    state = store.watch_pages_of(s.url("/feed.xml"))[0]
    assert (state.status, state.failures, state.last_error) == ("stored", 0, None)
    assert len(s.hits("/fra.html")) == 3 and _count(store) == 1


@pytest.mark.parametrize("name, body, ctype, expect", [
    # latin-1 declared in the header
    ("latin1", page("Paris", "Le président a reçu à l'Élysée le chancelier.", charset_meta=None).encode("latin-1"),
     "text/html; charset=iso-8859-1", "Le président a reçu à l'Élysée"),
    # cp1252 declared only in the page
    ("cp1252", page("Q", "The minister said: \u201cWe will not pay \u20ac5bn\u201d \u2013 and left.",
                    charset_meta="windows-1252").encode("cp1252"), "text/html", "\u201cWe will not pay \u20ac5bn\u201d \u2013"),
    # no charset anywhere, cp1252 bytes
    ("none", page("Q", "Café société \u2018quoted\u2019 here.", charset_meta=None).encode("cp1252"), "text/html",
     "Café société \u2018quoted\u2019"),
    # the meta charset lies: it says UTF-8, the bytes are windows-1252
    ("lying-utf8", page("Q", "Zürich and Genève signed à deal.", charset_meta="utf-8").encode("cp1252"),
     "text/html", "Zürich and Genève signed à deal"),
    # the header lies the other way: Latin-1 declared, UTF-8 sent
    ("lying-latin1", page("Q", "Zürich and Genève signed à deal.").encode("utf-8"),
     "text/html; charset=iso-8859-1", "Zürich and Genève signed à deal"),
])
def test_encodings_right_wrong_or_missing_give_the_right_text(http_server, store, watcher, name, body, ctype, expect):
    s = http_server
    s.add(f"/{name}.html", body, content_type=ctype)
    s.add("/feed.xml", rss([(name, f"/{name}.html", None)]), content_type="application/rss+xml")
    report = watcher.poll([s.url("/feed.xml")])
    assert report.failures == () and report.articles_stored == 1
    text = _stored(store)[s.url(f"/{name}.html")]["text"]
    assert expect in text and "\ufffd" not in text and "Ã" not in text


def test_malformed_and_missing_feeds_fail_alone_and_back_off(http_server, store, watcher):
    s = http_server
    s.add("/ok.html", page(*STORIES["tur"]))
    s.add("/good.xml", rss([("ok", "/ok.html", None)]), content_type="application/rss+xml")
    s.add("/broken.xml", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>cut off',
          content_type="application/rss+xml")
    s.add("/html-not-feed", "<html><body><p>Welcome to our homepage</p></body></html>")
    feeds = [s.url("/broken.xml"), s.url("/nope.xml"), s.url("/html-not-feed"), s.url("/good.xml")]
    report = watcher.poll(feeds)
    assert [(f.status, f.failure.code if f.failure else None) for f in report.feeds] == [
        ("failed", "B708"), ("failed", "B701"), ("failed", "B708"), ("ok", None)]
    assert report.articles_stored == 1
    state = store.watch_feed(s.url("/broken.xml"))
    assert state.failures == 1 and state.last_error.startswith("[B708]") and state.next_try_at > state.polled_at
    before = len(s.log)
    again = watcher.poll(feeds)
    assert [f.status for f in again.feeds] == ["waiting", "waiting", "waiting", "ok"]
    assert [h.path for h in s.log[before:]] == ["/good.xml"]  # failed feeds are not asked before their time


def test_one_dead_host_never_stops_the_others(make_http_server, store, watcher):
    good, dead = make_http_server(), make_http_server()
    for path in ("/robots.txt", "/a.html", "/b.html", "/c.html", "/feed.xml"):
        dead.add(path)
        dead.routes[path].handler = lambda h: time.sleep(3)
    good.add("/tur.html", page(*STORIES["tur"]))
    good.add("/chn.html", page(*STORIES["chn"]))
    # the good host's feed also links to the dead host's pages
    good.add("/feed.xml", rss([("t", "/tur.html", None), ("a", dead.url("/a.html"), None),
                               ("b", dead.url("/b.html"), None), ("c", dead.url("/c.html"), None),
                               ("c2", "/chn.html", None)]), content_type="application/rss+xml")
    t = time.monotonic()
    report = watcher.poll([good.url("/feed.xml"), dead.url("/feed.xml")])
    took = time.monotonic() - t
    assert report.articles_stored == 2 and set(_stored(store)) == {good.url("/tur.html"), good.url("/chn.html")}
    codes = [f.code for f in report.failures]
    assert codes.count("B702") == 2 and codes.count("B714") == 1  # two timeouts, then the host is left alone
    assert report.deferred == 2
    assert took < 4.0, f"a dead host cost {took:.1f} s"
    assert [h.path for h in dead.log] == ["/robots.txt"]  # one timeout, then nothing more is asked of it


def test_stop_ends_the_poll_between_articles(http_server, store, nlp):
    s = http_server
    for k in STORIES:
        s.add(f"/{k}.html", page(*STORIES[k]))
    s.add("/feed.xml", rss([(k, f"/{k}.html", None) for k in STORIES]), content_type="application/rss+xml", etag='"1"')
    pages_done = []
    with Watcher(store, FAST, on_page=pages_done.append) as w:
        w.on_page = lambda p: (pages_done.append(p), w.stop())  # as Ctrl-C during the first article would
        first = w.poll([s.url("/feed.xml")])
        assert first.stopped and first.articles_stored == 1 and first.deferred == 2
        asked = [h.path for h in s.log if h.path != "/robots.txt"]
        assert asked == ["/feed.xml", "/chn.html"] and _count(store) == 1  # nothing after the stop
    # a new watcher resumes: the feed answers 304, the two pages left are read from the store's list
    with Watcher(store, FAST) as w:
        rest = w.poll([s.url("/feed.xml")])
    assert rest.feeds[0].status == "not-modified" and rest.articles_stored == 2 and _count(store) == 3


@pytest.mark.postgres
def test_watch_into_postgresql(http_server, pg_url, nlp):
    s = http_server
    s.add("/tur.html", page(*STORIES["tur"]))
    s.add("/feed.xml", rss([("t", "/tur.html", "Mon, 09 Oct 2017 12:00:00 GMT")]), content_type="application/rss+xml",
          etag='"p"')
    with bilat.open_store(pg_url) as store:
        with Watcher(store, FAST) as w:
            assert w.poll([s.url("/feed.xml")]).articles_stored == 1
        with Watcher(store, FAST) as w:  # restarted: state came back from PostgreSQL
            again = w.poll([s.url("/feed.xml")])
        assert again.feeds[0].status == "not-modified" and again.pages_fetched == 0
        assert store.stats()["articles"] == 1
        assert store.watch_feed(s.url("/feed.xml")).etag == '"p"'


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("90s", 90), ("2h", 7200), ("1d", 86400), ("30", 1800),
                                           (" 1.5h ", 5400)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "fast", "5s", "-1m", "nanm", "infh", "15 minutes"])
def test_parse_interval_refuses(text):
    with pytest.raises(FetchError) as err:
        parse_interval(text)
    assert err.value.code == "B712"
