"""Index pages: country pairs ranked, issues with their timelines, the PLOVER codebook and the
API reference. Each URL serves HTML, or JSON with ``.json``, like the other pages."""
from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from .. import analysis, glossary
from ..api import ISSUE, MAX_OFFSET, known_params
from ..errors import NotFoundError
from ..model import EventType
from . import charts
from .app import require_read
from .pages import Limit, events_url, listing, page_json, render, store_of, wants_json

router = APIRouter(dependencies=[Depends(require_read), Depends(known_params)], include_in_schema=False)

RANKINGS = {"events": "most events", "conflict": "largest share of conflict (10 events or more)",
            "change": "biggest change in stories, last month with events against the month before"}


@router.get("/pairs")
def pairs_page(request: Request, by: Literal["events", "conflict", "change"] = Query("events"),
               offset: int = Query(0, ge=0, le=MAX_OFFSET), limit: int = Limit) -> Response:
    result = store_of(request).pairs(by=by, limit=limit, offset=offset)
    data = {"by": by, **listing(request, result, offset, limit)}
    csv = "/api/pairs?" + urlencode({"by": by, "limit": min(200, offset + limit), "format": "csv"})
    return render(request, "pairs.html", data, {"rankings": RANKINGS, "download_links": {
        "CSV": csv, "JSON (this page)": page_json(request)}})


@router.get("/issues")
def issues_page(request: Request) -> Response:
    return render(request, "issues.html", {"rows": store_of(request).issues()},
                  {"download_links": {"CSV": "/api/issues?format=csv", "JSON": "/api/issues"}})


@router.get("/issue/{slug}")
def issue_page(request: Request, slug: str = Path(max_length=100, pattern=ISSUE)) -> Response:
    store = store_of(request)
    found = store.issues(slug)
    if not found:
        raise NotFoundError("B403", what="issue", key=slug)
    months = store.facet_timeline("issue", slug)
    data = {"issue": found[0], "timeline": months, "counts": store.facet_counts("issue", slug)}
    if wants_json(request):
        return render(request, "issue.html", data)
    from .pages import actor_timeline

    rows = actor_timeline(months)
    by = "year" if rows and len(str(rows[0]["period"])) == 4 else "month"
    svg = charts.totals(rows, title=f"Events per {by} on {slug}", period=by,
                        link=lambda p: events_url(issue=slug, since=p, until=p)) if rows else None
    return render(request, "issue.html", data, {"timeline_svg": svg, "events_href": events_url(issue=slug),
                                                "download_links": {
                                                    "events CSV": "/api/export?" + urlencode({"issue": slug, "format": "csv"}),
                                                    "JSON (timeline and counts)": page_json(request)}})


@router.get("/codebook")
def codebook_page(request: Request) -> Response:
    """The PLOVER event types, their modes, the quad classes and the score, as bilat codes them."""
    scores = analysis.plover_scores()
    types = [{"type": t.value, "meaning": glossary.TYPES[t.value], "quad_class": analysis.QUAD_NAME[analysis.quad(t.value)],
              "plover_score": scores[t.value], "modes": glossary.MODES.get(t.value, {})} for t in EventType]
    quads = [{"quad_class": q, "number": analysis.QUAD_NUMBER[q], "meaning": m} for q, m in glossary.QUADS.items()]
    return render(request, "codebook.html", {"types": types, "quad_classes": quads})


@router.get("/docs/api")
def api_docs(request: Request) -> Response:
    """The REST API's reference, rendered here from its OpenAPI schema: no script, no CDN."""
    schema = request.app.openapi()
    ops: list[dict[str, Any]] = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or "",
                       "type": _type_of(p.get("schema", {}))} for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "tag": (op.get("tags") or ["other"])[0],
                        "params": params, "body": "requestBody" in op})
    return render(request, "api_docs.html", {"title": schema["info"]["title"], "version": schema["info"]["version"],
                                             "operations": ops})


def _type_of(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return "one of " + ", ".join(map(str, schema["enum"]))
    return schema.get("type", "value")
