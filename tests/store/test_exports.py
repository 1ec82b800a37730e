"""Exports, CLI commands and explain, on events extracted by the real pipeline from the dev set."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import bilat
from bilat import exports
from bilat.cli import main

from ._data import DEV, dev_count, dev_results

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    """The dev articles ingested through the real pipeline with `bilat ingest`."""
    path = str(tmp_path_factory.mktemp("real") / "dev.db")
    res = CliRunner().invoke(main, ["ingest", str(DEV / "articles.jsonl"), "--db", path, "-q"])
    assert res.exit_code == 0, res.output
    return path


@pytest.fixture
def real_store(real_db):
    s = bilat.open_store(real_db)
    yield s
    s.close()


def test_ingest_again_is_a_no_op(real_db, real_store):
    before = real_store.stats()
    res = CliRunner().invoke(main, ["ingest", str(DEV / "articles.jsonl"), "--db", real_db, "-q"])
    assert res.exit_code == 0 and f"{dev_count()} already stored" in res.output
    after = real_store.stats()
    assert (after["articles"], after["events"], after["stories"]) == \
        (before["articles"], before["events"], before["stories"]) and before["events"] > 10


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_every_export_carries_story_urls_and_evidence(real_store, fmt, tmp_path):
    n_events = real_store.stats()["events"]
    if fmt == "parquet":
        pd = pytest.importorskip("pandas")
        path = tmp_path / "e.parquet"
        assert exports.write(real_store, fmt, str(path)) == n_events
        frame = pd.read_parquet(path)
        assert frame["story_id"].notna().all() and frame["evidence"].str.len().gt(0).all()
        return
    text = exports.to_string(real_store, fmt)
    if fmt in ("jsonl", "plover"):
        rows = [json.loads(line) for line in text.splitlines()]
        assert len(rows) == n_events
        for r in rows:
            if fmt == "jsonl":
                assert r["story_id"] and r["evidence"] and isinstance(r["story_urls"], list)
                assert r["cameo"] is None or isinstance(r["cameo"], str)
            else:
                assert {"id", "date", "source", "recipient", "event", "quad_code", "event_scale", "link"} <= set(r)
                assert r["link"] and r["event_text"]
        return
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) >= (n_events if fmt == "csv" else 1)
    if fmt == "gdelt":
        assert list(rows[0])[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
        for r in rows:
            assert r["BilatStoryId"] and r["BilatEvidence"]
            assert len(r["EventRootCode"]) == 2 and r["EventCode"].startswith(r["EventRootCode"])
            assert int(r["NumArticles"]) >= 1 and r["QuadClass"] in {"1", "2", "3", "4"}
        # codes stay strings with their leading zero, in the file itself
        assert any(line.count('"04') for line in text.splitlines()[1:]) or "CONSULT" not in text
    if fmt == "icews":
        assert {"Event ID", "Event Date", "CAMEO Code", "Intensity", "Story ID", "Bilat Story ID"} <= set(rows[0])
        assert all(r["Bilat Story ID"] and r["Evidence"] for r in rows)


def test_cameo_codes_are_quoted_strings_in_csv(tmp_path):
    s = bilat.open_store(str(tmp_path / "g.db"))
    try:
        s.ingest(dev_results(["h035"]))
        text = exports.to_string(s, "gdelt", type="CONSULT")
        assert '"042"' in text
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["EventCode"] == "042" and rows[0]["GoldsteinScale"] == "1.9"
        icews = list(csv.DictReader(io.StringIO(exports.to_string(s, "icews", type="CONSULT"))))
        assert icews[0]["CAMEO Code"] == "042" and icews[0]["Event Text"] == "Make a visit"
        filtered = exports.to_string(s, "jsonl", pair="TUR-USA", type="ACCUSE")
        assert len(filtered.splitlines()) == 1
    finally:
        s.close()


@pytest.mark.parametrize("args,expect", [
    (["stats"], f"articles: {dev_count()}"),
    (["events", "--pair", "CHN-JPN", "--type", "ACCUSE"], "ACCUSE"),
    (["events", "--pair", "CHN-JPN", "--since", "2023-01-01", "--type", "ACCUSE", "--issue", "nuclear-wastewater"],
     "events"),
    (["stories"], "stories"),
    (["pair", "CHN", "JPN"], "period"),
    (["pair", "CHN", "JPN", "--stances"], "toward"),
    (["export", "--format", "gdelt", "--pair", "CHN-JPN"], "GLOBALEVENTID"),
])
def test_cli_commands_on_real_data(real_db, args, expect):
    res = CliRunner().invoke(main, args + ["--db", real_db])
    assert res.exit_code == 0, res.output
    assert expect in res.output


def test_cli_json_and_errors(real_db):
    res = CliRunner().invoke(main, ["pair", "CHN", "JPN", "--json", "--db", real_db])
    rows = json.loads(res.output)
    assert rows and all(r["stories"] <= r["articles"] for r in rows)
    bad = CliRunner().invoke(main, ["events", "--type", "SHOUT", "--db", real_db])
    assert bad.exit_code == 2 and "B404" in bad.output
    missing = CliRunner().invoke(main, ["stories", "--id", "st-nope", "--db", real_db])
    assert missing.exit_code == 2 and "B403" in missing.output


@pytest.mark.parametrize("term,kind", [("ACCUSE", "event type"), ("accuse", "event type"), ("042", "CAMEO code"),
                                       ("phone", "mode"), ("verbal-conflict", "quad class"),
                                       ("THREATEN.violence", "mode")])
def test_explain(term, kind):
    res = CliRunner().invoke(main, ["explain", term, "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["kind"] == kind


def test_explain_unknown_term_says_what_works():
    res = CliRunner().invoke(main, ["explain", "frobnicate"])
    assert res.exit_code == 2 and "B407" in res.output and "CAMEO code" in res.output


def test_migrate_command(tmp_path):
    from bilat.store import head_revision

    res = CliRunner().invoke(main, ["migrate", "--db", str(tmp_path / "m.db")])
    assert res.exit_code == 0 and f"none -> {head_revision()}" in res.output


@pytest.mark.postgres
def test_cli_ingest_into_postgresql_gives_the_same_record(real_db, real_store, pg_url):
    res = CliRunner().invoke(main, ["ingest", str(DEV / "articles.jsonl"), "--db", pg_url, "-q"])
    assert res.exit_code == 0, res.output
    again = CliRunner().invoke(main, ["ingest", str(DEV / "articles.jsonl"), "--db", pg_url, "-q"])
    assert again.exit_code == 0 and f"{dev_count()} already stored" in again.output
    pg = bilat.open_store(pg_url)
    try:
        key = lambda s: sorted((e["event_id"], e["story_id"], e["type"], e["date"]) for e in s.events(limit=10_000))  # noqa: E731
        assert key(pg) == key(real_store)
        assert pg.pair("CHN", "JPN").rows == real_store.pair("CHN", "JPN").rows
        assert pg.stances("CHN", "JPN") == real_store.stances("CHN", "JPN")
        assert exports.to_string(pg, "gdelt") == exports.to_string(real_store, "gdelt")
        s1, s2 = pg.stats(), real_store.stats()
        for k in ("articles", "events", "stories", "actors", "pairs", "by_type"):
            assert s1[k] == s2[k], k
    finally:
        pg.close()
