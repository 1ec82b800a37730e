"""Why the extractor did what it did with one article: every frame it built, sentence by
sentence, with the rules that fired and, for dropped frames, the phase and the reason;
then the article's event records. The library behind ``bilat why``.

It composes the same stages as the pipeline (clean -> nlp -> actors -> extractor) for
one article and keeps what the pipeline throws away: the frames.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .actors import ActorIndex
from .clean import clean
from .extractor import SentenceReading, read_doc, story_date
from .model import Article, Event, Failure
from .nlp import load_nlp
from .pipeline import PART_CHARS, article_parts, process
from .settings import Settings


@dataclass(frozen=True)
class Explanation:
    article: Article
    sentences: tuple[SentenceReading, ...]
    events: tuple[Event, ...]
    failure: Failure | None = None

    def events_of(self, n: int) -> list[Event]:
        """The event records whose evidence is sentence ``n`` (1-based)."""
        text = _norm(self.sentences[n - 1].sentence.text)
        return [e for e in self.events if any(_norm(ev.sentence) == text for ev in e.evidence)]

    def as_dict(self, sentence: int | None = None) -> dict[str, Any]:
        """The JSON of ``bilat why --json``; ``sentence`` (1-based) keeps one sentence and its events."""
        chosen = [(n, r) for n, r in enumerate(self.sentences, 1) if sentence is None or n == sentence]
        texts = {_norm(r.sentence.text) for _, r in chosen}
        return {
            "article_id": self.article.id,
            "failure": self.failure.as_dict() if self.failure else None,
            "sentences": [{"n": n, "text": r.sentence.text.strip(), "skipped": r.skipped,
                           "frames": [f.as_dict() for f in r.frames]} for n, r in chosen],
            "events": [e.as_dict() for e in self.events
                       if sentence is None or any(_norm(ev.sentence) in texts for ev in e.evidence)],
        }


def _norm(text: str) -> str:
    """Evidence is quoted from the original text, sentences from the cleaned one: compare words."""
    return " ".join(text.split())


def explain(article: Article, settings: Settings | None = None) -> Explanation:
    settings = settings or Settings()
    result = next(process([article], settings))
    if result.failure is not None:
        return Explanation(article, (), (), result.failure)
    nlp = load_nlp(settings.model)
    day = story_date(article.text, article.published)
    readings = []
    for part in article_parts(article.text, clean(article.text), min(PART_CHARS, nlp.max_length)):  # as the pipeline reads it
        doc = nlp(part.text)
        readings += read_doc(doc, ActorIndex.build(doc), day, article.title, article.url)
    return Explanation(article, tuple(readings), result.events)
