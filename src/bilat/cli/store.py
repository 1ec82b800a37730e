"""Store commands: ingest, migrate, events, stories, pair, stats, explain, export.

Thin front ends: parse options, call ``bilat.store`` / ``analysis`` / ``exports`` /
``glossary``, format the result. Library errors become a message and exit status 2.
"""
from __future__ import annotations

import json
import sys
import time

import click

from ..errors import BilatError, InputError
from .common import BATCH_SIZE, check_writable, db_option, fail, main, quiet_option
from .progress import Progress


def _open(settings, db, create: bool = False):
    """The store at --db (or the 'db' setting); only commands that write may create one."""
    from ..store import open_store

    try:
        return open_store(db, settings=settings, create=create,
                          command=f"bilat {click.get_current_context().info_name}")
    except BilatError as exc:
        fail(exc)


def _table(rows: list[dict], columns: list[str]) -> str:
    """A plain text table; cells are shown as strings, so codes keep their zeros."""
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [min(max([len(c)] + [len(row[i]) for row in cells]), 60) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    for row in cells:
        lines.append("  ".join(v[:w].ljust(w) for v, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def _emit(obj, as_json: bool, render) -> None:
    if as_json:
        click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(render(obj))


json_option = click.option("--json", "as_json", is_flag=True, help="print JSON instead of a table. Example: --json")
limit_option = click.option("--limit", type=click.IntRange(0, 10_000), default=50, show_default=True,
                            help="rows per page. Example: --limit 20")
offset_option = click.option("--offset", type=click.IntRange(0), default=0, help="skip this many rows. Example: --offset 20")


@main.command("migrate")
@db_option
@click.pass_obj
def migrate_cmd(settings, db):
    """Create the store or bring its schema to the current version.

    \b
    Examples:
      bilat migrate
      bilat migrate --db postgresql://bilat@127.0.0.1:5432/bilat
    """
    from ..store import display_url, head_revision
    from ..store.engine import make_engine, migrate

    url = db or settings.db
    try:
        engine = make_engine(url)
        before, after = migrate(engine)
        engine.dispose()
    except BilatError as exc:
        fail(exc)
    except Exception as exc:  # noqa: BLE001 - driver errors become B401
        from ..errors import StoreError

        fail(StoreError("B401", url=display_url(url), detail=str(exc).splitlines()[0]))
    click.echo(f"{display_url(url)}: schema {before or 'none'} -> {after} (head {head_revision()})")


@main.command("rebuild-rollups")
@db_option
@click.option("--quiet", "-q", is_flag=True, help="no progress line. Example: -q")
@click.pass_obj
def rebuild_rollups_cmd(settings, db, quiet):
    """Recount every derived table from the stored events: the pair roll-ups, the stories'
    summary rows and what ingest keeps them from, the browsing roll-ups (actors, issues,
    outlets, stance cells, pair totals), the search index and the near-duplicate lookup.

    Ingest keeps them current; run this after loading rows by other means (a bulk COPY, a
    restore of some tables). It takes minutes at a million events.

    \b
    Examples:
      bilat rebuild-rollups --db bilat.db
      bilat rebuild-rollups --db postgresql://bilat@127.0.0.1:5432/bilat -q
    """
    import time

    store = _open(settings, db)
    t = time.perf_counter()

    def progress(done, total):
        if not quiet:
            click.echo(f"\r  {done:,} of {total:,} events counted", nl=False, err=True)
    try:
        store.rebuild_rollups(progress=progress)
    except BilatError as exc:
        fail(exc)
    finally:
        store.close()
    if not quiet:
        click.echo("", err=True)
    click.echo(f"rebuilt the roll-ups and the search index in {time.perf_counter() - t:.1f}s")


@main.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="publication date for articles that carry none. Example: --published 2023-02-03")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="extraction processes. Example: --workers 2")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=BATCH_SIZE, show_default=True,
              help="articles per database transaction (fewer, larger transactions write fewer pages as the store "
                   "grows). Example: --batch-size 50")
@click.option("--encoding", default=None, help="encoding of inputs without a byte-order mark. Example: --encoding latin-1")
@quiet_option
@click.pass_obj
def ingest_cmd(settings, inputs, db, published, workers, batch_size, encoding, quiet):
    """Extract events from articles and add them to the store.

    Idempotent and resumable: an article already stored (same content) is skipped before
    extraction, so re-running after an interruption completes the job. One transaction per
    batch. INPUTS as for 'bilat extract'.

    \b
    Examples:
      bilat ingest articles.jsonl
      bilat ingest news/ --db postgresql://bilat@127.0.0.1:5432/bilat --workers 2
    """
    from ..ingest import is_warning, read_inputs
    from ..model import Failure
    from ..pipeline import process

    store = _open(settings, db, create=True)
    failures: list[Failure] = []
    already: list[str] = []

    def articles():
        try:
            for item in store.pending(read_inputs(inputs, settings, published=published, encoding=encoding),
                                      on_skip=lambda a: already.append(a.id)):
                if isinstance(item, Failure):
                    click.echo(("warning: " if is_warning(item) else "") + item.message, err=True)
                    if not is_warning(item):
                        failures.append(item)
                    continue
                yield item
        except InputError as exc:  # a bad --published or --encoding; store errors go to fail() below
            raise click.UsageError(str(exc)) from exc

    bar = Progress(total=None, unit="article", disable=quiet, threshold=settings.progress_threshold)
    started = time.perf_counter()

    def results():
        for r in process(articles(), settings, workers=workers):
            if r.failure is not None:
                click.echo(r.failure.message, err=True)
            yield r

    try:
        report = store.ingest(results(), batch_size=batch_size, progress=lambda n: bar.update(n=n))
    except KeyboardInterrupt:
        bar.close()
        click.echo("interrupted: committed batches are kept; run the same command again to finish", err=True)
        sys.exit(130)
    except BilatError as exc:
        bar.close()
        fail(exc)
    finally:
        store.close()
    bar.close()
    for f in report["failures"]:
        if f["code"] == "B405":
            click.echo(f["message"], err=True)
    n_fail = report["articles_failed"] + len(failures)
    click.echo(f"ingested {report['articles_stored']} articles, {report['events_stored']} events "
               f"({report['stories_created']} new stories, {report['stories_updated']} updated); "
               f"{report['articles_skipped'] + len(already)} already stored, {report['syndicated']} syndicated copies, "
               f"{n_fail} failed in {time.perf_counter() - started:.1f}s", err=True)
    if n_fail:
        sys.exit(1)


@main.command("events")
@db_option
@click.option("--pair", default=None, help="two countries, either direction. Example: --pair CHN-JPN")
@click.option("--actor", default=None, help="an actor's name or a country code. Example: --actor 'Wang Yi'")
@click.option("--type", "etype", default=None, help="event type(s), comma-separated. Example: --type ACCUSE,REJECT")
@click.option("--issue", default=None, help="issue slug. Example: --issue taiwan")
@click.option("--since", default=None, help="from this date (YYYY, YYYY-MM or YYYY-MM-DD). Example: --since 2023-01-01")
@click.option("--until", default=None, help="up to this date, inclusive. Example: --until 2023-12")
@click.option("-q", "--query", "q", default=None, help="words in the evidence. Example: -q wastewater")
@limit_option
@offset_option
@json_option
@click.pass_obj
def events_cmd(settings, db, pair, actor, etype, issue, since, until, q, limit, offset, as_json):
    """List stored events, newest first, with their story and evidence.

    \b
    Examples:
      bilat events --pair CHN-JPN --since 2024-01 --type REQUEST --issue taiwan
      bilat events --actor 'Wang Yi' --json
    """
    store = _open(settings, db)
    try:
        res = store.events(pair=pair, actor=actor, type=etype, issue=issue, since=since, until=until, q=q,
                           limit=limit, offset=offset)
    except (BilatError, ValueError) as exc:
        fail(exc if isinstance(exc, BilatError) else BilatError("B404", detail=str(exc)))
    finally:
        store.close()

    def render(r):
        rows = [{"date": e["date"], "type": e["type"], "source": ";".join(a.get("name") or a.get("country") or "?"
                                                                       for a in e["source"]),
                 "target": ";".join(a.get("name") or a.get("country") or "?" for a in e["target"]),
                 "cameo": e["cameo"], "story": e["story_id"], "outlet": e.get("outlet"),
                 "evidence": (e["evidence"][0]["sentence"] if e["evidence"] else "")} for e in r.rows]
        return _table(rows, ["date", "type", "source", "target", "cameo", "story", "outlet", "evidence"]) + \
            f"\n{len(r.rows)} of {r.total} events"
    _emit(res.as_dict() if as_json else res, as_json, render)


@main.command("stories")
@db_option
@click.option("--pair", default=None, help="two countries. Example: --pair TUR-USA")
@click.option("--type", "etype", default=None, help="event type. Example: --type ACCUSE")
@click.option("--since", default=None, help="from this date. Example: --since 2017-05")
@click.option("--until", default=None, help="up to this date. Example: --until 2017-06")
@click.option("--min-articles", type=click.IntRange(1), default=None,
              help="only stories told by at least this many articles. Example: --min-articles 2")
@click.option("--id", "story_id", default=None, help="show one story with all its mentions. Example: --id st-31a0…")
@limit_option
@offset_option
@json_option
@click.pass_obj
def stories_cmd(settings, db, pair, etype, since, until, min_articles, story_id, limit, offset, as_json):
    """List stories: each real-world event once, with its article and source counts.

    \b
    Examples:
      bilat stories --min-articles 2
      bilat stories --id st-4c1b49eced00a994 --json
    """
    store = _open(settings, db)
    try:
        if story_id:
            story = store.story(story_id)
            _emit(story, as_json, lambda s: _table(s["mentions"], ["article_id", "outlet", "date", "type",
                                                                  "start", "end", "sentence"])
                  + f"\n{s['type']} {s['date']} {', '.join(s['pairs'])}: {s['n_articles']} articles, "
                    f"{s['n_sources']} independent sources")
            return
        res = store.stories(pair=pair, type=etype, since=since, until=until, limit=limit, offset=offset,
                            min_articles=min_articles)
    except BilatError as exc:
        fail(exc)
    finally:
        store.close()
    _emit(res.as_dict() if as_json else res, as_json, lambda r: _table(
        [{**s, "pairs": " ".join(s["pairs"])} for s in r.rows],
        ["story_id", "date", "type", "pairs", "n_articles", "n_sources", "n_events", "evidence"])
        + f"\n{len(r.rows)} of {r.total} stories")


@main.command("pair")
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--period", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
              help="bucket size. Example: --period week")
@click.option("--since", default=None, help="from this date. Example: --since 2023-01")
@click.option("--until", default=None, help="up to this date. Example: --until 2023-12-31")
@click.option("--stances", "show_stances", is_flag=True, help="also show each side's events per issue over time")
@click.option("--issue", default=None, help="with --stances: only this issue. Example: --issue taiwan")
@json_option
@click.pass_obj
def pair_cmd(settings, db, a, b, period, since, until, show_stances, issue, as_json):
    """Timeline of a country pair: counts per story and per article, quad classes, PLOVER
    and Goldstein scores per period.

    \b
    Examples:
      bilat pair CHN JPN
      bilat pair CHN JPN --period week --since 2024-03 --stances --issue seafood-import-ban
    """
    store = _open(settings, db)
    try:
        rows = store.pair(a, b, period=period, since=since, until=until).rows
        st = store.stances(a, b, issue=issue) if show_stances else None
    except BilatError as exc:
        fail(exc)
    finally:
        store.close()
    if as_json:
        _emit({"timeline": rows, "stances": st} if show_stances else rows, True, None)
        return
    A, B = a.upper(), b.upper()
    flat = [{"period": r["period"], "stories": r["stories"], "articles": r["articles"],
             f"{A}->{B}": r[f"{A}->{B}"], f"{B}->{A}": r[f"{B}->{A}"],
             "v-coop": r["by_quad"]["verbal-cooperation"], "m-coop": r["by_quad"]["material-cooperation"],
             "v-conf": r["by_quad"]["verbal-conflict"], "m-conf": r["by_quad"]["material-conflict"],
             "plover": r["plover_score"], "goldstein": r["goldstein"],
             "types (stories/articles)": " ".join(f"{t}:{n}/{r['by_type_articles'][t]}"
                                                  for t, n in sorted(r["by_type"].items()))} for r in rows]
    click.echo(_table(flat, list(flat[0]) if flat else ["period"]))
    if st:
        for item in st["issues"]:
            click.echo(f"\n[{item['issue']}]")
            for side in item["sides"]:
                seq = " -> ".join(f"{s['date'] or '?'} {s['type']}" for s in side["sequence"]) or "-"
                click.echo(f"  {side['actor']} toward {side['toward']}: {seq}")


@main.command("stats")
@db_option
@json_option
@click.pass_obj
def stats_cmd(settings, db, as_json):
    """Counts in the store: articles, events, stories, actors, pairs, top pairs.

    \b
    Example:
      bilat stats --db bilat-demo.db
    """
    store = _open(settings, db)
    try:
        s = store.stats()
        s["top_pairs"] = store.top_pairs(10)
    finally:
        store.close()

    def render(s):
        head = "\n".join(f"{k}: {v}" for k, v in s.items() if k not in ("by_type", "top_pairs"))
        types = " ".join(f"{t}:{n}" for t, n in s["by_type"].items() if n)
        return head + f"\nby type: {types}\n\n" + _table(s["top_pairs"], ["pair", "n_stories", "n_events"])
    _emit(s, as_json, render)


@main.command("explain")
@click.argument("term")
@json_option
def explain_cmd(term, as_json):
    """Plain-English meaning of an event type, a mode, a CAMEO code or a quad class.

    \b
    Examples:
      bilat explain ACCUSE
      bilat explain phone
      bilat explain 042
      bilat explain material-conflict
    """
    from ..glossary import explain

    try:
        info = explain(term)
    except BilatError as exc:
        fail(exc)

    def render(d):
        lines = [f"{d['term']} ({d['kind']}): {d['meaning']}"]
        for k, v in d.items():
            if k in ("term", "kind", "meaning") or v in (None, {}, []):
                continue
            if isinstance(v, dict):
                lines.append(f"  {k}:")
                lines += [f"    {kk}: {vv}" for kk, vv in v.items()]
            else:
                lines.append(f"  {k}: {v}")
        return "\n".join(lines)
    _emit(info, as_json, render)


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "plover", "csv", "parquet", "gdelt", "icews"]),
              default="jsonl", show_default=True, help="output format. Example: --format gdelt")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="file to write (required for parquet; default stdout). Example: -o events.csv")
@click.option("--pair", default=None, help="only events between two countries. Example: --pair CHN-JPN")
@click.option("--type", "etype", default=None, help="only these types. Example: --type ACCUSE")
@click.option("--issue", default=None, help="only this issue. Example: --issue taiwan")
@click.option("--since", default=None, help="from this date. Example: --since 2023")
@click.option("--until", default=None, help="up to this date. Example: --until 2023-12-31")
@click.pass_obj
def export_cmd(settings, db, fmt, output, pair, etype, issue, since, until):
    """Export stored events with story ids, URLs and evidence; CAMEO codes stay strings.

    \b
    Examples:
      bilat export --format jsonl -o events.jsonl
      bilat export --format gdelt --pair CHN-JPN -o chn-jpn.csv
      bilat export --format parquet -o events.parquet
    """
    from sqlalchemy.exc import SQLAlchemyError

    from .. import exports
    from ..store.engine import store_error

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    try:
        check_writable(output)
    except BilatError as exc:
        fail(exc)
    if fmt == "parquet":
        for package in ("pandas", "pyarrow"):
            try:
                __import__(package)
            except ImportError:
                fail(BilatError("B412", what="--format parquet", package=package))
    store = _open(settings, db)
    filters = dict(pair=pair, type=etype, issue=issue, since=since, until=until)
    try:
        if fmt == "parquet":
            n = exports.write(store, fmt, output, **filters)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = exports.write(store, fmt, fh, **filters)
        else:
            n = exports.write(store, fmt, sys.stdout, **filters)
    except BilatError as exc:
        fail(exc)
    except SQLAlchemyError as exc:  # the exports read some tables directly
        fail(store_error(exc, store.url))
    finally:
        store.close()
    click.echo(f"exported {n} {fmt} rows", err=True)
