"""Server-side SVG charts (pygal), inlined in the pages.

No script and no CDN: pygal's tooltip script is switched off (``js=()``) and its
stylesheets are inlined in the SVG. Every bar and point is a link to the events
behind it, whose page shows the evidence sentences — one click from a point on a
chart to the text that proves it.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

import pygal
from pygal.style import Style

from ..model import QUAD_CLASS, EventType

#: colour per event type: blues/greens for cooperation, oranges/reds for conflict
TYPE_COLOURS = {
    "AGREE": "#4c78a8", "CONSULT": "#72b7b2", "SUPPORT": "#54a24b", "CONCEDE": "#88d27a",
    "COOPERATE": "#1f5f8b", "AID": "#2a9d8f", "RETREAT": "#9ecae9",
    "REQUEST": "#f2cf5b", "ACCUSE": "#f58518", "REJECT": "#e45756", "THREATEN": "#b279a2",
    "PROTEST": "#ff9da6", "SANCTION": "#9d2f2f", "MOBILIZE": "#79706e", "COERCE": "#d67195", "ASSAULT": "#5a1a1a",
}
TYPES = [t.value for t in EventType]


def _style(colours: Sequence[str]) -> Style:
    return Style(background="transparent", plot_background="transparent", foreground="#333",
                 foreground_strong="#111", foreground_subtle="#bbb", opacity=".9", opacity_hover="1",
                 colors=tuple(colours), font_family="system-ui, sans-serif",
                 label_font_size=11, major_label_font_size=11, legend_font_size=11, title_font_size=14)


def _config(**kw: Any) -> dict[str, Any]:
    return dict(js=(), disable_xml_declaration=True, explicit_size=False, width=900, height=360,
                show_minor_x_labels=True, x_label_rotation=-40, legend_at_bottom=True,
                legend_at_bottom_columns=8, truncate_legend=-1, print_values=False,
                margin=10, margin_bottom=34, spacing=8, **kw)


def _render(chart: pygal.graph.graph.Graph) -> str:
    svg = chart.render(is_unicode=True)
    # SVG 2 links: plain href, which browsers and CSS selectors handle like any link
    svg = svg.replace(' xlink:href="', ' href="')
    # the SVG goes inline into an HTML page: give it a class the page and the tests can find
    return svg.replace("<svg ", '<svg class="chart" role="img" ', 1)


def timeline(rows: Sequence[dict[str, Any]], counts: Callable[[dict[str, Any]], dict[str, int]],
             link: Callable[[str, str], str], title: str = "Events per month by type") -> str:
    """Stacked bars: one bar per period, one colour per event type present."""
    present = [t for t in TYPES if any(counts(r).get(t) for r in rows)]
    chart = pygal.StackedBar(style=_style([TYPE_COLOURS[t] for t in present]),
                             **_config(title=title, x_title=None, y_title="events"))
    chart.x_labels = [str(r["period"]) for r in rows]
    for t in present:
        chart.add(t, [
            {"value": counts(r)[t], "xlink": {"href": link(str(r["period"]), t)}, "label": f"{t} {r['period']}"}
            if counts(r).get(t) else None  # no bar, so no link, where there is nothing to read
            for r in rows
        ])
    if not present:
        chart.add("no events", [])
    return _render(chart)


def score_line(rows: Sequence[dict[str, Any]], score: Callable[[dict[str, Any]], float | None],
               link: Callable[[str], str], title: str = "Cooperation–conflict score per month") -> str:
    """The cooperation–conflict score per period as a line; each point links to that period's events."""
    chart = pygal.Line(style=_style(["#4c78a8", "#e45756"]),
                       **_config(title=title, y_title="score (+ cooperation, − conflict)", dots_size=4,
                                 show_legend=False, allow_interruptions=True))
    chart.x_labels = [str(r["period"]) for r in rows]
    chart.add("score", [
        {"value": score(r), "xlink": {"href": link(str(r["period"]))}, "label": str(r["period"])}
        if score(r) is not None else None
        for r in rows
    ])
    return _render(chart)


def totals(rows: Sequence[dict[str, Any]], link: Callable[[str], str], title: str) -> str:
    """One bar per period (``total``); each bar links to that period's events."""
    chart = pygal.Bar(style=_style(["#4c78a8"]), **_config(title=title, y_title="events", show_legend=False))
    chart.x_labels = [str(r["period"]) for r in rows]
    chart.add("events", [{"value": r["total"], "xlink": {"href": link(str(r["period"]))}, "label": str(r["period"])}
                         if r["total"] else None for r in rows])
    return _render(chart)
