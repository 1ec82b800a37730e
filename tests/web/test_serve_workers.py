"""``bilat serve --workers N`` serves from N processes, each with its own store connections."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from ..fixtures_web import free_port, wait_for_port


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_serve_with_two_workers(web_sqlite_path):
    port = free_port()
    exe = Path(sys.executable).with_name("bilat")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(web_sqlite_path), "--port", str(port), "--workers", "2",
                             "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ})
    try:
        wait_for_port(port, timeout=60, proc=proc)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            # uvicorn's supervisor starts one process per worker (plus, on some versions, a helper)
            workers = [p for p in _children(proc.pid)
                       if "multiprocessing.resource_tracker" not in Path(f"/proc/{p}/cmdline").read_text()]
            if len(workers) >= 2:
                break
            time.sleep(0.2)
        assert len(workers) == 2, workers
        for _ in range(6):  # fresh connections, spread over both workers
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
                assert c.get("/api/stats").json()["events"] > 0
                assert c.get("/pair/CHN/JPN").status_code == 200
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
