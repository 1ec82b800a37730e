"""The browsing roll-ups (revision 0006): kept at ingest, batch by batch, they hold exactly what
a rebuild from the base tables counts, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bilat.store.schema import ROLLUP_TABLES

from ._data import dev_results

pytestmark = pytest.mark.postgres


def _dump(store) -> dict[str, list[tuple]]:
    with store.engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in ROLLUP_TABLES}


def test_rollups_kept_at_ingest_equal_a_rebuild(store):
    results = dev_results()
    store.ingest(results[: len(results) // 2], batch_size=3)
    store.ingest(results[len(results) // 2:], batch_size=7)  # later batches join stories of earlier ones
    kept = _dump(store)
    assert all(kept[t.name] for t in ROLLUP_TABLES)
    store.rebuild_rollups()
    assert _dump(store) == kept
    # the totals agree with the base tables
    every = store.events(limit=10_000)
    assert sum(r[-1] for r in kept["key_months"] if r[0] == "all") == every.total
    tj = [r for r in kept["pair_stats"] if r[0] == "CHN-JPN"][0]
    assert tj[1] == store.events(pair="CHN-JPN", limit=0).total
    assert tj[2] == store.stories(pair="CHN-JPN", limit=0).total


def test_stance_cells_without_a_month_are_added_to_exactly(store):
    """Undated and year-only events go to each pair's cell without a month, which spans all time:
    ingest adds to it (counting a story once) instead of recounting it; a rebuild agrees."""
    from .test_summaries import _corpus

    corpus = _corpus(6, 150)
    store.ingest(corpus[:70], batch_size=4)
    store.ingest(corpus[70:], batch_size=9)
    kept = _dump(store)
    timeless = [r for r in kept["pair_issue_months"] if r[4] == ""]
    # the draw must put stories of several events, across batches, into those cells
    assert timeless and any(r[6] < r[5] for r in timeless)
    store.rebuild_rollups()
    assert _dump(store) == kept
