"""ingest, for large corpora: WARC files and gzipped JSON Lines, whole and in shards (read_part).

WARC files are written here with warcio itself, as a crawler writes them: request and
response records, HTML and non-HTML bodies, an error page, and damaged records.
"""
from __future__ import annotations

import gzip
import io
import json

import pytest

from bilat.ingest import input_kind, read_inputs, read_part
from bilat.model import Article, Failure
from bilat.settings import Settings

SETTINGS = Settings()
PAGE = ("<html><head><title>Seafood</title></head><body><nav>Home | World</nav><article>"
        "<p>Japan urged China on Monday to lift its ban on seafood imports {n}, the foreign ministry said.</p>"
        "<p>Tokyo said the ban had no scientific basis.</p></article></body></html>")


def _warc(path, records, gzip_it=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip_it)
        for kind, uri, ctype, status, body, date in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1") if kind == "response" \
                else StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": date}))
    return path


def _records():
    ok = lambda n, charset="utf-8": PAGE.format(n=n).encode(charset)  # noqa: E731
    return [
        ("request", "https://example.org/a", "", "", b"", "2023-02-08T10:00:00Z"),
        ("response", "https://example.org/a", "text/html; charset=utf-8", "200 OK", ok("one"), "2023-02-08T10:00:01Z"),
        ("response", "https://example.org/logo.png", "image/png", "200 OK", b"\x89PNG\r\n", "2023-02-08T10:00:02Z"),
        ("response", "https://example.org/gone", "text/html", "404 Not Found", ok("gone"), "2023-02-08T10:00:03Z"),
        ("response", "https://example.org/b", "text/html; charset=iso-8859-1", "200 OK",
         ok("caf\u00e9", "latin-1"), "2023-02-09T23:59:59Z"),
        ("response", "https://example.org/empty", "text/html", "200 OK", b"<html><body></body></html>",
         "2023-02-09T00:00:00Z"),
    ]


@pytest.mark.parametrize("gzip_it", [True, False])
def test_warc_response_records_with_html_are_articles(tmp_path, gzip_it):
    path = _warc(tmp_path / ("crawl.warc.gz" if gzip_it else "crawl.warc"), _records(), gzip_it)
    items = list(read_inputs([str(path)], SETTINGS))
    arts = [i for i in items if isinstance(i, Article)]
    assert [(a.url, a.published) for a in arts] == [("https://example.org/a", "2023-02-08"),
                                                    ("https://example.org/b", "2023-02-09")]
    assert "seafood imports one" in arts[0].text and "Home | World" not in arts[0].text
    assert "caf\u00e9" in arts[1].text  # the declared charset, not UTF-8
    assert len({a.id for a in arts}) == 2 and all("-" in a.id for a in arts)  # the records' uuids
    assert arts[0].origin == f"{path} record 2 (https://example.org/a)"
    # the empty page is refused with its record named; the image, the request and the 404 are no articles
    fails = [i for i in items if isinstance(i, Failure)]
    assert [(f.code, f.origin) for f in fails] == [("B111", f"{path} record 6 (https://example.org/empty)")]


def test_a_broken_warc_record_is_named_and_the_batch_goes_on(tmp_path):
    good = _warc(tmp_path / "a.warc.gz", _records()[:2])
    data = good.read_bytes()
    broken = tmp_path / "b.warc"
    _warc(broken, _records()[:2], gzip_it=False)
    raw = broken.read_bytes()
    # the second record's header is garbage: warcio cannot frame it
    cut = raw.index(b"WARC/1.", 10)
    broken.write_bytes(raw[:cut] + b"NOT A WARC HEADER\r\n\r\n" + raw[cut:])
    later = tmp_path / "c.warc.gz"
    later.write_bytes(data)
    items = list(read_inputs([str(broken), str(later)], SETTINGS))
    fails = [i for i in items if isinstance(i, Failure)]
    assert [(f.code, f.origin) for f in fails] == [("B601", f"{broken} record 2")]
    assert "[B601]" in fails[0].message and "warcio check" in fails[0].message
    assert [a.url for a in items if isinstance(a, Article)] == ["https://example.org/a"]  # from c.warc.gz


def test_warc_in_a_directory_and_extract_end_to_end(tmp_path, nlp):
    from click.testing import CliRunner

    from bilat.cli import main

    (tmp_path / "in").mkdir()
    _warc(tmp_path / "in" / "crawl.warc.gz", _records())
    out = tmp_path / "events.jsonl"
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out), "-q"])
    assert r.exit_code == 1  # the empty page is a failure, reported, and the rest is extracted
    assert "B111" in r.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    # "on Monday" is read against the WARC-Date (Wednesday 2023-02-08); both pages tell one event
    assert [(e["type"], e["date"], e["source"][0]["country"], e["target"][0]["country"]) for e in events] == \
        [("REQUEST", "2023-02-06", "JPN", "CHN")] * 2
    assert events[0]["story_id"] == events[1]["story_id"] and events[0]["article_id"] != events[1]["article_id"]


def _gz(path, n, bad_line=None):
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(1, n + 1):
            fh.write("{broken\n" if i == bad_line else json.dumps({"id": f"a{i}", "text": f"Article number {i}."}) + "\n")
    return path


def test_gzipped_jsonl_whole_and_in_line_ranges(tmp_path):
    path = _gz(tmp_path / "a.jsonl.gz", 7, bad_line=4)
    whole = list(read_inputs([str(path)], SETTINGS))
    assert [i.id if isinstance(i, Article) else i.code for i in whole] == ["a1", "a2", "a3", "B105", "a5", "a6", "a7"]
    assert whole[3].origin == f"{path} line 4"
    parts = [list(read_part(str(path), SETTINGS, first_line=lo, stop=hi)) for lo, hi in ((1, 3), (3, 6), (6, None))]
    assert [(type(i).__name__, i.origin) for p in parts for i in p] == [(type(i).__name__, i.origin) for i in whole]


def test_jsonl_byte_ranges_give_the_lines_and_numbers_of_a_whole_read(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Article number {i}."}) + "\n" for i in range(1, 8)]
    lines[2] = "\n"  # a blank line keeps its number
    path.write_text("".join(lines))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode()))
    parts = [list(read_part(str(path), SETTINGS, start=offsets[lo - 1], stop=offsets[hi - 1] if hi else None,
                            first_line=lo)) for lo, hi in ((1, 4), (4, 6), (6, None))]
    got = [i.origin for p in parts for i in p]
    assert got == [i.origin for i in read_inputs([str(path)], SETTINGS)]
    assert got[-1] == f"{path} line 7"


def test_a_truncated_gzip_file_is_refused_and_the_batch_goes_on(tmp_path):
    path = _gz(tmp_path / "a.jsonl.gz", 200)
    path.write_bytes(path.read_bytes()[:-40])
    items = list(read_inputs([str(path), str(_gz(tmp_path / "b.jsonl.gz", 1))], SETTINGS))
    fails = [i for i in items if isinstance(i, Failure)]
    assert [f.code for f in fails] == ["B602"] and str(path) in fails[0].origin
    assert items[-1].id == "a1" and items[-1].origin.startswith(str(tmp_path / "b.jsonl.gz"))


@pytest.mark.parametrize("name,kind", [("a.jsonl.gz", "jsonl.gz"), ("A.WARC.GZ", "warc"), ("a.warc", "warc"),
                                       ("a.ndjson.gz", "jsonl.gz"), ("a.gz", None), ("a.jsonl", "jsonl")])
def test_input_kind_by_the_longest_ending(name, kind):
    assert input_kind(name) == kind
