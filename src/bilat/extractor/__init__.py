"""The extractor: sentences -> typed event candidates with source, target and evidence.

See ``reader.py`` for the phases and ``docs/extractor.md`` for where a change goes.
"""
from __future__ import annotations

from .story_dates import story_date
from .reader import PHASES, SentenceReading, read_doc, read_document, read_sentence
from .records import Candidate, Drop, Frame

__all__ = ["PHASES", "Candidate", "Drop", "Frame", "SentenceReading", "read_doc", "read_document", "read_sentence",
           "story_date"]
