"""Server-side SVG charts, written as strings and inlined in the pages.

No script, no CDN and no drawing library: a chart is a few hundred lines of SVG text
that the browser lays out. What a bar or point stands for shows on hover from an SVG
``<title>``, which browsers show natively (and screen readers read as the link's name).
Every bar and point is a link to the events behind it, whose page shows the evidence
sentences — one click from a point on a chart to the text that proves it.

Time is drawn to scale: the rows come on a continuous axis (``analysis.continuous``),
an empty period is a zero (no bar, no link), and the x labels are thinned to a readable
few that never overlap. Count axes have whole-number ticks from zero; the score axis
runs over the PLOVER scale with its zero line drawn. A chart with nothing to draw is not
drawn: each function returns None and the page says why.

The structure, which the pages' tests read: ``<svg class="chart" role="group"
aria-label="…">``, a ``<text class="title">``, ``<g class="axis y">`` and ``<g
class="axis x">`` holding their ``<text>`` labels, ``<g class="plot">`` holding one
``<a href><title>…</title><rect|circle/></a>`` per value, and ``<g class="legend">``.
(It was drawn with pygal until the first view of a busy pair page cost 130–260 ms for
its per-type chart alone; these strings take a few milliseconds.)
"""
from __future__ import annotations

import math
from html import escape
from typing import Any, Callable, Sequence

from ..analysis import QUAD_NUMBER, quad
from ..model import EventType

TYPES = [t.value for t in EventType]
QUADS = list(QUAD_NUMBER)
#: the four quad classes, light for words and dark for deeds, blue for cooperation and red for conflict
QUAD_COLOURS = {"verbal-cooperation": "#9ecae9", "material-cooperation": "#1f5f8b",
                "verbal-conflict": "#f4a582", "material-conflict": "#b2182b"}
#: colour per event type, in its quad class's family: light blues (verbal cooperation), dark blues
#: (material cooperation), oranges (verbal conflict), reds (material conflict)
_FAMILIES = {"verbal-cooperation": ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6"],
             "material-cooperation": ["#2171b5", "#08519c", "#08306b"],
             "verbal-conflict": ["#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d"],
             "material-conflict": ["#fb6a4a", "#ef3b2c", "#cb181d", "#a50f15", "#67000d"]}
QUAD_OF = {t: next(q for q in QUADS if quad(t) == QUAD_NUMBER[q]) for t in TYPES}
TYPE_COLOURS = {t: _FAMILIES[QUAD_OF[t]][[u for u in TYPES if QUAD_OF[u] == QUAD_OF[t]].index(t)] for t in TYPES}
#: at most this many x labels are written under a chart
MAX_LABELS = 14
#: the PLOVER score scale (the manual's scores lie within it)
SCORE_RANGE = (-10, 10)

# the drawing's geometry, in the viewBox's units (the SVG scales to the page's width)
WIDTH = 900
PLOT_HEIGHT = 240
LEFT, RIGHT, TOP = 58, 14, 34
FONT = 11
#: width of one character of an 11-unit label, a little more than a digit's in system-ui
CHAR = 6.6
#: the widest bar: a chart of one or two periods (an actor seen in one month) draws bars, not walls
MAX_BAR = 56


def _n(x: float) -> str:
    """A coordinate, short: two decimals (a bar's middle stays where the axis puts it)."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def x_labels(keys: Sequence[str], period: str) -> tuple[list[str], list[str]]:
    """All the x labels, and the few to write: at most ``MAX_LABELS``, evenly spaced; months on
    whole quarters or years (so every written month is a January when years apart)."""
    n = len(keys)
    if n <= MAX_LABELS:
        return list(keys), list(keys)
    if period == "month":
        step = next((s for s in (2, 3, 4, 6, 12, 24, 60, 120, 240) if math.ceil(n / s) <= MAX_LABELS), 600)
        shown = [k for k in keys if (int(k[:4]) * 12 + int(k[5:7]) - 1) % step == 0]
    elif period == "year":
        step = next((s for s in (2, 5, 10, 20, 50, 100) if math.ceil(n / s) <= MAX_LABELS), 200)
        shown = [k for k in keys if int(k[:4]) % step == 0]
    else:
        step = math.ceil(n / MAX_LABELS)
        shown = list(keys[::step])
    return list(keys), shown or [keys[0]]


def count_labels(top: int) -> list[int]:
    """Whole-number ticks from 0 to at least ``top``: never a tick of 0.2 event."""
    top = max(int(top), 1)
    step = next(m * 10 ** e for e in range(16) for m in (1, 2, 5) if top / (m * 10 ** e) <= 6)
    return list(range(0, (math.ceil(top / step) + 1) * step, step))


def label_width(text: str) -> float:
    return len(text) * CHAR


class _Frame:
    """The plot area of one chart: ``n`` periods across, a value range up the side."""

    def __init__(self, n: int, lo: float, hi: float, legend_rows: int):
        self.n, self.lo, self.hi = n, lo, hi
        self.left, self.right = LEFT, WIDTH - RIGHT
        self.top, self.bottom = TOP, TOP + PLOT_HEIGHT
        self.step = (self.right - self.left) / n
        self.height = self.bottom + 24 + (18 * legend_rows + 8 if legend_rows else 0)

    def x(self, i: int) -> float:
        """The middle of period ``i``."""
        return self.left + (i + 0.5) * self.step

    def y(self, v: float) -> float:
        return self.bottom - (v - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)


def _shown_labels(keys: Sequence[str], period: str, frame: _Frame) -> list[tuple[int, str]]:
    """(index, label) of the x labels to write: ``x_labels``' few, thinned further until no two overlap."""
    _, shown = x_labels(keys, period)
    wanted = set(shown)
    at = [(i, k) for i, k in enumerate(keys) if k in wanted]
    gap = max((label_width(k) for _, k in at), default=0) + 8
    every = 1
    while len(at[::every]) > 1 and min(b[0] - a[0] for a, b in zip(at[::every], at[every::every])) * frame.step < gap:
        every += 1
    return at[::every]


def _svg(title: str, summary: str, frame: _Frame, parts: list[str]) -> str:
    label = escape(f"{title}. {summary}")
    return (f'<svg class="chart" role="group" aria-label="{label}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {WIDTH} {_n(frame.height)}" font-family="system-ui, sans-serif" font-size="{FONT}">'
            f'<desc>{escape(summary)}</desc>'
            f'<text class="title" x="{WIDTH / 2:g}" y="18" text-anchor="middle" font-size="14" fill="#111">'
            f'{escape(title)}</text>{"".join(parts)}</svg>')


def _y_axis(frame: _Frame, ticks: Sequence[int], caption: str, zero: bool = False) -> str:
    out = [f'<g class="axis y" fill="#333" text-anchor="end">']
    for t in ticks:
        y = _n(frame.y(t))
        cls = "zero" if zero and t == 0 else "guide"
        colour = "#555" if cls == "zero" else "#e3e3e3"
        out.append(f'<line class="{cls}" x1="{frame.left}" x2="{frame.right}" y1="{y}" y2="{y}" stroke="{colour}"/>'
                   f'<text x="{frame.left - 6}" y="{y}" dy="0.35em">{t}</text>')
    mid = _n((frame.top + frame.bottom) / 2)
    out.append(f'<text class="caption" text-anchor="middle" transform="translate(14 {mid}) rotate(-90)">'
               f'{escape(caption)}</text></g>')
    return "".join(out)


def _x_axis(keys: Sequence[str], period: str, frame: _Frame) -> str:
    out = [f'<g class="axis x" fill="#333" text-anchor="middle">'
           f'<line class="base" x1="{frame.left}" x2="{frame.right}" y1="{frame.bottom}" y2="{frame.bottom}" '
           f'stroke="#555"/>']
    for i, k in _shown_labels(keys, period, frame):
        x = _n(frame.x(i))
        out.append(f'<line class="tick" x1="{x}" x2="{x}" y1="{frame.bottom}" y2="{frame.bottom + 4}" stroke="#555"/>'
                   f'<text x="{x}" y="{frame.bottom + 16}">{escape(k)}</text>')
    out.append("</g>")
    return "".join(out)


def _legend_rows(groups: Sequence[tuple[str | None, Sequence[str]]]) -> list[list[tuple[str, str]]]:
    """Rows of (kind, text) items that fit the width: a group's heading, then its series."""
    rows: list[list[tuple[str, str]]] = []
    for heading, names in groups:
        row: list[tuple[str, str]] = [("heading", heading)] if heading else []
        used = sum(_item_width(k, t) for k, t in row)
        for name in names:
            w = _item_width("series", name)
            if row and used + w > WIDTH - LEFT:
                rows.append(row)
                row, used = [], 0
            row.append(("series", name))
            used += w
        if row:
            rows.append(row)
    return rows


def _item_width(kind: str, text: str) -> float:
    return label_width(text) + (10 if kind == "heading" else 30)


def _legend(rows: list[list[tuple[str, str]]], colours: dict[str, str], frame: _Frame) -> str:
    if not rows:
        return ""
    out = ['<g class="legend" fill="#333">']
    y = frame.bottom + 28
    for row in rows:
        x = float(frame.left)
        for kind, text in row:
            if kind == "heading":
                out.append(f'<text class="group" x="{_n(x)}" y="{_n(y + 9)}" font-weight="600">{escape(text)}:</text>')
            else:
                out.append(f'<g class="item"><rect x="{_n(x)}" y="{_n(y)}" width="12" height="12" '
                           f'fill="{colours[text]}"/><text x="{_n(x + 16)}" y="{_n(y + 10)}">{escape(text)}</text></g>')
            x += _item_width(kind, text)
        y += 18
    out.append("</g>")
    return "".join(out)


def stacked(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
            series: Sequence[str], colours: dict[str, str], link: Callable[[str, str], str], title: str,
            period: str, unit: tuple[str, str] = ("story", "stories"),
            groups: Callable[[str], str] | None = None, legend: bool = True) -> str | None:
    """Stacked bars: one bar per period, one colour per series present, the first series at the bottom;
    ``groups`` names each series' group in the legend (types by quad class). Each value's hover text
    is ``SERIES · PERIOD: N UNIT`` (``PERIOD: N UNIT`` without a legend). None when all are zero."""
    of = [counts(r) for r in rows]
    present = [s for s in series if any(c.get(s) for c in of)]
    if not present:
        return None
    keys = [str(r["period"]) for r in rows]
    sums = [sum(c.get(s, 0) or 0 for s in present) for c in of]
    ticks = count_labels(max(sums))
    if not legend:
        key_rows = []
    elif groups:
        heads = list(dict.fromkeys(groups(s) for s in present))
        key_rows = _legend_rows([(h.replace("-", " "), [s for s in present if groups(s) == h]) for h in heads])
    else:
        key_rows = _legend_rows([(None, present)])
    frame = _Frame(len(rows), 0, ticks[-1], len(key_rows))
    width = min(max(frame.step * 0.8, 1.0), MAX_BAR)
    plot = ['<g class="plot" stroke="#fff" stroke-width="0.5">']
    for i, (k, c) in enumerate(zip(keys, of)):
        base, x = 0, _n(frame.x(i) - width / 2)
        for s in present:
            v = c.get(s) or 0
            if not v:  # no bar, so no link, where there is nothing to read
                continue
            top, bottom = frame.y(base + v), frame.y(base)
            hover = f"{s} · {k}: {_plural(v, *unit)}" if legend else f"{k}: {_plural(v, *unit)}"
            plot.append(f'<a href="{escape(link(k, s))}"><title>{escape(hover)}</title>'
                        f'<rect x="{x}" y="{_n(top)}" width="{_n(width)}" height="{_n(bottom - top)}" '
                        f'fill="{colours[s]}"/></a>')
            base += v
    plot.append("</g>")
    busiest = max(range(len(rows)), key=lambda i: sums[i])
    summary = (f"Stacked bars, one per {period}, {len(rows)} {period}s from {keys[0]} to {keys[-1]}, "
               f"{_plural(sum(sums), *unit)} in all; most in {keys[busiest]} ({_plural(sums[busiest], *unit)}). "
               + (f"Series: {', '.join(present)}." if legend else ""))
    return _svg(title, summary, frame, [_y_axis(frame, ticks, unit[1]), _x_axis(keys, period, frame), *plot,
                                        _legend(key_rows, colours, frame)])


def timeline(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
             link: Callable[[str, str], str], title: str = "Events per month by type",
             period: str = "month") -> str | None:
    """Stacked bars by event type: 16 colours in the four quad classes' families, the legend grouped by class."""
    return stacked(rows, counts, TYPES, TYPE_COLOURS, link, title, period, groups=QUAD_OF.get)


def quad_timeline(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
                  link: Callable[[str, str], str], title: str = "Events per month by class",
                  period: str = "month") -> str | None:
    """Stacked bars by quad class (4 colours): verbal and material cooperation and conflict."""
    return stacked(rows, counts, QUADS, QUAD_COLOURS, link, title, period)


def score_line(rows: Sequence[dict[str, Any]], score: Callable[[dict[str, Any]], float | None],
               link: Callable[[str], str], title: str = "Cooperation–conflict score per month",
               period: str = "month") -> str | None:
    """The cooperation–conflict score per period on the PLOVER scale, with its zero line; each
    point links to that period's events; the line breaks over periods without a score. None when
    no period has a score."""
    values = [score(r) for r in rows]
    if all(v is None for v in values):
        return None
    keys = [str(r["period"]) for r in rows]
    lo, hi = SCORE_RANGE
    frame = _Frame(len(rows), lo, hi, 0)
    clip = lambda v: min(max(v, lo), hi)  # noqa: E731 - a score outside the scale sits on its edge
    path, pen = [], "M"
    for i, v in enumerate(values):
        if v is None:
            pen = "M"
            continue
        path.append(f"{pen}{_n(frame.x(i))} {_n(frame.y(clip(v)))}")
        pen = "L"
    plot = ['<g class="plot">', f'<path class="line" d="{" ".join(path)}" fill="none" stroke="#4c78a8" '
                                f'stroke-width="2"/>']
    for i, (k, r, v) in enumerate(zip(keys, rows, values)):
        if v is None:
            continue
        label = f"{k}: score {v:+.1f} over {_plural(int(r.get('stories') or 0), 'story', 'stories')}"
        plot.append(f'<a href="{escape(link(k))}"><title>{escape(label)}</title><circle cx="{_n(frame.x(i))}" '
                    f'cy="{_n(frame.y(clip(v)))}" r="4" fill="{"#4c78a8" if v >= 0 else "#e45756"}"/></a>')
    plot.append("</g>")
    scored = [v for v in values if v is not None]
    summary = (f"A line, one point per {period} with a score, {len(scored)} of {len(rows)} {period}s from {keys[0]} "
               f"to {keys[-1]}; scores from {min(scored):+.1f} to {max(scored):+.1f} on a scale of {lo} to +{hi}.")
    y_axis = _y_axis(frame, list(range(lo, hi + 1, 5)), "score (+ cooperation, − conflict)", zero=True)
    return _svg(title, summary, frame, [y_axis, _x_axis(keys, period, frame), *plot])


def totals(rows: Sequence[dict[str, Any]], link: Callable[[str], str], title: str,
           period: str = "month") -> str | None:
    """One bar per period (``total``); each bar links to that period's events. None when all are zero."""
    if not any(r["total"] for r in rows):
        return None
    return stacked(rows, counts=lambda r: {"events": r["total"]}, series=["events"], colours={"events": "#4c78a8"},
                   link=lambda p, _: link(p), title=title, period=period, unit=("event", "events"), legend=False)


__all__ = ["timeline", "quad_timeline", "score_line", "totals", "stacked", "x_labels", "count_labels"]
