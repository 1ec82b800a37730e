"""Content fingerprints: the simhash is the Charikar simhash of the text's word 4-shingles, bit for bit
as stored by every earlier version (stored article_bands and syndicate_of depend on it)."""
from __future__ import annotations

import random

import pytest

from bilat.store import fingerprint as fp


def _texts():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(300)] + ["Ankara", "Pékin", "東京", "naïve", "U.S.", "—", "2023"]
    out = ["", "   ", "one", "two words", "three words here", "four words are here", "Ünïcode ÅÄÖ text, case-Folded"]
    for n in (5, 40, 41, 120, 700, 3000):
        out.append(" ".join(rng.choice(vocab) for _ in range(n)))
    # few distinct shingles: ties (as many shingles with a bit as without leave it unset) and counts
    # of equal hashes that carry through many bit planes
    out += ["a b c d e", " ".join("abc"[i % 3] for i in range(50)), " ".join(rng.choice("ab") for _ in range(517))]
    return out


@pytest.mark.parametrize("text", _texts(), ids=lambda t: f"{len(t.split())}w")
def test_simhash_is_the_shingle_majority_of_each_bit(text):
    assert fp.simhash(text) == fp.simhash_by_bits(text)
    assert 0 <= fp.simhash(text) < 1 << 64


def test_near_copies_stay_within_the_distance_and_others_do_not():
    words = " ".join(f"w{i % 89}x{i % 7}" for i in range(200))
    assert fp.distance(fp.simhash(words), fp.simhash(words + " By desk.")) <= fp.MAX_DISTANCE
    other = " ".join(f"v{i % 83}y{i % 5}" for i in range(200))
    assert fp.distance(fp.simhash(words), fp.simhash(other)) > fp.MAX_DISTANCE

