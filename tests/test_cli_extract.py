"""`bilat extract` end to end: JSON Lines in, JSON Lines out, bad articles reported with
file and line while the rest are extracted (STYLE #6), a quiet mode, deterministic output.

Most cases run in-process with click's CliRunner (the model stays loaded); stdin and
the installed entry point are also run as real subprocesses.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilat.cli import main

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parent / "data" / "extract"
ARTICLES = DATA / "articles.jsonl"
BILAT = Path(sys.executable).with_name("bilat")
# (article_id, type) in output order for articles.jsonl
EXPECTED = [("ke-ug", "ACCUSE"), ("vn-ph", "CONSULT"), ("vn-ph", "AGREE"), ("eu-ir", "SANCTION"),
            ("no-date", "REQUEST"), ("eg-et", "REJECT"), ("ru-ua", "ASSAULT")]


@pytest.fixture
def run(nlp):
    def invoke(*args, input=None):
        runner = CliRunner()
        return runner.invoke(main, ["extract", *map(str, args)], input=input, catch_exceptions=False)
    return invoke


def _events(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _line(obj) -> bytes:
    return (json.dumps(obj) + "\n").encode("utf-8")


# ---------------------------------------------------------------- inputs and outputs

def test_jsonl_to_stdout(run):
    r = run(ARTICLES, "--quiet")
    assert r.exit_code == 0, r.stderr
    events = _events(r.stdout)
    assert [(e["article_id"], e["type"]) for e in events] == EXPECTED
    ids = [e["event_id"] for e in events]
    assert len(set(ids)) == len(ids)
    assert all(e["story_id"] for e in events)


def test_output_file(run, tmp_path):
    out = tmp_path / "events.jsonl"
    r = run(ARTICLES, "-o", out, "--quiet")
    assert r.exit_code == 0
    assert r.stdout == ""
    assert [(e["article_id"], e["type"]) for e in _events(out.read_text(encoding="utf-8"))] == EXPECTED


def test_summary_on_stderr(run):
    r = run(ARTICLES)
    assert r.exit_code == 0
    assert "7 articles, 7 events, 0 failed" in r.stderr
    assert "7 articles" not in r.stdout


def test_stdin_as_dash(run):
    r = run("-", "--published", "2023-02-03", "--quiet", input="Kenya criticised Uganda on Thursday.")
    assert r.exit_code == 0, r.stderr
    (ev,) = _events(r.stdout)
    assert (ev["type"], ev["date"], ev["date_basis"]) == ("ACCUSE", "2023-02-02", "relative")


def test_directory_of_txt_and_html(run, tmp_path):
    r = run(DATA / "dir", "--published", "2023-02-03", "--quiet")
    assert r.exit_code == 0, r.stderr
    got = sorted((e["article_id"], e["type"]) for e in _events(r.stdout))
    assert got == [("chile", "REQUEST"), ("norway", "AID")]  # notes.md is not an input
    text = (DATA / "dir" / "chile.txt").read_text(encoding="utf-8")
    (ev,) = [e for e in _events(r.stdout) if e["article_id"] == "chile"]
    assert all(text[x["start"]:x["end"]] == x["sentence"] for x in ev["evidence"])


def test_several_inputs_in_order(run):
    r = run(DATA / "dir" / "chile.txt", ARTICLES, "--published", "2023-02-03", "--quiet")
    assert [e["article_id"] for e in _events(r.stdout)][:2] == ["chile", "ke-ug"]


# ---------------------------------------------------------------- --published

def test_published_anchors_articles_without_a_date_only(run):
    r = run(ARTICLES, "--published", "2023-02-03", "--quiet")
    by_id = {e["article_id"]: e for e in _events(r.stdout)}
    # "on Thursday" in an article without a date, published Friday 2023-02-03 per the option
    assert (by_id["no-date"]["date"], by_id["no-date"]["date_basis"]) == ("2023-02-02", "relative")
    # an article's own date wins: "on Monday" from Thursday 2023-01-26
    assert by_id["eu-ir"]["date"] == "2023-01-23"


def test_without_published_relative_dates_stay_unknown(run):
    r = run(ARTICLES, "--quiet")
    by_id = {e["article_id"]: e for e in _events(r.stdout)}
    assert (by_id["no-date"]["date"], by_id["no-date"]["date_basis"]) == (None, "unknown")


def test_bad_published_value_is_reported(run):
    r = run("-", "--published", "03/02/2023", "--quiet", input="Kenya criticised Uganda on Thursday.")
    assert "B108" in r.stderr


# ---------------------------------------------------------------- a bad article never stops the batch

GOOD_1 = {"id": "good-1", "published": "2023-02-03", "text": "Kenya criticised Uganda on Thursday."}
GOOD_2 = {"id": "good-2", "published": "2023-02-03", "text": "Egypt rejected Ethiopia's proposal for new talks on the dam."}


@pytest.mark.parametrize("bad, code", [
    (b"{oops, not json\n", "B105"),
    (_line({"id": "empty", "text": "   \n  "}), "B101"),
    (_line({"id": "binary", "text": "abc\x00\x01\x02def"}), "B103"),
    (b'{"id": "latin", "text": "caf\xe9"}\n', "B102"),
    (_line({"id": "no-text"}), "B106"),
])
def test_bad_line_in_the_middle(run, tmp_path, bad, code):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(_line(GOOD_1) + bad + _line(GOOD_2))
    r = run(path, "-o", tmp_path / "out.jsonl", "--quiet")
    assert r.exit_code != 0
    got = [(e["article_id"], e["type"]) for e in _events((tmp_path / "out.jsonl").read_text(encoding="utf-8"))]
    assert got == [("good-1", "ACCUSE"), ("good-2", "REJECT")]
    assert f"[{code}] " in r.stderr
    assert "batch.jsonl line 2" in r.stderr
    assert "2 articles, 2 events, 1 failed" in r.stderr


def test_binary_file_among_good_ones(run, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Kenya criticised Uganda on Thursday.", encoding="utf-8")
    (d / "b.txt").write_bytes(bytes(range(256)) * 8)
    (d / "c.txt").write_text("Egypt rejected Ethiopia's proposal for new talks on the dam.", encoding="utf-8")
    r = run(d, "--published", "2023-02-03", "--quiet")
    assert r.exit_code != 0
    assert sorted(e["article_id"] for e in _events(r.stdout)) == ["a", "c"]
    assert "[B103]" in r.stderr and "b.txt" in r.stderr


def test_missing_input_is_reported(run, tmp_path):
    r = run(tmp_path / "nope.jsonl", ARTICLES, "--quiet")
    assert r.exit_code != 0
    assert "nope.jsonl" in r.stderr
    assert len(_events(r.stdout)) == len(EXPECTED)


# ---------------------------------------------------------------- quiet, determinism, workers

def test_progress_bar_unless_quiet(run, tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text(ARTICLES.read_text(encoding="utf-8") * 2, encoding="utf-8")  # over the bar's threshold
    loud = run(big)
    assert "article/s" in loud.stderr or "article [" in loud.stderr
    quiet = run(big, "--quiet")
    assert "article/s" not in quiet.stderr and "article [" not in quiet.stderr
    assert quiet.stdout == loud.stdout


def test_output_is_deterministic(run, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run(ARTICLES, "-o", a, "--quiet")
    run(ARTICLES, "-o", b, "--quiet")
    assert a.read_bytes() == b.read_bytes()


def test_two_workers_same_output_as_one(run, tmp_path):
    big = tmp_path / "big.jsonl"
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    # many chunks (batch_size 2 via the settings file) so both workers get work
    big.write_text("\n".join(
        json.dumps({**json.loads(line), "id": f"{json.loads(line)['id']}-{n}"}) for n in range(4) for line in lines
    ) + "\n", encoding="utf-8")
    settings = tmp_path / "s.toml"
    settings.write_text("batch_size = 2\n", encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(main, ["--settings", str(settings), "extract", str(big), "--quiet", "--workers", "1"])
    two = runner.invoke(main, ["--settings", str(settings), "extract", str(big), "--quiet", "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0
    assert len(_events(one.stdout)) == 4 * len(EXPECTED)
    assert two.stdout == one.stdout


# ---------------------------------------------------------------- the installed command

@pytest.mark.skipif(not BILAT.exists() and shutil.which("bilat") is None, reason="bilat entry point not installed")
def test_entry_point_reads_stdin_and_exits_non_zero_on_bad_lines(tmp_path):
    exe = str(BILAT if BILAT.exists() else shutil.which("bilat"))
    data = _line(GOOD_1) + b"{broken\n" + _line(GOOD_2)
    env = {**os.environ, "BILAT_SETTINGS": ""}
    p = subprocess.run([exe, "extract", "-", "--quiet"], input=data, capture_output=True, env=env, timeout=120)
    # JSON Lines on stdin are read line by line: the broken line is reported, the others extracted
    assert p.returncode == 1
    assert [e["article_id"] for e in _events(p.stdout.decode("utf-8"))] == ["good-1", "good-2"]
    err = p.stderr.decode("utf-8")
    assert "[B105] <stdin> line 2" in err and "2 articles, 2 events, 1 failed" in err
    p2 = subprocess.run([exe, "extract", "-", "--quiet", "--published", "2023-02-03"],
                        input="Kenya criticised Uganda on Thursday.".encode(), capture_output=True, env=env, timeout=120)
    assert p2.returncode == 0
    (ev,) = _events(p2.stdout.decode("utf-8"))
    assert ev["date"] == "2023-02-02"


def test_help_has_examples(run):
    r = CliRunner().invoke(main, ["extract", "--help"])
    assert r.exit_code == 0
    assert "Example" in r.output
    for opt in ("--output", "--published", "--workers", "--quiet", "--encoding", "--model"):
        assert opt in r.output
