"""Phase 3, speech: who speaks for the clause the trigger sits in ("X said Y will ...").

``speech_frames`` maps every token inside a reported clause to its speaker and speech verb
(once per sentence); the phase copies the trigger's onto its frame.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorIndex, is_question
from ..model import Actor
from .lexicon import lemma
from .memory import DocumentMemory
from .parties import noun_owner
from .records import Frame, SentenceContext
from .subjects import subject_of
from .syntax import statement_clauses
from .typefacts import HOSTILE
from .words import QUOTE_MARKS, SPEECH_VERBS

PHASE = "speech"


def run(f: Frame, ctx: SentenceContext) -> Frame:
    speaker, verb = ctx.speech.get(f.trigger.i, (None, None))
    if verb is None:
        return f
    return f.but(f"reported_by:{verb.text}", speaker=speaker, speech_verb=verb)


def speech_frames(toks: list[Token], idx: ActorIndex, memory: DocumentMemory | None = None
                  ) -> dict[int, tuple[list[Actor], Token]]:
    """token index -> (speaker actors, speech verb) for tokens inside reported clauses."""
    frames: dict[int, tuple[list[Actor], Token]] = {}
    # the innermost report first: in "X announced that ..., while Y said Lima had acted", Y reports Lima's act
    for t in sorted(toks, key=lambda t: -sum(1 for _ in t.ancestors)):
        if t.pos_ not in ("VERB", "AUX") or lemma(t) not in SPEECH_VERBS:
            continue
        speaker, _, _ = subject_of(t, None, idx)
        if not speaker:
            continue
        reported = [c for c in t.children if c.dep_ in ("ccomp", "xcomp", "parataxis") or (c.dep_ == "dobj" and c.pos_ == "VERB")]
        for c in reported + statement_clauses(t):
            for x in c.subtree:
                frames.setdefault(x.i, (speaker, t))
    # a quotation in the first person ("We call for an end to violence.") speaks for whoever the
    # quotation is attributed to, in this sentence or one beside it; a transcript line for its label
    first = [t for t in toks if t.lower_ in ("i", "we") and t.dep_ in ("nsubj", "nsubjpass") and t.i not in frames]
    # so does a quoted fragment without a subject, as posts are written ("Delighted to meet X.",
    # "Welcoming a close partner, FM Y.", "Appreciated their contribution.")
    roots = [t for t in toks if t.dep_ == "ROOT" and t.pos_ in ("VERB", "ADJ") and t.i not in frames]
    first += [t for t in roots if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in t.children)]
    # a transcript line labelled with a person's name ("Lin Jian: The Philippine side's claim is baseless.")
    # is that person's speech, in any grammatical person
    label = next((t for t in toks[:_LABEL_WORDS] if t.text == ":"), None)
    # (not a journalist's question: "Question (Meera Nath, Wire): In mid-January the Maldives asked India ...")
    first += [label] if label is not None and not is_question(toks[0].sent) and label_speakers(toks, label, idx) else []
    if first and memory is not None:
        found = quote_speaker(toks, idx, memory)
        if found is not None:
            for x in toks:
                frames.setdefault(x.i, found)
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


#: how far into a line a transcript label's colon may stand: a post and a name ("Kenyan Foreign Ministry
#: Spokesperson Jane Wambui:", "Official Spokesperson, Shri Randhir Jaiswal:")
_LABEL_WORDS = 12


def line_head(toks: list[Token]) -> list[Token]:
    """The sentence's line from its start: the sentence itself where it opens a line."""
    doc, i = toks[0].doc, toks[0].i
    while i > 0 and i > toks[0].i - 400 and "\n" not in doc[i - 1].text + doc[i - 1].whitespace_:
        i -= 1
    return list(doc[i:toks[0].i]) + toks if i < toks[0].i else toks


def label_speakers(toks: list[Token], label: Token, idx: ActorIndex) -> list:
    """The people a transcript line's label names ("Lin Jian:", "MR PRICE:", "MINISTER PANDOR:"): the
    tagger's, else the one person of the text whose surname the label's words are (a label in capitals
    is seldom tagged as a name; the byline or lede names the speaker in full), else the one person the
    text names with the post the label gives ("Official Spokesperson:")."""
    head = [t for t in toks if t.i < label.i]
    if not head or any(t.pos_ in ("VERB", "AUX") and not t.is_upper for t in head):
        return []
    who = [p for t in head for p in [idx.person_at.get(t.i)] if p is not None]
    if who:
        return who
    words = {t.lower_ for t in head if t.is_alpha}
    named = [p for p in idx.people if len(p.tokens) > 1 and p.tokens[-1] in words]
    if len(named) == 1:
        return named
    # "Official Spokesperson:" after "Official Spokesperson, Shri Arvind Menon:": the one person named with that post
    posts = [p for p in idx.people if p.role and words and words <= set(p.role.lower().split())]
    return posts if len(posts) == 1 else []


def quote_speaker(toks: list[Token], idx: ActorIndex, memory: DocumentMemory) -> tuple[list[Actor], Token] | None:
    """Who speaks a first-person sentence: the label of a transcript line ("Xi: I call on ..."),
    else the speaker of a speech verb in the same quotation -- this sentence, the two after it
    (the attribution usually closes the quote) or the one before; the two before first where the
    sentence closes a quotation it did not open -- where a quotation mark shows the sentences are
    quoted."""
    start = toks[0].i
    line = line_head(toks)  # a turn's later sentences are its label's too
    label = next((t for t in line[:_LABEL_WORDS] if t.text == ":"), None)
    if label is not None and label.i > line[0].i:
        who = label_speakers(line, label, idx)
        if who:
            a = who[-1].actor()  # the title's speaker of that name carries the title's country
            return [next((v for v in memory.voice if not a.country and v.name and a.name and
                          set(v.name.split()) & set(a.name.split())), a)], label
    sents = memory.sentences
    n = next((k for k, s in enumerate(sents) if s.start == start), None)
    if n is None:
        return None
    quoted_here = any(t.text in QUOTE_MARKS for t in toks)
    if memory.voice and not quoted_here:
        return list(memory.voice), toks[0]  # a transcript or statement in its speaker's own words
    texts = {t.text for t in toks}
    # a sentence that only closes a quotation ("... restraint.”) continues one opened before it:
    # its attribution is behind it, not in the sentences after
    closes_only = bool(texts & {"”", "»"}) and not texts & {"“", "«"}
    for k in ((n, n - 1, n - 2, n + 1) if closes_only else (n, n + 1, n + 2, n - 1)):
        if not 0 <= k < len(sents):
            continue
        near = toks if k == n else list(sents[k])
        if not quoted_here and not any(t.text in QUOTE_MARKS for t in near):
            continue
        for t in near:
            if t.pos_ in ("VERB", "AUX") and lemma(t) in SPEECH_VERBS:
                speaker, _, _ = subject_of(t, None, idx)
                speaker = [a for a in speaker if a.country or a.kind == "igo"]
                if speaker:
                    return speaker, t
    return None


def state_voice(f: Frame, ctx: SentenceContext) -> Frame:
    """Who speaks for a state that is a statement's bare subject, where the sentence names no
    speaker: reported speech running on from the sentence before ("Yun said both countries can
    cooperate ... . South Korea is ready to advance its partnership with China": Yun), else the one
    spokesperson the story names for it ("India on Thursday asked China to ..." in a story of the
    briefing Srivastava gave). Names only: the country stays the state's."""
    if f.speaker or len(f.source) != 1 or f.source[0].kind != "state" or f.type in HOSTILE \
            or f.subject is None or f.subject.i not in ctx.index.place_at:
        return f
    same = [a for a in ctx.memory.previous_speakers if a.country == f.source[0].country]
    if len(same) == 1:
        return f.but("previous_speaker_for_own_state", source=same)
    spokesperson = ctx.index.spokesperson(f.source[0].country)
    return f.but("spokesperson_for_own_state", source=[spokesperson.actor()]) if spokesperson else f
