#!/usr/bin/env python3
"""Generate docs/cli.md, the command-line reference, from bilat's own --help (STYLE #11).

    python tools/gen_cli_docs.py           # rewrite docs/cli.md
    python tools/gen_cli_docs.py --check   # exit 1 if docs/cli.md is stale

tests/test_cli_docs.py fails when the file differs from what this prints, so a change
to any command's help text lands together with its documentation.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "cli.md"
WIDTH = 100  # fixed, so the text does not depend on the terminal that runs the tool

HEADER = """# bilat command-line reference

Generated from `bilat --help` by `tools/gen_cli_docs.py`; do not edit by hand.
Regenerate with `python tools/gen_cli_docs.py` after changing any command's help.
"""


def _help(args: list[str]) -> str:
    from bilat.cli import main

    result = CliRunner().invoke(main, [*args, "--help"], prog_name="bilat", terminal_width=WIDTH,
                                catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"bilat {' '.join(args)} --help failed:\n{result.output}")
    return result.output.rstrip() + "\n"


def render() -> str:
    from bilat.cli import main

    parts = [HEADER, "## bilat\n", "```text\n" + _help([]) + "```\n"]
    ctx = click.Context(main, info_name="bilat")
    for name in sorted(main.list_commands(ctx)):
        parts.append(f"## bilat {name}\n")
        parts.append("```text\n" + _help([name]) + "```\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is stale, write nothing")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print(f"{DOC.relative_to(ROOT)} is stale: run python tools/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
