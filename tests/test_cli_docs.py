"""The CLI reference in docs/cli.md is generated from --help and must be current (STYLE #11)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import click
import pytest

from bilat.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "tools" / "gen_cli_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_cli_md_is_current():
    tool = _tool()
    assert tool.DOC.exists(), "docs/cli.md is missing: run python tools/gen_cli_docs.py"
    assert tool.DOC.read_text(encoding="utf-8") == tool.render(), \
        "docs/cli.md is stale: run python tools/gen_cli_docs.py and commit the result"


def _commands():
    ctx = click.Context(main, info_name="bilat")
    return [(name, main.get_command(ctx, name)) for name in sorted(main.list_commands(ctx))]


@pytest.mark.parametrize("name, command", _commands(), ids=[n for n, _ in _commands()])
def test_every_command_has_help_with_an_example(name, command):
    assert command.help and command.help.strip(), f"bilat {name} has no help"
    assert "Example" in command.help, f"bilat {name}: help text has no example"


@pytest.mark.parametrize("name, command", _commands(), ids=[n for n, _ in _commands()])
def test_every_option_has_help(name, command):
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help and param.help.strip(), f"bilat {name} {param.opts[0]} has no help"
