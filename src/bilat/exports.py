"""Exports of stored events: bilat's own JSONL, PLOVER JSONL, flat CSV, Parquet, GDELT- and ICEWS-style tables.

Every exported record carries its story id, its URLs (all articles that reported the
story) and its evidence. CAMEO codes are strings everywhere: CSV writes every text
field quoted, so a spreadsheet or ``pandas.read_csv(dtype=str)`` keeps "042".

- ``jsonl``: spec §2 records plus ``url``, ``outlet``, ``story_urls``, quad class and scores.
- ``plover``: the PLOVER manual's JSON field names (``id``, ``date``, ``source``,
  ``recipient``, ``event``, ``mode``, ``quad_code``, ``event_scale``, ``event_text``,
  ``text_info``, ``cite_info``, ``link`` = story id).
- ``csv`` / ``parquet``: one flat row per event (lists joined with ';').
- ``gdelt``: GDELT 2.0 event-table column names, one row per directed country dyad of an
  event; ``NumArticles``/``NumSources`` are the story's, so rows of one story agree.
  QuadClass follows PLOVER's per-type quad class (GDELT computes its own; see
  shared/external/cameo/README.md), GoldsteinScale the GDELT table.
- ``icews``: ICEWS column names, one row per dyad per reporting article; ``Story ID`` is
  ICEWS's name for the source article, so bilat's story id is in ``Bilat Story ID``;
  ``Intensity`` uses the ICEWS Goldstein table.
"""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Any, Iterable, Iterator

from . import analysis
from .errors import StoreError
from .model import SYMMETRIC_TYPES

FORMATS = ("jsonl", "plover", "csv", "parquet", "gdelt", "icews")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "DATEADDED", "SOURCEURL",
    "BilatEventId", "BilatStoryId", "BilatType", "BilatMode", "BilatURLs", "BilatEvidence",
)
ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
    "Bilat Story ID", "Bilat Type", "URL", "Evidence",
)
CSV_COLUMNS = (
    "event_id", "story_id", "article_id", "date", "date_basis", "type", "mode", "cameo", "quad_class",
    "plover_score", "goldstein", "source_names", "source_countries", "target_names", "target_countries",
    "issues", "location", "evidence", "evidence_offsets", "attribution", "confidence", "url", "outlet",
    "title", "published", "story_urls",
)


def _names(actors: list[dict]) -> str:
    return "; ".join(a.get("name") or a.get("country") or "" for a in actors)


def _countries(actors: list[dict]) -> str:
    return ";".join(dict.fromkeys(a["country"] for a in actors if a.get("country")))


def _evidence(e: dict) -> str:
    return " | ".join(x["sentence"] for x in e["evidence"])


def jsonl_record(e: dict) -> dict[str, Any]:
    out = {k: v for k, v in e.items() if k != "seq"}
    return out


def plover_record(e: dict) -> dict[str, Any]:
    def actor(a: dict) -> dict:
        d = {"code": a.get("country"), "sector": a.get("sector"), "actor_text": a.get("name")}
        if a.get("role"):
            d["office"] = a["role"]
        return {k: v for k, v in d.items() if v}

    first = e["evidence"][0] if e["evidence"] else None
    rec = {
        "id": e["event_id"], "date": e["date"], "source": [actor(a) for a in e["source"]],
        "recipient": [actor(a) for a in e["target"]], "event": [e["type"]],
        "mode": [e["mode"]] if e["mode"] else [], "context": e["issues"],
        "quad_code": analysis.QUAD_NUMBER[e["quad_class"]], "event_scale": e["plover_score"],
        "event_text": [x["sentence"] for x in e["evidence"]],
        "text_info": {"start": first["start"], "end": first["end"]} if first else None,
        "cite_info": {"url": e.get("url"), "title": e.get("title"), "publication": e.get("outlet"),
                      "citation": e["article_id"], "coder": "bilat", "codebook": "plover-0.8"},
        "link": e["story_id"], "urls": e.get("story_urls", []),
        "comment": f"cameo={e['cameo']}" if e.get("cameo") else None,
    }
    if e.get("location"):
        rec["event_loc"] = {"name": e["location"].get("name"), "cc3": e["location"].get("country")}
    return rec


def csv_record(e: dict) -> dict[str, Any]:
    loc = e.get("location") or {}
    return {
        "event_id": e["event_id"], "story_id": e["story_id"], "article_id": e["article_id"], "date": e["date"],
        "date_basis": e["date_basis"], "type": e["type"], "mode": e["mode"], "cameo": e["cameo"],
        "quad_class": e["quad_class"], "plover_score": e["plover_score"], "goldstein": e["goldstein"],
        "source_names": _names(e["source"]), "source_countries": _countries(e["source"]),
        "target_names": _names(e["target"]), "target_countries": _countries(e["target"]),
        "issues": ";".join(e["issues"]), "location": ", ".join(x for x in (loc.get("name"), loc.get("country")) if x),
        "evidence": _evidence(e), "evidence_offsets": ";".join(f"{x['start']}-{x['end']}" for x in e["evidence"]),
        "attribution": e["attribution"], "confidence": e["confidence"], "url": e.get("url"),
        "outlet": e.get("outlet"), "title": e.get("title"), "published": e.get("published"),
        "story_urls": " ".join(e.get("story_urls", [])),
    }


def _dyad_rows(e: dict) -> list[tuple[dict | None, dict | None]]:
    """(actor1, actor2) for each directed country pair; a one-sided event keeps one row with no actor2."""
    # actors without a country (named NGOs) keep their row, identified by name
    src = [a for a in e["source"] if a.get("country")] or e["source"][:1]
    tgt = [a for a in e["target"] if a.get("country")] or e["target"][:1]
    pairs, seen = [], set()
    for s in src:
        for t in tgt or [None]:
            key = (s.get("country") if s else None, t.get("country") if t else None)
            if key in seen or (t is not None and key[0] == key[1]):
                continue
            seen.add(key)
            pairs.append((s, t))
    if not pairs and src:
        pairs.append((src[0], None))
    if not tgt and e["type"] in SYMMETRIC_TYPES and len(src) > 1:
        # symmetric event with all participants as source: link them pairwise
        pairs = [(a, b) for i, a in enumerate(src) for b in src[i + 1:] if a.get("country") != b.get("country")] \
            or pairs
    return pairs


def gdelt_rows(e: dict, story: dict | None) -> Iterator[dict[str, Any]]:
    code = analysis.cameo_code(e["type"], e["cameo"], e["mode"])
    start, precision = analysis.parse_date(e["date"])
    added = (e.get("published") or "").replace("-", "")
    for i, (a1, a2) in enumerate(_dyad_rows(e)):
        yield {
            "GLOBALEVENTID": f"{e['event_id']}.{i}" if i else e["event_id"],
            "SQLDATE": start.strftime("%Y%m%d") if start else "",
            "MonthYear": start.strftime("%Y%m") if start else "",
            "Year": start.strftime("%Y") if start else "",
            "FractionDate": f"{start.year + (start.timetuple().tm_yday - 1) / 365:.4f}" if start else "",
            "Actor1Code": (a1 or {}).get("country") or "", "Actor1Name": ((a1 or {}).get("name") or "").upper(),
            "Actor1CountryCode": (a1 or {}).get("country") or "", "Actor1Type1Code": (a1 or {}).get("sector") or "",
            "Actor2Code": (a2 or {}).get("country") or "", "Actor2Name": ((a2 or {}).get("name") or "").upper(),
            "Actor2CountryCode": (a2 or {}).get("country") or "", "Actor2Type1Code": (a2 or {}).get("sector") or "",
            "IsRootEvent": "1" if e.get("salience") != "background" else "0",
            "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
            "QuadClass": analysis.QUAD_NUMBER[e["quad_class"]],
            "GoldsteinScale": analysis.goldstein(code, "gdelt"),
            "NumMentions": (story or {}).get("n_events", 1), "NumSources": (story or {}).get("n_sources", 1),
            "NumArticles": (story or {}).get("n_articles", 1), "AvgTone": "",
            "ActionGeo_Type": "", "ActionGeo_FullName": (e.get("location") or {}).get("name") or "",
            "ActionGeo_CountryCode": (e.get("location") or {}).get("country") or "",
            "DATEADDED": added, "SOURCEURL": e.get("url") or "",
            "BilatEventId": e["event_id"], "BilatStoryId": e["story_id"], "BilatType": e["type"],
            "BilatMode": e["mode"] or "", "BilatURLs": " ".join(e.get("story_urls", [])),
            "BilatEvidence": _evidence(e),
        }


def icews_rows(e: dict, story: dict | None) -> Iterator[dict[str, Any]]:
    code = analysis.cameo_code(e["type"], e["cameo"], e["mode"])
    loc = e.get("location") or {}
    for i, (a1, a2) in enumerate(_dyad_rows(e)):
        yield {
            "Event ID": f"{e['event_id']}.{i}" if i else e["event_id"], "Event Date": e["date"] or "",
            "Source Name": (a1 or {}).get("name") or (a1 or {}).get("country") or "",
            "Source Sectors": (a1 or {}).get("sector") or "", "Source Country": (a1 or {}).get("country") or "",
            "Event Text": analysis.cameo_names().get(code, e["type"]), "CAMEO Code": code,
            "Intensity": analysis.goldstein(code, "icews"),
            "Target Name": (a2 or {}).get("name") or (a2 or {}).get("country") or "",
            "Target Sectors": (a2 or {}).get("sector") or "", "Target Country": (a2 or {}).get("country") or "",
            "Story ID": e["article_id"], "Sentence Number": "", "Publisher": e.get("outlet") or "",
            "City": loc.get("name") or "", "District": "", "Province": "", "Country": loc.get("country") or "",
            "Latitude": "", "Longitude": "",
            "Bilat Story ID": e["story_id"], "Bilat Type": e["type"], "URL": e.get("url") or "",
            "Evidence": _evidence(e),
        }


def records(store, fmt: str, **filters) -> Iterator[dict[str, Any]]:
    """Export records of ``fmt`` for the stored events matching ``filters`` (as for Store.events)."""
    if fmt not in FORMATS:
        raise StoreError("B406", fmt=fmt, valid=", ".join(FORMATS))
    for chunk in _chunked(store.iter_events(**filters), 1000):
        sids = {e["story_id"] for e in chunk}
        urls = store.story_urls(sids)
        summaries = _stories(store, sids) if fmt in ("gdelt", "icews") else {}
        for e in chunk:
            e["story_urls"] = urls.get(e["story_id"], [])
            if fmt == "jsonl":
                yield jsonl_record(e)
            elif fmt == "plover":
                yield plover_record(e)
            elif fmt in ("csv", "parquet"):
                yield csv_record(e)
            elif fmt == "gdelt":
                yield from gdelt_rows(e, summaries.get(e["story_id"]))
            else:
                yield from icews_rows(e, summaries.get(e["story_id"]))


def _stories(store, ids: Iterable[str]) -> dict[str, dict]:
    from sqlalchemy import select

    from .store.schema import stories

    out = {}
    ids = sorted(ids)
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 500):
            for r in conn.execute(select(stories.c.story_id, stories.c.n_events, stories.c.n_articles,
                                         stories.c.n_sources).where(stories.c.story_id.in_(ids[i:i + 500]))):
                out[r.story_id] = dict(r._mapping)
    return out


def _chunked(it: Iterable, n: int) -> Iterator[list]:
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) >= n:
            yield buf
            buf = []
    if buf:
        yield buf


def columns(fmt: str) -> tuple[str, ...] | None:
    return {"csv": CSV_COLUMNS, "parquet": CSV_COLUMNS, "gdelt": GDELT_COLUMNS, "icews": ICEWS_COLUMNS}.get(fmt)


def write(store, fmt: str, out: IO[str] | str, **filters) -> int:
    """Write the export to a text stream (or, for parquet, a path); returns the number of rows."""
    rows = records(store, fmt, **filters)
    n = 0
    if fmt in ("jsonl", "plover"):
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "parquet":
        import pandas as pd

        frame = pd.DataFrame(list(rows), columns=list(CSV_COLUMNS)).astype("string")
        for col in ("plover_score", "goldstein", "confidence"):
            frame[col] = pd.to_numeric(frame[col])
        frame.to_parquet(out, index=False)
        return len(frame)
    writer = csv.DictWriter(out, fieldnames=list(columns(fmt)), quoting=csv.QUOTE_NONNUMERIC,
                            lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
        n += 1
    return n


#: the formats ``stream`` writes as text, with their media types
TEXT_FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "plover": "application/x-ndjson",
                "gdelt": "text/csv; charset=utf-8", "icews": "text/csv; charset=utf-8"}


def stream(store, fmt: str, **filters) -> Iterator[str]:
    """The export as text, a few hundred rows at a time, for a streaming HTTP response."""
    if fmt not in TEXT_FORMATS:
        raise StoreError("B406", fmt=fmt, valid=", ".join(TEXT_FORMATS))
    buf = io.StringIO()
    rows = records(store, fmt, **filters)
    if fmt in ("jsonl", "plover"):
        for n, r in enumerate(rows, 1):
            buf.write(json.dumps(r, ensure_ascii=False) + "\n")
            if n % 500 == 0:
                yield _drain(buf)
        yield _drain(buf)
        return
    writer = csv.DictWriter(buf, fieldnames=list(columns(fmt)), quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    writer.writeheader()
    for n, r in enumerate(rows, 1):
        writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
        if n % 500 == 0:
            yield _drain(buf)
    yield _drain(buf)


def _drain(buf: io.StringIO) -> str:
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def rows_csv(rows: Iterable[dict[str, Any]], columns: Iterable[str]) -> str:
    """Plain rows (a list page, a chart's table) as CSV with the given columns; lists and dicts as JSON."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if r.get(k) is None else json.dumps(r[k], ensure_ascii=False)
                             if isinstance(r.get(k), (list, dict)) else r[k]) for k in writer.fieldnames})
    return buf.getvalue()


def to_string(store, fmt: str, **filters) -> str:
    buf = io.StringIO()
    write(store, fmt, buf, **filters)
    return buf.getvalue()
