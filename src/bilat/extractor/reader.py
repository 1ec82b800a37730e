"""The extractor: each sentence's triggers become frames, and each frame passes through the
phases below, in this order. A phase returns the frame changed (the rule appended to
``reasons``) or dropped (with the phase and the reason); a kept frame becomes candidates
and is remembered for the sentences after it.

    triggers -> modality -> speech -> source -> target -> recode -> placing -> fallbacks -> gate

Then the sentence's reported clauses that no trigger claimed are read for their content
(``statements``), and its subjects are remembered for pronouns further on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..actors import ActorIndex
from ..model import EventType
# orders, posture and visits only register re-coding rules
from . import (fallbacks, gate, modality, orders, placing, posture, received, recode, source, speech,  # noqa: F401
               stances, statements, targets, visits)
from . import triggers
from .dated_acts import dated_acts_in
from .story_dates import heading_date, settle_dates
from .emit import candidates
from .lexicon import lemma
from .words import GATHERING_NOUNS
from .memory import ActDone, DocumentMemory
from .records import Candidate, Frame, SentenceContext

#: trigger routes of acts a noun phrase names inside another clause ("following the launch of a
#: missile by X", "the Japan-China summit"): not remembered as the actors later pronouns mean
NAMED_IN_PASSING = frozenset({"weapon_launch", "noun_names_its_parties", "noun_with_its_parties"})
#: joint acts whose target acted too: after a meeting, "they" are both sides
JOINT = frozenset({EventType.CONSULT})

#: the phases after ``triggers``, in order (name, function)
PHASES = (
    (modality.PHASE, modality.run),
    (speech.PHASE, speech.run),
    (source.PHASE, source.run),
    (targets.PHASE, targets.run),
    (recode.PHASE, recode.run),
    (placing.PHASE, placing.run),
    (fallbacks.PHASE, fallbacks.run),
    (gate.PHASE, gate.run),
)


@dataclass
class SentenceReading:
    """Everything the reader built for one sentence: every frame, kept or dropped, and the candidates."""

    sentence: Span
    frames: list[Frame] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    skipped: str | None = None  # why the sentence was not read at all


def read_sentence(sent: Span, index: ActorIndex, memory: DocumentMemory, published: str | None) -> SentenceReading:
    reading = SentenceReading(sent)
    if sent.text.rstrip().endswith("?"):
        reading.skipped = "question"
        memory.previous_speakers = []
        return reading
    toks = list(sent)
    ctx = SentenceContext(sent=sent, index=index, published=published, toks=toks, memory=memory,
                          speech=speech.speech_frames(toks, index, memory))
    for verb, key, value in dated_acts_in(ctx):
        memory.note_dated_act(verb, key, value)
    found = triggers.find(ctx)
    # every trigger's frame by the verb that carries it: "ready to impose sanctions" threatens them
    ctx.acts_at = {f.anchor.i: f for f in found}
    claimed: set[int] = set()  # clauses a trigger accounts for (statements skip them)
    for frame in found:
        for _, phase in PHASES:
            frame = phase(frame, ctx)
            if frame.dropped:
                break
        reading.frames.append(frame)
        ctx.read_at[frame.anchor.i] = frame
        if frame.type == EventType.CONSULT and frame.source and (
                not frame.dropped or frame.dropped.phase == gate.PHASE) and not (memory.meeting and the_same_meeting(frame)):
            memory.meeting = list(frame.source) + [a for a in frame.target if a not in frame.source]
        if frame.dropped:
            if frame.dropped.phase == modality.PHASE and frame.dropped.reason in modality.NOT_DONE:
                claimed.add(frame.anchor.i)
            continue
        claimed.add(frame.anchor.i)
        if frame.speech_verb is not None:
            claimed.add(frame.speech_verb.i)
        reading.candidates.extend(candidates(frame, ctx))
        if "reaction_to_an_act" not in frame.reasons:  # "praised the decision" is no act "the move" means
            of = frame.trigger.head  # ("welcomed the package": the package of sanctions adopted)
            holder = lemma(of.head) if of.lower_ == "of" and of.head.pos_ == "NOUN" and of.i != of.head.i else ""
            memory.acts_done.append(ActDone(sent.start, tuple(frame.source), lemma(frame.trigger), frame.type,
                                               tuple(frame.target), holder))
        if frame.route in NAMED_IN_PASSING:
            continue  # an act a noun phrase names in passing: later pronouns are not its parties
        memory.remember_event(frame.trigger.i, frame.type, frame.source,
                              frame.target if frame.type in JOINT else ())
    for frame, cand in statements.read(ctx, claimed):
        reading.frames.append(frame)
        reading.candidates.append(cand)
    memory.previous_speakers = list(dict.fromkeys(
        a for speakers, _ in ctx.speech.values() for a in speakers if a.kind == "person" and a.name))
    # remember subjects for pronouns even where no event was found
    for t in toks:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
            actors = index.actors_for(t)
            if actors:
                memory.remember(t.i, actors)
    return reading


def the_same_meeting(frame: Frame) -> bool:
    """'The Summit was attended by X': the meeting told before, whose parties stay its voice."""
    t = frame.trigger
    return t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in GATHERING_NOUNS and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and \
        not any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in t.children)


def read_doc(doc: Doc, index: ActorIndex, published: str | None, title: str | None = None,
             url: str | None = None) -> list[SentenceReading]:
    memory = DocumentMemory.for_index(index, title, url)
    return [read_sentence(sent, index, memory, published) for sent in doc.sents]


def read_document(doc: Doc, index: ActorIndex, published: str | None,
                  publication_fallback: bool = True, title: str | None = None, url: str | None = None) -> list[Candidate]:
    """The article's candidates, each with its date settled (``story_dates.settle_dates``)."""
    cands = [c for r in read_doc(doc, index, published, title, url) for c in r.candidates]
    first = next(iter(doc.sents), None)
    heading = heading_date(first, cands, published, title) if first is not None else None
    return settle_dates(cands, published, publication_fallback, heading)
