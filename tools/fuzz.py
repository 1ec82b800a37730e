#!/usr/bin/env python3
"""Fuzz bilat's input edges with Hypothesis: every input gives records or one clear error naming it.

    python tools/fuzz.py                          # the campaign: 10,000+ cases over every target
    python tools/fuzz.py --cases 300 --target api --seed 7
    python tools/fuzz.py --json fuzz-report.json  # the figures, for the issue notes

Targets (each a strategy and a check; tests/test_fuzz.py runs the same checks, few cases,
derandomised, on every test run):

* ``reader``  decoded JSON of any shape into ``article_from_dict``: random Unicode (lone
  surrogates, controls, NUL, zero-width and direction characters), sizes around
  ``max_article_bytes``, dates of every form;
* ``jsonl``   whole JSON Lines files as bytes: random lines, broken UTF-8, surrogates written
  as CESU bytes, deep nesting, lines around the size limit, through ``read_inputs``;
* ``clean``   random text through ``clean``: every offset maps into the text as given, and
  ``parts`` of any size keep the map;
* ``html``    random trees (nested up to thousands of elements, scripts, styles, entities,
  unclosed tags) through ``html_to_text``;
* ``dates``   the reader's ``published`` parser, the extractor's date resolver and the
  query bounds (``since``/``until``);
* ``pipeline`` article texts (odd Unicode, sizes around the part length) through the real
  pipeline: every event's evidence is the text at its offsets, or the article fails alone;
* ``api``     request bodies of random JSON shapes, raw bytes, deep nesting and sizes around
  the body limit, POSTed to ``/api/articles`` over a real SQLite store and the real pipeline.

Outcomes: each case ends in records (``ok``), a refusal with a catalogue code (``B1xx``...),
an unclear message (a refusal whose message has no ``[Bxxx]`` code, does not name the input,
spans several lines or cannot be printed), a crash (any other exception, or an HTTP 5xx) or a
hang (over ``--timeout`` seconds). The exit status is 1 when any case is unclear, crashed or hung.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import json
import re
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from hypothesis import HealthCheck, Phase, given, seed as hseed, settings as hsettings, strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from bilat.errors import MESSAGES, BilatError  # noqa: E402
from bilat.settings import Settings  # noqa: E402

#: Small limits, so that "around every limit" is cheap to reach.
LIMIT = 3000
SETTINGS = Settings().with_(max_article_bytes=LIMIT, api_max_body_bytes=20_000, api_token="fuzz-token",
                            batch_size=8)
PART_CHARS = 700  # the pipeline's long-article parts, lowered the same way

# ------------------------------------------------------------------ strategies

ODD = ("\x00", "\x01", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\xa0", "\xad", "\u200b", "\u200c", "\u200d",
       "\u200e", "\u202e", "\u2028", "\u2029", "\u2060", "\u3000", "\ufeff", "\ufffd", "\ud800", "\udbff",
       "\udfff", "\u0301", "\U0001F600", "e\u0301", "\u1100\u1161", "\r\n", "\t")
WORDS = ("Japan", "China", "urged", "accused", "met", "Wang", "Yi", "Foreign", "Minister", "on", "Monday", "the",
         "to", "talks", "in", "Tokyo", "said", ".", ",", "\n", "\n\n", "Photo:", "Reuters", "<p>", "</p>", "&amp;",
         "2023-09-04", "last", "week", "Share")


def odd_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Any Unicode, lone surrogates and controls included, often in words."""
    char = st.one_of(st.characters(codec=None, exclude_categories=()), st.sampled_from([c for c in ODD if len(c) == 1]))
    raw = st.text(char, max_size=max_size)
    wordy = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), raw), max_size=max_size // 3) \
        .map(lambda ws: " ".join(ws))
    return st.one_of(raw, wordy)


def around(limit: int) -> st.SearchStrategy[str]:
    """Texts whose UTF-8 size is a few bytes either side of ``limit`` (ASCII or 2- and 3-byte letters)."""
    unit = st.sampled_from(["Japan urged China to talk. ", "é", "日本", "\u200b", "x"])
    return st.tuples(unit, st.integers(-3, 3)).map(lambda t: _fill(t[0], limit + t[1]))


def _fill(unit: str, size: int) -> str:
    out = (unit * (size // max(len(unit.encode("utf-8", "surrogatepass")), 1) + 2))
    data = out.encode("utf-8")[:max(size, 0)]
    return data.decode("utf-8", "ignore")


published = st.one_of(
    st.none(), st.just(""), odd_text(20),
    st.dates().map(lambda d: d.isoformat()),
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(1700, 3100), st.integers(0, 13)),
    st.integers(1000, 3000).map(str),
    st.datetimes().map(lambda d: d.isoformat() + "Z"),
    st.integers(), st.booleans(), st.lists(st.integers(), max_size=2),
)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                        odd_text(20))
json_value = st.recursive(json_scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(odd_text(8), c, max_size=4),
                          max_leaves=12)
article_text = st.one_of(odd_text(200), around(LIMIT), st.just(""), st.just("   \n "),
                         st.sampled_from(["<script>var a=1</script><style>p{}</style>",
                                          "<html><body><p>Japan urged China to talk on Monday.</p></body></html>",
                                          "<div>" * 400 + "Japan urged China to talk." + "</div>" * 400]),
                         json_value)
news_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD)), min_size=3,
                     max_size=60).map(" ".join)
OPTIONAL = {
    "published": published,
    "url": st.one_of(st.none(), odd_text(30), st.integers()),
    "title": st.one_of(st.none(), odd_text(30), json_value),
    "outlet": st.one_of(st.none(), odd_text(10)),
    "language": st.one_of(st.none(), odd_text(5)),
}
good_article = st.fixed_dictionaries(
    {"id": st.one_of(st.from_regex(r"[a-z0-9/_.-]{1,12}", fullmatch=True), odd_text(12), st.integers()),
     "text": st.one_of(news_text, news_text, article_text)},
    optional={"published": st.one_of(st.dates().map(lambda d: d.isoformat()), published),
              **{k: st.one_of(st.none(), odd_text(20)) for k in ("url", "title", "outlet", "language")}})
loose_article = st.fixed_dictionaries({}, optional={
    "id": st.one_of(odd_text(12), st.integers(), st.booleans(), st.none(), st.just("a/b"), st.text(min_size=500, max_size=520),
                    json_value),
    "text": article_text,
    "published": published,
    "url": st.one_of(st.none(), odd_text(30), st.integers()),
    "title": st.one_of(st.none(), odd_text(30), json_value),
    "outlet": st.one_of(st.none(), odd_text(10)),
    "language": st.one_of(st.none(), odd_text(5)),
}).flatmap(lambda d: st.dictionaries(odd_text(6), json_value, max_size=2).map(lambda extra: {**extra, **d}))
article = st.one_of(good_article, good_article, good_article, loose_article)
reader_input = st.one_of(article, article, json_value)


def _deep(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


def _line_bytes(obj: Any, how: int) -> bytes:
    text = json.dumps(obj, ensure_ascii=bool(how % 2))
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate written raw: CESU bytes, not UTF-8


jsonl_line = st.one_of(
    st.tuples(article, st.integers(0, 3)).map(lambda t: _line_bytes(*t)),
    st.tuples(json_value, st.integers(0, 3)).map(lambda t: _line_bytes(*t)),
    st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" ")),
    st.integers(1, 5000).map(lambda d: _deep(d).encode()),
    st.integers(-3, 3).map(lambda k: json.dumps({"id": "big", "text": ""}).encode()[:-2]
                           + b"x" * (LIMIT + k - 30) + b'"}'),
    st.just(b""), st.just(b"   "),
)
jsonl_file = st.tuples(st.lists(jsonl_line, max_size=8), st.sampled_from([b"\n", b"\r\n"]),
                       st.sampled_from([b"", b"\xef\xbb\xbf"])).map(lambda t: t[2] + t[1].join(t[0]))

TAGS = ("div", "p", "span", "b", "a", "article", "section", "h1", "li", "ul", "table", "tr", "td", "main",
        "script", "style", "noscript", "template", "svg", "br", "img", "body", "html", "head", "title", "x-y")
html_text = st.one_of(odd_text(40), st.sampled_from(["Japan urged China to talk on Monday.", "&amp; &lt;b&gt; &#x41;",
                                                     "&#0; &#xD800;", "<!-- comment -->", "<![CDATA[x]]>", "<", ">"]))
html_tree = st.recursive(
    html_text,
    lambda kids: st.builds(lambda tag, attr, parts, close: f"<{tag}{attr}>{''.join(parts)}" + (f"</{tag}>" if close else ""),
                           st.sampled_from(TAGS), st.sampled_from(["", " class='x'", ' id="a"', " onload=alert(1)", " x"]),
                           st.lists(kids, max_size=4), st.booleans()),
    max_leaves=25)
# big pages of one pathological unit (a quadratic scan of these takes minutes: a hang here)
big_page = st.builds(lambda unit, n: unit * n,
                     st.sampled_from(["<a", "<script", "<script>x", "<div>", "<p>Japan urged China.", "&amp;", "<!--",
                                      "<b><i>", "</div>", "<![CDATA[", "<p title='", "<x y=\"1\" "]),
                     st.integers(1_000, 60_000))
html_page = st.one_of(
    html_tree,
    big_page,
    st.builds(lambda d, tag, inner: f"<{tag}>" * d + inner + f"</{tag}>" * d,
              st.integers(100, 4000), st.sampled_from(["div", "span", "section", "b", "p"]), html_tree),
    st.builds(lambda inner: f"<!doctype html><html><head><title>t</title></head><body>{inner}</body></html>", html_tree),
)

DATE_WORDS = ("on", "last", "next", "Thursday", "month", "week", "year", "ago", "two", "in", "mid-November",
              "January", "23rd", "2024", "1999", "02", "29", "early", "late", "this", "morning", "Feb.", "31", "-", "/")
date_case = st.tuples(st.one_of(odd_text(30), published.filter(lambda v: isinstance(v, str)),
                                st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=5).map(" ".join),
                                st.sampled_from(["on Thursday", "last month", "in mid-November", "two weeks ago",
                                                 "January 2024", "23rd January 2024", "next year", "1999-02-29"])),
                      st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                                st.integers(1800, 2999).map(str), st.just("2023-09")))
bounds_case = st.tuples(st.one_of(st.none(), published.filter(lambda v: isinstance(v, str))),
                        st.one_of(st.none(), published.filter(lambda v: isinstance(v, str))))

api_body = st.one_of(
    article.map(lambda a: ("json", a)),
    st.lists(article, min_size=0, max_size=4).map(lambda a: ("json", a)),
    json_value.map(lambda v: ("json", v)),
    st.integers(1, 100_000).map(lambda d: ("raw", _deep(d).encode())),
    st.integers(1, 50_000).map(lambda d: ("raw", (_deep(d, "{\"a\":", "}") if d < 3000 else _deep(d)).encode())),
    st.binary(max_size=60).map(lambda b: ("raw", b)),
    st.integers(-3, 3).map(lambda k: ("raw", b'{"id": "x", "text": "' + b"y" * (SETTINGS.api_max_body_bytes + k - 22)
                                      + b'"}')),
    st.sampled_from([("ctype", "text/plain"), ("ctype", ""), ("ctype", "application/json; charset=latin-1")]),
)


# ------------------------------------------------------------------ outcomes

class Unclear(AssertionError):
    """A refusal the user cannot act on: no code, input not named, several lines, unprintable."""


class Crash(AssertionError):
    """An unexpected exception or an HTTP 5xx."""


class Hang(Exception):
    pass


CODE = re.compile(r"^\[(B\d{3})\] ")


def clear(message: str, origin: str | None) -> str:
    """The catalogue code of a clear message, or raise Unclear."""
    m = CODE.match(message)
    if not m or m.group(1) not in MESSAGES:
        raise Unclear(f"no catalogue code: {message[:200]!r}")
    if "\n" in message or len(message) > 2000:
        raise Unclear(f"not one short line: {message[:200]!r}")
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        raise Unclear(f"cannot be printed: {message[:200]!r}") from None
    if origin and origin not in message:
        raise Unclear(f"does not name {origin!r}: {message[:200]!r}")
    return m.group(1)


def check_reader(obj: Any) -> str:
    from bilat.errors import InputError
    from bilat.ingest import article_from_dict

    try:
        art, warnings = article_from_dict(obj, "fuzz-origin", SETTINGS)
    except InputError as exc:
        return clear(exc.message, "fuzz-origin")
    assert isinstance(art.text, str) and art.text.strip(), art
    assert "\x00" not in art.text and not re.search("[\ud800-\udfff]", art.text + art.id)
    assert len(art.text.encode("utf-8")) <= LIMIT
    for w in warnings:
        clear(w.message, "fuzz-origin")
    return "ok" if not warnings else "ok+" + warnings[0].code


def check_jsonl(data: bytes) -> str:
    from bilat.ingest import read_inputs
    from bilat.model import Article, Failure

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_bytes(data)
        items = list(read_inputs([str(path)], SETTINGS))
    codes = []
    for item in items:
        if isinstance(item, Failure):
            codes.append(clear(item.message, str(path)))
        else:
            assert isinstance(item, Article) and item.text.strip()
            codes.append("ok")
    return " ".join(sorted(set(codes))) or "nothing"


def check_clean(case: tuple[str, int]) -> str:
    from bilat.clean import clean

    text, size = case
    ct = clean(text)
    n = len(text)
    for i in range(len(ct.text)):
        o = ct.to_original(i)
        assert 0 <= o <= n, (i, o)
        s, e = ct.span_to_original(i, i + 1)
        assert 0 <= s <= e <= n, (i, s, e)
    if ct.text:
        s, e = ct.span_to_original(0, len(ct.text))
        assert 0 <= s <= e <= n
    for part in ct.parts(size):
        assert len(part.text) <= size
        for i in range(0, len(part.text), 7):
            assert 0 <= part.to_original(i) <= n
    return "ok" if ct.text else "empty"


def check_html(html: str) -> str:
    from bilat.clean import html_to_text
    from bilat.errors import InputError

    try:
        text = html_to_text(html, "fuzz.html")
    except InputError as exc:
        return clear(exc.message, "fuzz.html")
    assert isinstance(text, str) and text.strip()
    assert "alert(1)" not in text or "alert(1)" in re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S | re.I)
    return "ok"


def check_dates(case: tuple[str, str | None]) -> str:
    import datetime as dt

    from bilat import dates
    from bilat.ingest import published_date

    expr, pub = case
    value = published_date(expr)
    if value is not None:
        _iso_prefix(value)
    dv = dates.resolve(expr, pub)
    if dv.value:
        _iso_prefix(dv.value)
    return "ok" if dv.value else "unknown"


def _iso_prefix(value: str) -> None:
    import datetime as dt

    parts = value.split("-")
    assert 1 <= len(parts) <= 3 and len(parts[0]) == 4, value
    dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)


def check_bounds(case: tuple[str | None, str | None]) -> str:
    from bilat import analysis

    try:
        lo, hi = analysis.period_bounds(*case)
    except ValueError as exc:  # the store turns this into B404 naming the value
        from bilat.errors import StoreError

        clear(StoreError("B404", detail=str(exc)).message, None)
        return "B404"
    for v in (lo, hi):
        if v:
            _iso_prefix(v)
    return "ok"


pipeline_case = st.lists(st.tuples(st.one_of(news_text, news_text, odd_text(120), around(PART_CHARS),
                                              st.integers(1, 3).map(lambda k: "\n".join(
                                                  f"Japan urged China to talk on day {i}." for i in range(k * 40)))),
                                    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.just("2023-09"))),
                          min_size=1, max_size=4)


def check_pipeline(case: list[tuple[str, str | None]]) -> str:
    """Articles straight into the pipeline (as Python callers may): events whose evidence is the text
    at its offsets, or a failure naming the article; long texts are parsed in parts."""
    from bilat import pipeline
    from bilat.model import Article

    arts = [Article(id=f"p{i}", text=text, published=pub, origin=f"fuzz-article-{i}") for i, (text, pub) in enumerate(case)]
    saved, pipeline.PART_CHARS = pipeline.PART_CHARS, PART_CHARS
    try:
        results = list(pipeline.process(arts, SETTINGS, workers=1))
    finally:
        pipeline.PART_CHARS = saved
    assert [r.article.id for r in results] == [a.id for a in arts]
    labels = []
    for art, r in zip(arts, results):
        if r.failure is not None:
            labels.append(clear(r.failure.message, art.origin))
            continue
        for e in r.events:
            for ev in e.evidence:
                assert art.text[ev.start:ev.end] == ev.sentence, (ev, art.text[ev.start:ev.end])
        labels.append("events" if r.events else "none")
    return " ".join(sorted(set(labels)))


_APP: dict[str, Any] = {}


def _client():
    if "client" not in _APP:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette's note on httpx versions
            from starlette.testclient import TestClient

        import bilat
        from bilat.web.app import create_app

        tmp = tempfile.mkdtemp(prefix="bilat-fuzz-")
        store = bilat.open_store(str(Path(tmp) / "fuzz.db"))
        _APP["client"] = TestClient(create_app(store, settings=SETTINGS), raise_server_exceptions=False)
    return _APP["client"]


ERROR_KEYS = {"ok", "status", "code", "message", "field"}


def check_api(case: tuple[str, Any]) -> str:
    kind, body = case
    headers = {"Authorization": "Bearer fuzz-token", "Content-Type": "application/json"}
    if kind == "json":
        raw = json.dumps(body, ensure_ascii=True).encode()
    elif kind == "raw":
        raw = body
    else:
        raw, headers["Content-Type"] = b'{"id": "a", "text": "b"}', body
    from bilat import pipeline

    saved, pipeline.PART_CHARS = pipeline.PART_CHARS, PART_CHARS  # long articles in parts, cheaply
    try:
        r = _client().post("/api/articles", content=raw, headers=headers)
    finally:
        pipeline.PART_CHARS = saved
    if r.status_code >= 500:
        raise Crash(f"HTTP {r.status_code}: {r.text[:300]}")
    out = r.json()
    if r.status_code == 201:
        assert set(out) == {"ok", "articles", "ingested", "events", "failures"}, out
        for f in out["failures"]:
            clear(f["message"], "POST /api/articles [")
        return "201" + ("" if not out["failures"] else " " + " ".join(sorted({f["code"] for f in out["failures"]})))
    assert set(out) == ERROR_KEYS and out["status"] == r.status_code, out
    code = clear(out["message"], None)
    assert r.status_code in (400, 413, 415, 422), r.status_code
    return f"{r.status_code} {code}"


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[Any], str]
    share: float  # of the campaign's cases
    describe: str


TARGETS = {t.name: t for t in [
    Target("reader", reader_input, check_reader, 0.22, "JSON values of any shape as articles (article_from_dict)"),
    Target("jsonl", jsonl_file, check_jsonl, 0.14, "JSON Lines files as raw bytes (read_inputs)"),
    Target("clean", st.tuples(odd_text(300), st.integers(1, 400)), check_clean, 0.18, "random text through clean and parts"),
    Target("html", html_page, check_html, 0.14, "random, deep and broken HTML (html_to_text)"),
    Target("dates", date_case, check_dates, 0.14, "published values and date expressions (published_date, dates.resolve)"),
    Target("bounds", bounds_case, check_bounds, 0.06, "since/until query bounds (analysis.period_bounds)"),
    Target("pipeline", pipeline_case, check_pipeline, 0.08, "article texts through the real pipeline: evidence at its offsets"),
    Target("api", api_body, check_api, 0.12, "POST /api/articles bodies over SQLite and the real pipeline"),
]}


# ------------------------------------------------------------------ the campaign

@dataclass
class Tally:
    cases: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    problems: list[dict[str, str]] = field(default_factory=list)

    @property
    def crashes(self) -> int:
        return self.outcomes["CRASH"]

    @property
    def hangs(self) -> int:
        return self.outcomes["HANG"]

    @property
    def unclear(self) -> int:
        return self.outcomes["UNCLEAR"]


@contextlib.contextmanager
def _deadline(seconds: float):
    def boom(*_):
        raise Hang(f"over {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_target(target: Target, cases: int, seed: int, timeout: float) -> Tally:
    tally = Tally()

    @hseed(seed)
    @hsettings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
               suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def one(case):
        started = time.perf_counter()
        try:
            with _deadline(timeout):
                label = target.check(case)
        except Hang:
            label = "HANG"
        except Unclear as exc:
            label = "UNCLEAR"
            tally.problems.append({"target": target.name, "kind": label, "detail": str(exc), "case": repr(case)[:500]})
        except Exception as exc:  # noqa: BLE001 - every other exception is a crash, recorded
            label = "CRASH"
            tally.problems.append({"target": target.name, "kind": label, "detail": f"{type(exc).__name__}: {exc}"[:500],
                                   "trace": traceback.format_exc()[-1500:], "case": repr(case)[:500]})
        took = time.perf_counter() - started
        if label == "HANG":
            tally.problems.append({"target": target.name, "kind": label, "detail": f"over {timeout} s",
                                   "case": repr(case)[:500]})
        tally.cases += 1
        tally.seconds += took
        tally.slowest = max(tally.slowest, took)
        tally.outcomes[label] += 1

    one()
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_500, help="cases in all, shared among the targets (default 10,500)")
    ap.add_argument("--target", action="append", choices=sorted(TARGETS), help="only these targets (repeatable)")
    ap.add_argument("--seed", type=int, default=20231126)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds before a case counts as a hang")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args(argv)
    chosen = [TARGETS[n] for n in (args.target or TARGETS)]
    total_share = sum(t.share for t in chosen)
    started = time.perf_counter()
    report = {}
    for t in chosen:
        n = max(1, round(args.cases * t.share / total_share))
        tally = run_target(t, n, args.seed, args.timeout)
        report[t.name] = tally
        top = ", ".join(f"{k} {v}" for k, v in tally.outcomes.most_common(6))
        print(f"{t.name:7} {tally.cases:6} cases {tally.seconds:7.1f} s (slowest {tally.slowest:5.2f} s) "
              f"crashes {tally.crashes} hangs {tally.hangs} unclear {tally.unclear} | {top}", flush=True)
        for p in tally.problems[:5]:
            print(f"    {p['kind']}: {p['detail']}\n      case: {p['case'][:300]}", flush=True)
    wall = time.perf_counter() - started
    cases = sum(t.cases for t in report.values())
    bad = sum(t.crashes + t.hangs + t.unclear for t in report.values())
    print(f"total   {cases:6} cases in {wall:.0f} s: crashes {sum(t.crashes for t in report.values())}, "
          f"hangs {sum(t.hangs for t in report.values())}, unclear {sum(t.unclear for t in report.values())}")
    if args.json:
        args.json.write_text(json.dumps({
            "seed": args.seed, "wall_seconds": round(wall, 1), "cases": cases,
            "targets": {name: {"describe": TARGETS[name].describe, "cases": t.cases, "seconds": round(t.seconds, 1),
                               "slowest_seconds": round(t.slowest, 2), "outcomes": dict(t.outcomes),
                               "problems": t.problems} for name, t in report.items()}}, indent=2, ensure_ascii=True))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
