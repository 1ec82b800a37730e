"""What an ingest leaves, pinned: a corpus of copies and stories goes in, and every derived
table (syndication, stories, their summaries, the pair and browsing roll-ups) must come out
exactly as the store wrote it before the work on a flat ingest rate (revision 0007 code,
main at f43e702). Rewriting how the write path finds near-duplicates, counts stance cells
or counts a pair's stories must not change one row; if a change means to, regenerate the
digest with ``python tests/store/test_ingest_state.py`` and say why in the commit.

The corpus holds 70 copies of one long text (so a band lookup meets more than its 50
candidates, and copies in the same batch find each other), on top of the summaries test's
random stories with copies, coarse dates and issues."""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

import bilat
from bilat.model import Actor, Article, ArticleResult, Event, Evidence

pytestmark = pytest.mark.postgres

DIGEST = Path(__file__).resolve().parents[1] / "data" / "ingest_state.json"
#: derived tables compared row for row (timestamps and batch ids left out)
TABLES = ("articles", "events", "stories", "story_pairs", "pair_stats", "pair_issue_months", "pair_issue_speakers",
          "pair_months", "pair_weeks", "key_stories", "key_stats", "key_months", "key_pairs")
SKIP = {"created_at", "updated_at", "ingested_at", "batch_id", "text", "seq", "story_no"}


def corpus() -> list[ArticleResult]:
    from tests.store.test_summaries import _corpus

    out = list(_corpus(11, 160))
    words = " ".join(f"w{i % 97}x{i % 13}" for i in range(300))
    base = Event(event_id="ev-wire", article_id="wire-0", type="CONSULT", cameo="042",
                 source=(Actor(country="CHN"),), target=(Actor(country="JPN"),), date="2023-03-04",
                 issues=("trade",), evidence=(Evidence("w1x1 w2x2 w3x3", 0, 14),))
    for k in range(70):
        aid = f"wire-{k}"
        # each copy trims a word from its own place and adds a byline: a few bits from the others
        text = " ".join(w for j, w in enumerate(words.split()) if j != 7 * k % 300) + f" By desk {k}."
        out.insert(2 * k + 1, ArticleResult(Article(id=aid, text=text, outlet=f"paper{k % 9}.example"),
                                            (replace(base, event_id=f"ev-wire-{k}", article_id=aid),)))
    return out


def state(store) -> dict[str, list]:
    from bilat.store import schema

    out = {}
    with store.engine.connect() as conn:
        for name in TABLES:
            table = schema.metadata.tables[name]
            cols = [c for c in table.c if c.name not in SKIP]
            q = select(*cols)
            if name == "key_stories":  # keyed by the story's number since revision 0016: by its id, as before
                ks, st = schema.key_stories.c, schema.stories.c
                q = select(ks.facet, ks.value, st.story_id).join(schema.stories, st.story_no == ks.story_no)
            rows = [[_plain(v) for v in r] for r in conn.execute(q)]
            out[name] = sorted(rows, key=lambda r: json.dumps(r))
    return out


def _plain(v):
    return round(v, 9) if isinstance(v, float) else v


def digest(st: dict[str, list]) -> dict[str, object]:
    return {"sha256": {k: hashlib.sha256(json.dumps(v).encode()).hexdigest() for k, v in st.items()},
            "rows": {k: len(v) for k, v in st.items()}}


@pytest.mark.parametrize("batch_size", [1, 13, 200, None])  # None: the default (1,000: one transaction, two story parts)
def test_ingest_leaves_the_pinned_state(store_url, batch_size):
    store = bilat.open_store(store_url)
    try:
        store.ingest(corpus(), **({"batch_size": batch_size} if batch_size else {}))
        got = digest(state(store))
    finally:
        store.close()
    want = json.loads(DIGEST.read_text())
    assert got["rows"] == want["rows"]
    assert {k: v for k, v in got["sha256"].items() if v != want["sha256"][k]} == {}


def _bands(store) -> list[tuple]:
    """article_bands in lookup order (seq itself may number differently after a back-fill)."""
    from bilat.store.schema import article_bands as b

    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(b.c.band_no, b.c.band, b.c.article_id, b.c.simhash, b.c.syndicate_of)
                                               .order_by(b.c.band_no, b.c.band, b.c.seq))]


def test_migration_0008_and_a_rebuild_fill_article_bands_as_ingest_does(store_url):
    """article_bands back-filled by migration 0008 (from 0007, which had band indexes on articles)
    and refilled by rebuild-rollups holds what ingest wrote, in the same order; the store then
    goes on finding the same near-duplicates."""
    from ._data import down_and_up

    items = corpus()
    store = bilat.open_store(store_url)
    try:
        store.ingest(items[:150], batch_size=13)
        want = _bands(store)
        assert len(want) == 4 * 150
        down_and_up(store.engine, "0007")
        assert _bands(store) == want
        store.rebuild_rollups()
        assert _bands(store) == want
        store.ingest(items[150:], batch_size=13)
        got = digest(state(store))
    finally:
        store.close()
    pinned = json.loads(DIGEST.read_text())
    assert got["sha256"]["articles"] == pinned["sha256"]["articles"]  # the same originals found


if __name__ == "__main__":  # regenerate the digest (SQLite, batches of 13)
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    with tempfile.TemporaryDirectory() as tmp:
        s = bilat.open_store(str(Path(tmp) / "x.db"))
        s.ingest(corpus(), batch_size=13)
        d = digest(state(s))
        s.close()
    DIGEST.write_text(json.dumps(d, indent=1, sort_keys=True) + "\n")
    print(json.dumps(d["rows"]))


def test_the_command_line_commits_as_many_articles_at_once_as_the_store():
    """``bilat ingest``, ``bilat batch`` and the demo take their default transaction size from one
    place, kept equal to the store's (the command line does not import the store to start)."""
    from bilat.cli.common import BATCH_SIZE as CLI
    from bilat.store.writes import BATCH_SIZE

    assert CLI == BATCH_SIZE == 1000


def test_an_exact_copy_is_found_in_the_first_band_alone(store_url):
    """An article whose simhash equals a stored one's in the first band's candidates reads no other
    band: nothing met later can come before it (the others are read for a near, not exact, copy),
    and it finds the same original as reading all four did."""
    from sqlalchemy import event

    words = " ".join(f"w{i % 89}x{i % 7}" for i in range(200))
    near = words + " By desk."  # a bit from the others
    store = bilat.open_store(store_url)
    lookups: list[str] = []

    def count(conn, cursor, statement, *_):
        if "FROM article_bands WHERE band_no" in statement:
            lookups.append(statement)
    try:
        store.ingest([ArticleResult(Article(id=f"wire-{k}", text=words, outlet=f"paper{k}.example"), ())
                      for k in range(60)], batch_size=7)
        event.listen(store.engine, "before_cursor_execute", count)
        report = store.ingest([ArticleResult(Article(id="copy", text=words, outlet="late.example"), ())])
        assert report["syndicated"] == 1 and len(lookups) == 1
        lookups.clear()
        report = store.ingest([ArticleResult(Article(id="near", text=near, outlet="late.example"), ())])
        assert report["syndicated"] == 1 and len(lookups) == 4
        for aid in ("copy", "near", "wire-59"):
            assert store.article(aid)["syndicate_of"] == "wire-0"
    finally:
        store.close()


def test_a_large_transaction_is_stored_in_story_batches(store_url):
    """A transaction larger than ``STORY_BATCH`` articles is one commit, its articles put in stories
    ``STORY_BATCH`` at a time (one ingest_batches row each), not all against all."""
    from sqlalchemy import event, func

    from bilat.store.schema import ingest_batches
    from bilat.store.writes import STORY_BATCH

    items = corpus()
    assert len(items) > STORY_BATCH
    store = bilat.open_store(store_url)
    commits: list[int] = []
    event.listen(store.engine, "commit", lambda conn: commits.append(1))
    try:
        report = store.ingest(items, batch_size=1000)
        with store.engine.connect() as conn:
            parts = conn.execute(select(ingest_batches.c.n_articles).order_by(ingest_batches.c.batch_id)).scalars().all()
            stored = conn.execute(select(func.count()).select_from(ingest_batches)).scalar_one()
    finally:
        store.close()
    assert report["batches"] == 1 and len(commits) == 1
    assert stored == 2 and sum(parts) == report["articles_stored"] and parts[0] <= STORY_BATCH


def test_postgresql_analyses_the_store_as_it_doubles(pg_url, monkeypatch):
    """A batch analyses the tables when articles has doubled since their last analysis, so prepared
    lookups are replanned for the store's size: a few times as the store grows, not every batch, and
    the stored rows are the pinned ones."""
    from sqlalchemy import event

    from bilat.store import writes

    monkeypatch.setattr(writes, "STATISTICS_MIN_PAGES", 1)  # this small store's own doublings
    items = corpus()
    store = bilat.open_store(pg_url)
    analyses = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, stmt, *_a: analyses.append(stmt) if stmt.startswith("ANALYZE") else None)
    try:
        store.ingest(items, batch_size=13)
        got = digest(state(store))
        with store.engine.connect() as conn:
            relpages, pages = conn.exec_driver_sql(
                "SELECT relpages, pg_relation_size(oid) / current_setting('block_size')::int FROM pg_class "
                "WHERE oid = 'articles'::regclass").one()
    finally:
        store.close()
    want = json.loads(DIGEST.read_text())
    assert (got["rows"], got["sha256"]) == (want["rows"], want["sha256"])
    batches = -(-len(items) // 13)
    assert 2 <= len(analyses) <= batches // 2, analyses
    assert pages < 2 * relpages  # the last analysis saw more than half of the table
