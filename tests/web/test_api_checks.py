"""`POST /api/articles` applies the reader's checks, the same as the command line (one reader, one
set of checks), and the API's edges found by the issue-10 audit: ids with '/', deeply nested
bodies, the Host header in pagination links, the store URL in /api/stats."""
from __future__ import annotations

import json

import httpx
import pytest

import bilat
from tests.fixtures_web import WEB_TOKEN, ThreadServer, make_app

from .test_api import assert_error

AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}
SENTENCE = "Chinese Foreign Minister Wang Yi called on Japan to respect the One China principle on Saturday."


@pytest.fixture(scope="module")
def post_client(tmp_path_factory):
    store = bilat.open_store(str(tmp_path_factory.mktemp("post") / "post.db"))
    with ThreadServer(make_app(store)) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        yield c
    store.close()


@pytest.mark.model
def test_html_text_is_read_as_markup(post_client):
    html = (f"<html><head><title>t</title><script>var tracking = 1;</script></head><body><article>"
            f"<h1>Talks</h1><p>{SENTENCE}</p><p>Both sides met in Tokyo.</p></article></body></html>")
    r = post_client.post("/api/articles", json={"id": "html-1", "text": html, "published": "2023-11-25"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["ingested"] == 1
    text = post_client.get("/api/articles/html-1").json()["text"]
    assert "<" not in text and "tracking" not in text and SENTENCE in text


@pytest.mark.model
@pytest.mark.parametrize("text,code", [
    (SENTENCE + "\x00 and more", "B103"),
    ("x" * 9000 + " " + SENTENCE + "\x00", "B103"),  # a NUL far into the text as well
    (SENTENCE.replace("Japan", "Japan\ud800"), "B114"),
    ("<html><body><script>alert(1)</script><style>p {color: red}</style></body></html>", "B111"),
    ("   ", "B101"),
    ("", "B101"),
])
def test_post_refuses_what_the_reader_refuses(post_client, text, code):
    body = [{"id": "ok-" + code, "text": SENTENCE, "published": "2023-11-25"}, {"id": "bad", "text": text}]
    raw = json.dumps(body).encode()  # ASCII escapes: a lone surrogate travels as valid JSON
    r = post_client.post("/api/articles", content=raw, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert [f["code"] for f in out["failures"]] == [code], out
    assert out["ingested"] == 1 and "[1]" in out["failures"][0]["origin"]
    assert_error(post_client.get("/api/articles/bad"), 404, "B403")


@pytest.mark.parametrize("published", ["2023-02-30", "2023-13-01", "26/11/2023"])
def test_post_refuses_impossible_dates(post_client, published):
    r = post_client.post("/api/articles", json={"id": "d", "text": SENTENCE, "published": published}, headers=AUTH)
    body = assert_error(r, 422, "B503", "published")
    assert published in body["message"]


@pytest.mark.parametrize("body,field", [
    ({"id": True, "text": "t"}, "id"),
    ({"id": "x", "text": ["t"]}, "text"),
    ([{"id": "a", "text": "t"}, {"id": "b", "text": "t", "url": 5}], "[1].url"),
    ([{"id": "a", "text": "t"}, "not an object"], "[1]"),
    ({"id": "x" * 600, "text": "t"}, "id"),
    ({"id": "a\x01b", "text": "t"}, "id"),
    ({"id": "a", "text": "t", "title": "nul \x00 in a title"}, "title"),
])
def test_post_field_errors_name_the_field(post_client, body, field):
    assert_error(post_client.post("/api/articles", json=body, headers=AUTH), 422, "B503", field)


@pytest.mark.model
def test_article_ids_with_a_slash_can_be_fetched(post_client):
    r = post_client.post("/api/articles", json={"id": "wire/2023/11/25-1", "text": SENTENCE + " Slash.",
                                                "published": "2023-11-25"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["ingested"] == 1, r.text
    got = post_client.get("/api/articles/wire/2023/11/25-1")
    assert got.status_code == 200, got.text
    assert got.json()["article_id"] == "wire/2023/11/25-1"
    assert post_client.get("/api/articles/wire%2F2023%2F11%2F25-1").status_code == 200


@pytest.mark.parametrize("depth", [2_000, 200_000])
def test_deeply_nested_body_is_b507(post_client, depth):
    raw = b"[" * depth + b"]" * depth
    body = assert_error(post_client.post("/api/articles", content=raw,
                                         headers={**AUTH, "Content-Type": "application/json"}), 400, "B507")
    assert "nested" in body["message"]


def test_pagination_links_ignore_the_host_header(client_any):
    r = client_any.get("/api/events", params={"limit": 1}, headers={"Host": "evil.example"})
    assert r.status_code == 200
    nxt = r.json()["next"]
    assert nxt and "evil.example" not in nxt and nxt.startswith("/api/events?")
    assert client_any.get(nxt).status_code == 200


def test_stats_do_not_show_the_store_url(client_any, web_store):
    stats = client_any.get("/api/stats").json()
    assert "url" not in stats
    assert str(web_store.url) not in client_any.get("/api/stats").text
    assert str(web_store.url) not in client_any.get("/.json").text


@pytest.fixture(scope="module")
def client_any(live_url):
    with httpx.Client(base_url=live_url, timeout=30) as c:
        yield c


def test_names_with_a_slash_reach_the_actor_lookup(client_any):
    """'AC/DC' is looked up (and not found) rather than being no route at all."""
    assert_error(client_any.get("/api/actors/AC/DC"), 404, "B403")
    r = client_any.get("/actor/AC/DC.json")
    assert r.status_code == 404 and r.json()["code"] == "B403"


def test_page_links_ignore_the_host_header(client_any):
    r = client_any.get("/events.json", params={"offset": 25}, headers={"Host": "evil.example"})
    assert r.status_code == 200
    assert "evil.example" not in r.text
    r = client_any.get("/events", params={"offset": 25}, headers={"Host": "evil.example"})
    assert r.status_code == 200 and "evil.example" not in r.text
