"""ingest: every input kind, every refusal code, and a batch that never stops.

Inputs are written here (tmp_path) or kept in tests/data/ingest/, all written for
these tests.
"""
from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest

from bilat.errors import MESSAGES, InputError
from bilat.ingest import WARNING_CODES, article_from_dict, is_warning, read_inputs
from bilat.model import Article, Failure
from bilat.settings import Settings

DATA = Path(__file__).resolve().parent / "data" / "ingest"
SETTINGS = Settings()
TEXT = "Ecuador and Peru agreed on Monday to reopen a border crossing."


def _read(*inputs, settings=SETTINGS, **kw):
    return list(read_inputs([str(i) for i in inputs], settings, **kw))


def _articles(items):
    return [i for i in items if isinstance(i, Article)]


def _failures(items):
    return [i for i in items if isinstance(i, Failure)]


def _line(obj) -> str:
    return json.dumps(obj) + "\n"


# ---------------------------------------------------------------- each code, naming file and line

@pytest.mark.parametrize("name, content, code, where", [
    ("a.jsonl", _line({"id": "x", "text": "   \n "}), "B101", "a.jsonl line 1"),
    ("a.txt", b"  \n\t\n", "B101", "a.txt"),
    ("a.jsonl", b'{"id": "x", "text": "caf\xe9"}\n', "B102", "a.jsonl line 1"),
    ("a.txt", "caf\u00e9 talks".encode("latin-1"), "B102", "a.txt"),
    ("a.jsonl", _line({"id": "ok", "text": "word " * 2000}).encode() + b'{"id": "x", "text": "a\x00b"}\n', "B103",
     "a.jsonl line 2"),
    ("a.txt", bytes(range(256)) * 4, "B103", "a.txt"),
    ("a.jsonl", _line({"id": "x", "text": "ok\u0001\u0002\u0003\u0004"}), "B103", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "ok", "text": TEXT}) + "{oops\n", "B105", "a.jsonl line 2"),
    ("a.jsonl", "[1, 2]\n", "B105", "a.jsonl line 1"),
    ("a.json", "{not json", "B105", "a.json"),
    ("a.json", '"just a string"', "B105", "a.json"),
    ("a.jsonl", _line({"text": TEXT}), "B106", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x"}), "B106", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": None}), "B106", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": ["x"], "text": TEXT}), "B107", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "", "text": TEXT}), "B107", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": 42}), "B107", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": TEXT, "url": 7}), "B107", "a.jsonl line 1"),
    ("a.json", json.dumps([{"id": "x", "text": TEXT}, {"id": "y", "text": True}]), "B107", "a.json item 2"),
    ("a.jsonl", _line({"id": "x", "text": TEXT, "published": "last Tuesday"}), "B108", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": TEXT, "published": "2023-02-30"}), "B108", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": TEXT, "published": "2023-13"}), "B108", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": TEXT, "published": 20230101}), "B108", "a.jsonl line 1"),
    ("a.csv", "id,text\n", "B110", "a.csv"),
    ("README", "hello", "B110", "README"),
    ("a.html", "<html><body><script>x()</script></body></html>", "B111", "a.html"),
    ("a.jsonl", _line({"id": "x", "text": "<div><p></p></div><p></p><p></p>"}), "B111", "a.jsonl line 1"),
    ("a.jsonl", _line({"id": "x", "text": TEXT}) + _line({"id": "x", "text": TEXT}), "B112", "a.jsonl line 2"),
])
def test_each_failure_code_names_the_input(tmp_path, name, content, code, where):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    failures = _failures(_read(path))
    assert [f.code for f in failures] == [code]
    f = failures[0]
    assert f.origin == str(tmp_path / where)
    assert f.message.startswith(f"[{code}] {tmp_path / where}")
    assert code in MESSAGES


def test_b104_over_the_size_limit(tmp_path):
    small = SETTINGS.with_(max_article_bytes=100)
    (tmp_path / "big.txt").write_text("word " * 100)
    (tmp_path / "big.html").write_text("<p>" + "word " * 100 + "</p>")
    (tmp_path / "big.json").write_text(json.dumps({"id": "x", "text": "word " * 30}))
    items = _read(tmp_path / "big.txt", tmp_path / "big.html", tmp_path / "big.json", settings=small)
    assert [(Path(f.origin).name, f.code) for f in items] == [("big.txt", "B104"), ("big.html", "B104"), ("big.json", "B104")]
    assert "500 bytes is over the limit of 100" in items[0].message


def test_b109_missing_file_and_b113_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    items = _read(tmp_path / "nope.jsonl", tmp_path / "empty")
    assert [(f.code, f.origin) for f in items] == [
        ("B109", str(tmp_path / "nope.jsonl")), ("B113", str(tmp_path / "empty"))]


# ---------------------------------------------------------------- the batch goes on

def test_jsonl_with_a_broken_line_in_the_middle_keeps_the_others():
    items = _read(DATA / "mixed.jsonl")
    assert [a.id for a in _articles(items)] == ["m1", "m3"]
    (f,) = _failures(items)
    assert (f.code, f.origin) == ("B105", f"{DATA / 'mixed.jsonl'} line 2")
    m1, m3 = _articles(items)
    assert m1.published == "2022-06-06" and m1.origin.endswith("mixed.jsonl line 1")
    assert m3.url == "https://example.org/m3"


def test_huge_jsonl_line_is_skipped_and_the_next_read(tmp_path):
    small = SETTINGS.with_(max_article_bytes=1000)
    path = tmp_path / "huge.jsonl"
    with path.open("w") as fh:
        fh.write(_line({"id": "a", "text": TEXT}))
        fh.write(_line({"id": "b", "text": "x" * 200_000}))
        fh.write(_line({"id": "c", "text": TEXT}))
    items = _read(path, settings=small)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[1].code == "B104" and items[1].origin.endswith("huge.jsonl line 2")
    assert "200023 bytes" in items[1].message  # the whole line was measured, not held
    assert [a.id for a in _articles(items)] == ["a", "c"]


def test_huge_jsonl_file_streams(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w") as fh:
        for i in range(5000):
            fh.write(_line({"id": f"a{i}", "text": f"Article {i}: {TEXT}"}))
    it = read_inputs([str(path)], SETTINGS)
    first = next(it)
    assert first.id == "a0"
    assert sum(1 for _ in it) == 4999


def test_many_bad_files_in_one_batch_each_reported(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT)
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_text("")
    items = _read(tmp_path / "bin.txt", tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "ok.txt")
    assert [getattr(i, "code", "ok") for i in items] == ["B103", "B109", "B101", "ok"]


# ---------------------------------------------------------------- input kinds

def test_html_file_with_broken_markup_becomes_plain_text():
    (a,) = _read(DATA / "broken.html", published="2022-06-06")
    assert a.id == "broken" and a.origin == str(DATA / "broken.html")
    assert "met in Quito on Monday" in a.text
    assert "agreed to reopen the crossing" in a.text
    assert "<" not in a.text and "track(" not in a.text and "color: red" not in a.text
    assert a.published == "2022-06-06"


def test_html_text_inside_jsonl_is_converted(tmp_path):
    path = tmp_path / "h.jsonl"
    path.write_text(_line({"id": "h", "text": "<html><body><p>" + TEXT + "</p><p>Talks went well.</p></body></html>"}))
    (a,) = _read(path)
    assert TEXT in a.text and "<p>" not in a.text


def test_text_that_mentions_a_tag_is_not_markup(tmp_path):
    path = tmp_path / "t.jsonl"
    text = "The ministry said the <b> element was an error in its statement."
    path.write_text(_line({"id": "t", "text": text}))
    assert _read(path)[0].text == text


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                                           ("utf-8", codecs.BOM_UTF8), ("utf-32-le", codecs.BOM_UTF32_LE)])
def test_files_with_a_byte_order_mark(tmp_path, encoding, bom):
    text = "Perú y Ecuador firmaron el acuerdo — \u201ctalks\u201d."
    (tmp_path / "t.txt").write_bytes(bom + text.encode(encoding))
    jsonl = _line({"id": "j1", "text": text}) + _line({"id": "j2", "text": TEXT})
    (tmp_path / "t.jsonl").write_bytes(bom + jsonl.encode(encoding))
    items = _read(tmp_path / "t.txt", tmp_path / "t.jsonl")
    assert [(a.id, a.text) for a in items] == [("t", text), ("j1", text), ("j2", TEXT)]
    assert items[2].origin == f"{tmp_path / 't.jsonl'} line 2"


def test_declared_encoding(tmp_path):
    (tmp_path / "l.txt").write_bytes("Perú y Ecuador".encode("latin-1"))
    (tmp_path / "l.jsonl").write_bytes(_line({"id": "x", "text": "Perú"}).replace("\\u00fa", "ú").encode("latin-1"))
    items = _read(tmp_path / "l.txt", tmp_path / "l.jsonl", encoding="latin-1")
    assert [a.text for a in items] == ["Perú y Ecuador", "Perú"]
    with pytest.raises(InputError) as info:
        _read(tmp_path / "l.txt", encoding="no-such-codec")
    assert info.value.code == "B102"


def test_directory_is_read_recursively_in_sorted_order():
    items = _read(DATA / "dir", published="2021-01-01")
    assert all(isinstance(i, Article) for i in items)
    assert [(Path(a.origin.split(" ")[0]).relative_to(DATA / "dir").as_posix(), a.id) for a in items] == [
        ("a.jsonl", "d1"), ("b.txt", "b"), ("nested/c.html", "c"), ("nested/d.json", "j1"), ("nested/d.json", "j2")]
    assert items[3].origin.endswith("d.json item 1")
    assert {a.published for a in items} == {"2021-01-01"}
    assert items[2].text == "Colombia welcomed the agreement."


def test_binary_jsonl_is_one_failure(tmp_path):
    (tmp_path / "b.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\n\x00IHDR\n" * 50)
    assert [(f.code, f.origin) for f in _read(tmp_path / "b.jsonl")] == [("B103", str(tmp_path / "b.jsonl"))]


def test_pretty_printed_json_saved_as_jsonl_is_read_whole(tmp_path):
    (tmp_path / "p.jsonl").write_text(json.dumps([{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}], indent=2))
    assert [a.id for a in _read(tmp_path / "p.jsonl")] == ["a", "b"]


def test_json_file_with_one_object(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": 7, "text": TEXT, "title": "Border", "outlet": "Example"}))
    (a,) = _read(tmp_path / "one.json")
    assert (a.id, a.title, a.outlet, a.origin) == ("7", "Border", "Example", str(tmp_path / "one.json"))


# ---------------------------------------------------------------- dates and ids

@pytest.mark.parametrize("value", ["2021-04", "2021"])
def test_published_may_be_a_month_or_a_year(tmp_path, value):
    path = tmp_path / "a.jsonl"
    path.write_text(_line({"id": "a", "text": TEXT, "published": value}))
    (a,) = _read(path)
    assert a.published == value


def test_published_fills_only_articles_without_one(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(_line({"id": "a", "text": TEXT, "published": "2020-05-05"})
                    + _line({"id": "b", "text": TEXT})
                    + _line({"id": "c", "text": TEXT, "published": "2020-05-06T10:00:00Z"})
                    + _line({"id": "d", "text": TEXT, "published": None}))
    items = _read(path, published="2021-01-01")
    assert [(a.id, a.published) for a in items] == [
        ("a", "2020-05-05"), ("b", "2021-01-01"), ("c", "2020-05-06"), ("d", "2021-01-01")]


def test_bad_published_is_a_warning_and_the_article_is_kept(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_text(_line({"id": "a", "text": TEXT, "published": "03/05/2020"}))
    warning, article = _read(path, published="2021-01-01")
    assert warning.code == "B108" and is_warning(warning) and "B108" in WARNING_CODES
    assert "'03/05/2020'" in warning.message
    assert article.id == "a" and article.published is None  # a wrong date is not replaced by a guess


def test_bad_published_argument_raises():
    with pytest.raises(InputError) as info:
        _read(DATA / "mixed.jsonl", published="yesterday")
    assert info.value.code == "B108" and "--published" in str(info.value)


def test_duplicate_ids_keep_the_first_per_input(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text(_line({"id": "x", "text": "first"}) + _line({"id": "x", "text": "second"}))
    b = tmp_path / "b.jsonl"
    b.write_text(_line({"id": "x", "text": "other file"}))
    items = _read(a, b)
    assert [(type(i).__name__, getattr(i, "text", getattr(i, "code", None))) for i in items] == [
        ("Article", "first"), ("Failure", "B112"), ("Article", "other file")]
    assert f"first seen at {a} line 1" in items[1].message


# ---------------------------------------------------------------- stdin

@pytest.mark.parametrize("stream", [
    io.BytesIO(("\n" + _line({"id": "s1", "text": TEXT}) + "{bad\n" + _line({"id": "s2", "text": TEXT})).encode()),
    io.StringIO("\n" + _line({"id": "s1", "text": TEXT}) + "{bad\n" + _line({"id": "s2", "text": TEXT})),
])
def test_stdin_jsonl(stream):
    items = _read("-", stdin=stream)
    assert [getattr(i, "id", getattr(i, "code", None)) for i in items] == ["s1", "B105", "s2"]
    assert items[0].origin == "<stdin> line 2" and items[1].origin == "<stdin> line 3"


@pytest.mark.parametrize("data, text", [
    (b"Peru and Ecuador held talks.\nThey agreed to meet again.\n", "Peru and Ecuador held talks.\nThey agreed to meet again.\n"),
    (codecs.BOM_UTF8 + b"Talks.", "Talks."),
    (b"<p>Colombia welcomed the agreement.</p>", "Colombia welcomed the agreement."),
])
def test_stdin_plain_text(data, text):
    (a,) = _read("-", stdin=io.BytesIO(data), published="2022-01-01")
    assert (a.id, a.text, a.origin, a.published) == ("stdin", text, "<stdin>", "2022-01-01")


@pytest.mark.parametrize("data, code", [(b"", "B101"), (b"caf\xe9 talks", "B102"), (b"x" * 200, "B104"),
                                        (b"a\x00b", "B103")])
def test_stdin_failures(data, code):
    (f,) = _read("-", stdin=io.BytesIO(data), settings=SETTINGS.with_(max_article_bytes=100))
    assert (f.code, f.origin) == (code, "<stdin>")


# ---------------------------------------------------------------- one object (the API's entry)

def test_article_from_dict():
    article, warnings = article_from_dict({"id": "a", "text": TEXT, "published": "soon"}, "request item 1", SETTINGS,
                                          published="2020-01-01")
    assert article.text == TEXT and article.published is None
    assert [w.code for w in warnings] == ["B108"]
    with pytest.raises(InputError) as info:
        article_from_dict({"id": "a"}, "request item 2", SETTINGS)
    assert info.value.code == "B106" and "request item 2" in info.value.message


# ------------------------------------------------------------------ issue 10 audit

@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_deeply_nested_json_is_b105_and_the_batch_goes_on(tmp_path, suffix):
    path = tmp_path / f"deep{suffix}"
    deep = "[" * 100_000 + "]" * 100_000
    if suffix == ".jsonl":
        path.write_text(deep + "\n" + _line({"id": "ok", "text": TEXT}))
    else:
        path.write_text(deep)
    items = _read(path)
    fails = _failures(items)
    assert [f.code for f in fails] == ["B105"] and "nested too deeply" in fails[0].message
    assert [a.id for a in _articles(items)] == (["ok"] if suffix == ".jsonl" else [])


@pytest.mark.parametrize("text", [
    "<script>var tracking = {id: 1}; function go() { return 2; }</script><style>body { color: red }</style>",
    "<style>p { margin: 0 }</style>\n<script>window.x = 1</script>",
])
def test_script_and_style_only_text_is_b111(tmp_path, text):
    path = tmp_path / "in.jsonl"
    path.write_text(_line({"id": "code", "text": text}) + _line({"id": "ok", "text": TEXT}))
    items = _read(path)
    assert [f.code for f in _failures(items)] == ["B111"]
    assert [a.id for a in _articles(items)] == ["ok"]


def test_nul_far_into_a_text_is_b103(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(_line({"id": "nul", "text": TEXT + " " * 9000 + "tail\u0000"}) + _line({"id": "ok", "text": TEXT}))
    items = _read(path)
    assert [f.code for f in _failures(items)] == ["B103"]
    assert [a.id for a in _articles(items)] == ["ok"]


@pytest.mark.parametrize("obj,field", [
    ({"id": "x" * 513, "text": TEXT}, "id"),
    ({"id": "a\u0007b", "text": TEXT}, "id"),
    ({"id": "a", "text": TEXT, "outlet": "x\u0000"}, "outlet"),
])
def test_ids_and_metadata_the_stores_cannot_keep_are_b107(obj, field):
    with pytest.raises(InputError) as info:
        article_from_dict(obj, "api", SETTINGS)
    assert info.value.code == "B107" and f"'{field}'" in info.value.message


def _deny(monkeypatch, denied: Path):
    """Simulate a file or directory this user may not read (the tests may run as root)."""
    import os

    real_open, real_scandir, real_access = Path.open, os.scandir, os.access

    def fake_open(self, *a, **k):
        if Path(self) == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **k)

    def fake_scandir(p="."):
        if Path(p) == denied:
            raise PermissionError(13, "Permission denied", str(p))
        return real_scandir(p)

    def fake_access(p, mode, *a, **k):
        return False if Path(p) == denied else real_access(p, mode, *a, **k)

    monkeypatch.setattr(Path, "open", fake_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: fake_open(self, "rb").read())
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "access", fake_access)


@pytest.mark.parametrize("name", ["locked.jsonl", "locked.txt", "locked.json"])
def test_unreadable_file_is_b115_not_missing(tmp_path, monkeypatch, name):
    path = tmp_path / name
    path.write_text(_line({"id": "a", "text": TEXT}) if name.endswith("l") else TEXT)
    _deny(monkeypatch, path)
    (fail,) = _read(path)
    assert fail.code == "B115" and str(path) in fail.message and "Permission denied" in fail.message
    assert "no such file" not in fail.message


def test_unreadable_directory_is_b115_not_empty(tmp_path, monkeypatch):
    top = tmp_path / "news"
    (top / "locked").mkdir(parents=True)
    (top / "locked" / "a.txt").write_text(TEXT)
    (top / "b.txt").write_text(TEXT)
    _deny(monkeypatch, top / "locked")
    items = _read(top)
    assert [getattr(i, "code", "ok") for i in items] == ["B115", "ok"]
    assert str(top / "locked") in items[0].message and "holds no" not in items[0].message
    _deny(monkeypatch, top)
    (fail,) = _read(top)
    assert fail.code == "B115" and "holds no" not in fail.message


def test_messages_quote_odd_input_on_one_printable_line():
    """Found by the fuzz campaign: a published value with a newline made a two-line message."""
    obj = {"id": "a", "text": TEXT, "published": "\udfff Reuters \u2060 \n C\x8a"}
    _, (warning,) = article_from_dict(obj, "api", SETTINGS)
    assert "\n" not in warning.message and "\\n" in warning.message and "\\x8a" in warning.message
    warning.message.encode("utf-8")


# --------------------------------------------------------------------------- fetched pages (bilat watch)

_PAGE = "<html><head>{meta}</head><body><p>Zürich, Genève and l'Élysée: “quoted” – €5bn.</p></body></html>"


@pytest.mark.parametrize("encoding, meta, declared", [
    ("utf-8", '<meta charset="iso-8859-1">', "iso-8859-1"),  # labels lie; valid UTF-8 wins
    ("cp1252", '<meta charset="utf-8">', None),  # the meta lies; windows-1252 fits
    ("cp1252", "", "latin-1"),  # Latin-1 on the web means windows-1252
    ("cp1252", "", None),  # no label at all
    ("utf-16", "", None),  # a byte-order mark decides
])
def test_decode_page_whatever_the_labels_claim(encoding, meta, declared):
    from bilat.ingest import decode_page

    html = _PAGE.format(meta=meta)
    data = html.encode(encoding)
    assert decode_page(data, declared) == html


def test_article_from_page_dates_and_refusals():
    from bilat.ingest import article_from_page

    head = '<meta property="article:published_time" content="2024-02-23T09:00:00Z">'
    html = f"<html><head>{head}</head><body><p>Germany pledged aid to Ukraine on Thursday.</p></body></html>"
    s = Settings()
    a = article_from_page(html.encode(), s, article_id="x", url="https://x.example/a")
    assert (a.published, a.url, a.text) == ("2024-02-23", "https://x.example/a", "Germany pledged aid to Ukraine on Thursday.")
    assert article_from_page(html.encode(), s, article_id="x", url="u", published="2024-03-01").published == "2024-03-01"
    bare = html.replace(head, "")
    assert article_from_page(bare.encode(), s, article_id="x", url="u").published is None  # never today
    with pytest.raises(InputError) as err:
        article_from_page(b"<html><body><script>x()</script></body></html>", s, article_id="x", url="https://x.example/e")
    assert err.value.code == "B111" and "https://x.example/e" in err.value.message
    with pytest.raises(InputError) as err:
        article_from_page(b"\x00\x01\x02binary" * 100, s, article_id="x", url="u")
    assert err.value.code == "B103"
