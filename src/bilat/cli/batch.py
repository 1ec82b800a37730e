"""`bilat batch`: extract on a Dask cluster, load into the store in input order."""
from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import click

from ..errors import BilatError
from .common import BATCH_SIZE, db_option, fail, main, quiet_option
from .progress import Progress


def default_work_dir(db: str) -> Path:
    """Beside a SQLite store (``bilat.db.batch``); for a server store, in the current directory."""
    from ..store.engine import sqlite_path

    path = sqlite_path(db)
    if path is not None:
        p = Path(path).expanduser().absolute()
        return p.with_name(p.name + ".batch")
    return Path(f"bilat-batch-{hashlib.sha1(db.encode('utf-8')).hexdigest()[:8]}").absolute()


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="a running Dask scheduler to use. Example: --scheduler tcp://10.0.0.5:8786")
@click.option("--local", type=click.IntRange(1, 512), default=None, metavar="N",
              help="without --scheduler: start N worker processes on this machine (default: one per CPU). "
                   "Example: --local 2")
@click.option("--work-dir", type=click.Path(file_okay=False), default=None,
              help="where workers write Parquet partitions; on a cluster a filesystem every worker and this "
                   "machine share (default: beside a SQLite store, DB.batch). Example: --work-dir /scratch/bilat")
@click.option("--shard-size", type=click.IntRange(1, 1_000_000), default=500, show_default=True,
              help="articles (lines, or files) per task. Example: --shard-size 2000")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=BATCH_SIZE, show_default=True,
              help="articles per database transaction while loading. Example: --batch-size 50")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="publication date for articles that carry none. Example: --published 2023-02-03")
@click.option("--encoding", default=None, help="encoding of inputs without a byte-order mark. Example: --encoding latin-1")
@click.option("--dashboard", default=":8787", show_default=True, metavar="ADDRESS",
              help="where a --local cluster serves the Dask dashboard (':0' picks a free port). Example: --dashboard :8790")
@click.option("--keep-partitions", is_flag=True, help="keep the Parquet partitions after a complete run")
@quiet_option
@click.pass_obj
def batch_cmd(settings, inputs, db, scheduler, local, work_dir, shard_size, batch_size, published, encoding,
              dashboard, keep_partitions, quiet):
    """Extract events on a Dask cluster and load them into the store.

    INPUTS are files and directories as for 'bilat ingest' (JSON Lines, .jsonl.gz, .txt,
    .html, WARC), cut into shards. Workers extract (each loads the spaCy pipeline once)
    into Parquet partitions; this machine loads them in input order, so the store ends as
    'bilat ingest' of the same input leaves it. Resumable: run the same command again
    after an interruption; finished shards and stored articles are not extracted again.

    \b
    Examples:
      bilat batch news/ --db bilat.db --local 2
      bilat batch crawl-*.warc.gz --db postgresql://bilat@db:5432/bilat --scheduler tcp://10.0.0.5:8786
    """
    from ..distributed import BatchRun, connect, load_results, plan_shards, submit_shards
    from ..ingest import read_inputs
    from ..store import open_store

    if scheduler and local:
        raise click.UsageError("--scheduler and --local exclude each other: use a running cluster, or start one here")
    try:
        if published is not None or encoding is not None:  # the reader's own checks, before any work
            next(iter(read_inputs([], settings, published=published, encoding=encoding)), None)
        shards = list(plan_shards(inputs, shard_size, encoding))
    except BilatError as exc:
        raise click.UsageError(str(exc)) from exc
    url = db or settings.db
    wd = Path(work_dir).absolute() if work_dir else default_work_dir(url)
    try:
        wd.mkdir(parents=True, exist_ok=True)
        probe = wd / ".bilat-write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        fail(BilatError("B613", path=str(wd), detail=exc.strerror or str(exc)))
    try:
        store = open_store(url, settings=settings, create=True, command="bilat batch")
    except BilatError as exc:
        fail(exc)
    from ..store.engine import sqlite_path

    # workers open the store by the same address; a relative SQLite path would be theirs, not ours
    worker_db = str(Path(sqlite_path(url)).expanduser().absolute()) if sqlite_path(url) else url
    started = time.perf_counter()
    try:
        client = connect(scheduler, local, dashboard)
    except BilatError as exc:
        store.close()
        fail(exc)
    n_workers = len(client.scheduler_info().get("workers", {}))
    click.echo(f"bilat batch: {len(shards)} shards on {n_workers} workers; Dask dashboard: "
               f"{client.dashboard_link or 'not served (install bokeh)'}", err=True)
    from ..distributed import LoadPipeline

    client.register_plugin(LoadPipeline(settings.model), name=LoadPipeline.name)
    run = BatchRun(shards=len(shards))
    bar = Progress(total=None, unit="article", disable=quiet, threshold=settings.progress_threshold)

    def show(failure):
        click.echo(("warning: " if failure.code == "B108" else "") + failure.message, err=True)

    try:
        futures = submit_shards(client, shards, settings, str(wd), worker_db, published, encoding)
        report = store.ingest(load_results(futures, shards, run, store, on_failure=show), batch_size=batch_size,
                              progress=lambda n: bar.update(n=n))
    except KeyboardInterrupt:
        bar.close()
        click.echo("interrupted: committed batches and finished partitions are kept; run the same command "
                   "again to finish", err=True)
        sys.exit(130)
    except BilatError as exc:
        bar.close()
        fail(exc)
    finally:
        bar.close()
        store.close()
        client.close()
        cluster = getattr(client, "cluster", None)
        if cluster is not None and not scheduler:
            cluster.close()
    n_fail = report["articles_failed"] + len(run.failures)
    for f in report["failures"]:
        if f["code"] == "B405":
            click.echo(f["message"], err=True)
    if not n_fail and not keep_partitions:  # every partition is in the store now
        for path in run.partitions:
            Path(path).unlink(missing_ok=True)
        try:
            wd.rmdir()  # only when nothing else is in it
        except OSError:
            pass
    click.echo(f"ingested {report['articles_stored']} articles, {report['events_stored']} events "
               f"({report['stories_created']} new stories, {report['stories_updated']} updated); "
               f"{report['articles_skipped'] + run.already_stored} already stored, {report['syndicated']} syndicated "
               f"copies, {n_fail} failed; {run.shards_done} of {run.shards} shards "
               f"({run.shards_cached} from an earlier run) in {time.perf_counter() - started:.1f}s", err=True)
    if n_fail:
        sys.exit(1)
