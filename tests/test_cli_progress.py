"""The progress bar is not the last word: what the command does after it is said (issue 10 #6)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.cli.progress import Progress

pytestmark = pytest.mark.model

TEXT = "Japan urged China to lift the ban on seafood imports on Monday."


def test_extract_says_what_follows_the_bar(nlp, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": TEXT + f" Edition {i}."}) + "\n" for i in range(4)))
    r = CliRunner(env={"BILAT_PROGRESS_THRESHOLD": "1"}).invoke(
        main, ["extract", str(src), "-o", str(tmp_path / "out.jsonl")], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    lines = r.stderr.replace("\r", "\n").strip().splitlines()
    bar = max(i for i, line in enumerate(lines) if "article/s" in line or "article [" in line)
    assert "linking 4 events into stories" in lines[bar + 1]
    assert lines[-1].startswith("4 articles, 4 events")


def test_quiet_and_small_runs_draw_no_bar():
    p = Progress(total=None, unit="article", disable=True, threshold=0)
    p.update()
    assert not p.shown
    p = Progress(total=None, unit="article", threshold=5)
    for _ in range(5):
        p.update()
    assert not p.shown
