"""Test inputs for the store: the dev articles with hand-coded (gold) events as extractor output.

Used until the pipeline can run in the test; ``real_results`` runs the real pipeline. Also the one
way the migration tests take a store back to a revision and forward again (``down_and_up``).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

from bilat.model import Article, ArticleResult, Event

SHARED = Path(os.environ.get("BILAT_SHARED", Path(__file__).resolve().parents[3] / "shared"))
DEV = SHARED / "eval" / "dev"
TURKEY = ("h024", "h035", "h038")


def dev_count() -> int:
    """How many articles the dev corpus holds (it grows; tests must not pin the number)."""
    with open(DEV / "articles.jsonl", encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def dev_articles() -> list[Article]:
    out = []
    with open(DEV / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append(Article(id=d["id"], text=d["text"], published=d.get("published"), url=d.get("url"),
                               title=d.get("title"), outlet=d.get("outlet"), language=d.get("language")))
    return out


def gold_events() -> dict[str, list[Event]]:
    """Gold events as Event records: first acceptable type, evidence located in the text when possible."""
    texts = {a.id: a.text for a in dev_articles()}
    out: dict[str, list[Event]] = {}
    with open(DEV / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            aid = g["article_id"]
            evs = []
            for i, e in enumerate(g.get("events", [])):
                e = dict(e)
                e["type"] = (e.get("types") or [e["type"]])[0]
                e["article_id"] = aid
                e["event_id"] = "ev-" + hashlib.sha1(f"{aid}#{i}".encode()).hexdigest()[:16]
                sentence = e.get("evidence") if isinstance(e.get("evidence"), str) else ""
                start = texts[aid].find(sentence) if sentence else -1
                e["evidence"] = ([{"sentence": sentence, "start": max(start, 0),
                                   "end": max(start, 0) + len(sentence)}] if sentence else [])
                e.setdefault("cameo", {"ACCUSE": "111", "CONSULT": "042", "REQUEST": "10"}.get(e["type"]))
                evs.append(Event.from_dict(e))
            out[aid] = evs
    return out


def dev_results(ids=None) -> list[ArticleResult]:
    gold = gold_events()
    return [ArticleResult(article=a, events=tuple(gold.get(a.id, ()))) for a in dev_articles()
            if ids is None or a.id in ids]


def many_results(n_copies: int) -> list[ArticleResult]:
    """``n_copies`` variants of every dev article (new id, new text tail, new event ids)."""
    base = dev_results()
    out = []
    for k in range(n_copies):
        for r in base:
            aid = f"{r.article.id}-v{k}"
            art = replace(r.article, id=aid, text=r.article.text + f"\n\nEdition {k}.",
                          url=(r.article.url or "") + f"#v{k}" if r.article.url else None)
            evs = tuple(replace(e, article_id=aid, event_id=f"{e.event_id}-v{k}",
                                date=_shift(e.date, k)) for e in r.events)
            out.append(ArticleResult(article=art, events=evs))
    return out


def _shift(date, k):
    """Move dates by k years so copies are different real-world events."""
    if not date:
        return date
    return str(int(date[:4]) + k) + date[4:]


def down_and_up(engine, revision: str) -> None:
    """Take a store back to ``revision`` and forward to the head again (a migration's back-fill runs),
    checking it stands at each; the caller compares what it holds before and after."""
    from bilat.store.engine import current_revision, head_revision, migrate

    migrate(engine, revision)
    assert current_revision(engine) == revision
    migrate(engine)
    assert current_revision(engine) == head_revision()


# -- a table's key as the database stores it (schema tests of revisions 0011-0016) -------------------
def sqlite_key(conn, table: str) -> tuple[str, ...]:
    """The primary key's columns, in key order."""
    return tuple(r[1] for r in sorted(conn.exec_driver_sql(f"PRAGMA table_info({table})"), key=lambda r: r[5]) if r[5])


def sqlite_sql(conn, name: str) -> str:
    """The CREATE statement of a table or index ("" if there is none)."""
    return conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).scalar() or ""


def pg_key(conn, table: str) -> str | None:
    """The primary key's index from "btree (...)" on, or None if the table has none."""
    d = conn.exec_driver_sql("SELECT pg_get_indexdef(conindid) FROM pg_constraint WHERE conrelid = "
                             "%s::regclass AND contype = 'p'", (table,)).scalar()
    return d[d.index("btree"):] if d else None
