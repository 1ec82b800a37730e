"""A newcomer's path: `bilat demo`, then every example of the README and of `--help` for the
read commands, run on the demo store, returns something; read commands never create a store;
Parquet without pandas says which extra to install."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bilat.cli import main

ROOT = Path(__file__).resolve().parents[2]
READERS = ("events", "stories", "pair", "stats", "export", "explain")


@pytest.fixture(scope="module")
def demo(tmp_path_factory, nlp):
    where = tmp_path_factory.mktemp("demo")
    db = where / "bilat-demo.db"
    r = CliRunner().invoke(main, ["demo", "--db", str(db)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert f"--db {db}" in r.stderr  # the demo says which store to name afterwards
    return db


def _help_examples() -> list[str]:
    ctx = click.Context(main, info_name="bilat")
    out = []
    for name in READERS:
        text = main.get_command(ctx, name).help or ""
        out += [line.strip() for line in text.split("Example", 1)[-1].splitlines() if line.strip().startswith("bilat ")]
    return out


def _readme_examples() -> list[str]:
    out = []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s{4}(?:\.venv/bin/)?(bilat (\w+)\b.*?)(?:\s{2,}#.*)?$", line)
        if m and m.group(2) in READERS:
            out.append(m.group(1).strip())
    return out


EXAMPLES = sorted(set(_help_examples()) | set(_readme_examples()))


def test_the_examples_are_found():
    assert len(EXAMPLES) >= 12 and any("--issue" in e for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_runs_and_finds_something(demo, tmp_path, monkeypatch, example):
    monkeypatch.chdir(tmp_path)
    args = shlex.split(example)[1:]
    if args[0] != "explain":
        if "--db" in args:
            args[args.index("--db") + 1] = str(demo)
        else:
            args += ["--db", str(demo)]
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = r.stdout
    if "-o" in args:
        written = tmp_path / args[args.index("-o") + 1]
        assert written.exists() and written.stat().st_size > 0
        assert not re.search(r"exported 0 ", r.stderr), r.stderr
        return
    assert out.strip(), f"{example}: no output"
    assert not re.search(r"^0 of \d+", out, re.M), f"{example}: nothing found\n{out}"
    if "--json" in args:
        data = json.loads(out)
        rows = data.get("rows", data.get("mentions", data)) if isinstance(data, dict) else data
        assert rows, f"{example}: empty JSON"
    elif args[0] == "pair":
        assert len(out.strip().splitlines()) >= 2, out


@pytest.mark.parametrize("args", [["stats"], ["events"], ["stories"], ["pair", "CHN", "JPN"],
                                  ["export", "--format", "csv"]])
def test_read_commands_never_create_a_store(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2, r.output
    assert "[B411]" in r.stderr and "bilat.db" in r.stderr and "bilat ingest" in r.stderr
    assert "bilat-demo.db" in r.stderr
    assert not (tmp_path / "bilat.db").exists()
    r = CliRunner().invoke(main, [*args, "--db", str(tmp_path / "other.db")])
    assert r.exit_code == 2 and "[B411]" in r.stderr and not (tmp_path / "other.db").exists()


def test_parquet_without_pandas_names_the_extra(tmp_path, monkeypatch):
    import sys

    import bilat

    db = tmp_path / "s.db"
    bilat.open_store(str(db)).close()
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails as when it is not installed
    r = CliRunner().invoke(main, ["export", "--format", "parquet", "-o", str(tmp_path / "e.parquet"), "--db", str(db)])
    assert r.exit_code == 2, r.output
    assert "[B412]" in r.stderr and "bilat[parquet]" in r.stderr and "scripts/install.sh parquet" in r.stderr
    assert "Traceback" not in r.output and "ModuleNotFoundError" not in r.output


def test_a_read_only_server_never_creates_a_store(tmp_path):
    from bilat.errors import StoreError
    from bilat.settings import Settings
    from bilat.web import create_app

    missing = tmp_path / "bilat.db"
    with pytest.raises(StoreError) as err:
        create_app(settings=Settings().with_(api_token=""), db=str(missing))
    assert err.value.code == "B411" and "bilat serve" in err.value.message and not missing.exists()
    app = create_app(settings=Settings().with_(api_token="t0ken"), db=str(missing))  # writes on: it may
    app.state.store.close()
    assert missing.exists()


@pytest.mark.parametrize("where", ["missing-dir/out.x", "a-dir"])
@pytest.mark.parametrize("command", ["extract", "export"])
def test_an_output_that_cannot_be_written_is_refused_before_the_work(tmp_path, monkeypatch, command, where):
    import bilat

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-dir").mkdir()
    bilat.open_store(str(tmp_path / "s.db")).close()
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Japan urged China to talk."}\n')
    args = ["extract", str(src), "-q"] if command == "extract" else ["export", "--db", str(tmp_path / "s.db")]
    r = CliRunner().invoke(main, [*args, "-o", where])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and ("[B116]" in r.stderr or "is a directory" in r.stderr), r.output
