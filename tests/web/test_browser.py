"""The dashboard in Debian's Chromium, against ``bilat serve`` on a free port.

home → pair → chart click → evidence → story; the hostile article; screenshots of
every step land in test-artifacts/.
"""
from __future__ import annotations

import re

import pytest

from tests.fixtures_web import screenshot

pytestmark = pytest.mark.browser


def no_leaks(page) -> None:
    assert page.external_requests == [], f"requests left 127.0.0.1: {page.external_requests}"
    assert page.console_errors == [], page.console_errors


def test_home_pair_story(page, served_url):
    page.goto(served_url + "/")
    assert page.title().startswith("Home")
    assert page.locator("input[type=search][name=q]").first.is_visible()
    pair_link = page.locator("a.pair-link", has_text="CHN – JPN")
    assert pair_link.count() == 1, "CHN–JPN is the most active pair of the sample store"
    assert page.locator("li.story").count() >= 10
    screenshot(page, "01-home")

    # --- pair page: two charts rendered as SVG with bars and points, a stance matrix, stories
    pair_link.click()
    page.wait_for_url(re.compile(r"/pair/CHN/JPN$"))
    assert page.locator("h1").inner_text() == "CHN – JPN"
    # 2011 to 2025 is too long for a bar a month: drawn by year, and the page says so
    assert "Events per year by type" in page.locator("#timeline svg.chart .title").first.text_content()
    assert page.locator("p.note.coarser").is_visible()
    page.goto(served_url + "/pair/CHN/JPN?since=2023")
    timeline = page.locator("#timeline svg.chart")
    score = page.locator("#score svg.chart")
    assert timeline.count() == 1 and score.count() == 1
    box = timeline.bounding_box()
    assert box and box["width"] > 500 and box["height"] > 200, box
    bars = page.locator("#timeline svg.chart a rect")
    assert bars.count() >= 8, "one rect per type and month"
    assert page.locator("#score svg.chart a circle").count() >= 5
    labels = page.locator("#timeline svg.chart .axis.x text").all_text_contents()
    assert {"2023-01", "2023-04", "2023-07", "2023-10"} <= set(labels), labels  # thinned to quarters
    assert page.locator("#quad svg.chart a rect").count() >= 8, "the quad-class view beside the per-type view"
    matrix = page.locator("#stances table.matrix")
    assert matrix.locator("th", has_text="seafood-import-ban").count() == 1
    assert matrix.locator("a.stance", has_text="demands").count() >= 1
    assert matrix.locator(".speakers", has_text="Wang Yi").count() >= 1
    screenshot(page, "02-pair-CHN-JPN")

    # --- one click from a bar of the chart to the sentences behind it
    sanction = page.locator('#timeline svg.chart a[href*="type=SANCTION"]').first
    href = sanction.get_attribute("href")
    assert "pair=CHN-JPN" in href and "since=2023-08" in href
    sanction.locator("rect").click()
    page.wait_for_url(re.compile(r"/events\?.*type=SANCTION"))
    evidence = page.locator("li.event blockquote.evidence mark")
    assert evidence.count() == 1
    assert "suspended all imports of Japanese seafood" in evidence.first.inner_text()
    screenshot(page, "03-chart-click-evidence")

    # --- a point of the score line links to that month's events
    page.go_back()
    page.wait_for_url(re.compile(r"/pair/CHN/JPN\?since=2023$"))
    page.locator('#score svg.chart a[href*="since=2023-10"] circle').first.click()
    page.wait_for_url(re.compile(r"/events\?.*since=2023-10"))
    assert page.locator("li.event").count() == 3

    # --- a story from the pair page: evidence highlighted in its paragraph, outlet, links
    page.goto(served_url + "/pair/CHN/JPN")
    page.locator("#stories a.story-link", has_text="lift its ban on Japanese seafood").first.click()
    page.wait_for_url(re.compile(r"/story/st-"))
    mark = page.locator("li.mention mark.evidence").first
    assert "lift its ban on Japanese seafood imports" in mark.inner_text()
    color = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent"), "the evidence is visibly highlighted"
    paragraph = page.locator("li.mention p.paragraph").first.inner_text()
    assert len(paragraph) > len(mark.inner_text()), "the sentence is shown inside its paragraph"
    assert "Kamikawa" in page.locator("dl.facts").inner_text()
    screenshot(page, "04-story-CHN-JPN")
    page.locator("li.mention a.article-link").first.click()
    page.wait_for_url(re.compile(r"/article/seed-000$"))
    assert page.locator("article.text mark.evidence").count() >= 5
    no_leaks(page)


def test_pair_page_with_nothing_to_chart(page, served_url):
    resp = page.goto(served_url + "/pair/CHN/JPN?since=2030")
    assert resp.status == 200
    assert page.locator("svg.chart").count() == 0
    empty = page.locator("#timeline .empty-state")
    assert empty.is_visible() and "No dated event between CHN and JPN since 2030" in empty.inner_text()
    assert "since 2030" in page.locator("#stances").inner_text()
    screenshot(page, "08-pair-empty")
    page.locator("#timeline .empty-state a", has_text="All dates").click()
    page.wait_for_url(re.compile(r"/pair/CHN/JPN$"))
    assert page.locator("#quad svg.chart").count() == 1
    no_leaks(page)


def test_undated_events_are_one_click_away(page, served_url):
    page.goto(served_url + "/pair/ISR/PSE")
    note = page.locator("p.note.undated")
    assert note.is_visible() and note.inner_text().startswith("4 events of this pair have no date")
    # the lone dated month is shown among empty months, each value with its hover text
    assert page.locator("#timeline svg.chart .axis.x text").count() >= 7
    titles = page.locator("#timeline svg.chart a title").all_text_contents()
    assert titles and all(re.search(r": \d+ stor", t) for t in titles), titles
    screenshot(page, "09-pair-undated")
    note.locator("a").click()
    page.wait_for_url(re.compile(r"/events\?pair=ISR-PSE&undated=month$"))
    assert page.locator("li.event").count() == 4
    assert set(page.locator("li.event .date").all_inner_texts()) <= {"undated", "2023", "2024", "2025"}
    no_leaks(page)


def test_story_told_by_three_outlets(page, served_url):
    page.goto(served_url + "/pair/TUR/USA")
    page.locator("#stories li.story", has_text="3 articles").locator("a.story-link").click()
    page.wait_for_url(re.compile(r"/story/st-"))
    mentions = page.locator("li.mention")
    assert mentions.count() >= 3
    outlets = set(page.locator("li.mention .outlet").all_inner_texts())
    assert {"cnn.com", "news.az", "report.az"} <= outlets, outlets
    assert page.locator("li.mention mark.evidence").count() == mentions.count()
    originals = page.locator("li.mention a.original")
    assert originals.count() >= 3 and all(h.startswith("http") for h in
                                          (originals.nth(i).get_attribute("href") for i in range(originals.count())))
    screenshot(page, "05-story-three-outlets")
    no_leaks(page)


def test_search_and_actor(page, served_url):
    page.goto(served_url + "/")
    page.fill("form.search.big input[name=q]", "seafood")
    page.press("form.search.big input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/events\?q=seafood"))
    rows = page.locator("li.event")
    assert rows.count() >= 2
    # full-text search: the word is in the evidence or in the article (title or text)
    assert any("seafood" in text.lower() for text in page.locator("li.event blockquote.evidence").all_inner_texts())
    page.locator("li.event a.actor", has_text="Yoko Kamikawa").first.click()
    page.wait_for_url(re.compile(r"/actor/Yoko%20Kamikawa$"))
    assert "Yoko Kamikawa" in page.locator("h1").inner_text()
    assert page.locator("#timeline svg.chart a rect").count() >= 1
    screenshot(page, "06-actor")
    no_leaks(page)


def test_hostile_article_is_shown_as_text(page, served_url):
    page.goto(served_url + "/article/web-hostile")
    # nothing from the article ran ...
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # ... and the markup is visible as text
    body = page.locator("article.text").inner_text()
    assert "<script>window.__pwned = 3</script>" in body
    assert '<img src=x onerror="window.__pwned=2">' in body
    assert "<script>window.__pwned = 1</script>Hostile title" in page.locator("h1").inner_text()
    assert page.locator("a.original").count() == 0, "a javascript: URL never becomes a link"
    assert page.locator("script").count() == 0 and page.locator("article img").count() == 0
    page.locator("li.event a", has_text="story").first.click()
    page.wait_for_url(re.compile(r"/story/"))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>" in page.locator("li.mention mark.evidence").inner_text()
    assert "<b>Evil</b> Outlet" in page.locator("li.mention .outlet").inner_text()
    screenshot(page, "07-hostile-escaped")
    no_leaks(page)


def test_error_page_and_json_twin(page, served_url):
    resp = page.goto(served_url + "/story/no-such-story")
    assert resp.status == 404
    assert "[B403]" in page.locator("p.message").inner_text()
    resp = page.goto(served_url + "/pair/CHN/JPN.json")
    assert resp.status == 200 and resp.headers["content-type"].startswith("application/json")
    data = resp.json()
    assert data["a"] == "CHN" and data["pair"]["timeline"] and data["stories"]["total"] >= 10


CRAWL_FROM = ["/", "/pairs", "/pair/CHN/JPN", "/actor/CHN"]


def test_crawl_every_link_from_the_main_pages(page, served_url):
    """Every link on home, /pairs, a pair page and an actor page answers without a 4xx or 5xx, and
    every HTML page among them loads in Chromium without a console error or an outside request."""
    import httpx

    links: set[str] = set()
    for start in CRAWL_FROM:
        page.goto(served_url + start)
        # HTML links and the SVG charts' links (href or xlink:href), resolved against the page
        hrefs = page.eval_on_selector_all("a", """els => els.map(e => e.getAttribute('href')
            || e.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).filter(h => h)
            .map(h => new URL(h, document.baseURI).href)""")
        links |= {h.split("#")[0] for h in hrefs if h.startswith(served_url)}
    assert len(links) > 50, len(links)
    bad, html_pages = [], []
    with httpx.Client(timeout=60) as client:
        for url in sorted(links):
            r = client.get(url)
            if r.status_code >= 400:
                bad.append((r.status_code, url))
            elif r.headers["content-type"].startswith("text/html"):
                html_pages.append(url)
    assert not bad, bad
    for url in html_pages:
        page.goto(url, wait_until="load")
        assert page.console_errors == [], (url, page.console_errors)
    no_leaks(page)


@pytest.mark.parametrize("path, name", [
    ("/pairs", "10-pairs"), ("/issues", "11-issues"), ("/issue/territorial-dispute", "12-issue"),
    ("/codebook", "13-codebook"), ("/docs/api", "14-api-docs"), ("/events?pair=CHN-JPN&type=ACCUSE", "15-events-facets"),
    ("/pair/CHN/JPN?since=2023", "16-pair-summary")])
def test_new_pages_render(page, served_url, path, name):
    page.goto(served_url + path)
    assert page.locator("h1").count() == 1 and page.locator("main").inner_text().strip()
    if "facets" in name:
        assert page.locator("aside.facets li").count() > 3 and page.locator("p.downloads a").count() >= 2
    if "summary" in name:
        assert page.locator("#summary").inner_text().strip()
    screenshot(page, name)
    no_leaks(page)


def test_pair_page_filters_and_direction_in_the_page(page, served_url):
    page.goto(served_url + "/pair/CHN/JPN")
    assert page.locator("#directions svg.chart a rect").count() >= 2, "the chart of who acts, both ways"
    assert page.locator("#events aside.facets li").count() > 3
    page.locator("nav.directions a", has_text="JPN → CHN").click()
    page.wait_for_url(re.compile(r"/pair/CHN/JPN\?source=JPN$"))
    assert page.locator("nav.directions a.on").inner_text() == "JPN → CHN"
    assert page.locator("#directions").count() == 0 and page.locator("#quad svg.chart").count() == 1
    assert page.locator("#stances thead th a").all_inner_texts() == ["JPN"], "only Japan's column in the stance table"
    # a count beside the events narrows this same page
    link = page.locator("#facet-type li a").first
    chosen, n = link.inner_text(), int(page.locator("#facet-type li .count").first.inner_text().replace(",", ""))
    link.click()
    page.wait_for_url(re.compile(rf"/pair/CHN/JPN\?source=JPN&type={chosen}$"))
    assert page.locator("#events li.event").count() == min(n, 10)
    assert set(page.locator("#events li.event a.type").all_inner_texts()) == {chosen}
    assert page.locator("#facet-type li.on").inner_text().startswith(chosen)
    # the form keeps every filter and adds the dates
    page.fill("form.filters-form input[name=since]", "2023")
    page.locator("form.filters-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/pair/CHN/JPN\?.*since=2023"))
    assert {"source=JPN", f"type={chosen}", "since=2023", "period=month"} <= set(page.url.split("?")[1].split("&"))
    screenshot(page, "17-pair-filters-direction")
    no_leaks(page)


def test_actor_and_story_pages_filter_in_the_page(page, served_url):
    page.goto(served_url + "/actor/CHN")
    issue = page.locator("#facet-issue li a").first
    chosen = issue.inner_text()
    issue.click()
    page.wait_for_url(re.compile(rf"/actor/CHN\?issue={chosen}$"))
    assert page.locator("#events li.event").count() >= 1
    assert all(chosen in t for t in page.locator("#events li.event .line").all_inner_texts())
    assert page.locator("p.filters .filter", has_text=chosen).count() == 1
    screenshot(page, "18-actor-filters")
    # a story told by several outlets: one outlet's articles, the others a click away
    page.goto(served_url + "/pair/TUR/USA")
    page.locator("#stories li.story", has_text="3 articles").locator("a.story-link").click()
    page.wait_for_url(re.compile(r"/story/st-"))
    before = page.locator("li.mention").count()
    outlet = page.locator("#facet-outlet li a").first
    name = outlet.inner_text()
    outlet.click()
    page.wait_for_url(re.compile(r"/story/st-[^?]+\?outlet="))
    assert 0 < page.locator("li.mention").count() < before
    assert set(page.locator("li.mention .outlet").all_inner_texts()) == {name}
    screenshot(page, "19-story-filters")
    page.locator("p.filters a.remove").click()
    assert page.locator("li.mention").count() == before
    no_leaks(page)
