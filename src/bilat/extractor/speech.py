"""Phase 3, speech: who speaks for the clause the trigger sits in ("X said Y will ...").

``speech_frames`` maps every token inside a reported clause to its speaker and speech verb
(once per sentence); the phase copies the trigger's onto its frame.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import Actor
from .lexicon import lemma
from .parties import noun_owner
from .records import Frame, SentenceContext
from .subjects import subject_of
from .words import SPEECH_VERBS

PHASE = "speech"


def run(f: Frame, ctx: SentenceContext) -> Frame:
    speaker, verb = ctx.speech.get(f.trigger.i, (None, None))
    if verb is None:
        return f
    return f.but(f"reported_by:{verb.text}", speaker=speaker, speech_verb=verb)


def speech_frames(toks: list[Token], idx: ActorIndex) -> dict[int, tuple[list[Actor], Token]]:
    """token index -> (speaker actors, speech verb) for tokens inside reported clauses."""
    frames: dict[int, tuple[list[Actor], Token]] = {}
    for t in toks:
        if t.pos_ not in ("VERB", "AUX") or lemma(t) not in SPEECH_VERBS:
            continue
        speaker, _, _ = subject_of(t, None, idx)
        if not speaker:
            continue
        for c in t.children:
            if c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "dobj" and c.pos_ == "VERB"):
                for x in c.subtree:
                    frames.setdefault(x.i, (speaker, t))
    # "according to X": X is the speaker of the whole sentence
    for t in toks:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                who = idx.actors_for(objs[0]) or noun_owner(idx, objs[0])
                if who:
                    for x in toks:
                        frames.setdefault(x.i, (who, t))
    return frames
