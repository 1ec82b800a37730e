"""Filters and facet counts in the pair, actor and story pages themselves (as on the events page),
and the pair page's direction toggle, on the sample store over SQLite and PostgreSQL: each page's
list and counts are the events page's for the same filters, every count links to this same page
with its filter set, and the page's own key is no filter of it."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import pytest


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as c:
        yield c


def facet_hrefs(html: str) -> list[str]:
    aside = re.search(r'<aside class="facets".*?</aside>', html, re.S)
    assert aside, "no facet column"
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', aside.group(0))]


@pytest.mark.parametrize("page, fixed, params", [
    ("/pair/CHN/JPN", {"pair": "CHN-JPN"}, {}),
    ("/pair/CHN/JPN", {"pair": "CHN-JPN"}, {"type": "ACCUSE"}),
    ("/pair/CHN/JPN", {"pair": "CHN-JPN"}, {"quad": "verbal-conflict", "since": "2023"}),
    ("/pair/CHN/JPN", {"pair": "CHN-JPN"}, {"issue": "seafood-import-ban", "source": "CHN"}),
    ("/actor/CHN", {"actor": "CHN"}, {}),
    ("/actor/CHN", {"actor": "CHN"}, {"type": "ACCUSE", "pair": "CHN-JPN"}),
    ("/actor/Wang%20Yi", {"actor": "Wang Yi"}, {"since": "2023"}),
])
def test_a_page_lists_and_counts_what_the_events_page_does(client, page, fixed, params):
    data = client.get(page.replace("?", ".json?") if "?" in page else page + ".json", params=params).json()["events"]
    same = client.get("/events.json", params={**fixed, **params, "limit": data["limit"]}).json()
    assert data["total"] == same["total"] and data["total_capped"] == same["total_capped"]
    assert [e["event_id"] for e in data["rows"]] == [e["event_id"] for e in same["rows"]]
    assert data["facets"] == same["facets"] and data["filters"] == {k: v for k, v in same["filters"].items()
                                                                      if k not in fixed and k != "undated"}
    # the counts beside the list link back to this page, never to a filter the page fixes itself
    html = client.get(page, params=params).text
    hrefs = facet_hrefs(html)
    assert hrefs and all(unquote(urlsplit(h).path) == unquote(page) for h in hrefs), hrefs
    assert not any(set(fixed) & set(parse_qs(urlsplit(h).query)) for h in hrefs), hrefs
    for name in ("type", "quad", "year", "issue", "outlet", "source"):
        assert f'id="facet-{name}"' in html or not data["facets"]["facets"].get(name), name
    assert 'id="facet-pair"' not in html or "pair" not in fixed


def test_a_count_on_the_pair_page_narrows_the_pair_page(client):
    html = client.get("/pair/CHN/JPN").text
    href = next(h for h in facet_hrefs(html) if "type=" in h)
    n = int(re.search(rf'<a href="{re.escape(href).replace("&", "&amp;")}">[A-Z]+</a> <span class="count">([\d,]+)',
                      html).group(1).replace(",", ""))
    narrowed = client.get(href, headers={"accept": "application/json"}).json()["events"]
    assert narrowed["total"] == n and all(e["type"] == parse_qs(urlsplit(href).query)["type"][0]
                                          for e in narrowed["rows"])
    # and the narrowed page is a permalink: its form shows the filter, its count is marked, one click removes it
    again = client.get(href).text
    assert "<option selected>" + parse_qs(urlsplit(href).query)["type"][0] + "</option>" in again
    assert 'class="on"><a href="/pair/CHN/JPN"' in again


@pytest.mark.parametrize("page, own", [("/pair/CHN/JPN.json", "pair"), ("/actor/CHN.json", "actor")])
def test_the_page_key_is_no_filter_of_it(client, page, own):
    from tests.web.test_api import assert_error

    assert_error(client.get(page, params={own: "CHN-JPN" if own == "pair" else "CHN"}), 400, "B511", field=own)


def test_pair_direction_toggle(client):
    both = client.get("/pair/CHN/JPN.json").json()
    html = client.get("/pair/CHN/JPN").text
    toggle = re.search(r'<nav class="directions".*?</nav>', html, re.S).group(0)
    labels = re.findall(r'>([^<]+)</a>', toggle)
    assert labels == ["both directions", "CHN → JPN", "JPN → CHN"] and 'class="on"' in toggle.split("CHN →")[0]
    assert 'id="directions"' in html, "both directions: the chart of who acts"
    for side, other in (("CHN", "JPN"), ("JPN", "CHN")):
        one = client.get("/pair/CHN/JPN.json", params={"source": side}).json()
        # the charts: what this side did, period by period, as the unfiltered rows count it
        by_period = {r["period"]: r for r in both["pair"]["timeline"]}
        for r in one["pair"]["timeline"]:
            assert r[f"{other}->{side}"] == 0 and r[f"{side}->{other}"] == r["stories"], r
            if side == "CHN":
                assert r["stories"] == by_period[r["period"]]["CHN->JPN"], r["period"]
        assert sum(r["stories"] for r in one["pair"]["timeline"]) < sum(r["stories"] for r in both["pair"]["timeline"])
        # the events: this side acts in every one
        assert one["events"]["rows"] and all(side in {a["country"] for a in e["source"]} for e in one["events"]["rows"])
        # the stance table: this side's column only
        issues = one["stances"]["issues"]
        assert issues and all([s["actor"] for s in i["sides"]] == [side] for i in issues)
        html = client.get("/pair/CHN/JPN", params={"source": side}).text
        assert re.search(rf'<a href="[^"]*source={side}[^"]*" class="on" aria-current="true">{side} →', html)
        assert 'id="directions"' not in html and 'id="quad"' in html
    # a third country acting is a filter of the list, not a direction of the charts
    third = client.get("/pair/CHN/JPN.json", params={"source": "USA"}).json()
    assert third["pair"]["timeline"] == both["pair"]["timeline"]


def test_story_page_filters_its_articles(client):
    stories = client.get("/api/stories", params={"limit": 500}).json()["rows"]
    story = max(stories, key=lambda s: (s["n_sources"] or 0, s["n_articles"]))
    assert story["n_sources"] >= 2
    sid = story["story_id"]
    whole = client.get(f"/story/{sid}.json").json()
    outlets = whole["events"]["facets"]["facets"]["outlet"]
    assert len(outlets) >= 2 and sum(n for _, n in outlets) == whole["events"]["total"]
    outlet, n = outlets[-1]
    narrowed = client.get(f"/story/{sid}.json", params={"outlet": outlet}).json()["events"]
    assert narrowed["total"] == n and {e["outlet"] for e in narrowed["rows"]} == {outlet}
    html = client.get(f"/story/{sid}", params={"outlet": outlet}).text
    shown = re.findall(r'<span class="outlet">([^<]*)</span>', html)
    assert shown and set(shown) == {outlet}
    assert all(urlsplit(h).path == f"/story/{sid}" for h in facet_hrefs(html))
    # every outlet stays named in the facts, whatever the filter shows
    assert len(re.search(r"<dt>Reported by</dt><dd>(.*?)</dd>", html, re.S).group(1).split(",")) >= len(outlets)


def test_search_pages_walk_by_cursor(client):
    """A search alone is listed from its matches read once: its cursors walk it as any list's do."""
    everything = client.get("/api/events", params={"q": "china", "limit": 500}).json()
    assert everything["total"] == len(everything["rows"]) > 9
    pages, page = [], client.get("/api/events", params={"q": "china", "limit": 4}).json()
    while True:
        pages.append(page)
        if not page["next"]:
            break
        page = client.get(page["next"]).json()
    assert [r for p in pages for r in p["rows"]] == everything["rows"]
    back, page = [pages[-1]["rows"]], pages[-1]
    while page["prev"]:
        page = client.get(page["prev"]).json()
        back.append(page["rows"])
    assert [r for rows in reversed(back) for r in rows] == everything["rows"]
    by_offset = client.get("/api/events", params={"q": "china", "limit": 5, "offset": 7}).json()
    assert by_offset["rows"] == everything["rows"][7:12]
    beyond = client.get("/api/events", params={"q": "china", "limit": 5, "offset": everything["total"] + 5}).json()
    assert beyond["rows"] == []
    # the same search with another filter is read by the database: the same order
    dated = client.get("/api/events", params={"q": "china", "since": "1900", "limit": 500}).json()["rows"]
    ids = {e["event_id"] for e in dated}
    assert dated and dated == [e for e in everything["rows"] if e["event_id"] in ids]


@pytest.mark.parametrize("url, location", [
    ("/events?q=&pair=CHN-JPN&since=&min_outlets=", "/events?pair=CHN-JPN"),
    ("/pair/CHN/JPN?source=JPN&type=&period=month", "/pair/CHN/JPN?source=JPN&period=month"),
    ("/actor/Wang%20Yi?issue=&q=", "/actor/Wang%20Yi"),
    ("/events.json?type=&issue=taiwan", "/events.json?issue=taiwan"),
])
def test_a_submitted_form_lands_on_the_permalink(client, url, location):
    """A filter form sends its empty fields too: the page redirects to its URL without them."""
    r = client.get(url)
    assert r.status_code == 303 and r.headers["location"] == location
    assert client.get(location).status_code == 200
    # the API takes no form: an empty value there is still an error that names the field
    assert client.get("/api/events?since=").status_code == 422


@pytest.mark.parametrize("filters", [dict(actor="CHN", pair="CHN-JPN"),
                                     dict(pair="CHN-JPN", source="JPN", min_outlets=1),
                                     dict(issue="territorial-dispute", since="2000")])
def test_a_counted_list_reads_its_head_once_and_pages_past_it(web_store, monkeypatch, filters):
    """A list no roll-up counts is read once up to COUNT_CAP + 1 matches within the newest SCAN_CAP
    rows of its driving index: its count (a lower bound when cut), its facets and its first pages
    come from that head, and the pages beyond it from the database, in the same order."""
    from bilat.store import browse

    def fresh():
        web_store.__dict__.pop("_kept_lists", None)  # lists kept by the store version, read with other caps

    fresh()
    everything = web_store.events(**filters, limit=500)
    assert not everything.total_capped and everything.total == len(everything.rows) > 6, filters
    fresh()
    monkeypatch.setattr(browse, "COUNT_CAP", 4)
    monkeypatch.setattr(browse, "SCAN_CAP", 3)
    first = web_store.events(**filters, limit=2)
    assert first.total_capped and 1 <= first.total <= 4
    walked, page = [], first
    while True:
        walked += page.rows
        if not page.next_cursor:
            break
        page = web_store.events(**filters, limit=2, cursor=page.next_cursor)
    assert [e["event_id"] for e in walked] == [e["event_id"] for e in everything.rows]
    assert web_store.events(**filters, limit=3, offset=5).rows == everything.rows[5:8]
    facets = web_store.event_facets(**filters)
    assert facets["sampled"] and sum(n for _, n in facets["facets"]["type"]) == facets["n"] <= 4
    fresh()


# ------------------------------------------------------------ downloads carry the page's filters

def every_listed(client, params: dict) -> list[str]:
    """The ids of every event /events lists for these filters, page after page."""
    ids, page = [], client.get("/events.json", params={**params, "limit": 100}).json()
    while True:
        ids += [e["event_id"] for e in page["rows"]]
        if not page["next"]:
            return ids
        page = client.get(page["next"].replace("/events?", "/events.json?")).json()


def exported(client, href: str) -> list[str]:
    import csv
    import io
    import json

    r = client.get(href.replace("&amp;", "&"))
    assert r.status_code == 200, (href, r.text[:300])
    if "format=jsonl" in href:
        return [json.loads(line)["event_id"] for line in r.text.splitlines()]
    return [row["event_id"] for row in csv.DictReader(io.StringIO(r.text))]


EXPORT_CASES = [
    {"pair": "CHN-JPN", "quad": "verbal-conflict"},
    {"pair": "CHN-JPN", "source": "JPN"},
    {"pair": "CHN-JPN", "quad": "material-conflict", "source": "CHN", "since": "2023"},
    {"min_outlets": 2},
    {"min_outlets": 2, "quad": "verbal-cooperation"},
    {"actor": "CHN", "quad": "verbal-conflict", "issue": "seafood-import-ban"},
    {"source": "USA", "type": "ACCUSE"},
    {"quad": "verbal-cooperation", "type": "ACCUSE"},  # a type outside the class: nothing
    {"pair": "ISR-PSE", "undated": "month"},
]


@pytest.mark.parametrize("params", EXPORT_CASES)
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_the_export_takes_the_pages_filters(client, params, fmt):
    want = every_listed(client, params)
    got = exported(client, "/api/export?" + "&".join(f"{k}={v}" for k, v in {**params, "format": fmt}.items()))
    assert sorted(got) == sorted(want)
    # the filters narrow: the same export without them has more (the empty case: a type and a class apart)
    if "quad" in params and "type" not in params:
        wider = exported(client, "/api/export?" + "&".join(f"{k}={v}" for k, v in params.items() if k != "quad"))
        assert len(wider) > len(got) > 0


@pytest.mark.parametrize("page, fixed, params", [
    ("/events", {}, {"pair": "CHN-JPN", "quad": "verbal-conflict", "source": "JPN"}),
    ("/events", {}, {"min_outlets": "2", "since": "2023"}),
    ("/events", {}, {"pair": "ISR-PSE", "undated": "month"}),
    ("/pair/CHN/JPN", {"pair": "CHN-JPN"}, {"quad": "material-conflict", "source": "CHN"}),
    ("/actor/CHN", {"actor": "CHN"}, {"quad": "verbal-conflict", "min_outlets": "1", "issue": "seafood-import-ban"}),
])
def test_every_download_link_carries_the_page_filters(client, page, fixed, params):
    html = client.get(page, params=params).text
    links = re.findall(r'<p class="downloads">(.*?)</p>', html, re.S)
    exports = [h for block in links for h in re.findall(r'href="(/api/export\?[^"]+)"', block)]
    assert {"csv", "jsonl"} <= {parse_qs(urlsplit(h.replace("&amp;", "&")).query)["format"][0] for h in exports}
    want = sorted(every_listed(client, {**fixed, **params}))
    assert want
    for href in exports:
        query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        if "pair" in fixed and set(query) == {"pair", "format"} | ({"source"} & set(query)):
            continue  # the pair page's chart downloads: the events behind the charts (dates, direction)
        assert {k: v[0] for k, v in query.items() if k != "format"} == {**fixed, **params}, href
        assert sorted(exported(client, href)) == want, href


def test_the_pair_page_chart_downloads_follow_the_direction(client):
    html = client.get("/pair/CHN/JPN", params={"source": "JPN", "since": "2023"}).text
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="(/api/(?:pairs/CHN/JPN|export)\?[^"]+)"', html)]
    chart_csv = next(h for h in hrefs if h.startswith("/api/pairs/") and "format=csv" in h)
    chart_json = next(h for h in hrefs if h.startswith("/api/pairs/") and "format" not in h)
    assert "source=JPN" in chart_csv and "since=2023" in chart_csv
    one_way = client.get(chart_json).json()["timeline"]
    both = client.get("/api/pairs/CHN/JPN", params={"since": "2023"}).json()["timeline"]
    assert sum(r["stories"] for r in one_way) < sum(r["stories"] for r in both)
    events_csv = next(h for h in hrefs if h.startswith("/api/export") and set(parse_qs(urlsplit(h).query)) ==
                      {"pair", "since", "source", "format"})
    assert sorted(exported(client, events_csv)) == sorted(every_listed(client, {"pair": "CHN-JPN", "source": "JPN",
                                                                               "since": "2023"}))


def test_the_story_page_downloads_its_records(client):
    sid = client.get("/api/stories", params={"pair": "TUR-USA", "limit": 50}).json()["rows"]
    sid = max(sid, key=lambda s: s["n_articles"])["story_id"]
    html = client.get(f"/story/{sid}").text
    href = re.search(r'<p class="downloads">.*?href="(/api/export\?[^"]+format=csv[^"]*)"', html, re.S).group(1)
    records = client.get(f"/story/{sid}.json").json()["events"]["rows"]
    assert sorted(exported(client, href)) == sorted(e["event_id"] for e in records) and len(records) >= 3


def test_pair_chart_data_refuses_a_third_country_as_direction(client):
    from tests.web.test_api import assert_error

    assert_error(client.get("/api/pairs/CHN/JPN", params={"source": "USA"}), 400, "B513", field="source")
