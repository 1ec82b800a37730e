"""Pair analysis: dyads, periods, quad classes, PLOVER and Goldstein scores, timelines, stances.

Plain functions over plain values; the store runs the SQL aggregations and hands the
grouped rows to ``timeline`` and ``stances``, which shape them for people and the API.
Score tables are data with provenance headers in ``bilat/data/``:

- ``event_types.tsv`` (read by ``model.TYPE_FACTS``): the PLOVER manual's conflict–cooperation
  score per type, and the CAMEO root code standing for a type when the extractor gave no CAMEO code;
- ``cameo_goldstein_gdelt.tsv`` (GDELT) and ``cameo_goldstein_icews.tsv`` (ICEWS):
  Goldstein values per CAMEO code, always read as strings;
- ``cameo_codes.tsv``: CAMEO 1.1b3 names.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from itertools import combinations
from typing import Any, Iterable, Sequence

from .model import QUAD_CLASS, SYMMETRIC_TYPES, TYPE_FACTS, Event, EventType

#: quad class names and the numbers GDELT and ICEWS use for them
QUAD_NUMBER = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3, "material-conflict": 4}
QUAD_NAME = {v: k for k, v in QUAD_NUMBER.items()}
TYPES = tuple(t.value for t in EventType)
PERIODS = ("day", "week", "month")


def _table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, comments and header dropped; every cell a string."""
    text = resources.files("bilat").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]


@lru_cache(maxsize=None)
def plover_scores() -> dict[str, float]:
    return {t.value: f.plover_score for t, f in TYPE_FACTS.items()}


@lru_cache(maxsize=None)
def goldstein_table(variant: str = "gdelt") -> dict[str, float]:
    if variant not in ("gdelt", "icews"):
        raise ValueError(f"Goldstein variant must be 'gdelt' or 'icews', got {variant!r}")
    return {code: float(v) for code, v in _table(f"cameo_goldstein_{variant}.tsv")}


@lru_cache(maxsize=None)
def cameo_names() -> dict[str, str]:
    return {code: name for code, name in _table("cameo_codes.tsv")}


@lru_cache(maxsize=None)
def cameo_roots() -> dict[str, str]:
    return {t.value: f.cameo_root for t, f in TYPE_FACTS.items()}


def quad(etype: str) -> int:
    """Quad class number (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)."""
    return QUAD_NUMBER[QUAD_CLASS[EventType(etype)]]


@lru_cache(maxsize=None)
def _quad_names() -> dict[str, str]:
    return {t: QUAD_NAME[quad(t)] for t in TYPES}


def types_of(quad_class: str | None, etype: str | None) -> list[str] | None:
    """The event types a quad class and a type filter leave: None for no filter; a quad class is
    its types, and with a type too, that type if it is of the class, else none ([])."""
    types = [t for t in TYPES if _quad_names()[t] == quad_class] if quad_class else None
    if etype:
        types = [etype] if types is None or etype in types else []
    return types


def plover_score(etype: str) -> float:
    return plover_scores()[etype]


def cameo_code(event_type: str, cameo: str | None, mode: str | None = None) -> str:
    """The event's CAMEO code as a string; the type's root code when the extractor gave none."""
    if cameo:
        return str(cameo)
    if event_type == "ACCUSE" and mode == "investigate":
        return "09"
    return cameo_roots()[event_type]


def goldstein(code: str | None, variant: str = "gdelt") -> float | None:
    """Goldstein value of a CAMEO code, falling back to its base and root code (e.g. 0431 -> 043 -> 04)."""
    if not code:
        return None
    table = goldstein_table(variant)
    for candidate in (code, code[:3], code[:2]):
        if candidate in table:
            return table[candidate]
    return None


# ---- dates and periods -------------------------------------------------------------

def parse_date(value: str | None) -> tuple[dt.date | None, str | None]:
    """'2023-11-26' -> (date, 'day'); '2023-11' -> (2023-11-01, 'month'); '2023' -> (2023-01-01, 'year')."""
    if not value:
        return None, None
    value = str(value).strip()
    try:
        if len(value) >= 10:
            return dt.date.fromisoformat(value[:10]), "day"
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4:
            return dt.date(int(value), 1, 1), "year"
    except ValueError:
        pass
    return None, None


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day the date can mean."""
    start, precision = parse_date(value)
    if start is None:
        return None
    if precision == "day":
        return start, start
    if precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    return start, dt.date(start.year, 12, 31)


def period_keys(value: str | None) -> dict[str, str | None]:
    """day / week (ISO Monday) / month keys of a date, as sortable ISO text."""
    start, precision = parse_date(value)
    if start is None:
        return {"day": None, "week": None, "month": None, "precision": None}
    week = (start - dt.timedelta(days=start.weekday())).isoformat() if precision == "day" else None
    return {"day": start.isoformat(), "week": week, "month": start.isoformat()[:7] if precision != "year" else None,
            "precision": precision}


def period_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Inclusive ISO-day bounds for ``since``/``until`` given as YYYY, YYYY-MM or YYYY-MM-DD."""
    lo = hi = None
    if since:
        span = date_span(since)
        if span is None:
            raise ValueError(f"since={since!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        lo = span[0].isoformat()
    if until:
        span = date_span(until)
        if span is None:
            raise ValueError(f"until={until!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        hi = span[1].isoformat()
    return lo, hi


# ---- dyads -------------------------------------------------------------------------

def pair_key(a: str, b: str) -> str:
    """Unordered pair key: pair_key('JPN', 'CHN') == 'CHN-JPN'."""
    return "-".join(sorted((a.upper(), b.upper())))


def parse_pair(text: str) -> tuple[str, str]:
    """'CHN-JPN', 'CHN,JPN' or 'CHN JPN' -> ('CHN', 'JPN')."""
    for sep in ("-", ",", " ", "/"):
        if sep in text.strip():
            a, _, b = text.strip().partition(sep)
            if a.strip() and b.strip():
                return a.strip().upper(), b.strip().upper()
    raise ValueError(f"pair {text!r} must be two country codes, e.g. CHN-JPN")


def dyads(event: Event) -> list[tuple[str, str, bool]]:
    """(source country, target country, directed) for every country pair the event links.

    Symmetric types (CONSULT, AGREE, COOPERATE) whose participants all stand in ``source``
    link every pair of them, undirected. A country never forms a pair with itself.
    """
    src = sorted(event.countries("source"))
    tgt = sorted(event.countries("target"))
    out = [(s, t, True) for s in src for t in tgt if s != t]
    if EventType(event.type) in SYMMETRIC_TYPES:
        out = [(s, t, False) for s, t, _ in out]
        if not tgt or len(src) > 1:
            seen = {pair_key(s, t) for s, t, _ in out}
            out += [(a, b, False) for a, b in combinations(src, 2) if pair_key(a, b) not in seen]
    return out


# ---- shaping aggregated rows -------------------------------------------------------

def timeline(a: str, b: str, period: str, rows: Iterable[Sequence[Any]],
             story_goldstein: dict[str, tuple[int, float]] | None = None) -> list[dict[str, Any]]:
    """Per-period table from rows grouped by (period, type) in SQL.

    ``rows``: tuples (period, type, n_events, n_stories, n_stories a->b, goldstein_sum,
    goldstein_n): ``n_events`` counts every article's record, ``n_stories`` each real-world
    event once. ``story_goldstein`` maps a period to (stories with a Goldstein value, sum of
    their mean values). Each period row counts by type and quad class per story and per
    article, with direction counts per story, the mean PLOVER score per story and per
    article, and the mean Goldstein score per story and per article.
    """
    a, b = a.upper(), b.upper()
    ab, ba = f"{a}->{b}", f"{b}->{a}"
    scores = plover_scores()
    quad_of = _quad_names()
    story_goldstein = story_goldstein or {}
    out: dict[str, dict[str, Any]] = {}
    acc: dict[str, list[float]] = {}
    for key, t, ne, ns, nab, gsum, gn in rows:
        p = out.get(key)
        if p is None:
            p = out[key] = {"period": key, "pair": f"{a}-{b}", "stories": 0, "articles": 0,
                            "by_type": {}, "by_type_articles": {},
                            "by_quad": dict.fromkeys(QUAD_NUMBER, 0), "by_quad_articles": dict.fromkeys(QUAD_NUMBER, 0),
                            ab: 0, ba: 0}
            acc[key] = [0.0, 0.0, 0.0, 0]
        ne, ns, nab = int(ne), int(ns), int(nab or 0)
        p["stories"] += ns
        p["articles"] += ne
        p["by_type"][t] = p["by_type"].get(t, 0) + ns
        p["by_type_articles"][t] = p["by_type_articles"].get(t, 0) + ne
        qn = quad_of[t]
        p["by_quad"][qn] += ns
        p["by_quad_articles"][qn] += ne
        p[ab] += nab
        p[ba] += ns - nab
        x = acc[key]
        x[0] += scores[t] * ns
        x[1] += scores[t] * ne
        if gsum is not None:
            x[2] += float(gsum)
            x[3] += int(gn or 0)
    result = []
    for key in sorted(out):
        p, (plover, plover_articles, gsum, gn) = out[key], acc[key]
        p["plover_score"] = round(plover / p["stories"], 3) if p["stories"] else None
        p["plover_score_articles"] = round(plover_articles / p["articles"], 3) if p["articles"] else None
        p["goldstein_articles"] = round(gsum / gn, 3) if gn else None
        sg = story_goldstein.get(key)
        p["goldstein"] = round(sg[1] / sg[0], 3) if sg and sg[0] else None
        result.append(p)
    return result


def stances(a: str, b: str, rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Who demands, objects, concedes on each issue, over time.

    ``rows``: one per (issue, dyad, event), ordered by issue and date, with ``src``/``tgt``,
    ``type``, ``story_id``, ``date``, ``source`` (JSON actors) and ``evidence`` (JSON).
    Records of one story are one step; the step keeps how many reports it has.
    """
    import json

    a, b = a.upper(), b.upper()
    issues: dict[str, dict[str, list[dict[str, Any]]]] = {}
    steps: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        if r["src"] not in (a, b) or (r["tgt"] not in (a, b)):
            continue
        sides = [r["src"]] if r["directed"] else [r["src"], r["tgt"]]
        for actor in sides:
            other = b if actor == a else a
            key = (r["issue"], actor, r["story_id"])
            step = steps.get(key)
            if step is None:
                actors = json.loads(r["source"]) if isinstance(r["source"], str) else r["source"]
                evidence = json.loads(r["evidence"]) if isinstance(r["evidence"], str) else r["evidence"]
                step = steps[key] = {
                    "date": r["date"], "type": r["type"], "mode": r["mode"], "toward": other,
                    "quad_class": QUAD_NAME[quad(r["type"])], "plover_score": plover_scores()[r["type"]],
                    "story_id": r["story_id"], "event_ids": [], "reports": 0,
                    "speakers": sorted({x.get("name") for x in actors
                                        if x.get("name") and x.get("country") == actor}),
                    "evidence": evidence[0]["sentence"] if evidence else None,
                }
                issues.setdefault(r["issue"], {a: [], b: []})[actor].append(step)
            if r["event_id"] not in step["event_ids"]:
                step["event_ids"].append(r["event_id"])
                step["reports"] += 1
    out = []
    for issue in sorted(issues):
        sides = []
        for actor in (a, b):
            seq = sorted(issues[issue][actor], key=lambda s: (s["date"] or "9999", s["story_id"]))
            counts: dict[str, int] = {}
            for s in seq:
                counts[s["type"]] = counts.get(s["type"], 0) + 1
            sides.append({"actor": actor, "toward": b if actor == a else a, "summary": counts, "sequence": seq})
        out.append({"issue": issue, "sides": sides})
    return {"pair": f"{a}-{b}", "issues": out}


# ---- a continuous time axis --------------------------------------------------------

#: the next coarser period, for a span too long to chart by the one asked for
COARSER = {"day": "week", "week": "month", "month": "year"}


def period_start(key: str, period: str) -> dt.date:
    """First day of a period key: '2023-08' (month), '2023' (year), an ISO day (day, or week's Monday)."""
    if period == "year":
        return dt.date(int(key[:4]), 1, 1)
    if period == "month":
        return dt.date(int(key[:4]), int(key[5:7]), 1)
    return dt.date.fromisoformat(key[:10])


def period_key(day: dt.date, period: str) -> str:
    """The key of the period holding ``day``."""
    if period == "year":
        return f"{day.year:04d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return day.isoformat()


def period_span(key: str, period: str) -> tuple[str, str]:
    """First and last day of a period: ('2023-08', 'month') -> ('2023-08-01', '2023-08-31');
    a week runs Monday to Sunday."""
    start = period_start(key, period)
    if period == "year":
        end = dt.date(start.year, 12, 31)
    elif period == "month":
        end = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1) - dt.timedelta(days=1)
    elif period == "week":
        end = start + dt.timedelta(days=6)
    else:
        end = start
    return start.isoformat(), end.isoformat()


def _next_start(start: dt.date, period: str) -> dt.date:
    if period == "year":
        return dt.date(start.year + 1, 1, 1)
    if period == "month":
        return dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start + dt.timedelta(days=7 if period == "week" else 1)


def shift(day: dt.date, period: str, n: int) -> dt.date:
    """The first day of the period ``n`` periods after (or, negative, before) the one holding ``day``."""
    start = period_start(period_key(day, period), period)
    if period in ("year", "month"):
        months = start.year * 12 + start.month - 1 + n * (12 if period == "year" else 1)
        return dt.date(months // 12, months % 12 + 1, 1)
    return start + dt.timedelta(days=n * (7 if period == "week" else 1))


def count_periods(first: dt.date, last: dt.date, period: str) -> int:
    """How many periods from the one holding ``first`` to the one holding ``last``, both included."""
    if last < first:
        return 0
    if period == "year":
        return last.year - first.year + 1
    if period == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    if period == "week":
        return ((last - dt.timedelta(days=last.weekday())) - (first - dt.timedelta(days=first.weekday()))).days // 7 + 1
    return (last - first).days + 1


def periods_between(first: dt.date, last: dt.date, period: str) -> list[str]:
    """Every period key from the one holding ``first`` to the one holding ``last``."""
    out = []
    start = period_start(period_key(first, period), period)
    while start <= last:
        out.append(period_key(start, period))
        start = _next_start(start, period)
    return out


def axis(period: str, first: dt.date, last: dt.date, max_periods: int) -> str:
    """The period to chart ``first``..``last`` by: the one asked for, or the next coarser one while
    the span has more than ``max_periods`` of them (days -> weeks -> months -> years)."""
    while period in COARSER and count_periods(first, last, period) > max_periods:
        period = COARSER[period]
    return period


def empty_period(key: str, pair: str = "") -> dict[str, Any]:
    """A timeline row for a period with no event: zero counts, no score."""
    return {"period": key, "pair": pair, "stories": 0, "articles": 0, "by_type": {}, "by_type_articles": {},
            "by_quad": dict.fromkeys(QUAD_NUMBER, 0), "by_quad_articles": dict.fromkeys(QUAD_NUMBER, 0),
            "plover_score": None, "plover_score_articles": None, "goldstein": None, "goldstein_articles": None}


def by_year(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Monthly timeline rows summed into years: counts add up (the direction counts, 'A->B', too),
    the PLOVER scores are the story- and article-weighted means (exact); Goldstein means are left
    out, as the monthly rows do not carry what averages them exactly."""
    years: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = str(r["period"])[:4]
        y = years.setdefault(key, {**empty_period(key, r.get("pair", "")), "_ps": 0.0, "_pa": 0.0})
        y["stories"] += r.get("stories", 0)
        y["articles"] += r.get("articles", 0)
        for k, n in r.items():
            if "->" in k:
                y[k] = y.get(k, 0) + n
        for field in ("by_type", "by_type_articles", "by_quad", "by_quad_articles"):
            for k, n in (r.get(field) or {}).items():
                y[field][k] = y[field].get(k, 0) + n
        if r.get("plover_score") is not None:
            y["_ps"] += r["plover_score"] * r.get("stories", 0)
        if r.get("plover_score_articles") is not None:
            y["_pa"] += r["plover_score_articles"] * r.get("articles", 0)
    out = []
    for key in sorted(years):
        y = years[key]
        ps, pa = y.pop("_ps"), y.pop("_pa")
        y["plover_score"] = round(ps / y["stories"], 3) if y["stories"] else None
        y["plover_score_articles"] = round(pa / y["articles"], 3) if y["articles"] else None
        out.append(y)
    return out


def continuous(rows: Sequence[dict[str, Any]], period: str, first: dt.date | None = None,
               last: dt.date | None = None) -> list[dict[str, Any]]:
    """Timeline rows on a continuous axis: every period from ``first`` to ``last`` (by default the
    first and last row's), a period with no event as a row of zeros, so that time is drawn to scale."""
    if not rows and (first is None or last is None):
        return []
    first = first or period_start(str(rows[0]["period"]), period)
    last = last or period_start(str(rows[-1]["period"]), period)
    have = {str(r["period"]): r for r in rows}
    pair = rows[0].get("pair", "") if rows else ""
    return [have.get(k) or empty_period(k, pair) for k in periods_between(first, last, period)]
