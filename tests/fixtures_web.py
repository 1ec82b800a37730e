"""Web fixtures: a sample store, real servers on free ports, Debian's Chromium.

* ``web_store``: the sample store (tests/web/sample.py) in SQLite, and in PostgreSQL
  when the PG fixture can start a server; session-scoped, built once per backend.
* ``live_url``: uvicorn serving ``create_app(web_store)`` on a free 127.0.0.1 port, in
  a thread of the test process (so the API tests can run over both backends cheaply).
* ``served_url``: ``bilat serve --db <sqlite file>`` started as a subprocess, the way a
  user starts it; the browser tests drive this one.
* ``browser`` / ``page``: Playwright driving /usr/bin/chromium (never a downloaded
  browser); each page records requests that leave 127.0.0.1 and console errors, and
  its screenshot goes to ``test-artifacts/``.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BILAT_SHARED", ROOT.parent / "shared"))
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("BILAT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WEB_TOKEN = "test-token-7f3a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


class ThreadServer:
    """uvicorn in a daemon thread: a real HTTP server on a real port."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ThreadServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


# ---------------------------------------------------------------------- the store

@pytest.fixture(scope="session")
def web_results():
    from tests.web.sample import article_results

    return article_results(SHARED if SHARED.exists() else None)


def _build_store(url: str, results):
    import bilat

    store = bilat.open_store(url)
    store.ingest(results)
    return store


@pytest.fixture(scope="session")
def web_sqlite_path(tmp_path_factory, web_results) -> Path:
    path = tmp_path_factory.mktemp("web") / "sample.db"
    store = _build_store(str(path), web_results)
    with contextlib.suppress(AttributeError):
        store.close()
    return path


def _pg_url(request) -> str:
    """A fresh database on the session's PostgreSQL server (tests/fixtures_pg.py's ``pg_server``)."""
    import uuid

    try:
        host, port = request.getfixturevalue("pg_server")
    except pytest.FixtureLookupError:
        pytest.skip("no PostgreSQL fixture (tests/fixtures_pg.py) in this checkout")
    import psycopg

    name = "web_" + uuid.uuid4().hex[:12]
    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@{host}:{port}/{name}"


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def web_store(request, web_sqlite_path, web_results):
    import bilat

    if request.param == "sqlite":
        store = bilat.open_store(str(web_sqlite_path))
    else:
        store = _build_store(_pg_url(request), web_results)
    yield store
    with contextlib.suppress(AttributeError):
        store.close()


def make_app(store, **settings):
    from bilat.settings import Settings
    from bilat.web import create_app

    return create_app(store, settings=Settings(**{"api_token": WEB_TOKEN, **settings}))


@pytest.fixture(scope="session")
def live_url(web_store) -> str:
    with ThreadServer(make_app(web_store)) as server:
        yield server.url


@pytest.fixture(scope="session")
def served_url(web_sqlite_path) -> str:
    """``bilat serve`` as a user runs it, over the SQLite sample store."""
    port = free_port()
    bilat_exe = Path(sys.executable).with_name("bilat")
    cmd = [str(bilat_exe)] if bilat_exe.exists() else [sys.executable, "-m", "bilat.cli"]
    env = {**os.environ, "BILAT_API_TOKEN": WEB_TOKEN}
    proc = subprocess.Popen(cmd + ["serve", "--db", str(web_sqlite_path), "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, proc=proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# ---------------------------------------------------------------------- the browser

@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        if os.environ.get("BILAT_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} not found; apt-get install chromium")
        pytest.skip(f"{CHROMIUM} not found; apt-get install chromium (BILAT_REQUIRE_BROWSER=1 makes this fail)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, request):
    """A fresh page; records requests that leave 127.0.0.1 and console errors; screenshot on teardown."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    pg.external_requests = []
    pg.console_errors = []
    pg.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1:", "data:", "about:"))
          else pg.external_requests.append(r.url))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    with contextlib.suppress(Exception):
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"), full_page=True)
    context.close()


def screenshot(pg, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/ and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
