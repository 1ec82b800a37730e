"""The orchestrator: articles in, event records out, one typed result per article.

    clean -> nlp (spaCy + gazetteer) -> actors -> extractor (events and their dates) -> dedup

Stages are plain functions over typed records; this module only composes them. A
failure inside one article becomes a ``Failure`` in its ``ArticleResult`` and the batch
goes on. ``process`` runs in one process or in a pool of workers, each loading the
model once (settings are a frozen, picklable dataclass).
"""
from __future__ import annotations

import functools
import itertools
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Callable, Iterable, Iterator, Sequence

from .actors import ActorIndex
from .clean import CleanText, clean
from .dedup import assign_ids, collapse
from .errors import BilatError, ExtractionError, InputError
from .extractor import Candidate, read_document, story_date
from .ingest import check_unicode
from .model import Actor, Article, ArticleResult, DateBasis, Event, Evidence, Failure
from .nlp import gazetteer_entries, load_nlp
from .settings import Settings
from .stories import assign_stories

Progress = Callable[[ArticleResult], None]


#: Articles longer than this (in cleaned characters) are parsed in parts cut at paragraph ends,
#: each part mapped back to the article's own offsets: spaCy refuses texts over its max_length
#: (1M characters) and needs about 1 GB of memory per 100,000 characters of one text.
PART_CHARS = 100_000
#: At most about this many characters go to spaCy in one batch (always at least one text).
#: A batch's parse holds ~2.5 KB per character at its peak: 32 news articles of ~1,600
#: characters took a process from ~220 to ~370 MiB and back, batch after batch, and two Dask
#: workers peaking together set a batch run's peak. At 20,000 the peak was 248 MiB for the
#: same CPU time and output (400 dev-set articles, issue 12). Still, a long batch run's tree
#: peaked 10 % above a short one's (951 -> 1,048 MiB, 1,000 -> 20,000 articles): it sits at
#: ~960 MiB throughout, and a longer run is likelier to catch both workers at a batch's peak. At
#: 10,000 a process's peak is 31 MiB lower (266 -> 235 MiB, `bilat extract` of the 750 dev-set
#: articles), for the same output, byte for byte, and CPU time within 2 % (31.7 / 32.2 s).
BATCH_CHARS = 10_000


#: a roundup's item opens its paragraph with a place in capitals and a colon or a dash ("LA PAZ: Bolivia
#: summoned ...", "BERLIN - Germany has handed over ..."); a transcript's speaker ("MR PRICE:") is no place
_ITEM_RE = re.compile(r"([A-Z][A-Z .'\-]{1,30}?)\s*(?::|\s[-\u2013\u2014])\s")
#: fewer such paragraphs are an ordinary story's dateline, not a roundup
ROUNDUP_ITEMS = 3


@functools.lru_cache(maxsize=1)
def _dateline_places() -> frozenset[str]:
    return frozenset(form for form, _, kind in gazetteer_entries() if kind in ("capital", "city", "country"))


def article_parts(original: str, ct: CleanText, max_chars: int) -> tuple[CleanText, ...]:
    """The texts an article is read as: a news roundup's items each apart (each is its own story, and
    the actors of one must not stand for pronouns or unnamed ministries of the next), and a text longer
    than ``max_chars`` in pieces. An item is a paragraph whose place dateline ``clean`` stripped."""
    after_dateline = set()
    for start, end, reason in ct.dropped:
        m = _ITEM_RE.fullmatch(original[start:end]) if reason == "prefix" else None
        if m and m.group(1).strip().title() in _dateline_places():
            after_dateline.add(end)
    starts = [cs for cs, os_, _ in ct.segments if os_ in after_dateline]
    items = ct.split_at(starts) if len(starts) >= ROUNDUP_ITEMS else (ct,)
    return tuple(p for item in items for p in item.parts(max_chars))


def _prepare(article: Article) -> tuple[Article, CleanText | None, Failure | None]:
    try:
        check_unicode(article.text, "text", article.origin or article.id)
        ct = clean(article.text)
    except BilatError as exc:
        return article, None, Failure(article.origin or article.id, exc.code, exc.message)
    if not ct.text.strip():
        exc = InputError("B101", origin=article.origin or article.id)
        return article, None, Failure(article.origin or article.id, exc.code, exc.message)
    return article, ct, None


def _events_for(article: Article, ct: CleanText, doc, settings: Settings) -> tuple[Event, ...]:
    return tuple(assign_ids(collapse(_part_events(article, ct, doc, settings))))


def _part_events(article: Article, ct: CleanText, doc, settings: Settings) -> list[Event]:
    """Events of one parsed text (a whole article, or one part of a long one), before collapse."""
    index = ActorIndex.build(doc)
    # "on Wednesday" counts from the story's own dateline where an aggregator published it days later
    day = story_date(article.text, article.published)
    candidates = read_document(doc, index, day, settings.publication_date_fallback, article.title, article.url)
    events = [_to_event(article, ct, c) for c in candidates]
    events = [e for e in events if e.confidence >= settings.min_confidence]
    if not settings.include_background:
        events = [e for e in events if e.salience != "background"]
    return events


def _to_event(article: Article, ct: CleanText, c: Candidate) -> Event:
    start, end = ct.span_to_original(c.sentence.start_char, c.sentence.end_char)
    # trim trailing whitespace so the evidence is the sentence itself
    sentence = article.text[start:end]
    stripped = sentence.rstrip()
    end -= len(sentence) - len(stripped)
    lead = len(stripped) - len(stripped.lstrip())
    start += lead
    sentence = stripped.lstrip()
    date = c.date.value if c.date else None
    basis = c.date.basis if c.date and c.date.value else DateBasis.UNKNOWN.value
    return Event(
        event_id="",
        article_id=article.id,
        type=c.type,
        mode=c.mode,
        cameo=c.cameo,
        source=tuple(c.source),
        target=tuple(c.target),
        date=date,
        date_basis=basis,
        location=c.location,
        issues=c.issues,
        evidence=(Evidence(sentence=sentence, start=start, end=end),),
        attribution=c.attribution,
        confidence=c.confidence,
        salience="background" if c.background else "main",
    )


def _run_chunk(articles: Sequence[Article], settings: Settings) -> list[ArticleResult]:
    """Extract one chunk of articles in this process (the model is loaded once per process)."""
    nlp = load_nlp(settings.model)
    prepared = [_prepare(a) for a in articles]
    # an article longer than PART_CHARS is parsed as several texts, each mapped to its offsets
    parts = {i: article_parts(a.text, ct, min(PART_CHARS, nlp.max_length)) for i, (a, ct, f) in enumerate(prepared)
             if f is None}
    texts = [p.text for i in sorted(parts) for p in parts[i]]
    # fewer texts per batch when they are long: the parser's memory grows with the batch's characters
    longest = max(map(len, texts), default=1) or 1
    docs = _parse(texts, nlp, max(1, min(settings.batch_size, BATCH_CHARS // longest)))
    results = []
    for i, (article, ct, failure) in enumerate(prepared):
        if failure is not None:
            results.append(ArticleResult(article, (), failure))
            continue
        origin = article.origin or article.id
        left = len(parts[i])
        try:
            events: list[Event] = []
            for part in parts[i]:
                doc = next(docs)
                left -= 1
                if isinstance(doc, Exception):
                    raise doc
                events += _part_events(article, part, doc, settings)
        except Exception as exc:  # one bad article never stops a batch
            for _ in range(left):  # this article's other parts are dropped with it
                next(docs)
            err = ExtractionError("B301", origin=origin, detail=f"{type(exc).__name__}: {exc}"[:300])
            results.append(ArticleResult(article, (), Failure(origin, err.code, err.message)))
            continue
        results.append(ArticleResult(article, tuple(assign_ids(collapse(events))), None))
    return results


def _parse(texts: list[str], nlp, batch_size: int) -> Iterator:
    """A Doc per text, in order, or the exception that text raised: a batch that fails inside
    spaCy is parsed again one text at a time, so only the text at fault is lost."""
    done = 0
    try:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            done += 1
            yield doc
        return
    except Exception:  # noqa: BLE001 - retried one by one below
        pass
    for text in texts[done:]:
        try:
            yield nlp(text)
        except Exception as exc:  # noqa: BLE001 - reported as this article's B301
            yield exc


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def process(articles: Iterable[Article], settings: Settings | None = None, workers: int | None = None,
            progress: Progress | None = None) -> Iterator[ArticleResult]:
    """Results in input order. ``workers`` > 1 spreads chunks over processes."""
    settings = settings or Settings()
    workers = workers or settings.workers or 1
    chunk_size = max(settings.batch_size, 1)
    if workers <= 1:
        for chunk in _chunks(articles, chunk_size):
            for r in _run_chunk(chunk, settings):
                if progress:
                    progress(r)
                yield r
        return
    load_nlp(settings.model)  # forked workers inherit the loaded model
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings.model,)) as pool:
        pending = []
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(_run_chunk, chunk, settings))
            # keep a bounded number of chunks in flight so memory stays flat on huge inputs, but
            # enough that a worker never idles behind one slow chunk (results come in input order)
            while len(pending) >= workers * 4:
                for r in pending.pop(0).result():
                    if progress:
                        progress(r)
                    yield r
        for fut in pending:
            for r in fut.result():
                if progress:
                    progress(r)
                yield r


def _init_worker(model: str) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    load_nlp(model)


def with_stories(events: Sequence[Event]) -> list[Event]:
    """The same events, in the same order, with cross-article story ids (``st-...``): the one
    story-id scheme, for ``bilat.extract`` here, ``bilat extract`` through ``StoryStream`` (the
    same ids, streamed) and the store, which seeds its own index with the stories it holds."""
    return assign_stories(events)


def extract_text(text: str, published: str | None = None, article_id: str = "text",
                 settings: Settings | None = None) -> list[dict]:
    """Event records (spec §2 dicts) for one article's text: the Python API behind bilat.extract."""
    article = Article(id=article_id, text=text, published=published, origin=article_id)
    result = next(process([article], settings or Settings()))
    if result.failure is not None:
        raise InputError(result.failure.code, origin=article_id, detail=result.failure.message) \
            if result.failure.code.startswith("B1") else ExtractionError("B301", origin=article_id, detail=result.failure.message)
    return [e.as_dict() for e in with_stories(result.events)]
