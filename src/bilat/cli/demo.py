"""`bilat demo`: the main job on the embedded defaults, in one command."""
from __future__ import annotations

from importlib import resources

import click

from .common import BATCH_SIZE, main
from .store import ingest_cmd, pair_cmd


def sample_path() -> str:
    """The bundled sample articles (written for bilat; see bilat/samples/README.md)."""
    return str(resources.files("bilat").joinpath("samples", "articles.jsonl"))


@main.command("demo")
@click.option("--db", default="bilat-demo.db", show_default=True, metavar="URL",
              help="store to build. Example: --db /tmp/demo.db")
@click.option("--pair", "pair", default="CHN-JPN", show_default=True, help="pair to summarise. Example: --pair USA-IRN")
@click.pass_context
def demo_cmd(ctx: click.Context, db: str, pair: str) -> None:
    """Extract the bundled sample articles with the pinned spaCy model, store them in
    SQLite and print a per-month summary of one country pair.

    \b
    Example:
      bilat demo && bilat serve --db bilat-demo.db
    """
    a, _, b = pair.upper().partition("-")
    click.echo(f"bilat demo: extracting {sample_path()} into {db}", err=True)
    ctx.invoke(ingest_cmd, inputs=(sample_path(),), db=db, published=None, workers=None, batch_size=BATCH_SIZE,
               encoding=None, quiet=True)
    click.echo(f"\n{a}-{b} per month (events counted once per story; per-article counts alongside):")
    ctx.invoke(pair_cmd, db=db, a=a, b=b, period="month", since=None, until=None, show_stances=True, issue=None,
               as_json=False)
    # the other commands read bilat.db unless told: say which store to name
    click.echo(f"\nThe store is {db}; pass --db {db} to the other commands, for example:\n"
               f"  bilat events --db {db} --pair {a}-{b}\n  bilat serve --db {db}", err=True)
