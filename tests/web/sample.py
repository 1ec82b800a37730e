"""The web tests' sample store: real articles with their gold events, as pipeline results.

The 15 dev articles (shared/eval/dev) and four written for these tests — three more
China–Japan months, so the pair charts have a shape, and one hostile article full of
markup — are turned into ``ArticleResult`` records whose events are the gold events
with evidence offsets located in the text. They go into a real store through
``Store.ingest``, as the pipeline's output would, so what the pages show is known
exactly.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from bilat.model import Actor, Article, ArticleResult, Event, Evidence, Location

HERE = Path(__file__).resolve().parent / "data"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def _evidence(text: str, quote: str | None) -> tuple[Evidence, ...]:
    if not quote:
        return ()
    at = text.find(quote)
    if at < 0:  # gold quotes are sometimes trimmed or re-punctuated: anchor on their start
        at = text.find(quote[:30])
        if at < 0:
            return ()
        quote = text[at:min(len(text), at + len(quote))]
    return (Evidence(sentence=quote, start=at, end=at + len(quote)),)


def article_results(shared_dir: Path | None) -> list[ArticleResult]:
    articles = _read(HERE / "extra_articles.jsonl")
    gold = _read(HERE / "extra_gold.jsonl")
    if shared_dir is not None and (shared_dir / "eval/dev/articles.jsonl").exists():
        articles = _read(shared_dir / "eval/dev/articles.jsonl") + articles
        gold = _read(shared_dir / "eval/dev/gold.jsonl") + gold
    events_of = {g["article_id"]: g["events"] for g in gold}
    results = []
    for a in articles:
        article = Article(id=a["id"], text=a["text"], published=a.get("published"), url=a.get("url"),
                          title=a.get("title"), outlet=a.get("outlet"), language=a.get("language"), origin=a["id"])
        events = []
        for i, g in enumerate(events_of.get(a["id"], [])):
            if g.get("optional"):
                continue
            story = g.get("story") or _id(a["id"], i)
            events.append(Event(
                event_id=_id(a["id"], i, g["type"]),
                article_id=a["id"],
                story_id=_id("story", story, g["type"]) if g.get("story") else story,
                type=g["type"],
                mode=g.get("mode"),
                source=tuple(Actor.from_dict(x) for x in g.get("source", [])),
                target=tuple(Actor.from_dict(x) for x in g.get("target", [])),
                date=g.get("date"),
                date_basis="explicit" if g.get("date") else "unknown",
                location=Location.from_dict(g.get("location")),
                issues=tuple(g.get("issues", ())),
                evidence=_evidence(a["text"], g.get("evidence")),
                confidence=0.9,
                salience=g.get("salience"),
            ))
        results.append(ArticleResult(article=article, events=tuple(events)))
    return results
