"""Stories kept incrementally (store/summaries.py), on real SQLite and real PostgreSQL: every
summary row an ingest leaves equals one recomputed from all the story's records, whatever the
batches; the tables it is kept from are what a rebuild from events and articles gives; a story
told by many copies stays a bounded number of rows to find and compare."""
from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace

import pytest
from sqlalchemy import select

import bilat
from bilat.errors import StoreError
from bilat.model import Actor, Article, ArticleResult, Event, Evidence

pytestmark = pytest.mark.postgres

_TYPES = ("ACCUSE", "PROTEST", "CONSULT", "AGREE", "SUPPORT", "SANCTION", "REQUEST", "ASSAULT")
_COUNTRIES = ("USA", "CHN", "JPN", "TUR", "RUS")
_DATES = ("2023-01-31", "2023-02-01", "2023-02-02", "2023-02", "2023", None)
_OUTLETS = ("wire.example", "daily.example", "herald.example", None)
_ISSUES = ("taiwan", "trade", "nuclear", "border")
# words of letters only, as stories.tokens reads them: coarse dates need alike wording to join a story
_VOCAB = [f"w{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(400)]


def _corpus(seed: int, n_articles: int) -> list[ArticleResult]:
    """Articles whose records pile into shared stories, with what a summary counts varying:
    several records of one story per article, copies of earlier articles (near-duplicate
    texts, so the store marks them syndicated) under other outlets, outlets given by name, by
    URL only or not at all, CAMEO codes (Goldstein values) or none, issues, coarse dates."""
    rnd = random.Random(seed)
    out: list[ArticleResult] = []
    for a in range(n_articles):
        aid = f"s{seed}-a{a}"
        outlet = rnd.choice(_OUTLETS)
        url = f"https://{rnd.choice(_OUTLETS) or 'blog.example'}/{aid}" if outlet is None and rnd.random() < 0.7 else None
        if out and rnd.random() < 0.35:  # a copy: the same records, a near-duplicate text
            src = rnd.choice(out)
            text = src.article.text + f" Copy {a}."
            events = [replace(e, event_id=f"{e.event_id}-c{a}", article_id=aid) for e in src.events]
        else:
            text = " ".join(rnd.choice(_VOCAB) for _ in range(60))
            events = []
            for i in range(rnd.randint(1, 4)):
                sentence = " ".join(rnd.sample(_VOCAB[:12], 4))
                pair = rnd.sample(_COUNTRIES[:3], 2) if rnd.random() < 0.8 else rnd.sample(_COUNTRIES, 2)
                # now and then a second target: a story then spans several pairs
                targets = [pair[1]] + ([c for c in _COUNTRIES if c not in pair][:1] if rnd.random() < 0.2 else [])
                e = Event(event_id=f"ev-{seed}-{a}-{i}", article_id=aid, type=rnd.choice(_TYPES),
                          cameo=rnd.choice((None, "111", "042", "10")), source=(Actor(country=pair[0]),),
                          target=tuple(Actor(country=c) for c in targets),
                          date=rnd.choice(_DATES), issues=tuple(rnd.sample(_ISSUES, rnd.randint(0, 2))),
                          evidence=(Evidence(sentence, 0, len(sentence)),))
                events.append(e)
                if rnd.random() < 0.2:  # the same event told twice in one article: one story
                    events.append(replace(e, event_id=f"{e.event_id}-again",
                                          evidence=(Evidence(sentence + " again", 0, len(sentence) + 6),)))
        out.append(ArticleResult(Article(id=aid, text=text, outlet=outlet, url=url), tuple(events)))
    return out


def _recomputed(store) -> dict[str, dict]:
    """Every story's summary as records.summarise_story computes it from all its records."""
    from bilat.store.records import summarise_story
    from bilat.store.schema import articles, event_dyads, events

    e = events.c
    q = (select(e.story_id, e.event_id, e.article_id, e.type, e.date, e.source_countries, e.target_countries, e.issues,
                e.goldstein, e.evidence_text, e.seq, articles.c.outlet, articles.c.url, articles.c.syndicate_of)
         .join(articles, articles.c.article_id == e.article_id).order_by(e.seq))
    with store.engine.connect() as conn:
        grouped = defaultdict(list)
        for r in conn.execute(q):
            grouped[r.story_id].append(r)
        pairs = defaultdict(set)
        for sid, pk in conn.execute(select(event_dyads.c.story_id, event_dyads.c.pair_key)):
            pairs[sid].add(pk)
    # a story's number is its first record's seq (revision 0016)
    return {sid: {**summarise_story(sid, rows, pairs[sid]), "story_no": rows[0].seq} for sid, rows in grouped.items()}


def _stored(store) -> tuple[dict[str, dict], set[tuple]]:
    from bilat.store.schema import stories, story_pairs

    with store.engine.connect() as conn:
        rows = {r.story_id: {k: v for k, v in r._mapping.items() if k not in ("story_id", "created_at", "updated_at")}
                for r in conn.execute(select(stories))}
        pairs = {tuple(r) for r in conn.execute(select(story_pairs.c.pair_key, story_pairs.c.story_id,
                                                       story_pairs.c.day))}
    return rows, pairs


def _check(store) -> None:
    """The stored summaries and story_pairs rows equal those recomputed from all records."""
    rows, pairs = _stored(store)
    want = _recomputed(store)
    assert set(rows) == set(want)
    for sid in sorted(want):
        assert rows[sid] == want[sid], sid
    assert pairs == {(pk, sid, want[sid]["day"]) for sid in want for pk in want[sid]["pair_keys"].strip("|").split("|")
                     if pk}


def _state(store) -> dict[str, object]:
    """The tables the summaries are kept from; source groups as partitions (labels may differ)."""
    from bilat.store.schema import story_keys, story_members, story_sources, story_tallies

    with store.engine.connect() as conn:
        groups = defaultdict(set)
        for sid, node, comp in conn.execute(select(story_sources)):
            groups[(sid, comp)].add(node)
        return {"members": {tuple(r) for r in conn.execute(select(story_members))},
                "keys": {tuple(r) for r in conn.execute(select(story_keys))},
                "tallies": {tuple(r) for r in conn.execute(select(story_tallies))},
                "sources": {(sid, frozenset(nodes)) for (sid, _), nodes in groups.items()}}


def _ingest(store_url, results, batch_size):
    store = bilat.open_store(store_url)
    store.ingest(results, batch_size=batch_size)
    return store


@pytest.mark.parametrize("seed,batch_size", [(0, 1), (1, 7), (2, 50)])
def test_incremental_summaries_equal_recomputed_ones(store_url, seed, batch_size):
    corpus = _corpus(seed, 120)
    store = _ingest(store_url, corpus, batch_size)
    try:
        _check(store)
        rows, _ = _stored(store)
        # the draw must exercise what is counted, or the test proves nothing
        assert max(r["n_articles"] for r in rows.values()) >= 5
        assert any(r["n_sources"] < r["n_articles"] for r in rows.values())  # syndicated or same outlet
        assert any(r["n_events"] > r["n_articles"] for r in rows.values())  # twice in one article
        assert {r["date_precision"] for r in rows.values()} >= {"day", "month", "year"}
        assert any(r["pair_keys"].count("|") > 2 for r in rows.values())
        state = _state(store)
        # a rebuild from events and articles gives the same tables and leaves the summaries as they are
        store.rebuild_rollups()
        assert _state(store) == state
        assert _stored(store)[0] == rows
        _check(store)
    finally:
        store.close()


def test_a_story_stored_without_its_tally_is_summarised_from_its_records(store_url):
    """A store written around Store.ingest (no tallies): the next batch recomputes what it touches."""
    from bilat.store.schema import story_sources, story_tallies

    corpus = _corpus(3, 90)
    store = _ingest(store_url, corpus[:60], 10)
    try:
        with store.engine.begin() as conn:
            conn.execute(story_tallies.delete())
            conn.execute(story_sources.delete())
        store.ingest(corpus[60:], batch_size=10)
        _check(store)
    finally:
        store.close()


_BREAKS = {
    # what a stored story's tally would lose if it were kept wrongly from batch to batch
    "goldstein sum restarted": lambda t: setattr(t, "gold_sum", 0.0),
    "types restarted": lambda t: t.types.clear(),
    "dates restarted": lambda t: t.dates.clear(),
    "pairs forgotten": lambda t: t.pairs.clear(),
    "issues forgotten": lambda t: t.issues.clear(),
}


@pytest.mark.parametrize("broken", [*_BREAKS, "every new article a new source"])
def test_the_check_catches_a_wrongly_kept_summary(tmp_path, monkeypatch, broken):
    """Break one part of the incremental update: the comparison with recomputed rows must fail."""
    from bilat.store import summaries

    if broken in _BREAKS:
        real = summaries.Tally.stored.__func__

        def stored(cls, story, tally):
            t = real(cls, story, tally)
            _BREAKS[broken](t)
            return t

        monkeypatch.setattr(summaries.Tally, "stored", classmethod(stored))
    else:
        real_add = summaries._add_sources

        def add_sources(conn, new, n_sources, nos):
            counts = real_add(conn, new, n_sources, nos)
            return {sid: n_sources[sid] + len(arts) if n_sources[sid] else counts[sid] for sid, arts in new.items()}

        monkeypatch.setattr(summaries, "_add_sources", add_sources)
    store = bilat.open_store(str(tmp_path / "s.db"))
    try:
        # a wrong tally shows in the rows, or breaks the ingest itself (story_pairs' key)
        with pytest.raises((AssertionError, StoreError)):
            store.ingest(_corpus(4, 120), batch_size=5)
            _check(store)
    finally:
        store.close()


def test_a_story_told_by_many_copies_stays_small_to_find_and_compare(tmp_path):
    """Copies of one article add nothing to story_members and story_keys, and one row per
    outlet to story_sources, while the summary counts every copy."""
    from sqlalchemy import func

    from bilat.store.schema import articles, story_keys, story_members, story_sources

    sentence = "China summoned the Japanese ambassador over the visit"
    base = Event(event_id="ev-0", article_id="c0", type="ACCUSE", cameo="111", source=(Actor(country="CHN"),),
                 target=(Actor(country="JPN"),), date="2023-02-01", evidence=(Evidence(sentence, 0, len(sentence)),))
    text = " ".join(f"word{i}" for i in range(80))
    outlets = ("wire.example", "daily.example", "herald.example")
    results = [ArticleResult(Article(id=f"c{i}", text=text + f" Edition {i}.", outlet=outlets[i % 3]),
                             (replace(base, event_id=f"ev-{i}", article_id=f"c{i}"),)) for i in range(200)]
    store = _ingest(str(tmp_path / "s.db"), results, 20)
    try:
        (story,) = store.stories(limit=10).rows
        assert story["n_articles"] == story["n_events"] == 200
        assert story["n_sources"] == 1  # every copy is syndicated from c0
        with store.engine.connect() as conn:
            count = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (story_members, story_keys, story_sources)}
            originals = len(set(conn.execute(select(articles.c.syndicate_of)).scalars()))
        assert originals < 20  # near-duplicates: most copies name c0 as their original
        assert count == {"story_members": 1, "story_keys": 2, "story_sources": originals + 3}
        _check(store)
    finally:
        store.close()


def test_migration_back_fills_what_ingest_keeps(store):
    """Migration 0007 on a store of revision 0006 fills the tables as ingest would have."""
    from ._data import dev_results, down_and_up

    store.ingest(dev_results(), batch_size=5)
    store.ingest([r for r in _corpus(5, 40)], batch_size=8)
    state, rows = _state(store), _stored(store)[0]
    down_and_up(store.engine, "0006")
    assert _state(store) == state
    assert _stored(store)[0] == rows
    _check(store)
