"""`bilat why`: every frame the extractor built for one article, and why it was kept or dropped."""
from __future__ import annotations

import json
import sys

import click

from ..errors import BilatError
from ..explain import Explanation, explain
from ..ingest import read_inputs
from ..model import Article, Failure
from .common import main


def _pick(articles: list[Article], spec: str, article_id: str | None, line: int | None) -> Article:
    if article_id is not None:
        found = [a for a in articles if a.id == article_id]
    elif line is not None:
        found = [a for a in articles if (a.origin or "").endswith(f" line {line}")]
    else:
        found = articles
    if len(found) == 1:
        return found[0]
    if not found:
        which = f"id '{article_id}'" if article_id is not None else f"line {line}" if line is not None else "articles"
        raise click.UsageError(f"{spec}: no article with {which}; it has {len(articles)} article(s)")
    ids = ", ".join(a.id for a in found[:5]) + (", ..." if len(found) > 5 else "")
    raise click.UsageError(f"{spec}: {len(found)} articles ({ids}); pick one with --id ID or --line N")


def _read_article(spec: str, article_id: str | None, line: int | None, published: str | None, settings) -> Article:
    if spec.lstrip().startswith("{"):  # one JSON Lines record given inline
        import io
        stdin, spec_arg = io.BytesIO(spec.encode("utf-8")), "-"
    else:
        stdin, spec_arg = None, spec
        path, _, tail = spec.rpartition(":")
        if path and tail.isdigit() and line is None:  # articles.jsonl:12
            spec_arg, line = path, int(tail)
    try:
        items = list(read_inputs([spec_arg], settings, published=published, stdin=stdin))
    except BilatError as exc:
        raise click.UsageError(str(exc)) from exc
    articles = [a for a in items if isinstance(a, Article)]
    if not articles:
        refusal = next((f.message for f in items if isinstance(f, Failure)), "no article")
        raise click.ClickException(refusal)
    return _pick(articles, spec, article_id, line)


def _actors(actors) -> str:
    return "+".join(a.get("country") or a.get("name") or "?" for a in actors) or "-"


def _render(ex: Explanation, sentence: int | None) -> str:
    out = [f"article {ex.article.id} ({ex.article.origin})"]
    if ex.failure is not None:
        return out[0] + f"\n  not read: {ex.failure.message}"
    for n, reading in enumerate(ex.sentences, 1):
        if sentence is not None and n != sentence:
            continue
        text = " ".join(reading.sentence.text.split())
        out.append(f"\n[{n}] {text}")
        if reading.skipped:
            out.append(f"    skipped: {reading.skipped}")
        elif not reading.frames:
            out.append("    no trigger")
        for frame in reading.frames:
            d = frame.as_dict()
            head = f"{d['type']} {d['cameo']} {_actors(d['source'])} > {_actors(d['target'])}"
            light = f" (light verb '{d['trigger']['light']}')" if d["trigger"]["light"] else ""
            state = f"DROPPED at {d['dropped']['phase']}: {d['dropped']['reason']}" if d["dropped"] else "kept"
            out.append(f"    '{d['trigger']['text']}'{light}: {head}  -- {state}")
            out.append(f"        rules: {' > '.join(d['reasons'])}")
        for e in ex.events_of(n):
            d = e.as_dict()
            out.append(f"    => event {d['type']} {d['cameo']} {_actors(d['source'])} > {_actors(d['target'])}"
                       f" date {d['date'] or '-'} ({d['date_basis']}), confidence {d['confidence']}")
    return "\n".join(out)


@main.command("why")
@click.argument("article")
@click.option("--sentence", "-s", type=click.IntRange(1), default=None, metavar="N",
              help="only sentence N (numbered from 1, as printed). Example: --sentence 3")
@click.option("--id", "article_id", default=None, help="the article with this id, in a file of several. Example: --id seed-004")
@click.option("--line", type=click.IntRange(1), default=None, metavar="N",
              help="the article on line N of a JSON Lines file (also ARTICLE:N). Example: --line 12")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="publication date for an article that carries none. Example: --published 2023-02-03")
@click.option("--json", "as_json", is_flag=True, help="one JSON object on stdout, for scripts")
@click.pass_obj
def why_cmd(settings, article, sentence, article_id, line, published, as_json):
    """Show every frame the extractor built for one article: the trigger, the type, source and
    target, the rules that fired in order and, for a dropped frame, the phase that dropped
    it and why; then the event records of each sentence.

    ARTICLE is a .txt, .html or .jsonl file (with several articles, pick one with --id,
    --line or FILE:LINE), one JSON Lines record given inline, or - for standard input.

    \b
    Examples:
      bilat why ../shared/eval/dev/articles.jsonl --id seed-004 --sentence 3
      bilat why ../shared/eval/dev/articles.jsonl:12 --json
      echo 'China condemned the visit by the US envoy.' | bilat why -
    """
    chosen = _read_article(article, article_id, line, published, settings)
    ex = explain(chosen, settings)
    if sentence is not None and sentence > len(ex.sentences) and ex.failure is None:
        raise click.UsageError(f"--sentence {sentence}: the article has {len(ex.sentences)} sentences")
    if as_json:
        click.echo(json.dumps(ex.as_dict(sentence), ensure_ascii=False))
    else:
        click.echo(_render(ex, sentence))
    if ex.failure is not None:
        sys.exit(1)
