"""The REST API under ``/api``: thin routes over ``Store`` methods.

Each route validates its input (FastAPI does it from the signature, so a bad value
gets B503 naming the field), calls one store method and returns what it gives.
Lists are paginated: ``{"total", "limit", "offset", "next", "rows"}``. Errors all
have the shape of :func:`bilat.web.app.error_body`. The schema is served at
``/api/openapi.json``.
"""
from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from . import analysis
from .auth import require_read, require_write
from .errors import ApiError, InputError
from .ingest import article_from_dict, published_date
from .model import Article, EventType, Failure

#: ISO 3166-1 alpha-3, or IGO:<ACRONYM> (spec §2).
CODE = r"^([A-Z]{3}|IGO:[A-Z0-9]{2,12})$"
#: YYYY, YYYY-MM or YYYY-MM-DD.
DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
PAIR = r"^([A-Z]{3}|IGO:[A-Z0-9]{2,12})[-,]([A-Z]{3}|IGO:[A-Z0-9]{2,12})$"
#: the four quad classes, as a query parameter takes them
QuadClass = Literal["verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"]
MAX_LIMIT = 500
#: Any offset a page can have: a store reads at most its own rows, so a deep offset costs no more
#: than the last page; the bound only keeps the number a JSON-safe integer that every database takes.
MAX_OFFSET = 2 ** 53 - 1
MAX_ARTICLES_PER_POST = 1000
MAX_ID_CHARS = 512
#: Publication dates the reader keeps (a subset: it also takes Feb 29 of leap years and years before 1000).
PUBLISHED = (r"^$|^(18|19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2]))?$"
             r"|^[1-9][0-9]{3}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
             r"([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$")
NO_NUL = r"^[^\x00]*$"
ISSUE = r"^[a-z0-9-]+$"
CURSOR = r"^[A-Za-z0-9_-]+$"
ARTICLE_ID = r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$"
#: what each pattern means, for error messages (a regular expression is no help to a reader)
PATTERN_HELP = {
    CODE: "a country code (ISO 3166-1 alpha-3, e.g. CHN) or IGO:<ACRONYM> (e.g. IGO:UN)",
    DATE: "a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-08)",
    PAIR: "two country codes joined by '-', e.g. CHN-JPN",
    PUBLISHED: "a publication date as YYYY-MM-DD (a timestamp is cut to its day), YYYY-MM or YYYY",
    NO_NUL: "text without NUL characters",
    ARTICLE_ID: "an id with a visible character and no control characters",
    ISSUE: "an issue slug of lowercase letters, digits and '-', e.g. seafood-import-ban",
    CURSOR: "a cursor as a page's next or prev link gives it (letters, digits, '-' and '_')",
}


class ErrorBody(BaseModel):
    """The one error shape, for every 4xx and 5xx."""

    ok: Literal[False] = False
    status: int = Field(examples=[404])
    code: str = Field(examples=["B403"], description="catalogue code, see bilat.errors")
    message: str = Field(examples=["[B403] story 'x' not found"])
    field: str | None = Field(default=None, description="the input field at fault, when there is one")


class Page(BaseModel):
    total: int = Field(description="rows matching; a lower bound when total_capped is true")
    total_capped: bool = Field(default=False, description="true when counting stopped early: 'at least total'")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page (with an opaque cursor), or null on the last one")
    prev: str | None = Field(default=None, description="URL of the previous page, or null on the first one")
    rows: list[dict[str, Any]]


class ArticleIn(BaseModel):
    """One input article (spec §1)."""

    model_config = ConfigDict(extra="ignore")
    # Documentation of what the reader (ingest.article_from_dict) accepts; the reader checks.
    id: Annotated[str, Field(max_length=MAX_ID_CHARS, pattern=ARTICLE_ID)] | int = \
        Field(description="caller's identifier; events carry it back as article_id")
    text: str = Field(description="body text as scraped, plain or HTML (markup is read as a page); "
                                   "an empty or binary text is refused in 'failures'")
    published: str | None = Field(default=None, pattern=PUBLISHED,
                                  description="publication date: YYYY-MM-DD (a timestamp is cut to its day), "
                                              "or YYYY-MM / YYYY when only that is known")
    url: str | None = Field(default=None, pattern=NO_NUL)
    title: str | None = Field(default=None, pattern=NO_NUL)
    outlet: str | None = Field(default=None, pattern=NO_NUL)
    language: str | None = Field(default=None, pattern=NO_NUL)


class IngestResult(BaseModel):
    ok: bool
    articles: int = Field(description="articles received")
    ingested: int = Field(description="articles stored with their events")
    events: int
    failures: list[dict[str, Any]] = Field(description="per-article failures: origin, code, message")


_ERR = {"model": ErrorBody}
ERRORS = {400: _ERR, 401: _ERR, 403: _ERR, 404: _ERR, 405: _ERR, 413: _ERR, 415: _ERR, 422: _ERR, 500: _ERR, 503: _ERR}

def _query_names(dependant) -> set[str]:
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_params(request: Request) -> None:
    """Refuse a query parameter the route does not take (B511, 400), naming it and the valid
    ones: a misspelt filter (``?sinse=2024``) must not silently return everything."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    if dependant is None:
        return
    valid = _query_names(dependant)
    for name in request.query_params:
        if name not in valid:
            raise ApiError("B511", name=name, path=request.url.path, field=name,
                           valid=", ".join(sorted(valid)) if valid else "none (this URL takes no query)")


router = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(require_read), Depends(known_params)])

Limit = Query(50, ge=1, le=MAX_LIMIT, description="rows per page")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="rows to skip (a deep offset walks an index; follow next/prev "
                                                  "cursors instead)")
Cursor = Query(None, max_length=400, pattern=CURSOR,
               description="opaque cursor from a page's next or prev link (404 B512 if it names no page)")
Since = Query(None, pattern=DATE, description="first date, YYYY[-MM[-DD]]", examples=["2023-01"])
Until = Query(None, pattern=DATE, description="last date, YYYY[-MM[-DD]]", examples=["2023-12-31"])


def store_of(request: Request):
    return request.app.state.store


def paged(request: Request, result: Any, limit: int, offset: int) -> dict[str, Any]:
    """Normalise what a store list method returns (``.rows``/``.total``) into a Page.

    A list paged by cursor (the store's ``next_cursor``/``prev_cursor``) links its neighbours by
    cursor, as fast at any depth; other lists by offset."""
    rows = list(getattr(result, "rows", result))
    total = getattr(result, "total", None)
    if total is None:
        total = offset + len(rows)
    capped = bool(getattr(result, "total_capped", False))
    cursor = request.query_params.get("cursor")
    nc, pc = getattr(result, "next_cursor", None), getattr(result, "prev_cursor", None)
    if cursor:
        nxt = page_url(request, limit=limit, cursor=nc) if nc else None
        prev = page_url(request, limit=limit, cursor=pc) if pc else None
    else:  # reached by offset: back by offset, onwards by cursor where the list has them
        nxt = page_url(request, limit=limit, cursor=nc) if nc else \
            page_url(request, offset + limit, limit) if offset + len(rows) < total else None
        prev = page_url(request, max(0, offset - limit), limit) if offset else None
    return {"total": total, "total_capped": capped, "limit": limit, "offset": offset, "cursor": cursor,
            "next": nxt, "prev": prev, "rows": rows}


def page_url(request: Request, offset: int | None = None, limit: int = 50, cursor: str | None = None) -> str:
    """This list at another offset or cursor, as a path and query only: the Host header is the
    client's to choose and is never copied into links."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "limit", "cursor")]
    # a page asked for as JSON (/pair/CHN/JPN.json) links to its next page as JSON too
    path = request.url.path + (".json" if request.scope.get("bilat_format") == "json" else "")
    where = [("cursor", cursor)] if cursor else [("offset", offset)] if offset is not None else []
    return path + "?" + urlencode(params + where + [("limit", limit)])


Format = Query("json", description="json, or csv for the rows as a download")
#: a route that answers JSON, or CSV with format=csv
CSV_TOO = {200: {"content": {"application/json": {}, "text/csv": {"schema": {"type": "string"}}},
                 "description": "JSON, or CSV with format=csv"}}


def as_csv(rows: list[dict[str, Any]], columns: list[str], name: str):
    """Rows as a CSV download (what the page shows, in a spreadsheet)."""
    from fastapi.responses import Response

    from .exports import rows_csv

    return Response(rows_csv(rows, columns), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{re.sub(r"[^A-Za-z0-9_.-]+", "_", name)}.csv"'})


def split_pair(pair: str | None) -> tuple[str, str] | None:
    if not pair:
        return None
    a, _, b = pair.replace(",", "-").partition("-")
    return a, b


# ------------------------------------------------------------------------- events

@router.get("/events", response_model=Page, tags=["events"])
def list_events(request: Request,
                pair: str | None = Query(None, pattern=PAIR, description="two country codes", examples=["CHN-JPN"]),
                actor: str | None = Query(None, max_length=200, description="actor name or country code"),
                type: EventType | None = Query(None, description="PLOVER event type"),
                issue: str | None = Query(None, max_length=100, pattern=ISSUE, examples=["taiwan"]),
                since: str | None = Since, until: str | None = Until,
                outlet: str | None = Query(None, max_length=200, description="the outlet that published the article"),
                q: str | None = Query(None, max_length=200, description='words and "quoted phrases" that must all '
                                      "occur in the evidence, or in the article's title or text",
                                      examples=['"senkaku islands"']),
                limit: int = Limit, offset: int = Offset, cursor: str | None = Cursor) -> dict[str, Any]:
    """Events, newest first, with their evidence; all filters combine."""
    result = store_of(request).events(pair=split_pair(pair), actor=actor, type=type.value if type else None,
                                      issue=issue, since=since, until=until, q=q, outlet=outlet, limit=limit,
                                      offset=offset, cursor=cursor)
    return paged(request, result, limit, offset)


@router.get("/export", tags=["events"], response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
                             "description": "the export, streamed"}})
def export_events(request: Request,
                  format: Literal["csv", "jsonl", "plover", "gdelt", "icews"] = Query(
                      "csv", description="csv (one row per event), jsonl (bilat's records), plover (PLOVER JSON "
                                         "lines), gdelt or icews (their column names, one row per dyad)"),
                  pair: str | None = Query(None, pattern=PAIR, examples=["CHN-JPN"]),
                  actor: str | None = Query(None, max_length=200),
                  type: EventType | None = Query(None), issue: str | None = Query(None, max_length=100, pattern=ISSUE),
                  since: str | None = Since, until: str | None = Until,
                  outlet: str | None = Query(None, max_length=200),
                  q: str | None = Query(None, max_length=200),
                  quad: QuadClass | None = Query(None, description="a quad class: its four types (with type too, "
                                                                   "that type if it is of the class)"),
                  source: str | None = Query(None, pattern=CODE, description="who acts: a country one of whose "
                                                                            "actors is the source (with a pair, "
                                                                            "one direction)"),
                  min_outlets: int | None = Query(None, ge=1, le=1000, description="only events of stories at "
                                                                                  "least this many outlets reported"),
                  story: str | None = Query(None, max_length=200, description="one story's records"),
                  undated: Literal["day", "week", "month"] | None = Query(
                      None, description="only the events whose date places them in no such period")
                  ) -> StreamingResponse:
    """Every event matching the filters (those of the dashboard's pages), streamed as a download."""
    from .exports import TEXT_FORMATS, stream

    etype = type.value if type else None
    types = analysis.types_of(quad, etype)
    filters = dict(pair=split_pair(pair), actor=actor, type=",".join(types) if types else None, issue=issue,
                   since=since, until=until, q=q, outlet=outlet, source=source, min_outlets=min_outlets, story=story,
                   undated=undated)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", "bilat-events" + "".join(
        f"-{v}" for v in (pair, actor, etype, quad, issue, source and f"by-{source}", since, until, story) if v))
    ext = "csv" if format in ("csv", "gdelt", "icews") else "jsonl"
    # a type outside the quad class asked for matches nothing: the export is its header alone
    body = stream(store_of(request), format, **filters) if types != [] else stream_nothing(format)
    return StreamingResponse(body, media_type=TEXT_FORMATS[format],
                             headers={"Content-Disposition": f'attachment; filename="{name[:120]}.{ext}"'})


def stream_nothing(fmt: str):
    """An export of no events: the CSV formats' header, nothing for the JSON lines formats."""
    import csv
    import io

    from .exports import columns

    if columns(fmt):
        buf = io.StringIO()
        csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerow(columns(fmt))
        yield buf.getvalue()


@router.get("/events/{event_id}", tags=["events"])
def get_event(request: Request, event_id: str = Path(max_length=200)) -> dict[str, Any]:
    """One event record (spec §2) with its evidence."""
    return store_of(request).event(event_id)


# ------------------------------------------------------------------------ stories

@router.get("/stories", response_model=Page, tags=["stories"], responses=CSV_TOO)
def list_stories(request: Request,
                 pair: str | None = Query(None, pattern=PAIR, examples=["CHN-JPN"]),
                 type: EventType | None = Query(None),
                 since: str | None = Since, until: str | None = Until,
                 limit: int = Limit, offset: int = Offset, cursor: str | None = Cursor,
                 format: Literal["json", "csv"] = Format) -> Any:
    """Stories (one real-world event reported by one or more articles), latest first."""
    result = store_of(request).stories(pair=split_pair(pair), type=type.value if type else None,
                                       since=since, until=until, limit=limit, offset=offset, cursor=cursor)
    if format == "csv":
        return as_csv(result.rows, STORY_COLUMNS, f"bilat-stories-{pair or 'all'}")
    return paged(request, result, limit, offset)


STORY_COLUMNS = ["story_id", "type", "date", "source_countries", "target_countries", "issues", "n_events",
                 "n_articles", "n_sources", "plover", "goldstein", "evidence"]


@router.get("/stories/{story_id}", tags=["stories"])
def get_story(request: Request, story_id: str = Path(max_length=200)) -> dict[str, Any]:
    """One story with every mention: article, outlet, URL, evidence sentence and offsets."""
    return store_of(request).story(story_id)


# ----------------------------------------------------------------------- articles

@router.get("/articles", response_model=Page, tags=["articles"])
def list_articles(request: Request, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Stored articles, newest first, without their text."""
    return paged(request, store_of(request).articles(limit=limit, offset=offset), limit, offset)


@router.get("/articles/{article_id:path}", tags=["articles"])
def get_article(request: Request, article_id: str = Path(max_length=512)) -> dict[str, Any]:
    """One article with its text and its events."""
    return store_of(request).article(article_id)


_ARTICLE_SCHEMA = ArticleIn.model_json_schema()
_BODY_SCHEMA = {
    "oneOf": [
        _ARTICLE_SCHEMA,
        {"type": "array", "items": _ARTICLE_SCHEMA, "minItems": 1, "maxItems": MAX_ARTICLES_PER_POST},
    ]
}


@router.post("/articles", status_code=201, response_model=IngestResult, tags=["articles"],
             dependencies=[Depends(require_write)],
             openapi_extra={"requestBody": {"required": True,
                                            "content": {"application/json": {"schema": _BODY_SCHEMA}}},
                            "security": [{"bearer": []}]})
async def post_articles(request: Request) -> dict[str, Any]:
    """Extract events from articles (one object or a list, spec §1) and store them.

    Needs ``Authorization: Bearer <api_token>``. A bad article does not stop the
    batch: it is reported in ``failures`` and the others are stored.
    """
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json" and not ctype.endswith("+json"):
        raise ApiError("B508", ctype=ctype or "none")
    raw = await request.body()
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ApiError("B507", detail="nested too deeply; an article is a flat object of strings") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError("B507", detail=str(exc)[:120]) from None
    single = isinstance(data, dict)
    items = [data] if single else data
    if not isinstance(items, list) or not items:
        raise ApiError("B503", field="body", detail="expected an article object or a non-empty list of them")
    if len(items) > MAX_ARTICLES_PER_POST:
        raise ApiError("B503", field="body", detail=f"{len(items)} articles; send at most {MAX_ARTICLES_PER_POST} per request")
    store, settings = store_of(request), request.app.state.settings
    # the reader's checks, as for every input (ingest.article_from_dict); it runs in a thread,
    # since markup is converted to text there
    articles = await run_in_threadpool(_read_articles, items, single, settings)
    return await run_in_threadpool(_ingest, store, articles, settings)


#: Reader codes that mean the request itself is malformed (422); the others refuse one article.
_SHAPE_CODES = frozenset({"B105", "B106", "B107"})


def _read_articles(items: list[Any], single: bool, settings) -> list[Article | Failure]:
    """Articles from the request body through the reader, or failures for articles it refuses;
    a malformed field refuses the whole request (B503 naming it)."""
    out: list[Article | Failure] = []
    for i, obj in enumerate(items):
        where = "" if single else f"[{i}]"
        raw_id = obj.get("id") if isinstance(obj, dict) else None
        shown = f" id {str(raw_id)[:80]!r}" if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
        origin = f"POST /api/articles [{i}]{shown}"
        published = obj.get("published") if isinstance(obj, dict) else None
        if published not in (None, "") and (not isinstance(published, str) or published_date(published) is None):
            # checked first: an API client is told of a date the reader cannot use, even on an empty article
            exc = InputError("B108", origin=origin, value=published)
            raise ApiError("B503", field=f"{where}.published" if where else "published", detail=exc.message)
        try:
            article, warnings = article_from_dict(obj, origin, settings)
        except InputError as exc:
            if exc.code in _SHAPE_CODES:
                name = exc.values.get("field")
                field = (f"{where}.{name}" if where else name) if name else (where or "body")
                raise ApiError("B503", field=field, detail=exc.message) from None
            out.append(Failure(origin, exc.code, exc.message))
            continue
        for w in warnings:  # a date the reader cannot use: an API client is told, not guessed for
            raise ApiError("B503", field=f"{where}.published" if where else "published", detail=w.message)
        out.append(article)
    return out


def _ingest(store, items: list[Article | Failure], settings) -> dict[str, Any]:
    from .pipeline import process

    articles = [a for a in items if isinstance(a, Article)]
    # one process: a request never forks a worker pool
    results = list(process(articles, settings=settings, workers=1))
    store.ingest(results)
    failures = [f.as_dict() for f in items if isinstance(f, Failure)]
    failures += [r.failure.as_dict() for r in results if r.failure is not None]
    failures.sort(key=lambda f: _index(f["origin"]))
    return {"ok": not failures, "articles": len(items), "ingested": len(items) - len(failures),
            "events": sum(len(r.events) for r in results), "failures": failures}


def _index(origin: str) -> int:
    """The request position in 'POST /api/articles [3] ...'."""
    try:
        return int(origin.split("[", 1)[1].split("]", 1)[0])
    except (IndexError, ValueError):
        return 0


# ------------------------------------------------------------------ actors, pairs

@router.get("/actors", response_model=Page, tags=["actors"], responses=CSV_TOO)
def list_actors(request: Request, q: str | None = Query(None, max_length=200, description="part of a name or a code"),
                limit: int = Limit, offset: int = Offset, format: Literal["json", "csv"] = Format) -> Any:
    """Actors (people, states, organisations) by number of events."""
    result = store_of(request).actors(q=q, limit=limit, offset=offset)
    if format == "csv":
        return as_csv(result.rows, ["actor_key", "name", "country", "kind", "role", "n_events"], "bilat-actors")
    return paged(request, result, limit, offset)


@router.get("/actors/{key:path}", tags=["actors"])
def get_actor(request: Request, key: str = Path(max_length=200, description="a person's name or a country code")) -> dict[str, Any]:
    """One actor and its activity."""
    return store_of(request).actor(key)


@router.get("/pairs", tags=["pairs"], responses=CSV_TOO)
def list_pairs(request: Request, limit: int = Query(20, ge=1, le=200),
               by: Literal["events", "conflict", "change"] = Query("events", description="how pairs are ranked"),
               format: Literal["json", "csv"] = Format) -> Any:
    """Country pairs ranked by activity, by share of conflict or by change over the last month."""
    rows = store_of(request).pairs(by=by, limit=limit).rows
    if format == "csv":
        return as_csv(rows, list(rows[0]) if rows else ["pair"], f"bilat-pairs-by-{by}")
    return {"rows": rows}


@router.get("/pairs/{a}/{b}", tags=["pairs"], responses=CSV_TOO)
def get_pair(request: Request, a: str = Path(pattern=CODE), b: str = Path(pattern=CODE),
             period: Literal["day", "week", "month"] = Query("month"),
             since: str | None = Since, until: str | None = Until,
             source: str | None = Query(None, pattern=CODE, description="one direction: what this side of the pair "
                                                                        "did (A or B)"),
             format: Literal["json", "csv"] = Format) -> Any:
    """The pair's timeline: per period, counts by type and quad class, cooperation–conflict score."""
    if source and source not in (a, b):
        raise ApiError("B513", value=source, a=a, b=b, field="source")
    out = pair_timeline(store_of(request), a, b, period, since, until, source)
    if format == "csv":
        from .analysis import QUAD_NUMBER, TYPES

        rows = [{**{k: v for k, v in r.items() if not isinstance(v, dict)},
                 **{t: (r.get("by_type") or {}).get(t, 0) for t in TYPES},
                 **{q: (r.get("by_quad") or {}).get(q, 0) for q in QUAD_NUMBER}} for r in out["timeline"]]
        cols = list(dict.fromkeys(k for r in rows for k in r)) or ["period"]
        return as_csv(rows, cols, f"bilat-{a}-{b}-by-{period}")
    return out


def pair_timeline(store, a: str, b: str, period: str = "month", since: str | None = None,
                  until: str | None = None, source: str | None = None) -> dict[str, Any]:
    rows = store.pair(a, b, period=period, since=since, until=until, source=source)
    return {"pair": f"{a}-{b}", "a": a, "b": b, "period": period, "timeline": list(getattr(rows, "rows", rows)),
            **({"source": source} if source else {})}


@router.get("/pairs/{a}/{b}/stances", tags=["pairs"])
def get_stances(request: Request, a: str = Path(pattern=CODE), b: str = Path(pattern=CODE),
                issue: str | None = Query(None, max_length=100, pattern=ISSUE),
                since: str | None = Since, until: str | None = Until) -> dict[str, Any]:
    """Who demands, objects, concedes or agrees on which issue, between the two (within since/until).

    Without ``issue``: per issue and side, stories by type, the speakers and the last date (from
    the roll-ups, small and fast however busy the pair). With ``issue``: that issue's full
    sequence of steps too, each with its events and evidence."""
    store = store_of(request)
    if issue is None:
        return store.stance_summary(a, b, since=since, until=until)
    return store.stances(a, b, issue=issue, since=since, until=until)


@router.get("/issues", tags=["issues"], responses=CSV_TOO)
def list_issues(request: Request, format: Literal["json", "csv"] = Format) -> Any:
    """Every issue with its number of events, first and last day, and the pairs it is most argued between."""
    rows = store_of(request).issues()
    if format == "csv":
        return as_csv(rows, ["issue", "n_events", "first_day", "last_day", "pairs"], "bilat-issues")
    return {"rows": rows}


@router.get("/stats", tags=["store"])
def get_stats(request: Request) -> dict[str, Any]:
    """Counts of articles, events, stories and actors in the store."""
    stats = dict(store_of(request).stats())
    stats.pop("url", None)  # where the store lives is the operator's business
    return stats
