"""Content fingerprints: an exact hash for idempotent ingest and a simhash for syndicated copies.

``content_hash`` hashes the normalised text (Unicode NFKC, case-folded, whitespace
collapsed) together with where it was published, so re-ingesting an article is a no-op
while the same wire copy in another outlet is kept as its own report. ``simhash`` is a
64-bit Charikar simhash over word 4-shingles (trafilatura's deduplication idea): copies
that differ by a byline or a trimmed paragraph stay within a few bits of each other.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
#: near-duplicates differ in at most this many of 64 bits; 4 bands of 16 bits catch them all
MAX_DISTANCE = 3
#: texts shorter than this (in words) are too short to call syndicated copies
MIN_WORDS = 40


def normalise(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str, where: str | None = None) -> str:
    h = hashlib.sha256(normalise(text).encode("utf-8"))
    h.update(b"\x00" + normalise(where or "").encode("utf-8"))
    return h.hexdigest()


def simhash(text: str, shingle: int = 4) -> int:
    """Unsigned 64-bit simhash of the text's word shingles."""
    words = _WORD.findall(normalise(text))
    grams = [" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    weights = [0] * 64
    for g in grams:
        v = int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if v >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def to_signed(value: int) -> int:
    """Unsigned 64-bit -> signed, so it fits a BIGINT column in SQLite and PostgreSQL."""
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def bands(value: int) -> tuple[int, int, int, int]:
    return tuple((value >> (16 * i)) & 0xFFFF for i in range(4))  # type: ignore[return-value]


_MASK = (1 << 64) - 1


def distance(a: int, b: int) -> int:
    """Bits in which two simhashes differ, each signed or unsigned (the low 64 bits of a
    two's-complement XOR are the XOR of the unsigned values)."""
    return ((a ^ b) & _MASK).bit_count()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
