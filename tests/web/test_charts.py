"""The chart module on hand-built rows: well-formed SVG whatever the input, nothing drawn when
there is nothing to draw, bars to scale, labels that never overlap, text escaped."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from bilat.web import charts

NS = {"s": "http://www.w3.org/2000/svg"}


def periods(period: str, n: int) -> list[str]:
    if period == "year":
        return [str(2000 + i) for i in range(n)]
    if period == "month":
        return [f"{2000 + i // 12:04d}-{i % 12 + 1:02d}" for i in range(n)]
    step = 7 if period == "week" else 1
    return [(dt.date(2023, 1, 2) + dt.timedelta(days=step * i)).isoformat() for i in range(n)]


def rows(period: str, n: int) -> list[dict]:
    return [{"period": p, "a": (i * 7) % 5, "b": i % 3, "total": (i * 7) % 5 + i % 3,
             "score": None if i % 4 == 3 else (i % 21) - 10, "stories": i % 3 + 1}
            for i, p in enumerate(periods(period, n))]


def link(*parts: str) -> str:
    return "/events?since=" + parts[0] + "&type=" + (parts[1] if len(parts) > 1 else "")


def draw_all(rs: list[dict], period: str) -> dict[str, str | None]:
    return {
        "stacked": charts.stacked(rs, counts=lambda r: {"a": r["a"], "b": r["b"]}, series=["a", "b"],
                                  colours={"a": "#111111", "b": "#222222"}, link=link, title="T", period=period),
        "totals": charts.totals(rs, link=link, title="T", period=period),
        "score": charts.score_line(rs, score=lambda r: r["score"], link=link, title="T", period=period),
    }


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # well-formed: every attribute and text escaped
    assert root.get("class") == "chart" and root.get("role") == "group" and root.get("aria-label")
    return root


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
@pytest.mark.parametrize("n", [1, 2, 7, 13, 15, 30, 84, 120])
def test_every_chart_is_well_formed_and_its_labels_never_overlap(period, n):
    for name, svg in draw_all(rows(period, n), period).items():
        if svg is None:  # a single row may be all zero
            continue
        root = parse(svg)
        texts = root.find("s:g[@class='axis x']", NS).findall("s:text", NS)
        assert texts, (name, n)
        xs = [(float(t.get("x")), t.text) for t in texts]
        for (x0, t0), (x1, t1) in zip(xs, xs[1:]):
            assert x1 - x0 >= (len(t0) + len(t1)) / 2 * charts.CHAR + 4, (name, period, n, t0, t1)
        # each value is a link whose first child is its hover text
        for a in root.iter("{http://www.w3.org/2000/svg}a"):
            assert a[0].tag.endswith("title") and re.search(r"\d", a[0].text), a[0].text
        # everything drawn lies inside the drawing
        height = float(root.get("viewBox").split()[3])
        for el in root.iter():
            for attr in ("y", "cy"):
                if el.get(attr) is not None:
                    assert -0.01 <= float(el.get(attr)) <= height, (name, el.tag, el.attrib)


@pytest.mark.parametrize("rs", [[], [{"period": "2023-01", "a": 0, "b": 0, "total": 0, "score": None, "stories": 0}]])
def test_nothing_to_draw_is_none(rs):
    assert draw_all(rs, "month") == {"stacked": None, "totals": None, "score": None}


def test_bars_are_to_scale_and_zero_is_no_bar():
    rs = [{"period": "2023-01", "a": 3, "b": 1}, {"period": "2023-02", "a": 0, "b": 0}, {"period": "2023-03", "a": 0, "b": 4}]
    svg = charts.stacked(rs, counts=lambda r: {"a": r["a"], "b": r["b"]}, series=["a", "b"],
                         colours={"a": "#111111", "b": "#222222"}, link=link, title="T", period="month")
    root = parse(svg)
    bars = [(a[0].text, float(a[1].get("height")), float(a[1].get("y"))) for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert [t for t, _, _ in bars] == ["a · 2023-01: 3 stories", "b · 2023-01: 1 story", "b · 2023-03: 4 stories"]
    unit = bars[0][1] / 3
    assert abs(bars[1][1] - unit) < 0.02 and abs(bars[2][1] - 4 * unit) < 0.02
    assert bars[1][2] + bars[1][1] == pytest.approx(bars[0][2], abs=0.02), "b sits on top of a"
    ticks = [int(t.text) for t in root.find("s:g[@class='axis y']", NS).findall("s:text", NS) if t.get("class") != "caption"]
    assert ticks[0] == 0 and ticks[-1] >= 4 and all(b - a == ticks[1] - ticks[0] for a, b in zip(ticks, ticks[1:]))


def test_text_is_escaped():
    rs = [{"period": "2023-01", "x": 2}]
    svg = charts.stacked(rs, counts=lambda r: {'<b>&"': r["x"]}, series=['<b>&"'], colours={'<b>&"': "#111111"},
                         link=lambda p, s: f"/events?a=1&b={p}", title='A & <B> "C"', period="month")
    root = parse(svg)
    a = next(root.iter("{http://www.w3.org/2000/svg}a"))
    assert a.get("href") == "/events?a=1&b=2023-01" and a[0].text == '<b>&" · 2023-01: 2 stories'
    assert root.find("s:text[@class='title']", NS).text == 'A & <B> "C"'
    assert "<b>" not in svg


def test_a_score_outside_the_scale_sits_on_its_edge_and_the_line_breaks_where_no_score():
    rs = [{"period": "2023-01", "score": 25.0, "stories": 1}, {"period": "2023-02", "score": None, "stories": 0},
          {"period": "2023-03", "score": -3.0, "stories": 2}, {"period": "2023-04", "score": 1.0, "stories": 2}]
    root = parse(charts.score_line(rs, score=lambda r: r["score"], link=link, title="T"))
    top = min(float(t.get("y")) for t in root.find("s:g[@class='axis y']", NS).findall("s:text", NS)
              if t.get("class") != "caption")
    cys = [float(c.get("cy")) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    assert len(cys) == 3 and cys[0] == pytest.approx(top, abs=0.01)
    path = root.find(".//s:path[@class='line']", NS).get("d")
    assert path.count("M") == 2 and path.count("L") == 1, path


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_chart_of_few_periods_draws_bars_not_walls(n):
    rs = [{"period": p, "total": 3} for p in periods("month", n)]
    root = parse(charts.totals(rs, link=link, title="T"))
    rects = [a[1] for a in root.iter("{http://www.w3.org/2000/svg}a")]
    labels = [float(t.get("x")) for t in root.find("s:g[@class='axis x']", NS).findall("s:text", NS)]
    assert len(rects) == n == len(labels)
    for rect, middle in zip(rects, labels):
        x, w = float(rect.get("x")), float(rect.get("width"))
        assert w <= charts.MAX_BAR and abs(x + w / 2 - middle) < 0.01  # narrow, and still on its period
