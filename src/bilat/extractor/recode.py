"""Phase 6, recode: the type the trigger table gave becomes the type the clause means.

The rules and their order are the ``recode`` rows of ``data/recodings.tsv``; each names a
predicate in ``recodings.py``: an announced hostile act threatens, a government that says
another state attacked accuses it, "accepted the demands" concedes.
"""
from __future__ import annotations

from .records import Frame, SentenceContext
from .recodings import apply

PHASE = "recode"


def run(f: Frame, ctx: SentenceContext) -> Frame:
    return apply(f, ctx, PHASE)
