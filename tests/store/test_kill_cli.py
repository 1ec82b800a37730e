"""`bilat ingest` with real extraction, killed with SIGKILL mid-way, then run again:
the store ends identical to an uninterrupted run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

import bilat
from bilat.store.schema import ingest_batches

from ._data import DEV

pytestmark = [pytest.mark.model, pytest.mark.postgres]
RUN = "import sys; from bilat.cli import main; sys.exit(main())"


def _articles(path, copies=3):
    with open(DEV / "articles.jsonl", encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh]
    with open(path, "w", encoding="utf-8") as out:
        for k in range(copies):
            for a in base:
                out.write(json.dumps({**a, "id": f"{a['id']}-c{k}", "text": a["text"] + f"\n\nEdition {k}.",
                                      "outlet": f"{a.get('outlet') or 'desk'}-{k}"}) + "\n")
    return len(base) * copies


def _ingest(path, url, **kw):
    env = {**os.environ, "BILAT_BATCH_SIZE": "4"}  # small extraction chunks: results flow steadily
    return subprocess.Popen([sys.executable, "-c", RUN, "ingest", str(path), "--db", url, "--batch-size", "2", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, **kw)


def _record(url):
    s = bilat.open_store(url)
    try:
        return (s.stats()["articles"], sorted((e["event_id"], e["story_id"]) for e in s.events(limit=10_000)),
                [(r["story_id"], r["n_articles"], r["n_sources"]) for r in s.stories(limit=10_000)])
    finally:
        s.close()


def test_killed_cli_ingest_resumes_to_the_same_record(store_url, tmp_path):
    path = tmp_path / "articles.jsonl"
    n = _articles(path)
    watcher = bilat.open_store(store_url)
    child = _ingest(path, store_url)
    deadline = time.time() + 120
    try:
        while True:
            with watcher.engine.connect() as conn:
                done = conn.execute(select(func.count()).select_from(ingest_batches)
                                    .where(ingest_batches.c.finished_at.is_not(None))).scalar_one()
            if done >= 3:
                break
            assert child.poll() is None, child.stderr.read()
            assert time.time() < deadline
            time.sleep(0.02)
    finally:
        watcher.close()
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    stored_mid = _record(store_url)[0]
    assert 0 < stored_mid < n

    again = _ingest(path, store_url)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{stored_mid} already stored" in err

    clean_url = str(tmp_path / "clean.db")
    clean = _ingest(path, clean_url)
    clean.communicate(timeout=300)
    assert _record(store_url) == _record(clean_url)
    assert _record(store_url)[0] == n
