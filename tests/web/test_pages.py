"""The dashboard's pages over a real server and the sample store (tests/web/sample.py):
empty states instead of errors, time drawn to scale, what the charts leave out said and
linked, the stance table within the asked dates, actors described as they usually are."""
from __future__ import annotations

import re
from datetime import date

import httpx
import pytest

from bilat.web.charts import _FAMILIES as FAMILIES
from bilat.web.charts import QUAD_OF as QUAD_OF_TYPE
from bilat.web.charts import QUADS


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as c:
        yield c


def svg_of(html: str, section: str) -> str:
    """The inline SVG chart of one section of a page (``id="quad"``, ``"timeline"``, ``"score"``)."""
    m = re.search(rf'<section[^>]*id="{section}".*?(<svg class="chart".*?</svg>)', html, re.S)
    assert m, f"no chart in section {section}"
    return m.group(1)


def positions(svg: str) -> dict[str, float]:
    """Period -> x of the middle of its bar (or its point), from each value's link."""
    out = {}
    for period, shape in re.findall(r'<a href="[^"]*since=([0-9-]+)[^"]*">.*?(<rect[^>]*>|<circle[^>]*>)', svg, re.S):
        if shape.startswith("<rect"):
            x, w = (float(re.search(rf' {k}="([^"]+)"', shape).group(1)) for k in ("x", "width"))
            out[period] = x + w / 2
        else:
            out[period] = float(re.search(r' cx="([^"]+)"', shape).group(1))
    return out


def month_index(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1 if len(period) > 4 else int(period)


def assert_to_scale(svg: str) -> dict[str, float]:
    """Bars (or points) sit at distances proportional to the time between them."""
    at = positions(svg)
    assert len(at) >= 3, at
    (p0, x0), (p1, x1) = sorted(at.items())[:2]
    step = (x1 - x0) / (month_index(p1) - month_index(p0))
    for p, x in at.items():
        assert abs(x - (x0 + step * (month_index(p) - month_index(p0)))) < 0.5, (p, x, at)
    return at


def axis_texts(svg: str, axis: str = "x") -> list[tuple[float, str]]:
    """(position along the axis, label) of each label written on an axis (its caption left out)."""
    m = re.search(rf'<g class="axis {axis}"[^>]*>(.*?)</g>', svg, re.S)
    assert m, f"no {axis} axis"
    coord = "x" if axis == "x" else "y"
    return [(float(re.search(rf' {coord}="([^"]+)"', attrs).group(1)), text)
            for attrs, text in re.findall(r'<text((?![^>]*class="caption")[^>]*)>([^<]*)</text>', m.group(1))]


def written_labels(svg: str, axis: str = "x") -> list[str]:
    return [text for _, text in axis_texts(svg, axis)]


def months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# ------------------------------------------------------------------ never a 500

def test_every_pair_page_of_the_store_answers(client):
    pairs = [p["pair"] for p in client.get("/api/pairs", params={"limit": 200}).json()["rows"]]
    assert len(pairs) > 100
    failed = []
    for p in pairs:
        a, b = re.match(r"^(IGO:[A-Z0-9]+|[A-Z]{3})-(.+)$", p).groups()
        for query in ("", "?since=2030"):
            r = client.get(f"/pair/{a}/{b}{query}")
            if r.status_code != 200:
                failed.append((p, query, r.status_code))
    assert failed == []


@pytest.mark.parametrize("url", ["/pair/CHN/JPN?since=2030", "/pair/CHN/XXX", "/pair/CHN/IRN",
                                 "/pair/CHN/JPN?since=2030&period=week", "/pair/CHN/JPN?until=1900&period=day"])
def test_pair_with_no_dated_event_has_an_empty_state(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert '<svg class="chart"' not in r.text
    assert "No dated event between" in r.text
    json_twin = client.get(url.replace("?", ".json?") if "?" in url else url + ".json")
    assert json_twin.status_code == 200 and json_twin.json()["pair"]["timeline"] == []


# ------------------------------------------------------------ time told honestly

def test_month_axis_is_continuous_with_empty_months_as_zero(client):
    html = client.get("/pair/CHN/JPN", params={"since": "2023"}).text
    for section in ("quad", "timeline", "score"):
        at = assert_to_scale(svg_of(html, section))
        # 2023-03 and 2023-08 are five months apart, not neighbours as in the months-with-events axis
        assert {"2023-03", "2023-08", "2025-10"} <= set(at), at
    written = written_labels(svg_of(html, "timeline"))
    assert written[0] == "2023-01" and "2024-04" in written, written


def test_long_span_is_drawn_by_year_and_says_so(client):
    html = client.get("/pair/CHN/JPN").text  # 2011 to 2025: 176 months
    at = assert_to_scale(svg_of(html, "timeline"))
    assert {"2011", "2012", "2023", "2025"} <= set(at), at
    assert "Events per year by type" in html and 'class="note coarser"' in html
    # a year's bar links to that year's events
    assert re.search(r'href="/events\?pair=CHN-JPN&amp;type=[A-Z]+&amp;since=2023&amp;until=2023"', html)


def test_labels_are_thinned_on_a_long_axis(client):
    html = client.get("/pair/CHN/JPN", params={"since": "2017", "until": "2023"}).text  # 84 months
    svg = svg_of(html, "timeline")
    assert_to_scale(svg)
    shown = [t for t in written_labels(svg) if re.fullmatch(r"\d{4}-\d{2}", t)]
    assert 4 <= len(shown) <= 14 and all(t.endswith(("-01", "-07")) for t in shown), shown


def test_count_axis_ticks_are_whole_numbers_and_score_axis_has_its_zero(client):
    html = client.get("/pair/ISR/PSE").text  # one dated month with two stories
    for section in ("timeline", "quad"):
        ticks = written_labels(svg_of(html, section), "y")
        assert ticks and all(re.fullmatch(r"\d+", t) for t in ticks), ticks
    score = svg_of(html, "score")
    assert written_labels(score, "y") == ["-10", "-5", "0", "5", "10"]
    # the zero line is drawn, darker than the guides, at the height of the "0" label
    zero_y = dict((t, y) for y, t in axis_texts(score, "y"))["0"]
    line = re.search(r'<line class="zero"[^>]*y1="([^"]+)"[^>]*stroke="([^"]+)"', score)
    assert line and abs(float(line.group(1)) - zero_y) < 0.01 and line.group(2) != "#e3e3e3", line
    # and the count axes start at 0 on the plot's base line
    timeline = svg_of(html, "timeline")
    base = float(re.search(r'<line class="base"[^>]*y1="([^"]+)"', timeline).group(1))
    assert dict((t, y) for y, t in axis_texts(timeline, "y"))["0"] == base
    # a lone month is not one bar filling the chart: the months around it are drawn, empty
    assert len(written_labels(svg_of(html, "timeline"))) >= 7


def test_values_show_on_hover_without_a_script(client):
    html = client.get("/pair/CHN/JPN", params={"since": "2023"}).text
    for section in ("quad", "timeline", "score"):
        svg = svg_of(html, section)
        links = re.findall(r"<a href=[^>]*>(.*?)</a>", svg, re.S)
        assert links
        for inner in links:
            assert re.match(r"<title>[^<]*\d[^<]*</title>", inner), inner[:200]
    assert "<title>SANCTION · 2023-08: 1 story</title>" in svg_of(html, "timeline")
    assert not re.search(r"<script[^>]*src=|<link[^>]*href=\"http", html), "no script or stylesheet from elsewhere"


def test_quad_class_view_has_four_colours_and_links_to_its_events(client):
    html = client.get("/pair/CHN/JPN", params={"since": "2023"}).text
    svg = svg_of(html, "quad")
    legend = dict(re.findall(r'<g class="item"><rect[^>]*fill="([^"]+)"/><text[^>]*>([^<]+)</text>', svg))
    assert 2 <= len(legend) <= 4 and set(legend.values()) <= set(QUADS), legend
    # every bar has its class's colour, the one its legend shows
    colour_of = {q: c for c, q in legend.items()}
    bars = re.findall(r'<a href="[^"]*quad=([a-z-]+)[^"]*"><title>[^<]*</title><rect[^>]*fill="([^"]+)"', svg)
    assert len(bars) >= 8 and all(colour_of[q] == c for q, c in bars), bars
    hrefs = re.findall(r'href="(/events\?[^"]*quad=[^"]*)"', svg)
    assert hrefs, legend
    href = next(h for h in hrefs if "verbal-conflict" in h).replace("&amp;", "&")
    data = client.get(href, headers={"accept": "application/json"}).json()
    assert data["total"] >= 1
    assert {e["type"] for e in data["rows"]} <= {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def test_types_are_grouped_and_coloured_by_their_class(client):
    svg = svg_of(client.get("/pair/CHN/JPN", params={"since": "2023"}).text, "timeline")
    legend = re.search(r'<g class="legend"[^>]*>(.*?)</g></svg>', svg, re.S).group(1)
    # the legend reads class by class, each heading followed by its own types only
    items = re.findall(r'<text class="group"[^>]*>([^<]+):</text>|<rect[^>]*fill="([^"]+)"/><text[^>]*>([A-Z]+)</text>',
                       legend)
    heading, seen = None, []
    for group, colour, etype in items:
        if group:
            heading = group.replace(" ", "-")
            seen.append(heading)
            continue
        assert QUAD_OF_TYPE[etype] == heading, (etype, heading)
        assert colour in FAMILIES[heading], (etype, colour)
    assert seen == [q for q in QUADS if q in seen] and len(seen) >= 3, seen  # in the codebook's order
    # a bar's colour is its type's, the legend's
    legend_colour = {t: c for _, c, t in items if t}
    bars = re.findall(r'<a href="[^"]*type=([A-Z]+)[^"]*"><title>[^<]*</title><rect[^>]*fill="([^"]+)"', svg)
    assert bars and all(legend_colour[t] == c for t, c in bars)


@pytest.mark.parametrize("query", [{"since": "2017", "until": "2023"}, {"since": "2023"},
                                   {"since": "2023-08", "until": "2023-12", "period": "week"},
                                   {"since": "2023-08-01", "until": "2023-11-28", "period": "day"}, {}])
def test_x_labels_never_overlap(client, query):
    html = client.get("/pair/CHN/JPN", params=query).text
    for section in ("directions", "quad", "timeline", "score"):
        written = axis_texts(svg_of(html, section))
        assert len(written) >= 2, written
        for (x0, t0), (x1, t1) in zip(written, written[1:]):
            # each label is centred on its period: half of each label's width (11-unit digits are ~6.1 wide)
            assert x1 - x0 >= (len(t0) + len(t1)) / 2 * 6.2 + 4, (section, t0, t1, x1 - x0)


def test_charts_are_named_for_assistive_technology(client):
    html = client.get("/pair/CHN/JPN", params={"since": "2023"}).text
    for section in ("directions", "quad", "timeline", "score"):
        svg = svg_of(html, section)
        opening = svg[:svg.index(">")]
        assert 'role="group"' in opening, opening
        label = re.search(r'aria-label="([^"]+)"', opening).group(1)
        assert re.search(r"\d+ months from 2023-\d\d to 20\d\d-\d\d", label), label
        assert "<desc>" in svg and "<script" not in svg


def test_undated_events_are_counted_and_linked(client):
    html = client.get("/pair/ISR/PSE").text
    m = re.search(r'<p class="note undated"[^>]*>\s*(\d+) events? of this pair.*?<a href="([^"]+)"', html, re.S)
    assert m, "the note saying what the charts leave out"
    n, href = int(m.group(1)), m.group(2).replace("&amp;", "&")
    all_events = client.get("/api/events", params={"pair": "ISR-PSE", "limit": 100}).json()["rows"]
    unplaced = [e for e in all_events if not e["date"] or len(e["date"]) < 7]
    assert n == len(unplaced) == 4
    listed = client.get(href, headers={"accept": "application/json"}).json()
    assert listed["total"] == n and {e["event_id"] for e in listed["rows"]} == {e["event_id"] for e in unplaced}
    # charted + undated = every event of the pair
    charted = sum(sum(r["by_type_articles"].values()) for r in client.get("/pair/ISR/PSE.json").json()["pair"]["timeline"])
    assert charted + n == len(all_events)


def test_week_bars_link_to_the_whole_week(client):
    html = client.get("/pair/CHN/JPN", params={"since": "2023-08", "until": "2023-12", "period": "week"}).text
    svg = svg_of(html, "timeline")
    m = re.search(r'since=(\d{4}-\d{2}-\d{2})&amp;until=(\d{4}-\d{2}-\d{2})', svg)
    assert m
    lo, hi = (date.fromisoformat(x) for x in m.groups())
    assert lo.weekday() == 0 and (hi - lo).days == 6


# -------------------------------------------------------------------- wrong data

def test_stance_table_obeys_the_date_range(client):
    everything = client.get("/pair/CHN/JPN.json").json()["stances"]["issues"]
    assert len(everything) > 10
    assert client.get("/pair/CHN/JPN.json", params={"since": "2030"}).json()["stances"]["issues"] == []
    in_2023 = client.get("/pair/CHN/JPN.json", params={"since": "2023", "until": "2023"}).json()["stances"]["issues"]
    dates = [side["last"] for i in in_2023 for side in i["sides"] if side["last"]]
    assert dates and all(d.startswith("2023") for d in dates), dates
    html = client.get("/pair/CHN/JPN", params={"since": "2023", "until": "2023"}).text
    links = re.findall(r'<a class="stance[^"]*" href="([^"]+)"', html)
    assert links and all("since=2023&amp;until=2023" in h for h in links)
    assert "No issue-tagged events for this pair since 2030" in client.get("/pair/CHN/JPN?since=2030").text


def test_actors_are_described_as_most_of_their_mentions_describe_them(client):
    rows = {r["actor_key"]: r for r in client.get("/api/actors", params={"limit": 50}).json()["rows"]}
    # most CHN and JPN mentions are the state itself, with no role: not the alphabetically last role
    for code in ("CHN", "JPN"):
        assert rows[code]["kind"] == "state" and rows[code]["role"] is None, rows[code]
    assert rows["wang yi"]["kind"] == "person" and rows["wang yi"]["role"] == "Foreign Minister"


@pytest.mark.parametrize("key,heading,kind", [("IND", "India", "state"), ("CHN", "China", "state"),
                                              ("IGO:UN", "United Nations", "igo"), ("PSE", "Palestine", "state")])
def test_a_country_page_is_headed_by_the_country(client, key, heading, kind):
    # IND's most frequent mention is S Jaishankar, PSE's is Hamas: neither heads the page
    html = client.get(f"/actor/{key}").text
    h1 = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert h1.startswith(heading) and f'<span class="code">{key}</span>' in h1, h1
    assert re.search(r'<p class="muted">\s*' + kind + r"\b", html)


def test_an_article_without_a_title_is_headed_by_its_id(client):
    assert client.get("/api/articles/seed-000").json()["title"] is None
    html = client.get("/article/seed-000").text
    assert re.search(r"<h1>Article seed-000</h1>", html)
    assert "<title>Article seed-000" in html


# ------------------------------------------------------------------------ paging

@pytest.mark.parametrize("url", ["/events?offset=1000025", "/api/events?offset=1000001", "/actors?offset=1000025",
                                 "/pair/CHN/JPN?offset=1000025", "/api/stories?offset=5000000"])
def test_any_offset_is_a_page_not_a_422(client, url):
    # a store of 1M events has pages beyond offset 1,000,000, and its next links point there
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]


def test_the_json_form_links_to_json_pages(client):
    for url, key in (("/events.json", None), ("/pair/CHN/JPN.json", "stories"), ("/actor/CHN.json", "events"),
                     ("/actors.json", None)):
        page = client.get(url).json()
        page = page[key] if key else page
        nxt = page["next"]
        assert nxt and nxt.split("?")[0].endswith(".json"), (url, nxt)
        r = client.get(nxt)
        assert r.headers["content-type"].startswith("application/json") and r.json(), nxt
        back = (r.json()[key] if key else r.json())["prev"]
        assert back.split("?")[0].endswith(".json"), back
        again = client.get(back).json()
        assert (again[key] if key else again)["rows"] == page["rows"], back  # back to the first page


@pytest.mark.parametrize("url", ["/pair/CHN/JPN?offset=25", "/actor/CHN?offset=25", "/events?offset=25",
                                 "/actors?offset=25"])
def test_every_list_page_links_back(client, url):
    html = client.get(url).text
    prev = re.search(r'<a rel="prev" href="([^"]+)"', html)
    assert prev and "offset=0" in prev.group(1), url
    assert re.search(r'<span>26–\d+ of \d+</span>', html)


def test_beyond_the_last_page_links_back_to_it(client):
    html = client.get("/events", params={"offset": 1000000}).text
    total = int(re.search(r"none of (\d+)", html).group(1))
    prev = re.search(r'<a rel="prev" href="([^"]+)"', html).group(1)
    assert f"offset={(total - 1) // 25 * 25}&" in prev.replace("&amp;", "&")


# ------------------------------------------------------- what a request may ask

@pytest.mark.parametrize("url,name,valid", [
    ("/api/events?sinse=2024", "sinse", "since"),
    ("/events.json?sinse=2024", "sinse", "since"),
    ("/pair/CHN/JPN.json?perod=week", "perod", "period"),
    ("/api/pairs/CHN/JPN?since=2023&sort=asc", "sort", "until"),
    ("/actor/CHN.json?offest=25", "offest", "offset"),
    ("/api/stats?verbose=1", "verbose", "none"),
])
def test_unknown_query_parameters_are_refused_by_name(client, url, name, valid):
    from tests.web.test_api import assert_error

    body = assert_error(client.get(url), 400, "B511", field=name)
    assert f"'{name}'" in body["message"] and valid in body["message"].split("valid parameters:")[1], body


def test_unknown_query_parameter_on_an_html_page(client):
    r = client.get("/events", params={"sinse": "2024"})
    assert r.status_code == 400 and "text/html" in r.headers["content-type"]
    assert "[B511] unknown query parameter &#39;sinse&#39;" in r.text and "since" in r.text


@pytest.mark.parametrize("url,field,expected", [
    ("/api/events?since=20x", "since", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("/events.json?pair=CHN_JPN", "pair", "e.g. CHN-JPN"),
    ("/api/pairs/chn/JPN", "a", "ISO 3166-1 alpha-3"),
    ("/api/events?issue=Seafood%20Ban", "issue", "issue slug"),
])
def test_invalid_values_are_explained_in_words_not_regular_expressions(client, url, field, expected):
    from tests.web.test_api import assert_error

    body = assert_error(client.get(url), 422, "B503", field=field)
    assert expected in body["message"] and "^" not in body["message"] and "pattern" not in body["message"], body
    if not url.startswith("/api/"):  # and the HTML error page says the same
        html = client.get(url.replace(".json", ""), headers={"accept": "text/html"}).text
        message = re.search(r'<p class="message">(.*?)</p>', html, re.S).group(1)
        assert expected in message and "^" not in message


def test_pages_take_a_limit_and_their_links_keep_it(client):
    page = client.get("/events.json", params={"limit": 10, "offset": 10}).json()
    assert len(page["rows"]) == 10 and page["limit"] == 10
    assert "limit=10" in page["next"] and "cursor=" in page["next"] and "offset=0" in page["prev"]
    # onwards by cursor: the same rows as the page at offset 20
    assert client.get(page["next"]).json()["rows"] == \
        client.get("/events.json", params={"limit": 10, "offset": 20}).json()["rows"]
    assert client.get(page["next"]).status_code == 200


def test_api_stances_obey_the_date_range(client):
    everything = client.get("/api/pairs/CHN/JPN/stances").json()["issues"]
    assert len(everything) > 10
    assert client.get("/api/pairs/CHN/JPN/stances", params={"since": "2030"}).json()["issues"] == []
    in_2023 = client.get("/api/pairs/CHN/JPN/stances", params={"since": "2023", "until": "2023-12"}).json()["issues"]
    assert in_2023 and all(side["last"].startswith("2023") for i in in_2023 for side in i["sides"] if side["last"])
    # one issue's full sequence obeys the range too
    issue = in_2023[0]["issue"]
    seq = client.get("/api/pairs/CHN/JPN/stances", params={"issue": issue, "since": "2023", "until": "2023-12"}).json()
    steps = [s for i in seq["issues"] for side in i["sides"] for s in side["sequence"]]
    assert steps and all(s["date"].startswith("2023") for s in steps)
    # the summary counts what the sequence holds
    summary = {side["actor"]: side["summary"] for i in in_2023 if i["issue"] == issue for side in i["sides"]}
    assert summary == {side["actor"]: side["summary"] for i in seq["issues"] for side in i["sides"]}


def test_a_large_page_is_sent_compressed_to_a_client_that_asks(live_url):
    import gzip

    with httpx.Client(base_url=live_url, timeout=60) as c:
        plain = c.get("/pair/CHN/JPN", headers={"accept-encoding": "identity"})
        assert "content-encoding" not in plain.headers
        with c.stream("GET", "/pair/CHN/JPN", headers={"accept-encoding": "gzip"}) as r:
            raw = b"".join(r.iter_raw())
        assert r.headers["content-encoding"] == "gzip" and len(raw) * 4 < len(plain.content)
        assert gzip.decompress(raw) == plain.content
        # a streamed export too, whole
        export = c.get("/api/export", params={"pair": "CHN-JPN", "format": "jsonl"}, headers={"accept-encoding": "gzip"})
        assert export.headers.get("content-encoding") == "gzip" and len(export.text.splitlines()) >= 20
