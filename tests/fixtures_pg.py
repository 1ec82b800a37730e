"""A throw-away PostgreSQL server for the test session, from Debian's postgresql binaries.

initdb into a temporary directory, listen on 127.0.0.1 on a free port, trust auth. initdb
and pg_ctl refuse to run as root, so as root they run as the ``postgres`` user. Every
test that asks for ``pg_url`` gets a fresh, empty database on that server.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    candidates = []
    if shutil.which("pg_config"):
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10).stdout.strip()
            candidates.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for c in candidates:
        if (c / "initdb").exists() and (c / "pg_ctl").exists():
            return c
    for name in ("initdb", "pg_ctl"):
        if not shutil.which(name):
            return None
    return Path(shutil.which("initdb")).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """A PostgreSQL data directory of its own in a temporary folder, initialised with trust auth,
    to listen on 127.0.0.1 at a free port; as root, initdb and pg_ctl run as ``postgres``."""

    def __init__(self, tag: str):
        bindir = _bindir()
        if bindir is None:
            pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found; apt-get install postgresql")
        try:
            import psycopg  # noqa: F401
        except ModuleNotFoundError:
            pytest.skip("psycopg is not installed; pip install 'psycopg[binary]'")
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix=f"bilat-{tag}-"))
        self.data, self.sock = self.root / "data", self.root / "sock"
        self.sock.mkdir()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.sock, "postgres", "postgres")
            os.chmod(self.root, 0o755)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        self.env = {**os.environ, "LC_ALL": "C"}
        subprocess.run(self.prefix + [str(bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                                      "-E", "UTF8", "--no-instructions"],
                       check=True, capture_output=True, env=self.env, timeout=120)

    def ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(self.prefix + [str(self.bindir / "pg_ctl"), "-D", str(self.data), *args], check=check,
                       capture_output=True, env=self.env, timeout=90)

    def start(self, options: str = "") -> None:
        opts = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.sock} -c fsync=off {options}".strip()
        self.ctl("-o", opts, "-l", str(self.root / "log"), "-w", "-t", "60", "start")

    def stop(self, check: bool = True) -> None:
        self.ctl("-m", "immediate", "-w", "stop", check=check)

    def remove(self) -> None:
        self.stop(check=False)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """(host, port) of a running PostgreSQL server, stopped at the end of the session."""
    cluster = PgCluster("pg")
    cluster.start("-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
    try:
        yield ("127.0.0.1", cluster.port)
    finally:
        cluster.remove()


def _admin(host: str, port: int, sql: str) -> None:
    import psycopg

    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_url(pg_server):
    """URL of a fresh empty database, dropped after the test."""
    host, port = pg_server
    name = "t_" + uuid.uuid4().hex[:12]
    _admin(host, port, f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres@{host}:{port}/{name}"
    for _ in range(3):
        try:
            _admin(host, port, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            break
        except Exception:  # noqa: BLE001 - best effort cleanup
            time.sleep(0.2)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same store test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "bilat.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    import bilat

    s = bilat.open_store(store_url)
    yield s
    s.close()
