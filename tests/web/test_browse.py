"""Browsing at scale, on the sample store over SQLite and PostgreSQL: cursor paging that walks a
whole list both ways, full-text search with phrases, the pairs ranking, the issues index, the
codebook and the API reference, the pair summary, facet counts from the roll-ups."""
from __future__ import annotations

import re

import httpx
import pytest


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=60) as c:
        yield c


@pytest.mark.parametrize("url", ["/api/events?limit=7", "/api/events?pair=CHN-JPN&limit=4",
                                 "/api/events?actor=CHN&limit=5", "/api/stories?limit=6",
                                 "/api/stories?pair=CHN-JPN&limit=3"])
def test_cursors_walk_the_whole_list_both_ways(client, url):
    everything = client.get(re.sub(r"limit=\d+", "limit=500", url)).json()
    assert everything["total"] == len(everything["rows"]) and not everything["next"]
    pages, page = [], client.get(url).json()
    while True:
        pages.append(page)
        if not page["next"]:
            break
        assert "cursor=" in page["next"] and "offset" not in page["next"]
        page = client.get(page["next"]).json()
    walked = [r for p in pages for r in p["rows"]]
    assert walked == everything["rows"] and len(pages) > 2
    # and back, from the last page to the first, by the prev links
    back = [pages[-1]["rows"]]
    page = pages[-1]
    while page["prev"]:
        page = client.get(page["prev"]).json()
        back.append(page["rows"])
    assert [r for rows in reversed(back) for r in rows] == everything["rows"]


def test_an_offset_is_still_a_page(client):
    by_offset = client.get("/api/events", params={"limit": 5, "offset": 10}).json()
    everything = client.get("/api/events", params={"limit": 500}).json()["rows"]
    assert by_offset["rows"] == everything[10:15]
    assert client.get(by_offset["next"]).json()["rows"] == everything[15:20]


@pytest.mark.parametrize("q, want", [("senkaku islands", ["senkaku", "islands"]),
                                     ("Senkaku Islands", ["senkaku", "islands"]),
                                     ('"senkaku islands"', ["senkaku islands"])])
def test_search_finds_words_and_phrases_in_the_article_text(client, q, want):
    """Words must all occur (anywhere); a quoted phrase, as written (the evidence or the article)."""
    found = client.get("/api/events", params={"q": q, "limit": 500}).json()
    assert found["rows"], q
    for e in found["rows"]:
        article = client.get(f"/api/articles/{e['article_id']}").json()
        text = (article["text"] + " " + " ".join(x["sentence"] for x in e["evidence"])).lower()
        assert all(w in text for w in want), (q, e["event_id"])
    phrase = client.get("/api/events", params={"q": '"senkaku islands"', "limit": 500}).json()["total"]
    assert 0 < phrase <= found["total"]


def test_search_terms_must_all_occur(client):
    one = client.get("/api/events", params={"q": "senkaku", "limit": 500}).json()["total"]
    both = client.get("/api/events", params={"q": "senkaku zzzyzzyva", "limit": 500}).json()
    assert one > 0 and both["total"] == 0 and both["rows"] == []
    assert client.get("/api/events", params={"q": '"islands senkaku"'}).json()["total"] < one  # word order counts
    assert client.get("/api/events", params={"q": "!!!"}).json()["total"] == 0  # no word: nothing to find


def test_pairs_ranked_three_ways(client):
    by_events = client.get("/pairs.json").json()
    counts = [r["n_events"] for r in by_events["rows"]]
    assert counts == sorted(counts, reverse=True) and by_events["rows"][0]["pair"] == "CHN-JPN"
    conflict = client.get("/pairs.json", params={"by": "conflict"}).json()["rows"]
    shares = [r["conflict_share"] for r in conflict]
    assert shares == sorted(shares, reverse=True) and all(r["n_events"] >= 10 for r in conflict)
    change = client.get("/pairs.json", params={"by": "change"}).json()["rows"]
    assert change and all(r["change"] == r["n_stories"] - r["n_stories_before"] for r in change)
    html = client.get("/pairs").text
    assert 'href="/pair/CHN/JPN"' in html and 'href="/pairs?by=conflict"' in html


def test_issues_index_and_issue_page(client):
    rows = client.get("/issues.json").json()["rows"]
    top = rows[0]
    assert top["n_events"] == client.get("/api/events", params={"issue": top["issue"], "limit": 1}).json()["total"]
    page = client.get(f"/issue/{top['issue']}.json").json()
    assert sum(m["total"] for m in page["timeline"]) <= top["n_events"]
    assert sum(page["counts"]["type"].values()) == top["n_events"]
    html = client.get(f"/issue/{top['issue']}").text
    assert '<svg class="chart"' in html and f'/events?issue={top["issue"]}' in html
    assert client.get("/issue/no-such-issue").status_code == 404


def test_the_codebook_explains_every_badge(client):
    html = client.get("/codebook").text
    for t in ("AGREE", "ASSAULT", "CONSULT", "SANCTION"):
        assert f'id="{t}"' in html
    events = client.get("/events").text
    badges = re.findall(r'<a class="type type-([A-Z]+)" href="/codebook#([A-Z]+)"', events)
    assert badges and all(a == b for a, b in badges)


def test_api_reference_is_served_without_a_cdn(client):
    html = client.get("/docs/api").text
    assert "GET /api/events" in html and "cursor" in html
    assert not re.search(r'<script[^>]+src="https?://', html) and "cdn" not in html.lower()


def test_pair_page_opens_with_a_summary(client):
    data = client.get("/pair/CHN/JPN.json").json()["summary"]
    stories = client.get("/api/stories", params={"pair": "CHN-JPN", "limit": 1}).json()["total"]
    assert data["n_stories"] == stories and data["n_events"] >= stories
    assert data["first_day"] <= data["last_day"] and data["biggest_stories"]
    html = client.get("/pair/CHN/JPN").text
    assert 'id="summary"' in html and f"{stories:,}" in html


def test_actor_page_counts_come_from_the_roll_ups(client):
    actor = client.get("/api/actors/CHN").json()
    events = client.get("/api/events", params={"actor": "CHN", "limit": 500}).json()
    assert actor["n_events"] == events["total"] == len(events["rows"])
    assert sum(m["total"] for m in actor["months"]) + actor["undated"] == actor["n_events"]
    assert actor["n_stories"] == len({e["story_id"] for e in events["rows"]})


# ------------------------------------------------------------------ filters, facets, downloads

def test_facet_counts_match_the_filtered_lists(client):
    page = client.get("/events.json", params={"pair": "CHN-JPN"}).json()
    facets = page["facets"]
    assert not facets["sampled"] and facets["n"] == page["total"]
    for name, param in (("type", "type"), ("issue", "issue"), ("source", "source"), ("quad", "quad")):
        rows = facets["facets"][name]
        assert rows, name
        value, n = rows[0]
        narrowed = client.get("/events.json", params={"pair": "CHN-JPN", param: value, "limit": 100}).json()
        assert narrowed["total"] == n, (name, value)
    # every count links to the list it counts, and a chosen value links back out
    html = client.get("/events", params={"pair": "CHN-JPN", "type": "ACCUSE"}).text
    assert 'id="facet-issue"' in html and 'class="on"><a href="/events?pair=CHN-JPN"' in html


def test_direction_and_outlet_count_filters(client):
    both = client.get("/api/events", params={"pair": "CHN-JPN", "limit": 500}).json()["rows"]
    by_japan = client.get("/events.json", params={"pair": "CHN-JPN", "source": "JPN", "limit": 100}).json()
    want = [e["event_id"] for e in both if "JPN" in {a["country"] for a in e["source"]}]
    assert [e["event_id"] for e in by_japan["rows"]] == want and 0 < len(want) < len(both)
    wide = client.get("/events.json", params={"min_outlets": 2, "limit": 100}).json()
    sources = {s["story_id"]: s["n_sources"] for s in client.get("/api/stories", params={"limit": 500}).json()["rows"]}
    assert wide["rows"] and all(sources[e["story_id"]] >= 2 for e in wide["rows"])


def test_every_view_is_a_permalink(client):
    url = "/events?pair=CHN-JPN&type=ACCUSE&since=2023&until=2023-12&limit=5"
    first = client.get(url.replace("/events?", "/events.json?")).json()
    assert client.get(url.replace("/events?", "/events.json?")).json() == first
    html = client.get(url).text
    for field in ('name="pair" value="CHN-JPN"', "<option selected>ACCUSE</option>", 'name="since" value="2023"'):
        assert field in html


def test_downloads_stream_what_the_list_shows(client):
    import csv
    import io
    import json

    listed = client.get("/api/events", params={"pair": "CHN-JPN", "type": "ACCUSE", "limit": 500}).json()
    with client.stream("GET", "/api/export", params={"pair": "CHN-JPN", "type": "ACCUSE", "format": "csv"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        body = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(r["event_id"] for r in rows) == sorted(e["event_id"] for e in listed["rows"])
    lines = client.get("/api/export", params={"pair": "CHN-JPN", "type": "ACCUSE", "format": "jsonl"}).text.splitlines()
    assert sorted(json.loads(x)["event_id"] for x in lines) == sorted(e["event_id"] for e in listed["rows"])
    timeline = client.get("/api/pairs/CHN/JPN", params={"format": "csv"}).text
    chart = client.get("/api/pairs/CHN/JPN").json()["timeline"]
    assert len(timeline.strip().splitlines()) == len(chart) + 1 and "ACCUSE" in timeline.splitlines()[0]
    # each list page links its downloads
    for page in ("/events?pair=CHN-JPN", "/pair/CHN/JPN", "/actor/CHN", "/actors", "/pairs", "/issues"):
        html = client.get(page).text
        links = re.findall(r'<p class="downloads">(.*?)</p>', html, re.S)
        assert links and "csv" in links[0].lower() and "json" in links[0].lower(), page
        for href in re.findall(r'href="([^"]+)"', links[0]):
            assert client.get(href.replace("&amp;", "&")).status_code == 200, (page, href)


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_undated_count_matches_the_undated_list(client, web_store, period):
    pairs = [r["pair"] for r in client.get("/api/pairs", params={"limit": 200}).json()["rows"]]
    counts = {}
    for pair in pairs:
        a, b = pair.split("-")
        counts[pair] = web_store.pair_undated(a, b, period)
        assert counts[pair] == web_store.events(pair=pair, undated=period, limit=500).total, pair
    assert any(counts.values()) or period == "day"  # the sample has year- and month-only dates
