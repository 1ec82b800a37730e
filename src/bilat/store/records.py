"""Rows and records: how events, stories and articles go into the tables and come back out as
plain, JSON-serialisable dicts; the ResultSet page and the IngestReport."""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from .. import analysis
from ..errors import StoreError
from ..model import Article, Event
from ..stories import best_date, count_sources
from . import fingerprint as fp

MAX_LIMIT = 10_000
_CHUNK = 500


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _chunks(seq: Sequence, n: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _bars(codes: Iterable[str]) -> str:
    """'|CHN|JPN|': lets a LIKE '%|CHN|%' filter match whole codes only."""
    codes = sorted(set(codes))
    return "|" + "|".join(codes) + "|" if codes else ""


def _unbar(value: str | None) -> list[str]:
    return [c for c in (value or "").split("|") if c]


@dataclass
class ResultSet:
    """One page of rows plus the total number of matches."""

    rows: list[dict[str, Any]]
    total: int
    limit: int | None = None
    offset: int = 0
    #: keyset paging: the cursors of the pages after and before this one (None at either end)
    next_cursor: str | None = None
    prev_cursor: str | None = None
    #: True when counting stopped at a cap: ``total`` is a lower bound ("at least")
    total_capped: bool = False

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        return self.rows[i]

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "total": self.total, "limit": self.limit, "offset": self.offset}

    def to_pandas(self):
        try:
            import pandas as pd
        except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
            raise StoreError("B412", what="to_pandas()", package="pandas") from exc
        flat = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()}
                for r in self.rows]
        frame = pd.DataFrame(flat)
        # codes stay strings in pandas and Parquet: "042", never 42
        for col in ("cameo", "EventCode", "EventBaseCode", "EventRootCode", "CAMEO Code"):
            if col in frame.columns:
                frame[col] = frame[col].astype("string")
        return frame

    def to_parquet(self, path) -> None:
        self.to_pandas().to_parquet(path, index=False)


@dataclass
class IngestReport:
    articles_seen: int = 0
    articles_stored: int = 0
    articles_skipped: int = 0  # already stored (same content hash)
    articles_failed: int = 0
    events_stored: int = 0
    events_skipped: int = 0  # event id already stored
    stories_created: int = 0
    stories_updated: int = 0
    syndicated: int = 0
    batches: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _types(value) -> list[str]:
    """Event types from 'ACCUSE,REJECT' or a list, checked against the 16 PLOVER types."""
    wanted = [t.strip().upper() for t in (value.split(",") if isinstance(value, str) else value) if t.strip()]
    bad = [t for t in wanted if t not in analysis.TYPES]
    if bad:
        raise StoreError("B404", detail=f"unknown event type {', '.join(bad)}; valid types: {', '.join(analysis.TYPES)}")
    return wanted


def article_hash(a: Article) -> str:
    return fp.content_hash(a.text, a.url or a.outlet)


def actor_key(name: str | None, country: str | None) -> str:
    if name and name.strip():
        return " ".join(name.split()).lower()[:200]
    return (country or "?").upper()


def _with_article(e: Event, article_id: str) -> Event:
    from dataclasses import replace

    return replace(e, article_id=article_id)


def event_row(e: Event, story_id: str, seq: int) -> dict[str, Any]:
    if e.type not in analysis.TYPES:
        raise StoreError("B404", detail=f"event {e.event_id}: unknown type {e.type!r}")
    keys = analysis.period_keys(e.date)
    code = analysis.cameo_code(e.type, e.cameo, e.mode)
    d = e.as_dict()
    return dict(
        event_id=e.event_id, article_id=e.article_id, story_id=story_id, type=e.type, mode=e.mode,
        cameo=None if e.cameo is None else str(e.cameo), date=e.date, day=keys["day"],
        date_precision=keys["precision"], date_basis=e.date_basis,
        location_name=e.location.name if e.location else None,
        location_country=e.location.country if e.location else None,
        source=json.dumps(d["source"], ensure_ascii=False), target=json.dumps(d["target"], ensure_ascii=False),
        source_countries=_bars(e.countries("source")), target_countries=_bars(e.countries("target")),
        issues=json.dumps(list(e.issues)), evidence=json.dumps(d["evidence"], ensure_ascii=False),
        evidence_text=" ".join(x.sentence for x in e.evidence), attribution=e.attribution,
        confidence=float(e.confidence), salience=e.salience, quad=analysis.quad(e.type),
        plover=analysis.plover_score(e.type), goldstein=analysis.goldstein(code), seq=seq,
    )


def event_dict(m) -> dict[str, Any]:
    """A stored event as the spec §2 dict, plus provenance (url, outlet, title) and derived scores."""
    d = {
        "event_id": m["event_id"], "article_id": m["article_id"], "story_id": m["story_id"], "type": m["type"],
        "mode": m["mode"], "cameo": m["cameo"], "source": json.loads(m["source"]), "target": json.loads(m["target"]),
        "date": m["date"], "date_basis": m["date_basis"],
        "location": ({"name": m["location_name"], "country": m["location_country"]}
                     if m["location_name"] or m["location_country"] else None),
        "issues": json.loads(m["issues"]), "evidence": json.loads(m["evidence"]), "attribution": m["attribution"],
        "confidence": round(float(m["confidence"]), 3),
    }
    if m["salience"]:
        d["salience"] = m["salience"]
    d.update(quad_class=analysis.QUAD_NAME[m["quad"]], plover_score=m["plover"], goldstein=m["goldstein"],
             seq=m["seq"])
    for k in ("url", "outlet", "title", "published"):
        if k in m.keys():
            d[k] = m[k]
    return d


def story_dict(m) -> dict[str, Any]:
    d = dict(m)
    d.pop("story_no", None)  # internal (revision 0016): the story's public id is story_id
    for k in ("source_countries", "target_countries", "issues"):
        d[k] = json.loads(d[k])
    d["pairs"] = _unbar(d.pop("pair_keys"))
    d["quad_class"] = analysis.QUAD_NAME[d["quad"]]
    return d


def summarise_story(story_id: str, rows: list, pair_keys: set[str]) -> dict[str, Any]:
    """The stories row for a story's member records (rows joined with their articles)."""
    type_counts: dict[str, int] = defaultdict(int)
    for r in rows:
        type_counts[r.type] += 1
    stype = sorted(type_counts, key=lambda t: (-type_counts[t], t))[0]
    date = best_date(r.date for r in rows)
    keys = analysis.period_keys(date)
    src = sorted({c for r in rows for c in _unbar(r.source_countries)})
    tgt = sorted({c for r in rows for c in _unbar(r.target_countries)})
    issues = sorted({i for r in rows for i in json.loads(r.issues)})
    golds = [r.goldstein for r in rows if r.goldstein is not None]
    gold_sum = 0.0
    for g in golds:  # left to right, as the store adds each batch's values to its running sum
        gold_sum += g
    arts = {}
    for r in rows:
        arts.setdefault(r.article_id, {"article_id": r.article_id, "outlet": r.outlet, "url": r.url,
                                       "syndicate_of": r.syndicate_of})
    evidence = next((r.evidence_text for r in rows if r.evidence_text), None)
    return dict(type=stype, date=date, day=keys["day"], date_precision=keys["precision"],
                quad=analysis.quad(stype), plover=analysis.plover_score(stype),
                goldstein=round(gold_sum / len(golds), 3) if golds else None,
                source_countries=json.dumps(src), target_countries=json.dumps(tgt),
                pair_keys=_bars(pair_keys), issues=json.dumps(issues), n_events=len(rows),
                n_articles=len(arts), n_sources=count_sources(arts.values()),
                evidence=evidence, first_article_id=rows[0].article_id)


def paragraph(text: str, start: int | None, end: int | None) -> tuple[int | None, str | None]:
    """The paragraph (text between blank lines or newlines) holding characters start..end."""
    if text is None or start is None or not (0 <= start <= len(text)):
        return None, None
    lo = max(text.rfind("\n", 0, start) + 1, 0)
    hi = text.find("\n", end if end is not None else start)
    hi = len(text) if hi == -1 else hi
    if hi - lo > 2000:  # no line breaks: a window around the sentence
        lo, hi = max(0, start - 600), min(len(text), (end or start) + 600)
    return lo, text[lo:hi]
