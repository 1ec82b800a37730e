"""Dashboard pages. Each URL serves HTML, or JSON with ``.json`` or ``Accept: application/json``.

A page handler gathers ``data`` from store methods (what the JSON form returns)
and, for HTML only, derives the ``view`` (charts, highlighted paragraphs). Lists
are paginated and aggregates come from the store, so a page costs a few indexed
queries whatever the store's size.
"""
from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ..api import CODE, DATE, MAX_OFFSET, PAIR, paged, split_pair
from ..model import EventType
from . import charts
from .app import require_read, templates, wants_json
from .evidence import in_paragraph, marked_paragraphs

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
PAGE = 25

#: stance columns of the issue × actor matrix: what each event type means as a stance
STANCE = {"REQUEST": "demands", "ACCUSE": "objects", "REJECT": "rejects", "THREATEN": "threatens",
          "CONCEDE": "concedes", "AGREE": "agrees", "SUPPORT": "supports", "SANCTION": "sanctions",
          "RETREAT": "retreats", "COOPERATE": "cooperates", "AID": "aids", "CONSULT": "consults"}


def render(request: Request, template: str, data: dict[str, Any], view: dict[str, Any] | None = None,
           status: int = 200) -> Response:
    if wants_json(request):
        return JSONResponse(data, status_code=status)
    return templates.TemplateResponse(request, template, {"data": data, **(view or {})}, status_code=status)


def events_url(**params: Any) -> str:
    return "/events?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


def period_bounds(period: str) -> tuple[str, str]:
    """'2023-11' -> ('2023-11', '2023-11'): since/until are inclusive prefixes in the store."""
    return period, period


def store_of(request: Request):
    return request.app.state.store


# ---------------------------------------------------------------------------- home

@router.get("/")
def home(request: Request) -> Response:
    store = store_of(request)
    data = {
        "stats": store.stats(),
        "top_pairs": list(store.top_pairs(limit=12)),
        "latest_stories": list(getattr(store.stories(limit=15, offset=0), "rows", [])),
    }
    return render(request, "home.html", data)


# -------------------------------------------------------------------------- events

@router.get("/events")
def events_page(request: Request,
                pair: str | None = Query(None, pattern=PAIR),
                actor: str | None = Query(None, max_length=200),
                type: EventType | None = Query(None),
                issue: str | None = Query(None, max_length=100, pattern=r"^[a-z0-9-]+$"),
                since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
                q: str | None = Query(None, max_length=200),
                offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Response:
    store = store_of(request)
    filters = {"pair": pair, "actor": actor, "type": type.value if type else None, "issue": issue,
               "since": since, "until": until, "q": q}
    result = store.events(**{**filters, "pair": split_pair(pair)}, limit=PAGE, offset=offset)
    data = {"filters": filters, **paged(request, result, PAGE, offset)}
    prev = str(request.url.include_query_params(offset=max(0, offset - PAGE))) if offset else None
    return render(request, "events.html", data, {"prev": prev, "active": {k: v for k, v in filters.items() if v}})


# ---------------------------------------------------------------------------- pair

@router.get("/pair/{a}/{b}")
def pair_page(request: Request, a: str = Path(pattern=CODE), b: str = Path(pattern=CODE),
              period: Literal["day", "week", "month"] = Query("month"),
              since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
              offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Response:
    store = store_of(request)
    pair = store.pair(a, b, period=period, since=since, until=until)
    stances = store.stances(a, b)
    stories = store.stories(pair=(a, b), since=since, until=until, limit=PAGE, offset=offset)
    data = {"a": a, "b": b, "pair": pair, "stances": stances, "stories": paged(request, stories, PAGE, offset)}
    if wants_json(request):
        return render(request, "pair.html", data)
    rows = timeline_rows(pair)
    pair_param = f"{a}-{b}"
    view = {
        "timeline_svg": charts.timeline(
            rows, counts=type_counts,
            link=lambda p, t: events_url(pair=pair_param, type=t, since=p, until=p)),
        "score_svg": charts.score_line(
            rows, score=score_of, link=lambda p: events_url(pair=pair_param, since=p, until=p)),
        "matrix": stance_matrix(stances, pair_param),
        "pair_param": pair_param,
    }
    return render(request, "pair.html", data, view)


def timeline_rows(pair: dict[str, Any]) -> list[dict[str, Any]]:
    return list(pair.get("timeline") or pair.get("rows") or pair.get("periods") or [])


def type_counts(row: dict[str, Any]) -> dict[str, int]:
    counts = row.get("by_type") or row.get("types") or row.get("counts") or {}
    if isinstance(counts, dict):
        return {k: int(v or 0) for k, v in counts.items()}
    return {}


def score_of(row: dict[str, Any]) -> float | None:
    for key in ("score", "plover_score", "coop_conflict", "cooperation_conflict"):
        if row.get(key) is not None:
            return round(float(row[key]), 3)
    return None


def stance_matrix(stances: Any, pair_param: str) -> dict[str, Any]:
    """issue × actor cells: each cell lists stances with counts, linked to their events."""
    rows = stances.get("rows", stances) if isinstance(stances, dict) else stances
    issues: list[str] = []
    actors: list[str] = []
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows or []:
        issue, actor, etype, n = r.get("issue"), r.get("actor"), r.get("type"), int(r.get("count") or r.get("n") or 0)
        if not issue or not actor:
            continue
        if issue not in issues:
            issues.append(issue)
        if actor not in actors:
            actors.append(actor)
        cells.setdefault((issue, actor), []).append({
            "type": etype, "stance": STANCE.get(etype, (etype or "").lower()), "count": n,
            "href": events_url(pair=pair_param, actor=actor, issue=issue, type=etype)})
    return {"issues": issues, "actors": actors, "cells": {f"{i}|{a}": v for (i, a), v in cells.items()}}


# --------------------------------------------------------------------------- story

@router.get("/story/{story_id}")
def story_page(request: Request, story_id: str = Path(max_length=200)) -> Response:
    story = store_of(request).story(story_id)
    data = {"story": story}
    if wants_json(request):
        return render(request, "story.html", data)
    mentions = []
    for m in story.get("mentions", []):
        ev = m.get("evidence") or {}
        if isinstance(ev, list):
            ev = ev[0] if ev else {}
        sentence = m.get("sentence") or ev.get("sentence")
        start = m.get("start", ev.get("start"))
        end = m.get("end", ev.get("end"))
        mentions.append({**m, "sentence": sentence,
                         "segments": in_paragraph(m.get("text") or m.get("article_text") or "", sentence, start, end)})
    return render(request, "story.html", data, {"mentions": mentions})


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
                offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Response:
    result = store_of(request).actors(q=q, limit=PAGE, offset=offset)
    return render(request, "actors.html", {"q": q, **paged(request, result, PAGE, offset)})


@router.get("/actor/{key}")
def actor_page(request: Request, key: str = Path(max_length=200), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> Response:
    store = store_of(request)
    actor = store.actor(key)
    events = store.events(actor=key, limit=PAGE, offset=offset)
    data = {"actor": actor, "events": paged(request, events, PAGE, offset)}
    if wants_json(request):
        return render(request, "actor.html", data)
    rows = timeline_rows(actor)
    view = {"timeline_svg": charts.timeline(rows, counts=type_counts,
                                            link=lambda p, t: events_url(actor=key, type=t, since=p, until=p))
            if rows else None}
    return render(request, "actor.html", data, view)
