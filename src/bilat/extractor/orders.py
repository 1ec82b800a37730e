"""Re-coding rules about orders (rows of ``data/recodings.tsv``): where one actor orders another
to act, the order is the act -- coercion, or, for another's forces or envoys ordered out, expulsion."""
from __future__ import annotations

from ..model import EventType as T
from .parties import same_countries
from .recodings import rule
from .records import Frame, SentenceContext
from .subjects import subject_of


@rule
def ordered_out(f: Frame, ctx: SentenceContext) -> dict | None:
    """'ordered French troops to withdraw', 'told the ambassador to leave': another's forces or
    envoys ordered out are expelled (CAMEO 166)."""
    changes = ordered_to_act(f, ctx)
    return {**changes, "forced_by": None} if changes and changes["target"] else None


@rule
def ordered_to_act(f: Frame, ctx: SentenceContext) -> dict | None:
    """'ordered the newspaper to suspend publication': the order is the act, coercion."""
    gov = f.forced_by
    if gov is None:
        return None
    source, _, _ = subject_of(gov, f.speaker, ctx.index)
    target = [a for o in gov.children if o.dep_ == "dobj"
              for a in ctx.index.actors_for(o, speaker=f.speaker, allow_unknown=True)]
    if f.type == T.RETREAT and (not target or same_countries(source, target)):
        return None  # "ordered its troops to withdraw": a retreat of one's own
    # "ordered the U.S. military to help Israel", "ordered police to expel the ambassador": a command to
    # one's own forces coerces no one (forces the text gives no country are the commander's)
    # (envoys ordered about are another's: "ordered diplomats from seven countries to leave")
    if target and all(not a.name and (same_countries(source, [a]) and a.sector in ("MIL", "GOV", "COP")
                                      or a.country is None and a.sector in ("MIL", "COP")) for a in target):
        return None
    return {"source": source, "target": target}
