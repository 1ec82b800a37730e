"""The progress bar is not the last word (issue 10 #6), and since records are linked into
stories and written as they come (issue 12), nothing is left to do after it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.cli.progress import Progress

pytestmark = pytest.mark.model

TEXT = "Japan urged China to lift the ban on seafood imports on Monday."


def test_extract_ends_with_its_summary_after_the_bar(nlp, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "text": TEXT + f" Edition {i}."}) + "\n" for i in range(4)))
    r = CliRunner(env={"BILAT_PROGRESS_THRESHOLD": "1"}).invoke(
        main, ["extract", str(src), "-o", str(tmp_path / "out.jsonl")], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    lines = r.stderr.replace("\r", "\n").strip().splitlines()
    bar = max(i for i, line in enumerate(lines) if "article/s" in line or "article [" in line)
    # no silent phase after the bar: the records are written while it runs
    assert lines[bar + 1:] == [lines[-1]] and lines[-1].startswith("4 articles, 4 events")


def test_extract_writes_records_before_its_input_ends(tmp_path):
    """A stream that has not ended yet already has records out (a chunk is 32 articles): the
    story index no longer waits for the whole batch."""
    out = tmp_path / "out.jsonl"
    bilat = os.path.join(os.path.dirname(sys.executable), "bilat")
    proc = subprocess.Popen([bilat, "extract", "-", "-o", str(out), "-q"],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        for i in range(40):
            proc.stdin.write((json.dumps({"id": f"a{i}", "text": TEXT + f" Edition {i}."}) + "\n").encode())
        proc.stdin.flush()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (out.exists() and out.stat().st_size):
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
        assert out.stat().st_size > 0, "nothing written while the input was still open"
        assert proc.poll() is None
    finally:
        proc.stdin.close()
        proc.wait(timeout=120)
    assert proc.returncode == 0
    assert len(out.read_text().splitlines()) == 40


def test_quiet_and_small_runs_draw_no_bar():
    p = Progress(total=None, unit="article", disable=True, threshold=0)
    p.update()
    assert not p.shown
    p = Progress(total=None, unit="article", threshold=5)
    for _ in range(5):
        p.update()
    assert not p.shown
