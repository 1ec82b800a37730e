"""When each event happened, article by article: the day relative dates count from (the story's own
dateline), a heading's date, and ``settle_dates``, the decision for candidates the text gives no date
(the sentence's other events, the event before, the lead date, the publication date).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Span

from .. import dates as dates_mod
from ..dates import DateValue
from ..model import DateBasis, EventType
from ..nlp import doc_text
from .dates import DATE_RE, UNCOUNTED
from .records import Candidate

# a dateline: a place, a comma, a month and a day ("NAIROBI, Jan 4", "Pyongyang, March 14")
_DATELINE = r"^\W*[A-Z][A-Za-z .'/-]{1,60}?,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\b"
_DATELINE_RE = re.compile(_DATELINE)
# ... at the head of any line, before the agency or the dash that opens the story
_DATELINE_LINE_RE = re.compile("(?m)" + _DATELINE + r"(?:,?\s+\d{4})?\s*(?:\(|--|-|\u2013|\u2014|/)")


def story_date(text: str, published: str | None) -> str | None:
    """The day relative dates count from: the story's own dateline ("NAIROBI, Jan 4 (Reuters) -") where an
    aggregator published it two days to two weeks later, else the publication date (a dateline a day before
    is the same story across time zones, often updated on the day it speaks of as "on Tuesday")."""
    m = _DATELINE_RE.match(text[:160])
    if not m or not published or len(published) != 10:
        return published
    v = dates_mod.resolve(m.group(1), published)
    if v.value and len(v.value) == 10 and 2 <= (date.fromisoformat(published) - date.fromisoformat(v.value)).days <= 14:
        return v.value
    return published


def heading_date(first: Span, cands: list[Candidate], published: str | None,
                 title: str | None = None) -> DateValue | None:
    """A first line that tells no event but a full date ("Briefing by Foreign Ministry Spokeswoman Maria
    Zakharova, Moscow, February 14, 2024"), else a title's full date ("Regular press conference of MOFA
    Spokesperson on 6 June 2024"): the day the document's statements were made."""
    # (a first line that tells an event dates that event, not the document)
    own = None if any(c.sentence.start == first.start for c in cands) else (
        _full_date(first.text, published) or _lede_day(first, published))
    return own or _full_date(title or "", published) or _dateline_day(first, published)


def _lede_day(first: Span, published: str | None) -> DateValue | None:
    """'The first relief flights reached Tonga on Thursday, five days after the eruption': a lede that
    tells the news of a day no event of it was read from dates the story (not the first later act,
    which is often background: "Japan said on Tuesday ...")."""
    for e in first.ents:
        if e.label_ == "DATE" and not (e.start > first.start and e.doc[e.start - 1].lower_ in _NOT_THE_DAY):
            v = dates_mod.resolve(e.text, published)
            if v.value and len(v.value) == 10:
                return v
    return None


#: words before a date that make it another act's ("since Monday", "after March 3", "until Friday")
_NOT_THE_DAY = frozenset({"since", "after", "before", "until", "till", "following", "from", "by"})


def _dateline_day(first: Span, published: str | None) -> DateValue | None:
    """The day a dateline at the head of one of the first lines gives ("Pyongyang, March 14 -- A spokesman
    ... issued the following press statement"): the day the story's undated statements were made."""
    text = doc_text(first.doc)[:400]
    for m in _DATELINE_LINE_RE.finditer(text):
        v = dates_mod.resolve(m.group(1), published)
        if v.value and len(v.value) == 10:
            return v
    return None


def _full_date(text: str, published: str | None) -> DateValue | None:
    for m in DATE_RE.finditer(text):
        v = dates_mod.resolve(m.group(0), published)
        if v.value and len(v.value) == 10 and v.basis == DateBasis.EXPLICIT.value:
            return v
    return None


# a chronology's entry: a line that opens with its date and a dash or colon ("* AUG 5, 2023 - A Chinese coast
# guard ship fires ...", "SEPT 21, 2023 - India suspends ...", "March 2022: ...")
_ENTRY_RE = re.compile(r"[*•\-–\s]*(" + dates_mod._MONTH_NAME + r"\s+\d{1,2},?\s+(?:1[89]|20)\d\d|\d{1,2}\s+"
                       + dates_mod._MONTH_NAME + r"\s+(?:1[89]|20)\d\d|" + dates_mod._MONTH_NAME
                       + r"\s+(?:1[89]|20)\d\d)\s*[-–—:]\s", re.I)


def entry_date(sentence: Span, published: str | None) -> DateValue | None:
    """The date a chronology's entry opens its line with: the date of every act the line tells that gives
    none of its own ("Ottawa expels a senior Indian intelligence official the same day")."""
    text = doc_text(sentence.doc)
    m = _ENTRY_RE.match(text, text.rfind("\n", 0, sentence.start_char) + 1)
    if m is None:
        return None
    v = dates_mod.resolve(m.group(1), published)
    return v if v.value and v.basis == DateBasis.EXPLICIT.value else None


# a day named by its month in an entry's text ("Manila summons China's envoy on March 25")
_DAY_RE = re.compile(r"\b(?:" + dates_mod._MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                     + dates_mod._MONTH_NAME + r")\b(?!,?\s+(?:1[89]|20)\d\d)", re.I)


def _own_day(c: Candidate, entry: DateValue) -> DateValue | None:
    """A chronology entry's act dated by a day of its own after the entry's date ("* MARCH 23, 2024 -
    ... Manila summons China's envoy on March 25"): that day, in the entry's year. The act's date must
    be the day named, not a weekday read against the publication."""
    if c.date is None or not c.date.value or len(c.date.value) != 10:
        return None
    text = doc_text(c.sentence.doc)
    line = text.rfind("\n", 0, c.sentence.start_char) + 1
    prefix = _ENTRY_RE.match(text, line)
    body = text[max(prefix.end() if prefix else 0, c.sentence.start_char):c.sentence.end_char]
    for m in _DAY_RE.finditer(body):
        v = dates_mod.resolve(m.group(0), entry.value)
        if v.value and v.value[5:] == c.date.value[5:]:
            return DateValue(v.value, DateBasis.RELATIVE.value)
    return None


def settle_dates(cands: list[Candidate], published: str | None, publication_fallback: bool,
                 heading: DateValue | None = None) -> list[Candidate]:
    """Undated candidates take, in order: a date another event of their sentence has ("reaffirmed
    their commitment at a meeting ... in mid-November"); the date of the event just before, when
    the sentence goes on about the same actor; else, for main events, the article's lead date (the
    first full date the text gives a main event) or, failing that and where allowed, the
    publication date as a declared fallback. Background is never dated from the lead or the
    dateline: a wrong date is worse than none."""
    lead = heading or _lead_date(cands, published, publication_fallback)
    # dates the text itself gives each sentence's events (before any fallback is applied)
    text_dates: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.date is not None and c.date.value:
            text_dates.setdefault(c.sentence.start, []).append(c)
    out: list[Candidate] = []
    prev: Candidate | None = None
    for c in cands:
        later = _days_later(c)
        base = (entry_date(c.sentence, published) or (prev.date if prev is not None else None)) if later is not None else None
        if later == VAGUELY and base is not None and base.value and len(base.value) >= 7:
            prev = replace(c, date=DateValue(base.value[:7], DateBasis.RELATIVE.value))
            out.append(prev)
            continue
        if base is not None and base.value and len(base.value) == 10:
            # "Manila summons China's ambassador two days later", "responded the next day": counted from the
            # act told just before (or the chronology entry's date)
            day = (date.fromisoformat(base.value) + timedelta(days=later)).isoformat()
            prev = replace(c, date=DateValue(day, DateBasis.RELATIVE.value))
            out.append(prev)
            continue
        # (the entry's own date read as a bare year or a day of the publication's year yields to it)
        weak = c.date is None or not c.date.value or c.date is UNCOUNTED or len(c.date.value) < 10 \
            or c.date.basis != DateBasis.EXPLICIT.value
        entry = entry_date(c.sentence, published) if weak else None
        if entry is not None:
            c = replace(c, date=_own_day(c, entry) or entry)
        elif c.date is UNCOUNTED:
            c = replace(c, date=None)
        elif c.date is None or not c.date.value:
            same = [d.date for d in text_dates.get(c.sentence.start, []) if not _described_apart(d, c)]
            if same:
                c = replace(c, date=same[0])
            elif prev is not None and prev.date and prev.date.value and (_continues(prev, c) or _then(c)):
                c = replace(c, date=prev.date)  # "Stoltenberg also hailed ..." after "Stoltenberg on Tuesday called ..."
            elif not c.background and lead is not None:
                c = replace(c, date=lead)
        out.append(c)
        prev = c
    return out


def _described_apart(dated: Candidate, c: Candidate) -> bool:
    """Is ``dated`` told in a relative clause that describes someone, away from ``c``'s act ("accused a U.S.
    delegation that visited Niamey last week": the visit's week is not the accusation's)?"""
    doc = c.sentence.doc
    t, other = doc[dated.trigger], doc[c.trigger]
    # (both acts are of one sentence, one parse tree: the relative clause is in it)
    # (so is a participle describing a noun: "condemned the expulsion of diplomats ordered last week")
    # ("said the step answered the expulsion last month, and Zakharova warned ...": and a clause of another
    # subject joined to the one either act is in, as the parser may read "drills with the U.S. and South Korea
    # held last month" after "slammed Japan for joining")
    described = any((a.dep_ == "relcl" or (a.dep_ == "acl" and a.tag_ == "VBN")) and a.head.ent_type_ not in ("DATE", "TIME")
                    and other not in a.subtree for a in [t, *t.ancestors])
    return described or any(a.dep_ == "conj" and a.pos_ in ("VERB", "AUX") and (y not in a.subtree) and any(
        s.dep_ in ("nsubj", "nsubjpass") for s in a.children) for x, y in ((t, other), (other, t)) for a in [x, *x.ancestors])


def _lead_date(cands: list[Candidate], published: str | None, publication_fallback: bool) -> DateValue | None:
    dated = [c.date for c in cands if c.date and c.date.value and not c.background]
    lead = next((d for d in dated if len(d.value) == 10), None)
    if lead is None and published and publication_fallback:
        # month-level dates are mostly background ("last month"); the story itself is news of the day
        return DateValue(published, DateBasis.PUBLISHED.value)
    if lead is None and dated:
        return dated[0]
    return lead


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "hour": 0}
#: what _days_later gives for "days later" with no count: the act before's month, no day guessed
VAGUELY = -1


def _days_later(c: Candidate) -> int | None:
    """'two days later', 'a week later', 'the next day', 'the following day' on the act or the verbs that
    govern it: how many days after the act told before it this one was done."""
    t = c.sentence.doc[c.trigger]
    for h in [t] + list(t.ancestors)[:3]:
        for x in h.children:
            if x.lower_ == "later" and x.dep_ in ("advmod", "npadvmod"):
                for n in (n for n in x.children if n.dep_ == "npadvmod" and n.lemma_.lower() in _UNIT_DAYS):
                    count = next((_NUMBERS.get(m.lower_) or (int(m.text) if m.text.isdigit() else None)
                                  for m in n.children if m.dep_ in ("nummod", "det")), None)
                    if count:
                        return count * _UNIT_DAYS[n.lemma_.lower()]
                    # "Days later": some days on, in the month (or so) of the act before; "Hours later": the
                    # same day ("weeks later" may be any month after: not guessed)
                    if n.lemma_.lower() != "week":
                        return 0 if n.lemma_.lower() == "hour" else VAGUELY
            if x.lemma_.lower() == "day" and x.dep_ in ("npadvmod", "advmod") \
                    and any(m.lower_ in ("next", "following") for m in x.children):
                return 1
    return None


def _then(c: Candidate) -> bool:
    """'Bishkek and Dushanbe then accused each other': an act told as done then, at the last act's time."""
    t = c.sentence.doc[c.trigger]
    return any(x.dep_ == "advmod" and x.lower_ == "then" for x in t.children)


def _continues(prev: Candidate, cur: Candidate) -> bool:
    """The next sentence goes on about the same actor: it shares that event's time."""
    if cur.sentence.start != prev.sentence.end and cur.sentence.start - prev.sentence.end > 2:
        return False
    names = {a.name for a in prev.source if a.name}
    if names & {a.name for a in cur.source if a.name}:
        return True
    # "Wang Yi held talks with Penny Wong on March 20. The two sides agreed ...": those who just met
    # go on together at that meeting
    met = {a.country for a in prev.source + prev.target if a.country}
    together = {a.country for a in cur.source if a.country}
    return prev.type == EventType.CONSULT and len(together) >= 2 and together <= met
