"""schemathesis against the OpenAPI schema of a live server (SQLite sample store).

Runs the schemathesis CLI as a user would (its pytest plugin does not load under
pytest 9): every operation gets generated valid and invalid inputs, with all
checks on (no 5xx, documented status codes, content types and bodies, invalid input
rejected). The JUnit report lands in test-artifacts/.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures_web import ARTIFACTS, WEB_TOKEN, ThreadServer, make_app

pytestmark = pytest.mark.slow


def run_schemathesis(url: str, *extra: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("schemathesis")
    if not exe.exists():
        pytest.skip("schemathesis is not installed; pip install schemathesis")
    ARTIFACTS.mkdir(exist_ok=True)
    cmd = [str(exe), "run", url + "/api/openapi.json", "--checks", "all", "--max-examples", "20",
           "--seed", "20231126", "--generation-deterministic", "--no-color",
           "--report", "junit", "--report-dir", str(ARTIFACTS), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_schemathesis_all_checks(web_sqlite_path):
    import bilat

    store = bilat.open_store(str(web_sqlite_path))
    try:
        with ThreadServer(make_app(store)) as server:
            done = run_schemathesis(server.url)
    finally:
        store.close()
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


@pytest.mark.model
def test_schemathesis_authorised_writes(tmp_path):
    """POST /api/articles with the token: generated articles go through the real pipeline into a store."""
    pytest.importorskip("bilat.pipeline")
    import bilat

    store = bilat.open_store(str(tmp_path / "writes.db"))
    try:
        with ThreadServer(make_app(store)) as server:
            done = run_schemathesis(server.url, "--include-method", "POST", "--include-path", "/api/articles",
                                    "-H", f"Authorization: Bearer {WEB_TOKEN}")
    finally:
        store.close()
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
