"""Re-coding rules for the stance a state takes on another's cause (rows of ``data/recodings.tsv``): a
commitment to another state's sovereignty, integrity or a principle it holds dear is support of that
state, not a promise to act ("reiterated its firm commitment to the one-China principle")."""
from __future__ import annotations

from .lexicon import lemma
from .recodings import rule
from .records import Frame, SentenceContext
from .words import SOVEREIGN_GOODS, STANCE_OBJECTS

#: the words of a commitment to a cause
_COMMITMENTS = frozenset({"commit", "commitment", "adherence", "adhere", "attachment"})


@rule
def committed_to_their_cause(f: Frame, ctx: SentenceContext) -> dict | None:
    t = f.trigger
    if lemma(t) not in _COMMITMENTS or not f.target:
        return None
    causes = [o for h in (t, t.head) for p in h.children if p.dep_ == "prep" and p.lower_ == "to"
              for o in p.children if o.dep_ == "pobj"]
    if not any(x.lemma_.lower() in SOVEREIGN_GOODS | STANCE_OBJECTS for o in causes for x in [o, *o.conjuncts]):
        return None
    return {}
