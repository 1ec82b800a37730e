"""Batch runs on a Dask cluster: shard the inputs, extract on the workers, load in order.

    plan_shards -> run_shard on each worker (pipeline, one Parquet partition per shard)
                -> load: partitions read in input order into Store.ingest (stories there)

The workers only extract: each loads the spaCy pipeline once (``LoadPipeline``, a worker
plugin) and writes its shard's articles, failures and events to a Parquet file in the
work directory, atomically (written aside, then renamed), so a partition on disk is
always whole. The client loads the partitions strictly in input order through the same
``Store.ingest`` serial ``bilat ingest`` uses: stories and syndication are decided by
order, so the same input gives the same store either way.

Resuming: a shard whose partition exists (same file, same range, same settings) is not
extracted again; articles whose content hash is already stored are skipped on the worker
(and again by the store's own check at load). An interrupted run, re-run, reloads the
partitions in order, the committed batches are skipped by hash, and the store ends as an
uninterrupted run leaves it. Partitions are deleted once a run has loaded them all.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import BilatError, InputError
from .ingest import input_kind
from .model import Article, ArticleResult, Event, Failure
from .settings import Settings

__all__ = ["BatchRun", "LoadPipeline", "Shard", "connect", "fingerprint", "load_results", "partition_rows",
           "plan_shards", "run_shard", "submit_shards"]

#: Articles per shard, by default: big enough that a task's overhead is small against its
#: spaCy time, small enough that a worker holds one shard's texts in memory with ease.
SHARD_SIZE = 500


@dataclass(frozen=True)
class Shard:
    """One unit of work: a byte range of a .jsonl, a line range of a .jsonl.gz, or whole files."""

    index: int
    path: str
    start: int = 0
    stop: int | None = None
    first_line: int = 1
    files: tuple[str, ...] = ()

    @property
    def origin(self) -> str:
        if self.files:
            return f"{self.files[0]} (+{len(self.files) - 1} files)" if len(self.files) > 1 else self.files[0]
        if self.stop is not None or self.first_line > 1:
            return f"{self.path} from line {self.first_line}"
        return self.path

    def key(self, fingerprint: str) -> str:
        """Names this shard's partition: the files (with their size and time), the range, the settings."""
        parts = [fingerprint, str(self.start), str(self.stop), str(self.first_line)]
        for f in self.files or (self.path,):
            try:
                st = os.stat(f)
                parts += [f, str(st.st_size), str(st.st_mtime_ns)]
            except OSError:
                parts += [f, "missing"]
        return f"{self.index:06d}-" + hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------- planning

def plan_shards(inputs: Iterable[str], shard_size: int = SHARD_SIZE, encoding: str | None = None) -> Iterator[Shard]:
    """Shards in the order ``read_inputs`` reads the same inputs: JSON Lines files cut every
    ``shard_size`` lines, other single-article files grouped ``shard_size`` to a shard, each
    WARC file (which has no index to cut it by) a shard of its own. A file in UTF-16 or
    UTF-32 (a byte-order mark, or ``encoding``) is read whole: its lines cannot be found by
    byte. Raises B612 for ``-``."""
    wide_encoding = bool(encoding) and encoding.lower().replace("_", "-").startswith(("utf-16", "utf16", "utf-32", "utf32"))
    index = 0
    pending: list[str] = []

    def flush():
        nonlocal index
        if pending:
            yield Shard(index, pending[0], files=tuple(pending))
            index += 1
            pending.clear()

    for spec in inputs:
        if spec == "-":
            raise InputError("B612", origin="-")
        path = Path(spec).expanduser().absolute()
        if path.is_dir():
            files = _listed(path)
            if files is None:  # empty or unreadable: the reader itself says so, with its own code
                yield from flush()
                yield Shard(index, str(path))
                index += 1
                continue
        else:
            files = [path]
        for f in files:
            kind = input_kind(f)
            if kind in ("jsonl", "jsonl.gz", "warc") or not f.is_file():
                yield from flush()
                for s in _file_shards(f, kind, shard_size, wide_encoding):
                    yield Shard(index, s.path, s.start, s.stop, s.first_line)
                    index += 1
            else:
                pending.append(str(f))
                if len(pending) >= shard_size:
                    yield from flush()
    yield from flush()


def _listed(path: Path) -> list[Path] | None:
    """The files ``read_inputs`` reads from a directory, in its order; None when it would refuse it."""
    files: list[Path] = []
    broken = False

    def onerror(_exc):
        nonlocal broken
        broken = True

    for root, dirs, names in os.walk(path, onerror=onerror):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [p for p in (Path(root) / n for n in names if not n.startswith("."))
                  if input_kind(p) is not None and p.is_file()]
    return None if broken or not files else sorted(files)


def _file_shards(path: Path, kind: str | None, shard_size: int, wide_encoding: bool = False) -> Iterator[Shard]:
    if kind == "jsonl" and path.is_file():
        with path.open("rb") as fh:
            head = fh.read(8192)
            first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
            wide = wide_encoding or head.startswith((b"\xff\xfe", b"\xfe\xff"))
            if wide or first in (b"[", b"{"):  # UTF-16/32, or a pretty-printed document: read whole
                yield Shard(0, str(path))
                return
            fh.seek(0)
            start, line, lines = 0, 1, 0
            offset = 0
            for raw in iter(lambda: fh.readline(1 << 20), b""):
                offset += len(raw)
                if raw.endswith(b"\n") or len(raw) < 1 << 20:
                    lines += 1
                    if lines == shard_size:
                        yield Shard(0, str(path), start, offset, line)
                        start, line, lines = offset, line + shard_size, 0
            if lines or start == 0:
                yield Shard(0, str(path), start, None, line)
    elif kind == "jsonl.gz" and path.is_file():
        total = 0
        try:
            with gzip.open(path, "rb") as fh:
                for raw in iter(lambda: fh.readline(1 << 20), b""):
                    total += raw.endswith(b"\n") or len(raw) < 1 << 20
        except Exception:  # noqa: BLE001 - a damaged file: read whole, its reader reports B602
            yield Shard(0, str(path))
            return
        for lo in range(1, max(total, 1) + 1, shard_size):
            hi = lo + shard_size
            yield Shard(0, str(path), first_line=lo, stop=hi if hi <= total else None)
    else:
        yield Shard(0, str(path))


# ---------------------------------------------------------------------------- workers

try:  # the 'batch' extra; connect() says B610 when it is missing
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised where the extra is not installed
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class LoadPipeline(_WorkerPlugin):
    """Dask worker plugin: load the spaCy pipeline once, when the worker starts, not per task."""

    name = "bilat-load-pipeline"

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker=None) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        from .nlp import load_nlp

        load_nlp(self.model)


def fingerprint(settings: Settings, published: str | None, encoding: str | None) -> str:
    """What a partition depends on besides its input: bilat's version, the settings, the options."""
    from importlib.metadata import version

    blob = json.dumps([version("bilat"), asdict(settings), published, encoding], sort_keys=True, default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:12]


_STORES: dict[str, Any] = {}


def _stored(db: str | None, hashes: list[str]) -> set[str]:
    """Content hashes of ``hashes`` already in the store at ``db`` (one connection per worker
    process); an empty set where the worker cannot open it: the load skips them all the same."""
    if not db or not hashes:
        return set()
    try:
        store = _STORES.get(db)
        if store is None:
            from .store import open_store

            store = _STORES[db] = open_store(db, create=False, migrate_schema=False)
        return store.stored_hashes(hashes)
    except BilatError:
        return set()


def run_shard(shard: Shard, settings: Settings, work_dir: str, key: str, db: str | None = None,
              published: str | None = None, encoding: str | None = None) -> dict[str, Any]:
    """Extract one shard into ``work_dir/<key>.parquet``; runs on a worker. Returns the partition's
    path and counts. A partition already there is kept as it is (a resumed run)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .ingest import read_part
    from .pipeline import process
    from .store.records import article_hash

    out = Path(work_dir) / f"{key}.parquet"
    if out.exists():
        return {"index": shard.index, "path": str(out), "cached": True}
    items: list[Article | Failure] = []
    seen: dict[str, str] = {}
    for f in shard.files or (shard.path,):
        for item in read_part(f, settings, shard.start, shard.stop, shard.first_line, published, encoding):
            if isinstance(item, Article) and shard.files:
                # files of one directory are one input, as for read_inputs: an id seen before is refused
                first = seen.setdefault(item.id, item.origin or f)
                if first != (item.origin or f):
                    item = Failure(item.origin or f, "B112",
                                   InputError("B112", origin=item.origin, id=item.id, first=first).message)
            items.append(item)
    articles = [i for i in items if isinstance(i, Article)]
    hashes = {a.id: article_hash(a) for a in articles}
    stored = _stored(db, list(hashes.values()))
    todo = [a for a in articles if hashes[a.id] not in stored]
    results = iter(process(todo, settings, workers=1))
    rows = []
    for item in items:
        if isinstance(item, Failure):
            rows.append(_row("warning" if item.code in ("B108",) else "failure", failure=item))
        elif hashes[item.id] in stored:
            rows.append(_row("stored", article=item, content_hash=hashes[item.id]))
        else:
            r = next(results)
            rows.append(_row("failure", article=r.article, failure=r.failure) if r.failure is not None
                        else _row("article", article=r.article, events=r.events))
    table = pa.Table.from_pylist(rows, schema=_schema(pa))
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, out)  # a partition is there whole or not at all, even if this worker is killed
    return {"index": shard.index, "path": str(out), "cached": False}


_FIELDS = ("id", "text", "published", "url", "title", "outlet", "language", "origin")


def _schema(pa):
    return pa.schema([("kind", pa.string()), *[(f, pa.string()) for f in _FIELDS],
                      ("code", pa.string()), ("message", pa.string()), ("failure_origin", pa.string()),
                      ("content_hash", pa.string()), ("events", pa.string())])


def _event_dict(e: Event) -> dict[str, Any]:
    d = e.as_dict()
    d["confidence"] = e.confidence  # as_dict rounds it for output; the store keeps it whole
    return d


def _row(kind: str, article: Article | None = None, failure: Failure | None = None,
         events: Iterable[Event] = (), content_hash: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": kind, "content_hash": content_hash}
    for f in _FIELDS:
        row[f] = getattr(article, f) if article is not None else None
    if failure is not None:
        row.update(code=failure.code, message=failure.message, failure_origin=failure.origin)
    row["events"] = json.dumps([_event_dict(e) for e in events], ensure_ascii=False) if kind == "article" else None
    return row


def partition_rows(path: str) -> Iterator[ArticleResult | Failure | tuple[str, str]]:
    """What a partition holds, in input order: an ``ArticleResult`` per article extracted (or
    failed in extraction), a ``Failure`` per input refused or warned about, and
    ``("stored", content_hash)`` for an article the worker found already stored."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            kind = row["kind"]
            article = Article(**{f: row[f] for f in _FIELDS}) if row["id"] is not None else None
            failure = Failure(row["failure_origin"], row["code"], row["message"]) if row["code"] else None
            if kind == "stored":
                yield ("stored", row["content_hash"])
            elif article is None:
                yield failure  # type: ignore[misc]
            elif kind == "failure":
                yield ArticleResult(article, (), failure)
            else:
                yield ArticleResult(article, tuple(Event.from_dict(d) for d in json.loads(row["events"])))


# ---------------------------------------------------------------------------- the client side

@dataclass
class BatchRun:
    """What the client needs to know while it loads: counts for the summary, failures to show."""

    shards: int = 0
    shards_done: int = 0
    shards_cached: int = 0
    already_stored: int = 0
    partitions: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)


def connect(scheduler: str | None, local: int | None, dashboard: str = ":8787"):
    """A Dask client: to the scheduler at ``scheduler``, or to a new LocalCluster of ``local``
    single-threaded worker processes. Raises B610 when dask.distributed is missing, B611 when
    the scheduler cannot be reached."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise BilatError("B610", package="dask.distributed") from None
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise BilatError("B610", package="pyarrow") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise BilatError("B611", address=scheduler, detail=str(exc).splitlines()[0][:200]) from None
    import dask

    # one thread per worker: spaCy's parser is CPU-bound and holds the GIL. Without Dask's
    # statistical profiler: a worker keeps one call tree per second of the last 1,000
    # (distributed.admin.low-level-log-length), and with spaCy's deep stacks that grew each
    # worker by ~150 MiB over 16 minutes of a 20,000-article run
    with dask.config.set(NO_PROFILER):
        cluster = LocalCluster(n_workers=local or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=dashboard)
    return Client(cluster)


#: Dask configuration for the workers bilat starts (docs/batch.md gives it for a hand-made cluster)
NO_PROFILER = {"distributed.worker.profile.enabled": False}


def submit_shards(client, shards: list[Shard], settings: Settings, work_dir: str, db: str | None,
                  published: str | None, encoding: str | None) -> list[Any]:
    """One task per shard, earlier shards first (the load waits for them in order)."""
    fp = fingerprint(settings, published, encoding)
    settings = settings.with_(workers=1)
    futures = []
    for s in shards:
        futures.append(client.submit(run_shard, s, settings, work_dir, s.key(fp), db, published, encoding,
                                     key=f"bilat-shard-{s.key(fp)}", priority=-s.index, pure=False))
    return futures


def load_results(futures: list[Any], shards: list[Shard], run: BatchRun, store: Any,
                 on_failure: Callable[[Failure], None] | None = None) -> Iterator[ArticleResult]:
    """The articles of every shard, in input order, for ``Store.ingest``: waits for each shard's
    partition in turn. A shard that failed on the cluster is one B614 failure, and the rest go on.
    Articles a worker skipped as stored are checked against ``store``: a partition written
    during a run against another store raises B615 rather than lose them."""
    from .store import display_url

    for shard, fut in zip(shards, futures):
        try:
            summary = fut.result()
        except Exception as exc:  # noqa: BLE001 - KilledWorker, a worker's error: reported, not fatal
            f = Failure(shard.origin, "B614", BilatError("B614", origin=shard.origin,
                                                          detail=f"{type(exc).__name__}: {exc}"[:300]).message)
            run.failures.append(f)
            if on_failure:
                on_failure(f)
            continue
        finally:
            fut.release()
        run.shards_done += 1
        run.partitions.append(summary["path"])
        run.shards_cached += bool(summary.get("cached"))
        skipped = [item[1] for item in partition_rows(summary["path"]) if isinstance(item, tuple)]
        missing = set(skipped) - store.stored_hashes(skipped) if skipped else set()
        if missing:
            raise BilatError("B615", path=summary["path"], n=len(missing), url=display_url(store.url),
                             work_dir=str(Path(summary["path"]).parent))
        run.already_stored += len(skipped)
        for item in partition_rows(summary["path"]):
            if isinstance(item, tuple):
                continue
            elif isinstance(item, Failure):
                (run.warnings if item.code == "B108" else run.failures).append(item)
                if on_failure:
                    on_failure(item)
            else:
                if item.failure is not None and on_failure:
                    on_failure(item.failure)
                yield item
