"""The pinned spaCy pipeline, loaded once per process, plus bilat's gazetteer component.

The gazetteer marks every mention of a country (name, demonym, capital, city) or an
international organisation as ``doc._.places``: a list of ``Place`` records. It is a
PhraseMatcher over exact spellings, so "US" matches and "us" does not.
Tables come from pycountry plus the data files in ``bilat/data`` (each with its
provenance header).
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .errors import SettingsError

GAZETTEER = "bilat_gazetteer"
LINES = "bilat_line_sentences"


@dataclass(frozen=True)
class Place:
    start: int  # token offsets
    end: int
    code: str  # ISO alpha-3, or IGO:<ACRONYM>
    kind: str  # country | demonym | capital | city | igo | group:<SECTOR>


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file; '#' lines are its provenance header."""
    text = resources.files("bilat.data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


# Short official names that are ordinary words or names too often to match alone.
_AMBIGUOUS = {"Georgia", "Jordan", "Chad", "Guinea", "Turkey", "Dominica", "Mali", "Male", "Oman"}


@functools.lru_cache(maxsize=1)
def gazetteer_entries() -> tuple[tuple[str, str, str], ...]:
    """(surface form, code, kind) for every name bilat recognises."""
    import pycountry

    out: dict[str, tuple[str, str]] = {}

    def add(form: str, code: str, kind: str) -> None:
        form = form.strip()
        if form and form not in out:
            out[form] = (code, kind)

    for row in read_table("igos.tsv"):
        for name in _split(row["names"]):
            add(name, "IGO:" + row["code"], "igo")
    for row in read_table("groups.tsv"):
        for name in _split(row["names"]):
            add(name, row["country"], "group:" + row["sector"])
    for row in read_table("countries.tsv"):
        code = row["code"]
        for name in _split(row["aliases"]):
            add(name, code, "country")
        for name in _split(row["demonyms"]):
            add(name, code, "demonym")
        for name in _split(row["capital"]):
            add(name, code, "capital")
        for name in _split(row["cities"]):
            add(name, code, "city")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                add(name, c.alpha_3, "country")
    return tuple((form, code, kind) for form, (code, kind) in out.items())


@Language.factory(GAZETTEER, assigns=["doc._.places"], requires=["token.text"])
def make_gazetteer(nlp: Language, name: str):
    return Gazetteer(nlp)


class Gazetteer:
    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.info: dict[int, tuple[str, str]] = {}
        for form, code, kind in gazetteer_entries():
            key = f"{code}|{kind}|{form}"
            self.matcher.add(key, [nlp.make_doc(form)])
            self.info[nlp.vocab.strings[key]] = (code, kind)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            code, kind = self.info[match_id]
            span = doc[start:end]
            span.label_ = f"{code}|{kind}"
            spans.append(span)
        places = []
        for span in filter_spans(spans):
            code, kind = span.label_.split("|")
            text = span.text
            if text in _AMBIGUOUS and span[0].ent_type_ not in ("GPE", "NORP", "LOC"):
                continue
            if span[0].ent_type_ == "PERSON" and kind in ("capital", "city") or (
                    span[0].ent_type_ == "PERSON" and kind == "country" and len(span) == 1 and text in _AMBIGUOUS):
                continue  # "Washington" the person, "Jordan" the player; "Sri Lanka" stays a country
            places.append(Place(span.start, span.end, code, kind))
        doc._.places = places
        return doc


@Language.component(LINES, assigns=["token.is_sent_start"])
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: scraped paragraphs, headlines and captions never run on."""
    for i, t in enumerate(doc[:-1]):
        if "\n" in t.text or (t.is_space and "\n" in t.whitespace_ + t.text):
            doc[i + 1].is_sent_start = True
        elif "\n" in t.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)


_LOADED: dict[str, Language] = {}


def load_nlp(model: str) -> Language:
    """Load the named spaCy pipeline once per process and add bilat's components."""
    nlp = _LOADED.get(model)
    if nlp is not None:
        return nlp
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError as exc:
        raise SettingsError("B204", model=model) from exc
    if LINES not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(LINES, before="parser")
    if GAZETTEER not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER, last=True)
    _LOADED[model] = nlp
    return nlp


def token_count(docs: Iterable[Doc]) -> int:
    return sum(len(d) for d in docs)
