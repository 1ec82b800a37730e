"""`bilat extract`: articles in, event records (JSON Lines) out."""
from __future__ import annotations

import json
import sys
import time

import click

from ..errors import BilatError
from ..ingest import is_warning, read_inputs
from ..model import Article, Failure
from ..pipeline import process
from ..stories import StoryStream
from .common import check_writable, main, quiet_option
from .progress import Progress


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="write events here (JSON Lines) instead of stdout. Example: -o events.jsonl")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="publication date for articles that carry none (anchors 'on Thursday'). Example: --published 2023-02-03")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="processes to use. Example: --workers 2")
@click.option("--encoding", default=None, help="encoding of inputs without a byte-order mark. Example: --encoding latin-1")
@click.option("--model", default=None, help="another installed spaCy pipeline. Example: --model en_core_web_md")
@quiet_option
@click.pass_obj
def extract_cmd(settings, inputs, output, published, workers, encoding, model, quiet):
    """Extract PLOVER event records from articles.

    INPUTS are JSON Lines files of articles ({"id", "text", "published", ...}), .txt or
    .html files, directories of them, or - for standard input.

    \b
    Examples:
      bilat extract articles.jsonl -o events.jsonl
      bilat extract news/ --published 2023-02-03 --workers 2
      cat story.txt | bilat extract - --published 2023-11-26
    """
    if model:
        settings = settings.with_(model=model)
    check_writable(output)  # before the work, not after it
    failures: list[Failure] = []
    warnings: list[Failure] = []
    n_articles = 0

    def articles():
        nonlocal n_articles
        try:
            for item in read_inputs(inputs, settings, published=published, encoding=encoding):
                if isinstance(item, Failure):
                    (warnings if is_warning(item) else failures).append(item)
                    click.echo(("warning: " if is_warning(item) else "") + item.message, err=True)
                    continue
                n_articles += 1
                yield item
        except BilatError as exc:
            raise click.UsageError(str(exc)) from exc

    bar = Progress(total=None, unit="article", disable=quiet, threshold=settings.progress_threshold)
    started = time.perf_counter()
    n_events = 0
    # records are linked into stories and written as they come, so memory stays flat however
    # long the input: the story index lives in a temporary file, not in this process
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        with StoryStream() as stories:
            for result in process(articles(), settings, workers=workers, progress=bar.update):
                if result.failure is not None:
                    failures.append(result.failure)
                    click.echo(result.failure.message, err=True)
                    continue
                for ev in result.events:
                    out.write(json.dumps(stories.assign(ev).as_dict(), ensure_ascii=False, sort_keys=False) + "\n")
                    n_events += 1
                out.flush()  # whoever tails the file sees each article's records as it is done
    except KeyboardInterrupt:
        bar.close()
        click.echo(f"interrupted after {n_articles} articles; the events of those finished are written", err=True)
        sys.exit(130)
    finally:
        bar.close()
        if output:
            out.close()
    elapsed = time.perf_counter() - started
    if not quiet or failures:
        click.echo(f"{n_articles} articles, {n_events} events, {len(failures)} failed"
                   f"{f', {len(warnings)} warnings' if warnings else ''} in {elapsed:.1f}s", err=True)
    if failures:
        sys.exit(1)
