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
_MASK = (1 << 64) - 1


def normalise(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(text: str, where: str | None = None) -> str:
    h = hashlib.sha256(normalise(text).encode("utf-8"))
    h.update(b"\x00" + normalise(where or "").encode("utf-8"))
    return h.hexdigest()


def _shingle_hashes(text: str, shingle: int) -> list[int]:
    words = _WORD.findall(normalise(text))
    grams = [" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    return [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big") for g in grams]


def simhash_by_bits(text: str, shingle: int = 4) -> int:
    """The simhash's definition, counted one bit at a time: slow, kept as the reference ``simhash`` is
    held to (tests/store/test_fingerprint.py, benchmarks/simhash_bench.py)."""
    weights = [0] * 64
    for v in _shingle_hashes(text, shingle):
        for bit in range(64):
            weights[bit] += 1 if v >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def simhash(text: str, shingle: int = 4) -> int:
    """Unsigned 64-bit simhash of the text's word shingles: bit b is set where more than half of
    the shingles' 64-bit hashes have it set (each shingle +1 where set, -1 where not, sum > 0)."""
    grams = _shingle_hashes(text, shingle)
    # The 64 counts of set bits are kept bit-sliced: planes[j] holds bit j of every count, and a
    # hash is added to all 64 counts at once by a ripple of carries (a few big-int operations per
    # shingle). Counting one bit at a time in Python took ~1.7 s per 1,000 articles of the store
    # path's ~4.4 s, its largest single cost.
    planes: list[int] = []
    for carry in grams:
        j = 0
        while carry:
            if j == len(planes):
                planes.append(0)
            planes[j], carry = planes[j] ^ carry, planes[j] & carry
            j += 1
    # a bit is set where its count exceeds half the shingles (2 * count > n, i.e. count > n // 2),
    # compared for all 64 counts at once from the highest plane down
    half = len(grams) // 2
    above, equal = 0, _MASK
    for j in range(max(len(planes), half.bit_length()) - 1, -1, -1):
        p = planes[j] if j < len(planes) else 0
        if half >> j & 1:
            equal &= p
        else:
            above |= equal & p
            equal &= ~p
    return above


def to_signed(value: int) -> int:
    """Unsigned 64-bit -> signed, so it fits a BIGINT column in SQLite and PostgreSQL."""
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def bands(value: int) -> tuple[int, int, int, int]:
    return tuple((value >> (16 * i)) & 0xFFFF for i in range(4))  # type: ignore[return-value]


def distance(a: int, b: int) -> int:
    """Bits in which two simhashes differ, each signed or unsigned (the low 64 bits of a
    two's-complement XOR are the XOR of the unsigned values)."""
    return ((a ^ b) & _MASK).bit_count()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
