"""Typed records passed between pipeline stages, and their JSON edge.

Every record is a small frozen dataclass. ``as_dict`` produces exactly the field
names and shapes of ``shared/spec/EVENTS.md`` §2, so the scorer, the store and the
exports can read the JSON without knowing Python; ``from_dict`` reads it back.
This module imports nothing from bilat; the facts about each event type are read here from
``data/event_types.tsv`` (``TYPE_FACTS``).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from importlib import resources
from typing import Any


class EventType(str, enum.Enum):
    """The 16 PLOVER event types (manual v0.8+)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


@dataclass(frozen=True)
class TypeFacts:
    """Everything bilat knows about one event type: one row of ``data/event_types.tsv``."""

    type: EventType
    quad_class: str
    symmetric: bool  # the dyad has no direction (the scorer treats these the same way)
    plover_score: float
    cameo_root: str  # the CAMEO root standing for the type when an event has no CAMEO code
    cameo_roots: tuple[str, ...]  # every CAMEO root CAMEO2PLOVER maps to the type
    future_as: "tuple[EventType, str] | None"  # the announced act's type and code ("will visit": AGREE 036)
    target_preps: tuple[str, ...]  # prepositions that name the target besides the object
    needs_target: bool  # not recorded without a target
    place_target: bool  # a place's country may be the target
    domestic: bool  # may be aimed at the source's own country
    stance: str  # the type as a stance word ("demands")
    story_group: str | None  # types an outlet may pick for the same happening share a group


def _read_type_facts() -> dict[EventType, TypeFacts]:
    """The rows of data/event_types.tsv (read here, at the bottom of the layering, as a file)."""
    text = resources.files("bilat").joinpath("data", "event_types.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header, out = lines[0].split("\t"), {}
    for line in lines[1:]:
        r = dict(zip(header, line.split("\t")))
        etype = EventType(r["type"])
        fut = r["future_as"].split("/") if r["future_as"] else None
        out[etype] = TypeFacts(
            type=etype, quad_class=r["quad_class"], symmetric=r["symmetric"] == "1",
            plover_score=float(r["plover_score"]), cameo_root=r["cameo_root"],
            cameo_roots=tuple(r["cameo_roots"].split("|")),
            future_as=(EventType(fut[0]), fut[1]) if fut else None,
            target_preps=tuple(p for p in r["target_preps"].split("|") if p),
            needs_target=r["needs_target"] == "1", place_target=r["place_target"] == "1",
            domestic=r["domestic"] == "1", stance=r["stance"], story_group=r["story_group"] or None)
    if set(out) != set(EventType):
        raise ValueError(f"event_types.tsv: types missing or unknown: {set(EventType) ^ set(out)}")
    return out


#: every per-type fact, by type, in the order of EventType
TYPE_FACTS: dict[EventType, TypeFacts] = _read_type_facts()

#: Types whose dyad has no direction (the scorer treats them the same way).
SYMMETRIC_TYPES = frozenset(t for t, f in TYPE_FACTS.items() if f.symmetric)

#: PLOVER quad classes, used by pair analysis and the GDELT-style export.
QUAD_CLASS = {t: f.quad_class for t, f in TYPE_FACTS.items()}


class DateBasis(str, enum.Enum):
    """How an event's date was obtained."""

    EXPLICIT = "explicit"  # a date written in the text
    RELATIVE = "relative"  # "on Thursday", "last month", resolved against publication
    PUBLISHED = "published"  # declared fallback: the publication date
    UNKNOWN = "unknown"


ACTOR_KINDS = ("person", "state", "organization", "igo", "group")
SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "BUS", "JRN", "MED", "CVL", "REL", "ELI")


@dataclass(frozen=True)
class Article:
    """One input article (spec §1)."""

    id: str
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    #: where it came from, for messages: "file.jsonl line 7" or a path
    origin: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d.pop("origin")
        return d


@dataclass(frozen=True)
class Actor:
    name: str | None = None
    kind: str = "state"
    country: str | None = None
    sector: str | None = None
    role: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country, "sector": self.sector, "role": self.role}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        return cls(
            name=d.get("name"),
            kind=d.get("kind") or "state",
            country=d.get("country"),
            sector=d.get("sector"),
            role=d.get("role"),
        )


@dataclass(frozen=True)
class Place:
    """A gazetteer match in a parsed text (``doc._.places``)."""

    start: int  # token offsets
    end: int
    code: str  # ISO alpha-3, or IGO:<ACRONYM>
    kind: str  # country | demonym | capital | city | igo | group:<SECTOR>


@dataclass(frozen=True)
class Location:
    name: str | None
    country: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Location | None":
        if not d:
            return None
        return cls(name=d.get("name"), country=d.get("country"))


@dataclass(frozen=True)
class Evidence:
    """A sentence and its character offsets into the article text as given."""

    sentence: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Evidence":
        return cls(sentence=d["sentence"], start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True)
class Event:
    """One event record (spec §2)."""

    event_id: str
    article_id: str
    type: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...] = ()
    story_id: str | None = None
    mode: str | None = None
    cameo: str | None = None
    date: str | None = None
    date_basis: str = DateBasis.UNKNOWN.value
    location: Location | None = None
    issues: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    attribution: str | None = None
    confidence: float = 0.5
    salience: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "story_id": self.story_id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "source": [a.as_dict() for a in self.source],
            "target": [a.as_dict() for a in self.target],
            "date": self.date,
            "date_basis": self.date_basis,
            "location": self.location.as_dict() if self.location else None,
            "issues": list(self.issues),
            "evidence": [e.as_dict() for e in self.evidence],
            "attribution": self.attribution,
            "confidence": round(float(self.confidence), 3),
        }
        if self.salience:
            d["salience"] = self.salience
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        cameo = d.get("cameo")
        return cls(
            event_id=str(d["event_id"]),
            article_id=str(d["article_id"]),
            story_id=d.get("story_id"),
            type=str(d["type"]),
            mode=d.get("mode"),
            # codes are strings, always: "042" must never become 42
            cameo=None if cameo is None else str(cameo),
            source=tuple(Actor.from_dict(a) for a in d.get("source") or []),
            target=tuple(Actor.from_dict(a) for a in d.get("target") or []),
            date=d.get("date"),
            date_basis=d.get("date_basis") or DateBasis.UNKNOWN.value,
            location=Location.from_dict(d.get("location")),
            issues=tuple(d.get("issues") or ()),
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence") or []),
            attribution=d.get("attribution"),
            confidence=float(d.get("confidence", 0.5)),
            salience=d.get("salience"),
        )

    def countries(self, side: str) -> frozenset[str]:
        return frozenset(a.country for a in getattr(self, side) if a.country)


@dataclass(frozen=True)
class Story:
    """One real-world event as reported across articles."""

    story_id: str
    type: str
    date: str | None
    source_countries: tuple[str, ...]
    target_countries: tuple[str, ...]
    event_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    n_articles: int = 0
    n_sources: int = 0
    evidence: tuple[Evidence, ...] = field(default=())


@dataclass(frozen=True)
class Failure:
    """A typed per-article failure: the batch goes on, the summary reports it."""

    origin: str
    code: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class ArticleResult:
    """What the pipeline returns for one article: its events, or why it failed."""

    article: Article | None
    events: tuple[Event, ...] = ()
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None
