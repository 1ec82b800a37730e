"""The root command and the options shared by several commands."""
from __future__ import annotations

import sys

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
quiet_option = click.option("--quiet", "-q", is_flag=True, help="no progress bar on stderr")


def fail(exc: BilatError, status: int = 2) -> None:
    """Map a library error to a message on stderr and an exit status."""
    click.echo(str(exc), err=True)
    sys.exit(status)
