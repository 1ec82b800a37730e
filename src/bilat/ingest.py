"""Read inputs into ``Article`` records (spec §1); bad input never stops the batch.

``read_inputs`` takes what the command line names: JSON Lines files (plain or
gzipped, ``.jsonl.gz``), ``.json`` files (one object or a list), ``.txt`` and
``.html``/``.htm`` files (one article each, id = file name without extension),
WARC files (``.warc``, ``.warc.gz``: each response record with an HTML body is an
article, its WARC-Target-URI the ``url`` and its WARC-Date the ``published`` date),
directories (searched recursively, in sorted order, for those kinds) and ``-`` for
standard input (JSON Lines, or one plain-text article when the first line does not
start with ``{``). ``read_part`` reads one shard of a file for ``bilat batch``.

It yields ``Article`` records and, for input it cannot use, ``Failure`` records
with a catalogue code and a message naming the file and line. JSON Lines files are
streamed line by line, and a line longer than ``max_article_bytes`` is skipped
without being held in memory.

One code is a warning, not a refusal (``WARNING_CODES``): B108, a ``published``
value that is not an ISO date. The article is kept with ``published=None`` and
the B108 record is yielded just before it, so the command line can print it as a
warning and still count the article as read.

Markup (an ``.html`` file, or a JSON ``text`` that is clearly HTML) becomes plain
text here, through ``clean.html_to_text``: ``Article.text`` is always plain text,
and evidence offsets point into it.

``article_from_page`` is the same reader for a page fetched from the web (``bilat
watch``): bytes in an encoding the server may have declared wrongly or not at all
(``decode_page``), and a publication date from the feed or, failing that, from the
page's own metadata (``page_date``), never the day it was fetched.
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, IO

from .clean import html_to_text
from .errors import InputError
from .model import Article, Failure
from .settings import Settings

__all__ = ["SUFFIXES", "WARNING_CODES", "article_from_dict", "article_from_page", "check_unicode", "decode_page",
           "input_kind", "is_warning", "page_date", "read_inputs", "read_part"]

#: File name endings bilat reads, and how (the longest ending that matches wins).
SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl.gz", ".ndjson.gz": "jsonl.gz",
            ".json": "json", ".txt": "text", ".html": "html", ".htm": "html",
            ".warc": "warc", ".warc.gz": "warc"}

#: HTTP content types of WARC responses that are read as articles.
WARC_HTML_TYPES = ("text/html", "application/xhtml+xml")

#: Codes yielded for articles that are kept anyway.
WARNING_CODES = frozenset({"B108"})

#: An id longer than this is refused (B107): ids travel in URLs and messages.
MAX_ID_CHARS = 512

#: A ``.json`` file is parsed whole, so it may hold this many times max_article_bytes.
JSON_FILE_FACTOR = 64

_OPTIONAL_STR_FIELDS = ("url", "title", "outlet", "language")
_PARTIAL_DATE = re.compile(r"\s*((?:1[89]|2\d)\d\d)(?:-(\d{2}))?\s*")
_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*")
# Starts like a document or a block element, or has several closing tags.
_MARKUP_START = re.compile(
    r"\s*(?:<!doctype\s+html|<html\b|<\?xml|<!--|<(?:head|body|article|main|section|div|p|span|table|ul|h[1-6]|header|meta|title"
    r"|script|style|noscript|template|svg|iframe|link|base|nav|footer|form|figure|blockquote|pre)\b[^>]*>)",
    re.IGNORECASE,
)
_CLOSING_TAG = re.compile(r"</(?:p|div|span|a|li|ul|h[1-6]|article|section|td|tr|body|html|figure|figcaption|script|style)\s*>", re.IGNORECASE)
# Control characters that never occur in text (tab, newlines, form feed and escape excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# UTF-16 halves that JSON's \\uD800 escapes can produce alone; no encoder can write them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13, 27} | {127}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00 starts like FF FE
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDE = ("utf-16", "utf-32")


_TOO_DEEP = "nested too deeply to read; an article is a flat object of strings"


def input_kind(path: Path | str) -> str | None:
    """How bilat reads a file, from its name: 'jsonl', 'jsonl.gz', 'json', 'text', 'html', 'warc'."""
    return SUFFIXES.get(_suffix(Path(path)))


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in sorted(SUFFIXES, key=len, reverse=True) if name.endswith(s)), path.suffix)


def read_part(path: str, settings: Settings, start: int = 0, stop: int | None = None, first_line: int = 1,
              published: str | None = None, encoding: str | None = None) -> Iterator[Article | Failure]:
    """One shard of one input file, for ``bilat batch``: of a JSON Lines file the lines between
    byte offsets ``start`` and ``stop`` (``start`` at a line's beginning, that line numbered
    ``first_line``); of a ``.jsonl.gz`` the lines numbered ``first_line`` up to ``stop``
    (exclusive); of any other file all of it. Articles and failures as ``read_inputs`` gives
    them, with the same origins ("file line N"), and duplicate ids within the shard refused."""
    reader = _Reader(settings, published, encoding)
    p = Path(path)
    kind = input_kind(p)
    if kind == "jsonl" and (start or stop is not None):
        items = reader.jsonl_range(p, start, stop, first_line)
    elif kind == "jsonl.gz" and (first_line > 1 or stop is not None):
        items = reader.gz_range(p, first_line, stop)
    else:
        items = reader.read(str(p), None)
    yield from _first_of_each_id(items, path)


def _first_of_each_id(items: Iterable[Article | Failure], spec: str) -> Iterator[Article | Failure]:
    """The items of one input, an article whose id was seen before in it refused (B112)."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            first = seen.setdefault(item.id, item.origin or spec)
            if first != (item.origin or spec):
                yield _failure(InputError("B112", origin=item.origin, id=item.id, first=first))
                continue
        yield item


def is_warning(failure: Failure) -> bool:
    """True for records that report a problem with an article that was kept."""
    return failure.code in WARNING_CODES


def read_inputs(
    inputs: Sequence[str],
    settings: Settings,
    published: str | None = None,
    stdin: IO[Any] | None = None,
    *,
    encoding: str | None = None,
) -> Iterator[Article | Failure]:
    """Articles from every input, in order, with a ``Failure`` for each one refused.

    ``published`` (``--published YYYY-MM-DD``) fills articles that have no date;
    ``stdin`` is read for ``-`` (``sys.stdin`` when None); ``encoding`` is tried
    instead of UTF-8 for input without a byte-order mark (``--encoding latin-1``).
    Within one input, an id seen before is refused (B112) and the first kept.
    Raises ``InputError`` only for a bad ``published`` or ``encoding`` argument.
    """
    if published is not None:
        iso = _iso_date(published)
        if iso is None:
            raise InputError("B108", origin="--published", value=published)
        published = iso
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise InputError("B102", origin="--encoding", detail=f"unknown encoding '{encoding}'") from None
    reader = _Reader(settings, published, encoding)
    for spec in inputs:
        yield from _first_of_each_id(reader.read(spec, stdin), spec)


def article_from_dict(
    obj: Any, origin: str, settings: Settings, published: str | None = None
) -> tuple[Article, tuple[Failure, ...]]:
    """One article from a decoded JSON object (spec §1), with its warnings.

    Raises ``InputError`` (B101, B103, B104, B106, B107, B111) when the object
    cannot be an article. Usable wherever untrusted articles enter (the API).
    """
    return _Reader(settings, published, None).article(obj, origin)


def article_from_page(data: bytes, settings: Settings, *, article_id: str, url: str, charset: str | None = None,
                      published: str | None = None, title: str | None = None, outlet: str | None = None,
                      origin: str | None = None) -> Article:
    """An article from a fetched HTML page, read as an ``.html`` file is read.

    ``charset`` is what the HTTP Content-Type declared (see ``decode_page``). ``published``
    comes from the feed entry; without it the page's own metadata is asked (``page_date``),
    and without that the date stays unknown. Raises ``InputError`` (B101, B103, B104, B111)
    for a page that holds no article.
    """
    origin = origin or url
    if len(data) > settings.max_article_bytes * JSON_FILE_FACTOR:  # markup may weigh far more than its text
        raise InputError("B104", origin=origin, size=len(data), limit=settings.max_article_bytes * JSON_FILE_FACTOR)
    detail = _binary_detail(data)
    if detail and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        raise InputError("B103", origin=origin, detail=detail)
    html = decode_page(data, charset)
    iso = _iso_date(published) if published else None
    if iso is None:
        iso = page_date(html)
    text = html_to_text(html, origin)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_article_bytes:
        raise InputError("B104", origin=origin, size=size, limit=settings.max_article_bytes)
    reader = _Reader(settings, None, None)
    return reader._finish(Article(id=article_id, text=text, published=iso, url=url, title=title or None,
                                  outlet=outlet or None, origin=origin))


#: ``<meta charset=...>`` or ``<meta http-equiv=Content-Type content="...; charset=...">``, looked for
#: where browsers look: the first bytes of the page.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META_WINDOW = 4096
#: Labels that mean windows-1252 on the web (WHATWG Encoding): pages labelled Latin-1 use its
#: extra characters (curly quotes, the euro sign) all the time.
_AS_CP1252 = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def decode_page(data: bytes, declared: str | None = None) -> str:
    """The text of an HTML page from the web, whatever its labels claim.

    Order: a byte-order mark; then UTF-8, when the bytes are valid UTF-8 (a page that
    decodes as UTF-8 is UTF-8 far more often than its Latin-1 label is right); then the
    charset the HTTP header declared, then the page's ``<meta>`` charset, each only if the
    bytes decode with it; then windows-1252, the web's default for unlabelled Western pages
    (charset detection guesses wrong on short Western texts: ``à`` came back as ``ŕ``);
    then charset detection; and finally windows-1252 with replacement characters.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data, 0, _META_WINDOW)
    labels = [declared, meta.group(1).decode("ascii") if meta else None]
    for label in labels:
        enc = _codec(label)
        if enc is None or enc.startswith(("utf-8",) + _WIDE):
            continue  # UTF-8 already failed; a wide label on bytes without a BOM is a lie
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # a dependency of trafilatura

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", "replace")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def page_date(html: str) -> str | None:
    """The publication day a page's own metadata gives (htmldate, without its extensive search,
    which guesses from any date in the text), or None. Never the day the page was read."""
    from htmldate import find_date  # a dependency of trafilatura; slow to import

    try:
        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate fails on some broken markup; the date is then unknown
        return None
    return _iso_date(found) if found else None


# --------------------------------------------------------------------------- reader


def _failure(exc: InputError) -> Failure:
    return Failure(origin=str(exc.values.get("origin", "")), code=exc.code, message=exc.message)


def _iso_date(value: str) -> str | None:
    """The ISO form of a publication date: a day (a timestamp is cut to its day), or a month
    ``YYYY-MM`` or a year ``YYYY`` where the scraper knew no more (spec §1)."""
    partial = _PARTIAL_DATE.fullmatch(value)
    if partial:
        year, month = partial.group(1), partial.group(2)
        if month is None:
            return year
        return f"{year}-{month}" if 1 <= int(month) <= 12 else None
    m = _ISO_DATE.fullmatch(value)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def published_date(value: str) -> str | None:
    """The ISO form the reader keeps for a ``published`` value, or None when it cannot use it."""
    return _iso_date(value)


def check_unicode(value: str, field: str, origin: str | None) -> None:
    """Raise B114 when ``value`` holds a lone surrogate (valid JSON, but no Unicode text)."""
    m = _SURROGATE.search(value)
    if m:
        raise InputError("B114", origin=origin, field=field, codepoint=f"{ord(m.group()):04X}", position=m.start() + 1)


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _looks_like_markup(text: str) -> bool:
    return bool(_MARKUP_START.match(text)) or len(_CLOSING_TAG.findall(text, 0, 20_000)) >= 3


def _binary_detail(data: bytes) -> str | None:
    """Why a sample of bytes is not text, or None."""
    sample = data[:8192]
    if not sample:
        return None
    nul = sample.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    control = sum(1 for b in sample if b in _CONTROL_BYTES)
    if control > 0.05 * len(sample):
        return f"{control} control bytes in the first {len(sample)}"
    return None


def _decode_error_detail(exc: UnicodeDecodeError, encoding: str) -> str:
    bad = exc.object[exc.start:exc.start + 1]
    return f"{encoding} cannot decode byte 0x{bad.hex()} at offset {exc.start}"


@dataclass(frozen=True)
class _Reader:
    settings: Settings
    published: str | None
    encoding: str | None

    # -- dispatch

    def read(self, spec: str, stdin: IO[Any] | None) -> Iterator[Article | Failure]:
        if spec == "-":
            yield from self._stdin(stdin if stdin is not None else sys.stdin.buffer)
            return
        path = Path(spec)
        if path.is_dir():
            unreadable: list[OSError] = []
            files = []
            for root, dirs, names in os.walk(path, onerror=unreadable.append):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                files += [p for p in (Path(root) / n for n in names if not n.startswith("."))
                          if input_kind(p) is not None and p.is_file()]
            for exc in unreadable:  # a directory that cannot be listed is said so, never "empty"
                yield _failure(InputError("B115", origin=exc.filename or spec, detail=exc.strerror or str(exc)))
            if not files and not unreadable:
                yield _failure(InputError("B113", origin=spec))
            for p in sorted(files):
                yield from self._file(p)
        elif path.exists():
            yield from self._file(path)
        else:
            yield _failure(InputError("B109", origin=spec))

    def _file(self, path: Path) -> Iterator[Article | Failure]:
        origin = str(path)
        kind = input_kind(path)
        try:
            if kind is None:
                raise InputError("B110", origin=origin, suffix=path.suffix or "(none)")
            if kind == "jsonl":
                with path.open("rb") as fh:
                    yield from self._jsonl(fh, path, origin)
            elif kind == "jsonl.gz":
                with gzip.open(path, "rb") as fh:
                    yield from self._gz_lines(fh, origin, 1, None)
            elif kind == "warc":
                yield from self._warc(path, origin)
            elif kind == "json":
                yield from self._json(path, origin)
            else:
                yield from self._single(path, origin, html=kind == "html")
        except InputError as exc:
            yield _failure(exc)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:  # a damaged or truncated .gz
            yield _failure(InputError("B602", origin=origin, detail=str(exc) or type(exc).__name__))
        except FileNotFoundError:  # vanished since it was listed
            yield _failure(InputError("B109", origin=origin))
        except OSError as exc:  # permissions, a directory named .jsonl, an I/O error
            yield _failure(InputError("B115", origin=origin, detail=exc.strerror or str(exc)))

    # -- whole files

    def _read_bytes(self, path: Path, origin: str, limit: int) -> bytes:
        size = path.stat().st_size
        if size > limit:
            raise InputError("B104", origin=origin, size=size, limit=limit)
        return path.read_bytes()

    def _decode(self, data: bytes, origin: str) -> str:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(enc)  # each of these codecs drops its byte-order mark
                except UnicodeDecodeError as exc:
                    raise InputError("B102", origin=origin, detail=_decode_error_detail(exc, enc)) from None
        detail = _binary_detail(data)
        if detail and not (self.encoding or "").startswith(_WIDE):
            raise InputError("B103", origin=origin, detail=detail)
        enc = self.encoding or "utf-8"
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            raise InputError("B102", origin=origin, detail=_decode_error_detail(exc, enc)) from None

    def _single(self, path: Path, origin: str, html: bool) -> Iterator[Article | Failure]:
        text = self._decode(self._read_bytes(path, origin, self.settings.max_article_bytes), origin)
        if html or _looks_like_markup(text):
            text = html_to_text(text, origin)
        yield self._finish(Article(id=path.stem, text=text, published=self.published, origin=origin))

    def _json(self, path: Path, origin: str) -> Iterator[Article | Failure]:
        text = self._decode(self._read_bytes(path, origin, self.settings.max_article_bytes * JSON_FILE_FACTOR), origin)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError("B105", origin=origin, detail=f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
        except RecursionError:
            raise InputError("B105", origin=origin, detail=_TOO_DEEP) from None
        if isinstance(data, dict):
            items: Iterable[tuple[str, Any]] = [(origin, data)]
        elif isinstance(data, list):
            items = ((f"{origin} item {i}", obj) for i, obj in enumerate(data, 1))
        else:
            raise InputError("B105", origin=origin, detail=f"{_type_name(data)} at the top level; "
                                                           "a .json file holds one article object or a list of them")
        for item_origin, obj in items:
            yield from self._from_obj(obj, item_origin)

    # -- JSON Lines

    def _jsonl(self, fh: IO[bytes], path: Path, origin: str) -> Iterator[Article | Failure]:
        head = fh.read(8192)
        fh.seek(0)
        wide = next((enc for bom, enc in _BOMS if head.startswith(bom) and enc in _WIDE), None)
        if wide is None and self.encoding and self.encoding.startswith(_WIDE):
            wide = self.encoding
        if not wide:
            # one refusal for a binary file, not one per line of it
            detail = _binary_detail(head)
            if detail:
                raise InputError("B103", origin=origin, detail=detail)
            # a pretty-printed JSON document saved as .jsonl: read it as one
            first = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").split(b"\n", 1)[0].strip()
            if first in (b"[", b"{"):
                yield from self._json(path, origin)
                return
        if wide:
            text = io.TextIOWrapper(fh, encoding=wide, newline=None)
            yield from self._lines(text.readline, origin, "\n")
        else:
            yield from self._lines(fh.readline, origin, b"\n")

    def _lines(self, readline: Callable[[int], Any], origin: str, newline: Any, first_lineno: int = 1) -> Iterator[Article | Failure]:
        limit = self.settings.max_article_bytes
        lineno = first_lineno - 1
        while True:
            try:
                chunk = readline(limit + 1)
            except UnicodeDecodeError as exc:
                # a wide-encoded stream cannot resynchronise after a bad unit: stop this file
                yield _failure(InputError("B102", origin=f"{origin} line {lineno + 1}", detail=_decode_error_detail(exc, exc.encoding)))
                return
            if not chunk:
                return
            lineno += 1
            where = f"{origin} line {lineno}"
            if len(chunk) > limit and not chunk.endswith(newline):
                size = len(chunk)
                while True:  # skip the rest of the line without holding it
                    more = readline(1 << 16)
                    size += len(more)
                    if not more or more.endswith(newline):
                        size -= len(more) - len(more.rstrip())  # the line ending is no part of the article
                        break
                yield _failure(InputError("B104", origin=where, size=size, limit=limit))
                continue
            if not chunk.strip():
                continue
            try:
                yield from self._from_obj(self._parse_line(chunk, where, lineno), where)
            except InputError as exc:
                yield _failure(exc)

    def _parse_line(self, chunk: bytes | str, where: str, lineno: int) -> Any:
        if isinstance(chunk, bytes):
            if lineno == 1 and chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8):]
            nul = chunk.find(b"\x00")
            if nul >= 0:
                raise InputError("B103", origin=where, detail=f"NUL byte at column {nul + 1}")
            enc = self.encoding or "utf-8"
            try:
                chunk = chunk.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError("B102", origin=where, detail=_decode_error_detail(exc, enc)) from None
        elif "\x00" in chunk:
            raise InputError("B103", origin=where, detail=f"NUL character at column {chunk.index(chr(0)) + 1}")
        try:
            return json.loads(chunk)
        except json.JSONDecodeError as exc:
            raise InputError("B105", origin=where, detail=f"{exc.msg} at column {exc.colno}") from None
        except RecursionError:
            raise InputError("B105", origin=where, detail=_TOO_DEEP) from None

    # -- compressed JSON Lines, WARC, and shards of files (bilat batch)

    def _gz_lines(self, fh: IO[bytes], origin: str, first_line: int, stop: int | None) -> Iterator[Article | Failure]:
        """Lines ``first_line`` .. ``stop`` (exclusive) of a gzipped JSON Lines stream; earlier
        lines are skipped unread (a gzip stream cannot seek, so a shard decompresses its lead)."""
        line = 1
        while line < first_line:
            chunk = fh.readline(1 << 20)
            if not chunk:
                return
            line += chunk.endswith(b"\n")

        def readline(size: int) -> bytes:
            nonlocal line
            if stop is not None and line >= stop:
                return b""
            chunk = fh.readline(size)
            line += chunk.endswith(b"\n")
            return chunk

        yield from self._lines(readline, origin, b"\n", first_lineno=first_line)

    def gz_range(self, path: Path, first_line: int, stop: int | None) -> Iterator[Article | Failure]:
        yield from self._guarded(path, lambda: self._gz_open(path, first_line, stop))

    def _gz_open(self, path: Path, first_line: int, stop: int | None) -> Iterator[Article | Failure]:
        with gzip.open(path, "rb") as fh:
            yield from self._gz_lines(fh, str(path), first_line, stop)

    def jsonl_range(self, path: Path, start: int, stop: int | None, first_line: int) -> Iterator[Article | Failure]:
        yield from self._guarded(path, lambda: self._jsonl_open(path, start, stop, first_line))

    def _jsonl_open(self, path: Path, start: int, stop: int | None, first_line: int) -> Iterator[Article | Failure]:
        with path.open("rb") as fh:
            fh.seek(start)

            def readline(size: int) -> bytes:
                if stop is not None and fh.tell() >= stop:
                    return b""
                return fh.readline(size)

            yield from self._lines(readline, str(path), b"\n", first_lineno=first_line)

    def _guarded(self, path: Path, items: Callable[[], Iterator[Article | Failure]]) -> Iterator[Article | Failure]:
        """``items()``, with the errors of opening and reading a file as failures, as ``_file`` has them."""
        origin = str(path)
        try:
            yield from items()
        except InputError as exc:
            yield _failure(exc)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            yield _failure(InputError("B602", origin=origin, detail=str(exc) or type(exc).__name__))
        except FileNotFoundError:
            yield _failure(InputError("B109", origin=origin))
        except OSError as exc:
            yield _failure(InputError("B115", origin=origin, detail=exc.strerror or str(exc)))

    def _warc(self, path: Path, origin: str) -> Iterator[Article | Failure]:
        """Each response record with an HTML body, as an article: id from the WARC-Record-ID,
        ``url`` the WARC-Target-URI, ``published`` the WARC-Date (the capture time: an archive
        keeps no other date for most pages). Other records (requests, metadata, images, PDFs,
        redirects and error pages) are no articles and are passed over. A record that cannot be
        parsed ends the file (B601): a WARC has no index to find the next record by."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        limit = self.settings.max_article_bytes
        n = 0
        with path.open("rb") as fh:
            records = iter(ArchiveIterator(fh, arc2warc=True))
            while True:
                n += 1
                where = f"{origin} record {n}"
                try:
                    record = next(records)
                except StopIteration:
                    return
                except (ArchiveLoadFailed, ValueError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
                    yield _failure(InputError("B601", origin=where, detail=str(exc).strip()[:200] or type(exc).__name__))
                    return
                try:
                    article = self._warc_article(record, where, limit)
                except InputError as exc:
                    yield _failure(exc)
                    continue
                except (ArchiveLoadFailed, ValueError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
                    yield _failure(InputError("B601", origin=where, detail=str(exc).strip()[:200] or type(exc).__name__))
                    return
                if article is not None:
                    yield article

    def _warc_article(self, record: Any, where: str, limit: int) -> Article | None:
        if record.rec_type != "response" or record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        if not (status or "").startswith("2") or not ctype.split(";")[0].strip() in WARC_HTML_TYPES:
            return None
        uri = record.rec_headers.get_header("WARC-Target-URI")
        where = f"{where} ({uri})" if uri else where
        body = record.content_stream().read(limit + 1)
        if len(body) > limit:
            raise InputError("B104", origin=where, size=f"more than {limit}", limit=limit)
        charset = re.search(r"charset=[\"']?([\w.:-]+)", ctype)
        # as bilat watch reads fetched pages: a label that lies does not garble the text
        html = decode_page(body, charset.group(1) if charset else None)
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>").removeprefix("urn:uuid:")
        date = record.rec_headers.get_header("WARC-Date")
        return self._finish(Article(id=record_id or where, text=html_to_text(html, where),
                                    published=(_iso_date(date) if date else None) or self.published,
                                    url=uri or None, origin=where))

    # -- standard input

    def _stdin(self, stream: IO[Any]) -> Iterator[Article | Failure]:
        if isinstance(stream, io.TextIOBase) and hasattr(stream, "buffer") and self.encoding:
            stream = stream.buffer  # decode ourselves with the declared encoding
        limit = self.settings.max_article_bytes
        first = stream.readline(limit + 1)
        if isinstance(first, bytes) and first.startswith(codecs.BOM_UTF8):
            first = first[len(codecs.BOM_UTF8):]
        skipped = 0
        while first and not first.strip():  # leading blank lines
            skipped += 1
            first = stream.readline(limit + 1)
        if not first:
            yield _failure(InputError("B101", origin="<stdin>"))
            return
        lead = first.lstrip()[:1]
        if lead in ("{", b"{"):
            pending = [first]

            def readline(size: int) -> Any:
                return pending.pop() if pending else stream.readline(size)

            newline = b"\n" if isinstance(first, bytes) else "\n"
            yield from self._lines(readline, "<stdin>", newline, first_lineno=skipped + 1)
            return
        rest = stream.read(max(limit + 1 - len(first), 0))
        data = first + rest
        try:
            if len(data) > limit or stream.read(1):
                raise InputError("B104", origin="<stdin>", size=f"more than {limit}", limit=limit)
            text = self._decode(data, "<stdin>") if isinstance(data, bytes) else data
            if "\x00" in text:
                raise InputError("B103", origin="<stdin>", detail="NUL character")
            if _looks_like_markup(text):
                text = html_to_text(text, "<stdin>")
            yield self._finish(Article(id="stdin", text=text, published=self.published, origin="<stdin>"))
        except InputError as exc:
            yield _failure(exc)

    # -- one article

    def _from_obj(self, obj: Any, origin: str) -> Iterator[Article | Failure]:
        try:
            article, warnings = self.article(obj, origin)
        except InputError as exc:
            yield _failure(exc)
            return
        yield from warnings
        yield article

    def article(self, obj: Any, origin: str) -> tuple[Article, tuple[Failure, ...]]:
        if not isinstance(obj, dict):
            raise InputError("B105", origin=origin, detail=f"{_type_name(obj)}, not an object")
        for name in ("id", "text"):
            if obj.get(name) is None:
                raise InputError("B106", origin=origin, field=name)
        raw_id = obj["id"]
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
            raise InputError("B107", origin=origin, field="id", expected="a string", got=_type_name(raw_id))
        article_id = str(raw_id).strip()
        if isinstance(raw_id, str):
            check_unicode(article_id, "id", origin)
        if len(article_id) > MAX_ID_CHARS or _CONTROL_CHARS.search(str(raw_id)):
            got = f"{len(article_id)} characters" if len(article_id) > MAX_ID_CHARS else "a control character"
            raise InputError("B107", origin=origin, field="id",
                             expected=f"at most {MAX_ID_CHARS} characters, none of them control characters", got=got)
        if not article_id:
            raise InputError("B107", origin=origin, field="id", expected="a non-empty string", got="an empty string")
        text = obj["text"]
        if not isinstance(text, str):
            raise InputError("B107", origin=origin, field="text", expected="a string", got=_type_name(text))
        check_unicode(text, "text", origin)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > self.settings.max_article_bytes:
            raise InputError("B104", origin=origin, size=size, limit=self.settings.max_article_bytes)
        extra: dict[str, str | None] = {}
        for name in _OPTIONAL_STR_FIELDS:
            value = obj.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError("B107", origin=origin, field=name, expected="a string or null", got=_type_name(value))
            if value:
                check_unicode(value, name, origin)
                if "\x00" in value:  # no database stores it in a text column
                    raise InputError("B107", origin=origin, field=name, expected="a string without NUL characters",
                                     got=f"a NUL at character {value.index(chr(0)) + 1}")
            extra[name] = value or None
        warnings: tuple[Failure, ...] = ()
        published = obj.get("published")
        if published is None or published == "":
            published = self.published
        else:
            iso = _iso_date(published) if isinstance(published, str) else None
            if iso is None:
                warnings = (_failure(InputError("B108", origin=origin, value=published)),)
            published = iso
        if _looks_like_markup(text):
            text = html_to_text(text, origin)
        return self._finish(Article(id=article_id, text=text, published=published, origin=origin, **extra)), warnings

    def _finish(self, article: Article) -> Article:
        """Refuse text that is empty or binary; return the article otherwise."""
        text = article.text
        if not text.strip():
            raise InputError("B101", origin=article.origin)
        check_unicode(text, "text", article.origin)
        nul = text.find("\x00")
        if nul >= 0:  # anywhere: a JSON "\u0000" far into a text is no text either
            raise InputError("B103", origin=article.origin, detail=f"NUL character at character {nul + 1} of the text")
        control = _CONTROL.findall(text, 0, 8192)
        if control and (control[0] == "\x00" or len(control) > 0.05 * min(len(text), 8192)):
            raise InputError("B103", origin=article.origin, detail=f"{len(control)} control characters in the text")
        return article
