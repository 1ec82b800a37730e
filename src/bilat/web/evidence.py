"""Evidence sentences shown in their paragraph, as plain segments.

The page templates receive ``[(text, marked), ...]`` and escape every piece, so
article text never becomes markup: a ``<script>`` in an article is shown as text.
Nothing here builds HTML.
"""
from __future__ import annotations

from typing import Iterable

#: characters of context kept on each side of the evidence inside a long paragraph
CONTEXT = 400

Segment = tuple[str, bool]


def locate(text: str, sentence: str | None, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The evidence span in ``text``: the offsets when they match, else the sentence found by search."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not sentence or text[start:end].strip() == sentence.strip():
            return start, end
    if sentence:
        at = text.find(sentence.strip())
        if at >= 0:
            return at, at + len(sentence.strip())
    return None


def in_paragraph(text: str, sentence: str | None, start: int | None = None, end: int | None = None,
                 context: int = CONTEXT) -> list[Segment]:
    """The paragraph holding the evidence, split into (text, marked) segments.

    Falls back to the sentence alone (marked) when it cannot be found in ``text``.
    """
    span = locate(text or "", sentence, start, end)
    if span is None:
        return [(sentence or "", True)] if sentence else []
    s, e = span
    ps = text.rfind("\n", 0, s) + 1
    pe = text.find("\n", e)
    pe = len(text) if pe < 0 else pe
    before, after = text[ps:s], text[e:pe]
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    return [seg for seg in ((before, False), (text[s:e], True), (after, False)) if seg[0]]


def marked_paragraphs(text: str, spans: Iterable[tuple[int, int]]) -> list[list[Segment]]:
    """The whole text as paragraphs of segments, every span marked (overlaps merged)."""
    merged: list[list[int]] = []
    for s, e in sorted((max(0, s), min(len(text), e)) for s, e in spans if s < e):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    paragraphs: list[list[Segment]] = []
    pos = 0
    for para in text.split("\n"):
        p_start, p_end = pos, pos + len(para)
        segs: list[Segment] = []
        cur = p_start
        for s, e in merged:
            if e <= p_start or s >= p_end:
                continue
            s, e = max(s, p_start), min(e, p_end)
            if s > cur:
                segs.append((text[cur:s], False))
            segs.append((text[s:e], True))
            cur = e
        if cur < p_end:
            segs.append((text[cur:p_end], False))
        if any(t.strip() for t, _ in segs):
            paragraphs.append(segs)
        pos = p_end + 1
    return paragraphs
