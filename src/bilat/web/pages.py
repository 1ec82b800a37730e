"""Dashboard pages. Each URL serves HTML, or JSON with ``.json`` or ``Accept: application/json``.

A page handler gathers ``data`` from store methods (what the JSON form returns)
and, for HTML only, derives the ``view`` (charts, highlighted paragraphs). Lists
are paginated and aggregates come from the store, so a page costs a few indexed
queries whatever the store's size.
"""
from __future__ import annotations

import datetime as dt
import functools
import inspect
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import analysis
from ..api import CODE, CURSOR, DATE, ISSUE, MAX_OFFSET, PAIR, QuadClass, known_params, page_url, paged, split_pair
from ..model import EventType
from ..store import ResultSet
from . import charts
from .app import require_read, templates, wants_json
from .evidence import in_paragraph, marked_paragraphs

router = APIRouter(dependencies=[Depends(require_read), Depends(known_params)], include_in_schema=False)
PAGE = 25
#: rows per page of a list page: 25 unless ?limit= says otherwise (the page links carry it)
Limit = Query(PAGE, ge=1, le=100)

#: stance columns of the issue × actor matrix: what each event type means as a stance
STANCE = {"REQUEST": "demands", "ACCUSE": "objects", "REJECT": "rejects", "THREATEN": "threatens",
          "CONCEDE": "concedes", "AGREE": "agrees", "SUPPORT": "supports", "SANCTION": "sanctions",
          "RETREAT": "retreats", "COOPERATE": "cooperates", "AID": "aids", "CONSULT": "consults"}


def render(request: Request, template: str, data: dict[str, Any], view: dict[str, Any] | None = None,
           status: int = 200) -> Response:
    if wants_json(request):
        return JSONResponse(data, status_code=status)
    return templates.TemplateResponse(request, template, {"data": data, "types": analysis.TYPES,
                                                          "quads": list(analysis.QUAD_NUMBER), **(view or {})},
                                      status_code=status)


def listing(request: Request, result: Any, offset: int, limit: int = PAGE) -> dict[str, Any]:
    """A page of a list (``paged``'s total, limit, offset, next, rows) with its ``prev`` link too."""
    page = paged(request, result, limit, offset)
    if page["cursor"] or not offset or page["rows"]:
        return page
    # back one page, or from beyond the end back to the last page
    last = max(0, (page["total"] - 1) // limit * limit)
    return {**page, "prev": page_url(request, max(0, min(offset - limit, last)), limit)}


def events_url(**params: Any) -> str:
    return "/events?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


def store_of(request: Request):
    return request.app.state.store


# ---------------------------------------------------------------------------- home

@router.get("/")
def home(request: Request) -> Response:
    store = store_of(request)
    data = {
        "stats": {k: v for k, v in store.stats().items() if k != "url"},
        "top_pairs": list(store.top_pairs(limit=12)),
        "latest_stories": list(getattr(store.stories(limit=15, offset=0), "rows", [])),
    }
    return render(request, "home.html", data)


# -------------------------------------------------------------------------- events



def _every_filter(pair: str | None = Query(None, pattern=PAIR),
                  actor: str | None = Query(None, max_length=200),
                  type: EventType | None = Query(None),
                  quad: QuadClass | None = Query(None),
                  issue: str | None = Query(None, max_length=100, pattern=ISSUE),
                  outlet: str | None = Query(None, max_length=200),
                  source: str | None = Query(None, pattern=CODE),
                  min_outlets: int | None = Query(None, ge=1, le=1000),
                  since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                  q: str | None = Query(None, max_length=200)) -> dict[str, Any]:
    """The event filters a page takes in its query (every list page takes them, as the events page does)."""
    raise NotImplementedError  # a template for filters_taken's signature, never called


def filters_taken(*fixed: str):
    """The event filters as a dependency, less those the page's own path fixes (a pair page's pair):
    a dict of every filter name to its value or None, in the order the forms show them."""
    signature = inspect.signature(_every_filter)
    params = [p for name, p in signature.parameters.items() if name not in fixed]

    def taken(**given: Any) -> dict[str, Any]:
        return {p.name: (given[p.name].value if isinstance(given[p.name], EventType) else given[p.name])
                for p in params}

    taken.__signature__ = signature.replace(parameters=params)  # what FastAPI reads the query by
    return taken


def filtered_events(request: Request, store, filters: dict[str, Any], fixed: dict[str, Any], limit: int,
                    offset: int = 0, cursor: str | None = None, undated: str | None = None) -> dict[str, Any]:
    """A page of the events matching a page's own filters (``fixed``: the pair of a pair page, the actor
    of an actor page, the story of a story page) and the in-page ones, with the facet counts beside
    it: what the JSON form of every list page carries."""
    f = {**filters, **fixed}
    types = analysis.types_of(f.get("quad"), f.get("type"))
    query = dict(pair=split_pair(f.get("pair")), actor=f.get("actor"), type=",".join(types) if types else None,
                 issue=f.get("issue"), since=f.get("since"), until=f.get("until"), q=f.get("q"),
                 outlet=f.get("outlet"), source=f.get("source"), min_outlets=f.get("min_outlets"),
                 story=f.get("story"))
    facets = {"sampled": False, "n": 0, "facets": {}}
    if types == []:
        result = ResultSet([], 0, limit, offset)
    else:
        result = store.events(**query, undated=undated, limit=limit, offset=offset, cursor=cursor)
        if not undated:
            facets = store.event_facets(**query)
    return {"filters": filters, "facets": facets, **listing(request, result, offset, limit)}


#: the filters /api/export takes, as the pages name them
EXPORT_FILTERS = ("pair", "actor", "type", "quad", "issue", "outlet", "source", "min_outlets", "since", "until", "q",
                  "story", "undated")


def export_url(fmt: str, **filters: Any) -> str:
    """The download of every event a page's filters (and its own: ``pair``, ``actor``, ``story``) match."""
    return "/api/export?" + urlencode({**{k: filters[k] for k in EXPORT_FILTERS if filters.get(k)}, "format": fmt})


def filter_view(request: Request, events: dict[str, Any], fixed: dict[str, Any] | None = None) -> dict[str, Any]:
    """What a page shows around its filtered list: the filters set (each removable), the facet counts
    as links that set or remove a filter on this same page, and downloads of what it lists (the
    export with ``fixed`` and every filter of the page)."""
    filters = events["filters"]
    active = {k: v for k, v in filters.items() if v}
    export = {**filters, **(fixed or {})}
    downloads = {"CSV": export_url("csv", **export), "JSON lines": export_url("jsonl", **export)}
    return {"active": active, "facet_links": facet_links(request, events["facets"]["facets"], set(filters)),
            "remove": {k: page_with(request, **{k: None}) for k in active},
            "clear_href": page_with(request, **dict.fromkeys(filters)),
            "download_links": {**downloads, "JSON (this page)": page_json(request)}}


@router.get("/events")
def events_page(request: Request, filters: dict[str, Any] = Depends(filters_taken()),
                undated: Literal["day", "week", "month"] | None = Query(None),
                offset: int = Query(0, ge=0, le=MAX_OFFSET), limit: int = Limit,
                cursor: str | None = Query(None, max_length=400, pattern=CURSOR)) -> Response:
    events = filtered_events(request, store_of(request), filters, {}, limit, offset, cursor, undated)
    data = {**events, "filters": {**filters, "undated": undated}}
    if wants_json(request):
        return render(request, "events.html", data)
    view = filter_view(request, {**events, "filters": data["filters"]})
    return render(request, "events.html", data, view)


#: the facet a count filters by, as the query parameter it sets
FACET_PARAM = {"type": "type", "quad": "quad", "year": "since", "issue": "issue", "pair": "pair", "source": "source",
               "outlet": "outlet"}


def page_with(request: Request, **changes: Any) -> str:
    """This page's URL with some parameters set (or removed with None), back on its first page."""
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "cursor")}
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = v
    return request.url.path + ("?" + urlencode(params) if params else "")


def page_json(request: Request) -> str:
    return request.url.path + ".json" + ("?" + request.url.query if request.url.query else "")


def facet_links(request: Request, facets: dict[str, list], taken: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Each facet's values with their counts and the link that adds (or, if set, removes) it as a filter;
    only the facets whose filter the page ``taken`` (a pair page's own pair is no filter of it)."""
    out = {}
    for name, values in facets.items():
        param = FACET_PARAM[name]
        if param not in taken:
            continue
        current = request.query_params.get(param)
        rows = []
        for value, n in values:
            value = str(value)
            if name == "year":
                on = current == value and request.query_params.get("until") == value
                href = page_with(request, since=None, until=None) if on else page_with(request, since=value, until=value)
            else:
                on = current == value
                href = page_with(request, **{param: None if on else value})
            rows.append({"value": value, "n": n, "href": href, "on": on})
        out[name] = rows
    return out


# ---------------------------------------------------------------------------- pair

#: rows of the event list on a pair page; its next pages are the events page's, with the same filters
PAIR_EVENTS = 10


@router.get("/pair/{a}/{b}")
def pair_page(request: Request, a: str = Path(pattern=CODE), b: str = Path(pattern=CODE),
              period: Literal["day", "week", "month"] = Query("month"),
              filters: dict[str, Any] = Depends(filters_taken("pair")),
              offset: int = Query(0, ge=0, le=MAX_OFFSET), limit: int = Limit,
              cursor: str | None = Query(None, max_length=400, pattern=CURSOR)) -> Response:
    """A country pair: summary, charts, stance table, its events with facet counts, its stories. The
    charts and the stance table follow the dates and the direction (``source``: who acts); the event
    list and its counts follow every filter; the stories follow the dates."""
    store = store_of(request)
    since, until, source = filters["since"], filters["until"], filters["source"]
    pair_param = f"{a}-{b}"
    direction = source if source in (a, b) else None  # a third country acting is no direction of the pair
    pair = {"pair": pair_param, "a": a, "b": b, "period": period,
            "timeline": list(store.pair(a, b, period=period, since=since, until=until, source=direction).rows)}
    stances = store.stance_summary(a, b, since=since, until=until)
    if direction:  # that side's column: the issues it spoke on
        sides = [{**i, "sides": [s for s in i.get("sides", []) if s["actor"] == direction]}
                 for i in stances.get("issues", [])]
        stances = {**stances, "issues": [i for i in sides if i["sides"]]}
    events = filtered_events(request, store, filters, {"pair": pair_param}, PAIR_EVENTS)
    stories = store.stories(pair=(a, b), since=since, until=until, limit=limit, offset=offset, cursor=cursor)
    # the event list goes on at the events page (this page's own offset and cursor page its stories)
    events["next"] = events_url(pair=pair_param, **filters) if events["total"] > PAIR_EVENTS else None
    events["prev"] = None
    data = {"a": a, "b": b, "summary": store.pair_summary(a, b), "pair": pair, "stances": stances,
            "events": events, "stories": listing(request, stories, offset, limit)}
    if wants_json(request):
        return render(request, "pair.html", data)
    shown, rows = chart_rows(store, a, b, period, since, until, pair["timeline"], direction)
    placed_by = "month" if shown == "year" else shown  # a year chart is summed from months
    undated = store.pair_undated(a, b, placed_by)
    ab, ba = f"{a}->{b}", f"{b}->{a}"

    def when(p: str) -> dict[str, str]:
        lo, hi = analysis.period_span(p, shown)
        return {"since": lo, "until": hi} if shown in ("week", "day") else {"since": p, "until": p}

    def draw() -> dict[str, str | None]:
        return {
            "direction_svg": None if direction else charts.stacked(
                rows, counts=lambda r: {f"{a} → {b}": r.get(ab, 0), f"{b} → {a}": r.get(ba, 0)},
                series=[f"{a} → {b}", f"{b} → {a}"], colours={f"{a} → {b}": "#4c78a8", f"{b} → {a}": "#f58518"},
                title=f"Stories per {shown} by who acts", period=shown,
                link=lambda p, s: events_url(pair=pair_param, source=s.split(" ")[0], **when(p))),
            "quad_svg": charts.quad_timeline(
                rows, counts=quad_counts, period=shown, title=f"Events per {shown} by class (each story once)",
                link=lambda p, q: events_url(pair=pair_param, quad=q, source=direction, **when(p))),
            "timeline_svg": charts.timeline(
                rows, counts=type_counts, period=shown, title=f"Events per {shown} by type (each story once)",
                link=lambda p, t: events_url(pair=pair_param, type=t, source=direction, **when(p))),
            "score_svg": charts.score_line(
                rows, score=score_of, period=shown, title=f"PLOVER cooperation–conflict score per {shown}",
                link=lambda p: events_url(pair=pair_param, source=direction, **when(p))),
        }

    dates = {"since": since, "until": until}
    view = {
        # drawing a busy pair's charts costs more than all its queries: drawn once per store version
        **rendered(store, ("pair", a, b, period, since, until, direction), draw),
        **filter_view(request, events, {"pair": pair_param}),
        "shown_period": shown,
        "undated": undated,
        "undated_href": events_url(pair=pair_param, undated=placed_by),
        "matrix": stance_matrix(stances, pair_param, since, until),
        "pair_param": pair_param,
        "direction": direction,
        "directions": [{"label": "both directions", "href": page_with(request, source=None), "on": not direction},
                       *({"label": f"{x} → {y}", "href": page_with(request, source=x), "on": direction == x}
                         for x, y in ((a, b), (b, a)))],
        "chart_downloads": {
            "chart data CSV": f"/api/pairs/{a}/{b}?" + urlencode({k: v for k, v in (
                ("period", period), ("since", since), ("until", until), ("source", direction), ("format", "csv")) if v}),
            "chart data JSON": f"/api/pairs/{a}/{b}?" + urlencode({k: v for k, v in (
                ("period", period), ("since", since), ("until", until), ("source", direction)) if v}),
            "events CSV": export_url("csv", pair=pair_param, since=since, until=until, source=direction)},
        "story_downloads": {
            "stories CSV": "/api/stories?" + urlencode({k: v for k, v in (("pair", pair_param), ("since", since),
                                                                        ("until", until), ("limit", 500),
                                                                        ("format", "csv")) if v}),
            "JSON (this page)": page_json(request)},
        "period": period,
        "range": dates,
    }
    return render(request, "pair.html", data, view)


#: charts drawn, by (store version, what they show); a few hundred pages' worth
_DRAWN: dict[tuple, Any] = {}
MAX_DRAWN = 256


def rendered(store, key: tuple, draw) -> Any:
    """``draw()``, or what it gave for the same key while the store has not changed (its last event
    and ingest batch are the same): charts are a pure function of the stored rows."""
    full = (store.version(), *key)
    if full not in _DRAWN:
        if len(_DRAWN) >= MAX_DRAWN:
            _DRAWN.pop(next(iter(_DRAWN)))
        _DRAWN[full] = draw()
    return _DRAWN[full]


#: a pair chart has at most this many bars; a longer span is charted by a coarser period
MAX_BARS = 120
#: and at least this many, empty periods around the events where no bound is asked for
MIN_BARS = 7


def chart_rows(store, a: str, b: str, period: str, since: str | None, until: str | None,
               rows: list[dict[str, Any]], source: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """The pair's timeline on a continuous axis, and the period it is drawn by.

    The axis runs over the asked range (or the events' own span when none is given or the
    range is absurdly long), every period in it a bar, zero where nothing happened; a span
    of more than ``MAX_BARS`` periods is drawn by the next coarser period (weeks, months, years).
    """
    if not rows:
        return period, []
    lo, hi = analysis.period_bounds(since, until)
    first_day = analysis.period_start(str(rows[0]["period"]), period)
    last_day = analysis.period_start(str(rows[-1]["period"]), period)
    first = dt.date.fromisoformat(lo) if lo else first_day
    last = dt.date.fromisoformat(hi) if hi else last_day
    shown = analysis.axis(period, first, last, MAX_BARS)
    if analysis.count_periods(first, last, shown) > MAX_BARS:  # centuries asked for: the events' span
        first, last = first_day, last_day
        shown = analysis.axis(period, first, last, MAX_BARS)
    short = MIN_BARS - analysis.count_periods(first, last, shown)
    if short > 0:  # a lone bar would fill the chart: show the empty periods around it, not beyond a bound asked for
        before = 0 if lo else short if hi else short // 2
        first, last = analysis.shift(first, shown, -before), analysis.shift(last, shown, 0 if hi else short - before)
    if shown != period:
        coarse = store.pair(a, b, period="month" if shown == "year" else shown, since=since, until=until,
                            source=source)
        rows = list(getattr(coarse, "rows", coarse))
        if shown == "year":
            rows = analysis.by_year(rows)
    return shown, analysis.continuous(rows, shown, first, last)


def type_counts(row: dict[str, Any]) -> dict[str, int]:
    counts = row.get("by_type") or {}
    return {k: int(v or 0) for k, v in counts.items()} if isinstance(counts, dict) else {}


def quad_counts(row: dict[str, Any]) -> dict[str, int]:
    counts = row.get("by_quad") or {}
    return {k: int(v or 0) for k, v in counts.items()} if isinstance(counts, dict) else {}


def score_of(row: dict[str, Any]) -> float | None:
    value = row.get("plover_score")
    return None if value is None else round(float(value), 3)


def stance_matrix(stances: dict[str, Any], pair_param: str, since: str | None = None,
                  until: str | None = None) -> dict[str, Any]:
    """issue × side cells: each lists the side's stances (type counts) and its speakers, linked to events."""
    actors: list[str] = []
    rows = []
    for item in stances.get("issues", []):
        issue = item["issue"]
        cells = {}
        for side in item.get("sides", []):
            actor = side["actor"]
            if actor not in actors:
                actors.append(actor)
            speakers = side.get("speakers") or sorted({n for step in side.get("sequence", [])
                                                       for n in step.get("speakers", [])})
            cells[actor] = {
                "stances": [{"type": t, "stance": STANCE.get(t, t.lower()), "count": n,
                             "href": events_url(pair=pair_param, actor=actor, issue=issue, type=t,
                                               since=since, until=until)}
                            for t, n in sorted(side.get("summary", {}).items(), key=lambda kv: (-kv[1], kv[0]))],
                "speakers": speakers,
                "last": side.get("last") or (side.get("sequence") or [{}])[-1].get("date"),
            }
        rows.append({"issue": issue, "cells": cells})
    return {"actors": actors, "rows": rows}


# --------------------------------------------------------------------------- story

#: a story page lists at most this many of its records (a story is told by a few dozen articles at most)
STORY_EVENTS = 100


@router.get("/story/{story_id}")
def story_page(request: Request, story_id: str = Path(max_length=200),
               filters: dict[str, Any] = Depends(filters_taken())) -> Response:
    """A story: every article that reported it, its sentence highlighted in its paragraph; the
    filters narrow the articles shown (by outlet, who acts, ...), with counts beside them."""
    store = store_of(request)
    story = store.story(story_id)
    # the story's records carry the actors with names, roles and the place
    events = filtered_events(request, store, filters, {"story": story_id}, STORY_EVENTS)
    data = {"story": story, "events": events}
    if wants_json(request):
        return render(request, "story.html", data)
    records = events["rows"]
    shown = {e["event_id"] for e in records}
    mentions = []
    for m in story.get("mentions", []):
        if m["event_id"] not in shown:
            continue
        para, base = m.get("paragraph") or "", m.get("paragraph_start") or 0
        start, end = m.get("start"), m.get("end")
        rel = (start - base, end - base) if isinstance(start, int) and isinstance(end, int) else (None, None)
        mentions.append({**m, "segments": in_paragraph(para, m.get("sentence"), *rel)})
    lead = max(records, key=lambda e: (len(e.get("evidence") or []), e.get("confidence", 0)), default=None)
    view = {"mentions": mentions, "lead": lead, **filter_view(request, events, {"story": story_id}),
            "outlets": sorted({m.get("outlet") or "unknown outlet" for m in story.get("mentions", [])})}
    return render(request, "story.html", data, view)


# --------------------------------------------------------------------------- event

@router.get("/event/{event_id}")
def event_page(request: Request, event_id: str = Path(max_length=200)) -> Response:
    event = store_of(request).event(event_id)
    return render(request, "event.html", {"event": event})


# ------------------------------------------------------------------------- article

@router.get("/article/{article_id:path}")
def article_page(request: Request, article_id: str) -> Response:
    article = store_of(request).article(article_id)
    data = {"article": article}
    if wants_json(request):
        return render(request, "article.html", data)
    spans = [(e["start"], e["end"]) for ev in article.get("events", []) for e in ev.get("evidence", [])
             if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]
    return render(request, "article.html", data, {"paragraphs": marked_paragraphs(article.get("text") or "", spans)})


# -------------------------------------------------------------------------- actors

@router.get("/actors")
def actors_page(request: Request, q: str | None = Query(None, max_length=200),
                offset: int = Query(0, ge=0, le=MAX_OFFSET), limit: int = Limit) -> Response:
    result = store_of(request).actors(q=q, limit=limit, offset=offset)
    csv = "/api/actors?" + urlencode({k: v for k, v in (("q", q), ("limit", limit), ("offset", offset),
                                                        ("format", "csv")) if v})
    return render(request, "actors.html", {"q": q, **listing(request, result, offset, limit)},
                  {"download_links": {"CSV (this page)": csv, "JSON (this page)": page_json(request)}})


@router.get("/actor/{key:path}")
def actor_page(request: Request, key: str = Path(max_length=200),
               filters: dict[str, Any] = Depends(filters_taken("actor")),
               offset: int = Query(0, ge=0, le=MAX_OFFSET), limit: int = Limit,
               cursor: str | None = Query(None, max_length=400, pattern=CURSOR)) -> Response:
    """An actor: who they are, what they do and to whom, and their events, filtered in the page."""
    store = store_of(request)
    actor = store.actor(key)
    data = {"actor": actor, "events": filtered_events(request, store, filters, {"actor": key}, limit, offset, cursor)}
    if wants_json(request):
        return render(request, "actor.html", data)
    rows = actor_timeline(actor.get("months") or [])
    by = "year" if rows and len(str(rows[0]["period"])) == 4 else "month"
    view = {"timeline_svg": charts.totals(rows, title=f"Events per {by}", period=by,
                                          link=lambda p: page_with(request, since=p, until=p) + "#events")
            if rows else None,
            **filter_view(request, data["events"], {"actor": key}),
            "main": heading_of(key, actor.get("names") or [])}
    return render(request, "actor.html", data, view)


def is_code(key: str) -> bool:
    """A country or IGO code ('CHN', 'IGO:UN'), as the store's actor() reads a key."""
    key = key.strip()
    return key.upper() == key and (len(key) == 3 or key.startswith("IGO:"))


@functools.lru_cache(maxsize=1)
def code_names() -> dict[str, str]:
    """'CHN' -> 'China', 'IGO:UN' -> 'United Nations': the first name bilat's tables give each code."""
    from ..tables import read_table

    names = {r["code"]: r["aliases"].split("|")[0] for r in read_table("countries.tsv") if r.get("aliases")}
    names.update({"IGO:" + r["code"]: r["names"].split("|")[0] for r in read_table("igos.tsv") if r.get("names")})
    return names


def heading_of(key: str, names: list[dict[str, Any]]) -> dict[str, Any]:
    """What an actor page is headed by. A code's page is the state's or organisation's own, never the
    name of a person who acts for it, however often they do; a name's page, its most frequent form."""
    if is_code(key):
        code = key.strip()
        return {"name": code_names().get(code), "country": code, "kind": "igo" if code.startswith("IGO:") else "state",
                "role": None}
    return next((n for n in names if n.get("name")), names[0] if names else {})


#: the actor chart shows at most this many periods (months, or years for long spans)
MAX_BUCKETS = 24


def actor_timeline(months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per period for one actor, from the store's monthly counts: every month when they
    span up to ``MAX_BUCKETS`` months, else the most recent ``MAX_BUCKETS`` years; empty periods as zero."""
    if not months:
        return []
    first, last = months[0]["period"], months[-1]["period"]
    y0, m0, y1, m1 = int(first[:4]), int(first[5:7]), int(last[:4]), int(last[5:7])
    n = (y1 - y0) * 12 + (m1 - m0) + 1
    if n <= MAX_BUCKETS:
        periods = [f"{y0 + (m0 - 1 + i) // 12:04d}-{(m0 - 1 + i) % 12 + 1:02d}" for i in range(n)]
        key = 7
    else:
        periods = [f"{y:04d}" for y in range(max(y0, y1 - MAX_BUCKETS + 1), y1 + 1)]
        key = 4
    totals = dict.fromkeys(periods, 0)
    for r in months:
        if r["period"][:key] in totals:
            totals[r["period"][:key]] += r["total"]
    return [{"period": p, "total": t} for p, t in totals.items()]
