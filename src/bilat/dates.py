"""Event dates from explicit and relative expressions.

``resolve(expression, published)`` turns the text of a date mention ("on Thursday",
"November 25", "mid-November", "last month", "Sept 29, 1972") into a ``DateValue``:
an ISO string at day, month or year precision plus how it was obtained. Weekday names
mean the latest such day on or before publication ("on Thursday" in a Friday paper is
the day before). Relative expressions without a publication date are unknown, never
guessed. dateparser handles the many explicit formats; the relative phrases news
uses most are resolved here first because their meaning is fixed by convention.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .model import DateBasis

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {name: i + 1 for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTH_ABBR = {k[:3]: v for k, v in MONTHS.items()} | {"sept": 9}

_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "a": 1, "an": 1}

_WEEKDAY_RE = re.compile(r"\b(last\s+|this\s+|on\s+|early\s+|late\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)
_MONTH_NAME = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PART_MONTH_RE = re.compile(r"\b(mid|early|late|end of|beginning of|start of)[\s-]+" + _MONTH_NAME + r"(?:\s+(\d{4}))?\b", re.I)
_YEAR_RE = re.compile(r"^(?:in\s+|since\s+|early\s+|late\s+|mid-?|the\s+year\s+)?((?:1[89]|20)\d\d)$", re.I)
_FULL_DATE_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r",?\s+(?:1[89]|20)\d\d\b|\b"
                           + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d\d\b", re.I)
_DAY_SPAN_RE = re.compile(r"(?<![\d-])(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?(?![\d-])")
#: the months of the seasons of the northern hemisphere, where most of the news is written
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASON_RE = re.compile(r"\b(last|past|this|next)\s+(spring|summer|autumn|fall)\b")
_SEASON_YEAR_RE = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:1[89]|20)\d\d)\b", re.I)
_AGO_RE = re.compile(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b", re.I)


@dataclass(frozen=True)
class DateValue:
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    basis: str  # DateBasis value

    @property
    def precision(self) -> str | None:
        if not self.value:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.value))


UNKNOWN = DateValue(None, DateBasis.UNKNOWN.value)


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_anchor(value: str | None) -> tuple[dt.date, int] | None:
    """The publication date as an anchor: the last day it may stand for, and how many characters
    of an ISO date it fixes (10 for a day, 7 for a month, 4 for a year). Scrapers often know
    only the month or year ("2021-04", "2021"); the period's last day keeps "on April 16" and
    "last month" right, and results are cut to the anchor's precision, so no day is guessed."""
    if not value:
        return None
    day = parse_iso(value)
    if day is not None:
        return day, 10
    m = re.fullmatch(r"\s*((?:1[89]|2\d)\d\d)(?:-(\d\d))?\s*", value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return dt.date(year, 12, 31), 4
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    year_next, month_next = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(year_next, month_next, 1) - dt.timedelta(days=1), 7


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(d: dt.date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def _latest_month(month: int, pub: dt.date) -> int:
    """The year of the latest such month not after publication."""
    return pub.year if month <= pub.month else pub.year - 1


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _WORD_NUM.get(word)


@functools.lru_cache(maxsize=4096)
def resolve(expression: str, published: str | None) -> DateValue:
    """Resolve one date expression against the publication date (``YYYY-MM-DD``, ``YYYY-MM``,
    ``YYYY`` or None)."""
    text = " ".join(expression.split()).strip(" ,.")
    # "March 3-4", "15-16 July 2021": a span of days begins on its first
    text = _DAY_SPAN_RE.sub(r"\1", text)
    # "earlier in April", "later in 2023": the month or year itself
    text = re.sub(r"^(?:earlier|later)\s+(?=in\s+\w|(?:1[89]|20)\d\d\b)", "", text, flags=re.I)
    low = text.lower()
    anchor = parse_anchor(published)
    pub, precision = anchor if anchor else (None, 10)
    if not low:
        return UNKNOWN

    # relative words first: their meaning is fixed by convention; against a month or a year
    # they say no more than that month or year
    full = _FULL_DATE_RE.search(text)
    if full and full.group(0) != text:  # "today, 23rd January 2024": the written date wins
        return _explicit(full.group(0), pub)
    if pub is not None:
        rel = _relative(low, pub)
        if rel is not None:
            return DateValue(rel[:precision], DateBasis.RELATIVE.value)

    m = _PART_MONTH_RE.search(low)
    if m:
        month = _month_number(m.group(2))
        if month:
            year = int(m.group(3)) if m.group(3) else (_latest_month(month, pub) if pub else None)
            if year:
                basis = DateBasis.EXPLICIT if m.group(3) else DateBasis.RELATIVE
                return DateValue(_month(year, month), basis.value)
            return UNKNOWN

    m = _YEAR_RE.match(low) or _SEASON_YEAR_RE.search(low)
    if m:  # "in 2023", "in the summer of 2023": that year
        return DateValue(m.group(1), DateBasis.EXPLICIT.value)
    m = re.fullmatch(r"(?:on\s+)?((?:1[89]|20)\d\d)-(\d\d)(?:-(\d\d))?", low)
    if m:  # ISO dates written in the text
        try:
            if m.group(3):
                return DateValue(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), DateBasis.EXPLICIT.value)
            if 1 <= int(m.group(2)) <= 12:
                return DateValue(f"{m.group(1)}-{m.group(2)}", DateBasis.EXPLICIT.value)
        except ValueError:
            return UNKNOWN

    return _explicit(text, pub)


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBR.get(word[:4] if word.startswith("sept") else word[:3])


def _relative(low: str, pub: dt.date) -> str | None:
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return pub.isoformat()
    if re.search(r"\byesterday\b|\blast night\b", low):
        return (pub - dt.timedelta(days=1)).isoformat()
    if re.search(r"\bearlier this week\b", low):
        d = pub - dt.timedelta(days=3)  # "earlier this week" lies a few days back
        return _month(d.year, d.month)
    if re.search(r"\b(later )?this week\b", low):
        return _month(pub.year, pub.month)
    m = re.search(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of\s+)?last week\b", low)
    if m:  # "on Monday last week": that weekday of the week before publication
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return (monday + dt.timedelta(days=WEEKDAYS[m.group(1)])).isoformat()
    m = re.search(r"\b(this |last |past |the )?weekend\b", low)
    if m:  # "over the weekend": the weekend before publication (today's, if published on one and not "last"),
        # a span of two days that begins on its Saturday
        back = (pub.weekday() - 5) % 7  # days since the last Saturday
        if back <= 1 and (m.group(1) or "").strip() in ("last", "past"):
            back += 7
        return (pub - dt.timedelta(days=back)).isoformat()
    if re.search(r"\blast week\b|\bpast week\b", low):
        d = pub - dt.timedelta(days=7)
        return _month(d.year, d.month)
    if re.search(r"\b(earlier |later )?this month\b", low):
        return _month(pub.year, pub.month)
    if re.search(r"\blast month\b|\bpast month\b", low):
        return _month(*_shift_month(pub, -1))
    m = re.search(r"\b" + _MONTH_NAME + r"\s+(?:of\s+)?(last|this|next)\s+year\b", low)
    if m:  # "in March last year", "in October of this year": that month of that year
        return _month(pub.year + {"last": -1, "this": 0, "next": 1}[m.group(2)], _month_number(m.group(1)))
    m = re.search(r"\blast\s+" + _MONTH_NAME + r"(?!\s+\d)\b", low)
    if m:  # "last March": the latest March before this month
        month = _month_number(m.group(1))
        return _month(pub.year if month < pub.month else pub.year - 1, month)
    m = _SEASON_RE.search(low)
    if m:  # "last summer", "this spring", "next autumn": the year of that season (winter spans two: left out)
        first, last = _SEASONS[m.group(2)]
        which = m.group(1)
        if which in ("last", "past"):
            return f"{pub.year if pub.month > last else pub.year - 1:04d}"
        if which == "next":
            return f"{pub.year if pub.month < first else pub.year + 1:04d}"
        return f"{pub.year:04d}"
    if re.search(r"\b(earlier |later )?this year\b", low):
        return f"{pub.year:04d}"
    if re.search(r"\blast year\b|\bpast year\b", low):
        return f"{pub.year - 1:04d}"
    m = _AGO_RE.search(low)
    if m:
        n = _number(m.group(1))
        if n is None:
            return None
        unit = m.group(2).lower()
        if unit == "day":
            return (pub - dt.timedelta(days=n)).isoformat()
        if unit == "week":
            d = pub - dt.timedelta(days=7 * n)
            return _month(d.year, d.month)
        if unit == "month":
            return _month(*_shift_month(pub, -n))
        return f"{pub.year - n:04d}"
    m = _WEEKDAY_RE.search(low)
    if m and not re.search(r"\d", low):
        wd = WEEKDAYS[m.group(2).lower()]
        back = (pub.weekday() - wd) % 7
        if (m.group(1) or "").strip().lower() == "last" and back == 0:
            back = 7
        return (pub - dt.timedelta(days=back)).isoformat()
    return None


_DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month"],
                        "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}


def _explicit(text: str, pub: dt.date | None) -> DateValue:
    """Absolute dates with dateparser; a day and month without a year take the latest
    such day not after publication (a week's slack for dates announced ahead)."""
    has_year = bool(re.search(r"\b(1[89]|20)\d\d\b", text))
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d\d\b", "", text)))
    month_m = re.search(r"\b" + _MONTH_NAME + r"(?=\b|\s|\d|$)", text, re.I)
    if not month_m:
        return UNKNOWN
    if not has_year and pub is None:
        return UNKNOWN
    parsed = _common_format(text) or _dateparse(text, pub.isoformat() if pub else None)
    if parsed is None:
        return UNKNOWN
    if not has_year and pub is not None:
        candidate = None
        for year in range(pub.year, pub.year - 8, -1):  # Feb 29 waits for a leap year
            try:
                c = parsed.replace(year=year)
            except ValueError:
                continue
            if c <= pub + dt.timedelta(days=7):
                candidate = c
                break
        if candidate is None:
            return UNKNOWN
        parsed = candidate
    basis = DateBasis.EXPLICIT.value if has_year else DateBasis.RELATIVE.value
    if has_day:
        return DateValue(parsed.isoformat(), basis)
    return DateValue(_month(parsed.year, parsed.month), basis)


_COMMON = (
    re.compile(r"^(?:on\s+|in\s+|since\s+|by\s+)?" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$", re.I),
    re.compile(r"^(?:on\s+|in\s+|since\s+|by\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r"(?:,?\s+(\d{4}))?$", re.I),
    re.compile(r"^(?:on\s+|in\s+|since\s+|by\s+)?(?:the\s+)?" + _MONTH_NAME + r"(?:,?\s+(\d{4}))?$", re.I),
)


def _common_format(text: str) -> dt.date | None:
    """The formats news uses most ("November 25", "25 November 2023", "Sept. 29, 1972", "May 2019"),
    parsed without dateparser's start-up cost; the year defaults to a placeholder the caller fixes."""
    low = " ".join(text.split()).strip(" ,.")
    for n, rx in enumerate(_COMMON):
        m = rx.match(low)
        if not m:
            continue
        if n == 0:
            month, day, year = _month_number(m.group(1)), int(m.group(2)), m.group(3)
        elif n == 1:
            day, month, year = int(m.group(1)), _month_number(m.group(2)), m.group(3)
        else:
            month, day, year = _month_number(m.group(1)), 1, m.group(2)
        try:
            return dt.date(int(year) if year else 2000, month, day)
        except (TypeError, ValueError):
            return None
    return None


@functools.lru_cache(maxsize=4096)
def _dateparse(text: str, base: str | None) -> dt.date | None:
    import dateparser  # imported lazily: it costs ~0.3 s and most runs need it rarely

    settings = dict(_DATEPARSER_SETTINGS)
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    cleaned = re.sub(r"^(on|in|since|by|from|until|of)\s+", "", text, flags=re.I)
    try:
        value = dateparser.parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return value.date() if value else None


_THAT_YEAR = re.compile(r"\b(?:of\s+)?(?:that|the\s+same)\s+(?:same\s+)?year\b", re.I)
_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d\d\b")


def year_named_before(expression: str, before: str) -> str:
    """'In May that year', 'later that same year': the year is the last one the text named before the
    expression (``before``, the text up to it); the expression as it is where there is none."""
    if not _THAT_YEAR.search(expression):
        return expression
    years = _YEAR_WORD.findall(before)
    return _THAT_YEAR.sub(years[-1], expression) if years else expression


def more_precise(a: str | None, b: str | None) -> str | None:
    """The more precise of two compatible dates (used when merging records)."""
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b
