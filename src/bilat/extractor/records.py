"""The records the extractor passes between its phases.

A ``Frame`` is one trigger on its way through the phases (``reader.PHASES``): each phase
returns a new frame, with the rule that changed it appended to ``reasons``, or the frame
dropped with the phase and the reason. A ``Candidate`` is what a kept frame becomes: an
event found in one sentence, before dates are settled and the article's events collapse.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from ..actors import ActorIndex
from ..dates import DateValue
from ..model import Actor, EventType, Location
from .memory import DocumentMemory
from .typefacts import HOSTILE


@dataclass(frozen=True)
class Drop:
    """Why a frame went no further: the phase that dropped it and the rule."""

    phase: str
    reason: str


@dataclass(frozen=True, eq=False)
class Frame:
    """One trigger and what the phases have decided about it so far."""

    sentence: Span
    trigger: Token
    type: EventType
    cameo: str
    mode: str | None
    light: Token | None = None  # the light verb of a noun trigger ("held talks")
    scene: bool = False  # a noun that sets the scene ("in a phone call with X")
    modality: str = "fact"
    speaker: list[Actor] | None = None
    speech_verb: Token | None = None
    subject: Token | None = None  # the subject token the source came from
    passive: bool = False
    exclude: frozenset[int] = frozenset()  # tokens that are not the target (the subject's)
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    location: Location | None = None
    refusal: bool = False  # a negated cooperative future, re-coded to REJECT
    forced_by: Token | None = None  # "ordered X to suspend": the ordering verb
    reasons: tuple[str, ...] = ()
    dropped: Drop | None = None

    @property
    def anchor(self) -> Token:
        """The token that carries the clause: the light verb, or the trigger itself."""
        return self.light if self.light is not None else self.trigger

    @property
    def act_is_subject(self) -> bool:
        """Is the noun the light verb governs its subject? ("The Thai protests were conveyed")"""
        return self.light is not None and self.subject is not None and self.subject.i == self.trigger.i

    @property
    def route(self) -> str:
        """How the trigger was found: 'verb', 'adjective', 'noun_with_light_verb', 'scene_noun', ..."""
        return self.reasons[0].split(":", 1)[0]

    def but(self, reason: str, **changes: Any) -> "Frame":
        """This frame changed by the rule ``reason``."""
        return self._copy(reasons=self.reasons + (reason,), **changes)

    def drop(self, phase: str, reason: str) -> "Frame":
        return self._copy(dropped=Drop(phase, reason))

    def _copy(self, **changes: Any) -> "Frame":
        # dataclasses.replace, without its per-field work: frames are copied a few times per
        # trigger, and the record has no __post_init__ to run (unknown names fail as in replace)
        unknown = changes.keys() - self.__dict__.keys()
        if unknown:
            raise TypeError(f"Frame has no field(s) {sorted(unknown)}")
        new = object.__new__(Frame)
        new.__dict__.update(self.__dict__, **changes)
        return new

    def as_dict(self) -> dict[str, Any]:
        """The frame for ``bilat why --json``."""
        return {
            "sentence": self.sentence.text,
            "trigger": {"text": self.trigger.text, "i": self.trigger.i - self.sentence.start,
                        "light": self.light.text if self.light is not None else None},
            "type": self.type.value, "cameo": self.cameo, "mode": self.mode, "modality": self.modality,
            "speaker": [a.as_dict() for a in self.speaker or []],
            "source": [a.as_dict() for a in self.source], "target": [a.as_dict() for a in self.target],
            "location": self.location.as_dict() if self.location else None,
            "reasons": list(self.reasons),
            "dropped": {"phase": self.dropped.phase, "reason": self.dropped.reason} if self.dropped else None,
        }


@dataclass(frozen=True)
class Candidate:
    """An event found in one sentence, before within-article collapse."""

    type: str
    cameo: str
    mode: str | None
    source: list[Actor]
    target: list[Actor]
    trigger: int  # token index
    sentence: Span
    date: DateValue | None
    location: Location | None = None
    issues: tuple[str, ...] = ()
    attribution: str | None = None
    confidence: float = 0.6
    background: bool = False


@dataclass
class SentenceContext:
    """What every phase may read about the sentence being read (built once per sentence)."""

    sent: Span
    index: ActorIndex
    published: str | None
    toks: list[Token]  # the sentence's tokens, materialised once (iterating a Span builds each anew)
    speech: dict[int, tuple[list[Actor], Token]] = field(default_factory=dict)  # token -> (speaker, verb)
    acts_at: dict[int, "Frame"] = field(default_factory=dict)  # every trigger's frame as found, by its verb
    read_at: dict[int, "Frame"] = field(default_factory=dict)  # the frames read through the phases, by anchor
    memory: DocumentMemory | None = None  # read by the phases; written only by the reader
    _dates: list[Span] | None = None

    def hostile_at(self, i: int) -> EventType | None:
        """The hostile type of the act the verb at ``i`` carries ("ready to impose sanctions"), if any."""
        f = self.acts_at.get(i)
        # ("agreed to carry out joint patrolling": a joint exercise is cooperation, recoded later)
        joint = f is not None and f.type == EventType.MOBILIZE and any(c.lower_ == "joint" for c in f.trigger.children)
        return f.type if f is not None and f.type in HOSTILE and not joint else None
