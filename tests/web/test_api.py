"""The REST API over a real server, over SQLite and PostgreSQL: reads, the one error shape
on every error path, auth and the body size limit."""
from __future__ import annotations

import json

import httpx
import pytest

from tests.fixtures_web import WEB_TOKEN, ThreadServer, make_app

ERROR_KEYS = {"ok", "status", "code", "message", "field"}


@pytest.fixture(scope="module")
def client(live_url):
    with httpx.Client(base_url=live_url, timeout=30) as c:
        yield c


def assert_error(r: httpx.Response, status: int, code: str, field: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    body = r.json()
    assert set(body) == ERROR_KEYS, body
    assert body["ok"] is False and body["status"] == status and body["code"] == code, body
    assert body["message"].startswith(f"[{code}] "), body
    if field is not None:
        assert body["field"] == field, body
        assert field.split(".")[-1].split("[")[0] in body["message"] or field == "body", body
    return body


# ------------------------------------------------------------------------- reads

def test_stats_and_top_pairs(client):
    stats = client.get("/api/stats").json()
    assert stats["events"] >= 50 and stats["articles"] >= 15
    pairs = client.get("/api/pairs", params={"limit": 5}).json()["rows"]
    assert pairs and pairs[0]["pair"] == "CHN-JPN"


def test_events_filters_and_pagination(client):
    everything = client.get("/api/events", params={"pair": "CHN-JPN", "limit": 500}).json()
    assert everything["total"] == len(everything["rows"]) >= 15
    first = client.get("/api/events", params={"pair": "CHN-JPN", "limit": 4}).json()
    assert first["total"] == everything["total"] and len(first["rows"]) == 4 and first["next"]
    second = client.get(first["next"]).json()
    assert {e["event_id"] for e in first["rows"]}.isdisjoint(e["event_id"] for e in second["rows"])
    for e in everything["rows"]:
        countries = {a["country"] for a in e["source"] + e["target"]}
        assert {"CHN", "JPN"} <= countries
        assert e["evidence"] and e["evidence"][0]["sentence"]

    accuse = client.get("/api/events", params={"pair": "CHN-JPN", "type": "ACCUSE", "limit": 500}).json()
    assert accuse["rows"] and all(e["type"] == "ACCUSE" for e in accuse["rows"])
    issue = client.get("/api/events", params={"issue": "seafood-import-ban", "limit": 500}).json()
    assert issue["rows"] and all("seafood-import-ban" in e["issues"] for e in issue["rows"])
    dated = client.get("/api/events", params={"pair": "CHN-JPN", "since": "2023-09", "until": "2023-10"}).json()
    assert dated["rows"] and all("2023-09" <= e["date"][:7] <= "2023-10" for e in dated["rows"])
    text = client.get("/api/events", params={"q": "seafood"}).json()
    # full-text search: in the evidence, or in the article's title or text
    assert text["rows"] and any("seafood" in " ".join(v["sentence"] for v in e["evidence"]).lower()
                                for e in text["rows"])
    for e in text["rows"]:
        found = " ".join(v["sentence"] for v in e["evidence"]) + " " + (e["title"] or "")
        if "seafood" not in found.lower():
            found = client.get(f"/api/articles/{e['article_id']}").json()["text"]
        assert "seafood" in found.lower(), e["event_id"]
    person = client.get("/api/events", params={"actor": "Wang Yi"}).json()
    assert person["rows"] and all(any(a["name"] == "Wang Yi" for a in e["source"] + e["target"]) for e in person["rows"])


def test_one_event_story_article_actor(client):
    e = client.get("/api/events", params={"q": "lift its ban on Japanese seafood", "limit": 1}).json()["rows"][0]
    assert client.get(f"/api/events/{e['event_id']}").json()["event_id"] == e["event_id"]
    story = client.get(f"/api/stories/{e['story_id']}").json()
    assert story["mentions"] and any(m["article_id"] == e["article_id"] for m in story["mentions"])
    article = client.get(f"/api/articles/{e['article_id']}").json()
    assert article["text"] and any(x["event_id"] == e["event_id"] for x in article["events"])
    assert client.get("/api/actors/Wang Yi").status_code == 200
    actors = client.get("/api/actors", params={"q": "Kamikawa"}).json()
    assert any("Kamikawa" in (a.get("name") or "") for a in actors["rows"])
    assert client.get("/api/articles", params={"limit": 3}).json()["total"] >= 15


def test_story_across_outlets(client):
    """The 2017 Turkey–US summons is told by three outlets: one story, every mention with its outlet."""
    ids = {e["story_id"] for e in client.get("/api/events", params={"pair": "TUR-USA", "type": "ACCUSE",
                                                                     "since": "2017-05", "until": "2017-05"}).json()["rows"]}
    best = max((client.get(f"/api/stories/{s}").json() for s in ids), key=lambda s: len(s["mentions"]))
    assert len({m["outlet"] for m in best["mentions"]}) >= 2
    for m in best["mentions"]:
        # the paragraph holds the sentence at its offsets: the page can highlight it in place
        rel = m["start"] - m["paragraph_start"]
        assert m["paragraph"][rel:rel + len(m["sentence"])] == m["sentence"]


def test_pair_timeline_and_stances(client):
    pair = client.get("/api/pairs/CHN/JPN").json()
    rows = pair["timeline"]
    months = [r["period"] for r in rows]
    assert months == sorted(months) and {"2023-08", "2023-09", "2023-10", "2023-11"} <= set(months)
    aug = next(r for r in rows if r["period"] == "2023-08")
    assert aug["by_type"].get("SANCTION") == 1 and aug["plover_score"] < 0
    stances = client.get("/api/pairs/CHN/JPN/stances").json()
    flat = json.dumps(stances)
    assert "seafood-import-ban" in flat and "REQUEST" in flat
    one = client.get("/api/pairs/CHN/JPN/stances", params={"issue": "taiwan"}).json()
    assert "seafood-import-ban" not in json.dumps(one)


def test_stories_list(client):
    page = client.get("/api/stories", params={"pair": "CHN-JPN", "limit": 5}).json()
    assert page["total"] >= 10 and len(page["rows"]) == 5
    dates = [s["date"] for s in page["rows"] if s["date"]]
    assert dates == sorted(dates, reverse=True)


def test_openapi_schema_lists_every_route(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for p in ["/api/events", "/api/events/{event_id}", "/api/stories", "/api/stories/{story_id}",
              "/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{key}", "/api/pairs",
              "/api/pairs/{a}/{b}", "/api/pairs/{a}/{b}/stances", "/api/stats"]:
        assert p in paths
    assert "post" in schema["paths"]["/api/articles"]
    assert not any(not p.startswith("/api") for p in paths), "pages must stay out of the API schema"
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load a CDN


# -------------------------------------------------------------------- error paths

BAD_READS = [
    # (url, status, code, field)
    ("/api/nowhere", 404, "B504", None),
    ("/api/events/does-not-exist", 404, "B403", None),
    ("/api/stories/does-not-exist", 404, "B403", None),
    ("/api/articles/does-not-exist", 404, "B403", None),
    ("/api/actors/Nobody%20Atall", 404, "B403", None),
    ("/api/events?limit=0", 422, "B503", "limit"),
    ("/api/events?limit=100000", 422, "B503", "limit"),
    ("/api/events?limit=ten", 422, "B503", "limit"),
    ("/api/events?offset=-1", 422, "B503", "offset"),
    ("/api/events?type=HUG", 422, "B503", "type"),
    ("/api/events?since=2023-13", 422, "B503", "since"),
    ("/api/events?until=yesterday", 422, "B503", "until"),
    ("/api/events?pair=CHINA-JAPAN", 422, "B503", "pair"),
    ("/api/events?issue=Not%20A%20Slug", 422, "B503", "issue"),
    ("/api/events?q=" + "x" * 300, 422, "B503", "q"),
    ("/api/stories?type=nope", 422, "B503", "type"),
    ("/api/pairs/china/JPN", 422, "B503", "a"),
    ("/api/pairs/CHN/JPN?period=fortnight", 422, "B503", "period"),
    ("/api/pairs/CHN/JPN/stances?issue=%3Cb%3E", 422, "B503", "issue"),
    ("/api/pairs?limit=0", 422, "B503", "limit"),
    ("/api/actors?limit=-5", 422, "B503", "limit"),
    ("/api/articles?offset=x", 422, "B503", "offset"),
    ("/api/events?cursor=not-a-cursor", 404, "B512", "cursor"),
    ("/api/stories?cursor=WyJ4IiwxLDJd", 404, "B512", "cursor"),
    ("/api/events?cursor=a%20b", 422, "B503", "cursor"),
    ("/api/pairs/CHN/JPN?source=USA", 400, "B513", "source"),
    ("/api/export?quad=verbal", 422, "B503", "quad"),
    ("/api/export?min_outlets=0", 422, "B503", "min_outlets"),
    ("/api/export?source=japan", 422, "B503", "source"),
]


@pytest.mark.parametrize("url,status,code,field", BAD_READS)
def test_read_errors_have_the_one_shape(client, url, status, code, field):
    assert_error(client.get(url), status, code, field)


def test_method_not_allowed(client):
    body = assert_error(client.delete("/api/events"), 405, "B505")
    assert "GET" in body["message"]
    r = client.put("/api/articles", json={})
    assert_error(r, 405, "B505")
    assert r.headers["allow"] == "GET, POST"


GOOD = {"id": "api-post-1", "text": "Japan urged China to lift the ban on seafood imports on Monday.",
        "published": "2023-09-04", "outlet": "test"}
AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}


@pytest.mark.parametrize("headers,body,status,code,field", [
    ({}, GOOD, 401, "B501", None),
    ({"Authorization": "Bearer wrong"}, GOOD, 401, "B501", None),
    ({"Authorization": WEB_TOKEN}, GOOD, 401, "B501", None),
    ({"Authorization": f"Basic {WEB_TOKEN}"}, GOOD, 401, "B501", None),
    (AUTH, {"text": "no id"}, 422, "B503", "id"),
    (AUTH, {"id": "x"}, 422, "B503", "text"),
    (AUTH, {"id": "x", "text": 7}, 422, "B503", "text"),
    (AUTH, {"id": "x", "text": "t", "published": "26/11/2023"}, 422, "B503", "published"),
    (AUTH, [GOOD, {"id": 5.5, "text": "t"}], 422, "B503", "[1].id"),  # ids are strings (or integers, as in files)
    (AUTH, [], 422, "B503", "body"),
    (AUTH, "just a string", 422, "B503", "body"),
    (AUTH, [GOOD] * 1001, 422, "B503", "body"),
])
def test_post_errors(client, headers, body, status, code, field):
    r = client.post("/api/articles", json=body, headers=headers)
    err = assert_error(r, status, code, field)
    if status == 401:
        assert r.headers.get("www-authenticate") == "Bearer"
        assert "Authorization: Bearer" in err["message"]


def test_post_bad_json_and_content_type(client):
    assert_error(client.post("/api/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}),
                 400, "B507")
    assert_error(client.post("/api/articles", content=b"\xff\xfe", headers={**AUTH, "Content-Type": "application/json"}),
                 400, "B507")
    assert_error(client.post("/api/articles", content=b"id=1", headers={**AUTH, "Content-Type": "text/plain"}), 415, "B508")


def test_body_size_limit_by_header_and_by_counting(web_store):
    app = make_app(web_store, api_max_body_bytes=1000)
    with ThreadServer(app) as server, httpx.Client(base_url=server.url, timeout=30) as c:
        big = {"id": "big", "text": "x" * 5000}
        body = assert_error(c.post("/api/articles", json=big, headers=AUTH), 413, "B502", "body")
        assert "1000" in body["message"]

        def chunks():  # no Content-Length: the server must count
            for _ in range(10):
                yield b"x" * 500

        assert_error(c.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}),
                     413, "B502")
        # small bodies still pass the limit and reach validation
        assert_error(c.post("/api/articles", json={"id": "s"}, headers=AUTH), 422, "B503", "text")


def test_writes_disabled_without_a_token(web_store):
    with ThreadServer(make_app(web_store, api_token="")) as server, httpx.Client(base_url=server.url) as c:
        assert_error(c.post("/api/articles", json=GOOD, headers={"Authorization": "Bearer guess"}), 403, "B506")
        assert c.get("/api/stats").status_code == 200


def test_closed_reads_need_the_token(web_store):
    with ThreadServer(make_app(web_store, api_read_open=False)) as server, httpx.Client(base_url=server.url) as c:
        assert_error(c.get("/api/events"), 401, "B501")
        assert_error(c.get("/pair/CHN/JPN.json"), 401, "B501")
        r = c.get("/pair/CHN/JPN")
        assert r.status_code == 401 and "text/html" in r.headers["content-type"] and "B501" in r.text
        assert c.get("/api/events", headers=AUTH).status_code == 200
        assert c.get("/", headers=AUTH).status_code == 200
        assert c.get("/static/bilat.css").status_code == 200


def test_internal_error_has_the_one_shape():
    """A bug in the store (here: a store whose every call raises) is a 500 with the same shape, never a trace."""

    class BrokenStore:
        def __getattr__(self, name):
            def fail(*a, **k):
                raise RuntimeError("boom: secret detail")
            return fail

    with ThreadServer(make_app(BrokenStore())) as server, httpx.Client(base_url=server.url) as c:
        body = assert_error(c.get("/api/stats"), 500, "B509")
        assert "secret" not in body["message"]
        r = c.get("/")
        assert r.status_code == 500 and "text/html" in r.headers["content-type"] and "secret" not in r.text


@pytest.mark.model
def test_post_articles_ingests_through_the_pipeline(tmp_path):
    pytest.importorskip("bilat.pipeline")
    import bilat

    store = bilat.open_store(str(tmp_path / "post.db"))
    with ThreadServer(make_app(store)) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        article = {"id": "post-1", "published": "2023-11-26", "outlet": "test", "text":
                   "Chinese Foreign Minister Wang Yi called on Japan to respect the One China principle on Saturday."}
        r = c.post("/api/articles", json=[article, {"id": "post-2", "text": "   "}], headers=AUTH)
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["articles"] == 2 and out["ingested"] == 1 and out["events"] >= 1
        assert [f["code"] for f in out["failures"]] == ["B101"]
        assert c.get("/api/articles/post-1").json()["events"]
