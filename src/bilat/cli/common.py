"""The root command and the options shared by several commands."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import BilatError
from ..settings import load_settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class BilatGroup(click.Group):
    """The root group: a library error that reaches it is shown as its catalogue message with
    exit status 2, never as a traceback (commands catch what they can report better)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BilatError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(2)


@click.group(cls=BilatGroup, context_settings=CONTEXT)
@click.option("--settings", "settings_path", type=click.Path(dir_okay=False), default=None,
              help="TOML settings file; it overrides only what it sets. Example: --settings bilat.toml")
@click.version_option(package_name="bilat")
@click.pass_context
def main(ctx: click.Context, settings_path: str | None) -> None:
    """bilat: sourced, de-duplicated PLOVER events from international news.

    \b
    Example:
      bilat extract articles.jsonl -o events.jsonl
    """
    try:
        ctx.obj = load_settings(settings_path)
    except BilatError as exc:
        raise click.ClickException(str(exc)) from exc


#: --db, shared by every command that reads or writes a store.
db_option = click.option("--db", "db", default=None, metavar="URL",
                         help="SQLite path or postgresql:// URL (default: the 'db' setting, bilat.db). "
                              "Example: --db postgresql://user@127.0.0.1:5432/bilat")
#: articles per database transaction for ingest and batch: the store's default (store/writes.py
#: BATCH_SIZE says why it is 1,000), repeated here so the command line starts without SQLAlchemy
BATCH_SIZE = 1000

quiet_option = click.option("--quiet", "-q", is_flag=True, help="no progress bar on stderr")


def check_writable(path: str | None) -> None:
    """Refuse an output file that cannot be written (B116) before any work is done for it."""
    if not path or path == "-":
        return
    target = Path(path).expanduser()
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        detail = f"directory {parent} does not exist"
    elif target.is_dir():
        detail = "it is a directory"
    elif not os.access(target if target.exists() else parent, os.W_OK):
        detail = "Permission denied"
    else:
        return
    raise BilatError("B116", origin=path, detail=detail)


def fail(exc: BilatError, status: int = 2) -> None:
    """Map a library error to a message on stderr and an exit status."""
    click.echo(str(exc), err=True)
    sys.exit(status)
