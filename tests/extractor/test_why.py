"""`bilat why` and the library behind it (bilat.explain): every frame, kept or dropped, with
its rules; the text written here for the tests."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.explain import explain
from bilat.extractor import PHASES
from bilat.model import Article

pytestmark = pytest.mark.model

TEXT = ("Chile condemned the missile test by North Korea on Monday. "
        "Peru said it could impose sanctions on Bolivia. "
        "Would Japan respond?")


@pytest.fixture
def run(nlp):
    def invoke(*args, stdin=None):
        return CliRunner().invoke(main, ["why", *args], input=stdin, catch_exceptions=False)
    return invoke


def test_explain_keeps_every_frame_with_its_rules(nlp):
    ex = explain(Article(id="t1", text=TEXT, published="2023-02-06"))
    first, second, third = ex.sentences
    kept = {f.type.value: f for f in first.frames if not f.dropped}
    # the condemned test is a show of force told in passing, at no one the text names
    assert {t: ([a.country for a in f.source], [a.country for a in f.target]) for t, f in kept.items()} == \
        {"ACCUSE": (["CHL"], ["PRK"]), "MOBILIZE": (["PRK"], [])}
    accuse = kept["ACCUSE"]
    assert accuse.reasons[0] == "verb:condemn" and "target:doer_of_condemned_act" in accuse.reasons
    dropped = [f for f in second.frames if f.dropped]
    assert dropped and dropped[0].dropped.phase == "modality" and dropped[0].dropped.reason == "hypothetical"
    assert third.skipped == "question" and not third.frames
    assert sorted(e.type for e in ex.events) == ["ACCUSE", "MOBILIZE"]
    assert sorted(e.type for e in ex.events_of(1)) == ["ACCUSE", "MOBILIZE"] and ex.events_of(2) == []


def test_dropped_frames_name_a_phase_of_the_reader(nlp):
    ex = explain(Article(id="t2", text=TEXT))
    phases = {name for name, _ in PHASES} | {"triggers"}
    for reading in ex.sentences:
        for f in reading.frames:
            assert f.dropped is None or f.dropped.phase in phases


def test_cli_text_shows_rules_and_drops(run):
    result = run("-", stdin=TEXT)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "[1] Chile condemned" in out and "ACCUSE 111 CHL > PRK  -- kept" in out
    assert "DROPPED at modality: hypothetical" in out
    assert "=> event ACCUSE" in out and "skipped: question" in out


def test_cli_json_one_sentence(run):
    result = run("-", "--sentence", "2", "--json", stdin=TEXT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["n"] for s in data["sentences"]] == [2]
    frames = data["sentences"][0]["frames"]
    assert any(f["dropped"] == {"phase": "modality", "reason": "hypothetical"} for f in frames)
    assert data["events"] == []


def test_cli_picks_one_article_of_a_jsonl_file(run, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "text": t}) for i, t in
                              enumerate(["Chile condemned North Korea.", "Peru praised Bolivia."], 1)) + "\n")
    assert run(str(path)).exit_code == 2  # two articles: which one?
    by_id = run(str(path), "--id", "a2", "--json")
    by_line = run(f"{path}:2", "--json")
    assert json.loads(by_id.output)["article_id"] == json.loads(by_line.output)["article_id"] == "a2"
    assert run(str(path), "--id", "zz").exit_code == 2
    assert run("-", "--sentence", "9", stdin="Peru praised Bolivia.").exit_code == 2
