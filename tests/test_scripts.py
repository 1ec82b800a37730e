"""scripts/install.sh says what it does before each slow step; scripts/test.sh waits for a held
package-manager lock instead of failing with apt's raw error (issue 10 #6). Both run here with
stand-ins for pip and apt-get."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _stub(path: Path, body: str) -> None:
    path.write_text("#!/usr/bin/env bash\n" + body)
    path.chmod(0o755)


def _apt_retry(tmp_path: Path, fake_apt: str, *args: str) -> subprocess.CompletedProcess:
    fn = re.search(r"^apt_retry\(\) \{.*?^\}", (ROOT / "scripts" / "test.sh").read_text(), re.S | re.M).group(0)
    _stub(tmp_path / "apt-get", fake_apt)
    script = f"set -euo pipefail\nneed=(postgresql)\n{fn}\napt_retry {' '.join(args)}\n"
    env = {**os.environ, "BILAT_APT_GET": str(tmp_path / "apt-get"), "BILAT_APT_WAIT": "0", "BILAT_APT_ATTEMPTS": "5"}
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)


def test_apt_waits_for_a_held_lock_then_goes_on(tmp_path):
    fake = (f'n=$(cat {tmp_path}/count 2>/dev/null || echo 0); echo $((n + 1)) > {tmp_path}/count\n'
            'if [ "$n" -lt 2 ]; then echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by '
            'process 4242 (apt-get)" >&2; exit 100; fi\necho "installed $*"\n')
    r = _apt_retry(tmp_path, fake, "install", "-y", "postgresql")
    assert r.returncode == 0, r.stderr
    assert r.stderr.count("waiting") == 2 and "E: Could not get lock" not in r.stderr


def test_apt_other_errors_are_shown_with_what_to_do(tmp_path):
    r = _apt_retry(tmp_path, 'echo "E: Unable to locate package chromium" >&2; exit 100\n', "install", "chromium")
    assert r.returncode == 1
    assert "Unable to locate package chromium" in r.stderr and "install postgresql by hand" in r.stderr


def test_apt_gives_up_on_a_lock_held_for_ever(tmp_path):
    r = _apt_retry(tmp_path, 'echo "E: Could not get lock /var/lib/apt/lists/lock" >&2; exit 100\n', "update")
    assert r.returncode == 1 and "stayed locked" in r.stderr and r.stderr.count("waiting") == 5


def test_install_says_each_step_before_it_runs(tmp_path):
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "install.sh", repo / "scripts" / "install.sh")
    (repo / ".venv" / "bin").mkdir(parents=True)
    _stub(repo / ".venv" / "bin" / "python", "exit 0\n")
    _stub(repo / ".venv" / "bin" / "pip", 'echo "pip $*" >&2\n')
    r = subprocess.run(["bash", str(repo / "scripts" / "install.sh"), "test"], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    model = next(i for i, line in enumerate(lines) if "requirements/model.txt" in line)
    deps = next(i for i, line in enumerate(lines) if "-e .[test]" in line)
    assert "[1/2]" in lines[model - 1] and "[2/2]" in lines[deps - 1] and "[test]" in lines[deps - 1]
    assert lines[-1].startswith("bilat install: done in")
