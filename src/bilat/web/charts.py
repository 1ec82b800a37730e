"""Server-side SVG charts (pygal), inlined in the pages.

No script and no CDN: pygal's tooltip script is switched off (``js=()``) and its
stylesheets are inlined in the SVG; what a bar or point stands for shows on hover
from an SVG ``<title>``, which browsers show natively. Every bar and point is a
link to the events behind it, whose page shows the evidence sentences — one click
from a point on a chart to the text that proves it.

Time is drawn to scale: the rows come on a continuous axis (``analysis.continuous``),
an empty period is a zero, and the x labels are thinned to a readable few. A chart
with nothing to draw is not drawn: each function returns None and the page says why.
"""
from __future__ import annotations

import math
import re
from typing import Any, Callable, Sequence

import pygal
from pygal.style import Style

from ..analysis import QUAD_NUMBER
from ..model import EventType

#: colour per event type: blues/greens for cooperation, oranges/reds for conflict
TYPE_COLOURS = {
    "AGREE": "#4c78a8", "CONSULT": "#72b7b2", "SUPPORT": "#54a24b", "CONCEDE": "#88d27a",
    "COOPERATE": "#1f5f8b", "AID": "#2a9d8f", "RETREAT": "#9ecae9",
    "REQUEST": "#f2cf5b", "ACCUSE": "#f58518", "REJECT": "#e45756", "THREATEN": "#b279a2",
    "PROTEST": "#ff9da6", "SANCTION": "#9d2f2f", "MOBILIZE": "#79706e", "COERCE": "#d67195", "ASSAULT": "#5a1a1a",
}
TYPES = [t.value for t in EventType]
#: the four quad classes, light for words and dark for deeds, blue for cooperation and red for conflict
QUAD_COLOURS = {"verbal-cooperation": "#9ecae9", "material-cooperation": "#1f5f8b",
                "verbal-conflict": "#f4a582", "material-conflict": "#b2182b"}
QUADS = list(QUAD_NUMBER)
#: at most this many x labels are written under a chart
MAX_LABELS = 14
#: the PLOVER score scale (the manual's scores lie within it)
SCORE_RANGE = (-10, 10)


def _style(colours: Sequence[str]) -> Style:
    return Style(background="transparent", plot_background="transparent", foreground="#333",
                 foreground_strong="#111", foreground_subtle="#bbb", opacity=".9", opacity_hover="1",
                 colors=tuple(colours), font_family="system-ui, sans-serif",
                 label_font_size=11, major_label_font_size=11, legend_font_size=11, title_font_size=14,
                 major_guide_stroke_color="#555", major_guide_stroke_dasharray="0")


def _config(**kw: Any) -> dict[str, Any]:
    return {**dict(js=(), disable_xml_declaration=True, explicit_size=False, width=900, height=360,
                   show_minor_x_labels=True, x_label_rotation=-40, legend_at_bottom=True,
                   legend_at_bottom_columns=8, truncate_legend=-1, print_values=False,
                   margin=10, margin_bottom=34, spacing=8), **kw}


#: a value's link, its label, then its shape: pygal writes ``<a href><desc class="xlink">…</desc><desc class="label">L</desc>``
_LABELLED = re.compile(r'(<a href="[^"]*">)(<desc class="xlink">[^<]*</desc>)(<desc class="label">([^<]*)</desc>)')


def _render(chart: pygal.graph.graph.Graph) -> str:
    svg = chart.render(is_unicode=True)
    # SVG 2 links: plain href, which browsers and CSS selectors handle like any link
    svg = svg.replace(' xlink:href="', ' href="')
    # the hover text: a <title> first in each link, from the value's label (already escaped by pygal)
    svg = _LABELLED.sub(r"\1<title>\4</title>\2\3", svg)
    # the SVG goes inline into an HTML page: give it a class the page and the tests can find
    return svg.replace("<svg ", '<svg class="chart" role="img" ', 1)


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


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def stacked(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
            series: Sequence[str], colours: dict[str, str], link: Callable[[str, str], str], title: str,
            period: str, unit: tuple[str, str] = ("story", "stories")) -> str | None:
    """Stacked bars: one bar per period, one colour per series present; None when all are zero."""
    of = [counts(r) for r in rows]  # once per period: pygal's own drawing is the cost of a busy chart
    present = [s for s in series if any(c.get(s) for c in of)]
    if not present:
        return None
    keys = [str(r["period"]) for r in rows]
    labels, shown = x_labels(keys, period)
    top = max(sum(c.get(s, 0) for s in present) for c in of)
    ticks = count_labels(top)
    chart = pygal.StackedBar(style=_style([colours[s] for s in present]),
                             **_config(title=title, y_title=unit[1], y_labels=ticks, range=(0, ticks[-1]),
                                       legend_at_bottom_columns=min(8, len(present)), y_labels_major=[0],
                                       show_minor_x_labels=False, x_labels_major=shown))
    chart.x_labels = labels
    for s in present:
        chart.add(s, [
            {"value": c[s], "xlink": {"href": link(str(r["period"]), s)},
             "label": f"{s} · {r['period']}: {_plural(c[s], *unit)}"}
            if c.get(s) else None  # no bar, so no link, where there is nothing to read
            for r, c in zip(rows, of)
        ])
    return _render(chart)


def timeline(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
             link: Callable[[str, str], str], title: str = "Events per month by type", period: str = "month") -> str | None:
    """Stacked bars by event type (16 colours)."""
    return stacked(rows, counts, TYPES, TYPE_COLOURS, link, title, period)


def quad_timeline(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
                  link: Callable[[str, str], str], title: str = "Events per month by class",
                  period: str = "month") -> str | None:
    """Stacked bars by quad class (4 colours): verbal and material cooperation and conflict."""
    return stacked(rows, counts, QUADS, QUAD_COLOURS, link, title, period)


def score_line(rows: Sequence[dict[str, Any]], score: Callable[[dict[str, Any]], float | None],
               link: Callable[[str], str], title: str = "Cooperation–conflict score per month",
               period: str = "month") -> str | None:
    """The cooperation–conflict score per period on the PLOVER scale, with its zero line; each
    point links to that period's events. None when no period has a score."""
    values = [score(r) for r in rows]
    if all(v is None for v in values):
        return None
    labels, shown = x_labels([str(r["period"]) for r in rows], period)
    lo, hi = SCORE_RANGE
    chart = pygal.Line(style=_style(["#4c78a8", "#e45756"]),
                       **_config(title=title, y_title="score (+ cooperation, − conflict)", dots_size=4,
                                 show_legend=False, allow_interruptions=True, range=SCORE_RANGE,
                                 y_labels=list(range(lo, hi + 1, 5)), y_labels_major=[0],
                                 show_minor_x_labels=False, x_labels_major=shown))
    chart.x_labels = labels
    chart.add("score", [
        {"value": v, "xlink": {"href": link(str(r["period"]))},
         "label": f"{r['period']}: score {v:+.1f} over {_plural(int(r.get('stories') or 0), 'story', 'stories')}"}
        if v is not None else None
        for r, v in zip(rows, values)
    ])
    return _render(chart)


def totals(rows: Sequence[dict[str, Any]], link: Callable[[str], str], title: str,
           period: str = "month") -> str | None:
    """One bar per period (``total``); each bar links to that period's events. None when all are zero."""
    if not any(r["total"] for r in rows):
        return None
    labels, shown = x_labels([str(r["period"]) for r in rows], period)
    ticks = count_labels(max(r["total"] for r in rows))
    chart = pygal.Bar(style=_style(["#4c78a8"]), **_config(title=title, y_title="events", show_legend=False,
                                                           y_labels=ticks, range=(0, ticks[-1]), y_labels_major=[0],
                                                           show_minor_x_labels=False, x_labels_major=shown))
    chart.x_labels = labels
    chart.add("events", [{"value": r["total"], "xlink": {"href": link(str(r["period"]))},
                          "label": f"{r['period']}: {_plural(r['total'], 'event', 'events')}"}
                         if r["total"] else None for r in rows])
    return _render(chart)


__all__ = ["timeline", "quad_timeline", "score_line", "totals", "stacked", "x_labels", "count_labels"]
