"""``bilat explain TERM``: the plain-English meaning of an event type, a mode, a CAMEO code
or a quad class, with the scores bilat attaches to it (spaCy's ``explain`` idea).

The wording is bilat's own summary of the PLOVER manual (v0.8) and of EVENTS.md §3;
CAMEO names and Goldstein values come from the data tables with provenance in ``data/``.
"""
from __future__ import annotations

from typing import Any

from . import analysis
from .errors import BilatError
from .model import TYPE_FACTS

TYPES = {
    "AGREE": "Agree, promise, offer or invite: a stated willingness to cooperate or a future meeting, visit or "
             "deal, including calls to end a conflict.",
    "CONSULT": "Meet, talk, visit, host, phone or negotiate. The visitor is the source and the host the target; "
               "without roles all participants are sources.",
    "SUPPORT": "Non-material diplomatic cooperation: praise, endorse, welcome, recognise, sign or ratify an "
               "agreement, establish or restore diplomatic ties.",
    "CONCEDE": "A verbal concession: apologise, pardon, ease a position or restriction, announce a future retreat.",
    "COOPERATE": "Material cooperation that benefits both sides: economic exchange, joint exercises, extradition, "
                 "intelligence sharing.",
    "AID": "Material help that benefits mainly the recipient: economic, military or humanitarian aid, asylum.",
    "RETREAT": "A material step back with immediate effect: withdraw forces, release captives, return property, "
               "disarm, observe a ceasefire, allow access, resign.",
    "REQUEST": "Ask, urge, appeal, call on or demand that the target do something.",
    "ACCUSE": "Criticise, condemn, oppose, voice concern, lodge a diplomatic protest, allege, investigate or sue.",
    "REJECT": "Refuse a request, proposal or meeting; cancel a meeting; bar entry.",
    "THREATEN": "Threaten force, sanctions, expulsion or another coercive step; the mode says what is threatened.",
    "PROTEST": "Physical collective dissent: demonstrations, riots, strikes, hunger strikes, boycotts, blockades "
               "by civilians.",
    "SANCTION": "Reduce existing relations: sanctions, embargoes, bans, export controls, expelling diplomats, "
                "withdrawing aid or ties.",
    "MOBILIZE": "Show of force: raise alert, deploy or exercise one's own forces as a posture.",
    "COERCE": "Repression within one's control: arrest, detain, seize, deport, censor, block, restrict.",
    "ASSAULT": "Use armed force or violence: strikes, shelling, attacks, assassinations.",
}

MODES = {
    "CONSULT": {"visit": "the source visits, the target hosts", "third-party": "a meeting hosted by a third party",
                "multilateral": "a meeting in a multilateral setting, typically an alliance or international body",
                "phone": "a call or other remote consultation"},
    "ACCUSE": {"disapprove": "express disapproval, condemn or complain",
               "investigate": "open or conduct an investigation", "allege": "accuse, sue, indict or charge"},
    "RETREAT": {"withdraw": "pull forces back from an area", "release": "free captives or prisoners",
                "return": "give back property", "disarm": "give up weapons", "ceasefire": "put a ceasefire in effect",
                "access": "let observers, peacekeepers or aid workers in", "resign": "an official resigns"},
    "REQUEST": {"assist": "asks for exchange, relations or assistance", "change": "asks for a change of policy, "
                "government or institutions", "yield": "asks the target to give way: release, lift sanctions, "
                "cease fire", "meet": "asks for a meeting or negotiations"},
    "REJECT": {"assist": "refuses exchange, relations or assistance", "change": "refuses a change of policy, "
               "government or institutions", "yield": "refuses to give way", "meet": "refuses a meeting or "
               "negotiations"},
    "THREATEN": {"restrict": "threatens to restrict movement of people or goods", "ban": "threatens to ban "
                 "political activity", "arrest": "threatens arrests", "relations": "threatens to cut relations or "
                 "talks", "expel": "threatens to expel diplomats or organisations", "territory": "threatens to "
                 "seize territory", "violence": "threatens violence"},
    "PROTEST": {"demo": "an organised, largely peaceful demonstration", "riot": "a violent riot",
                "general": "a general strike", "strike": "a strike limited to some sectors",
                "hunger": "a hunger strike", "boycott": "a boycott", "obstruct": "blocking passage"},
    "AID": {"economic": "loans, grants and other economic aid", "military": "arms, training or troops",
            "humanitarian": "emergency and humanitarian aid", "asylum": "granting asylum"},
}

QUADS = {
    "verbal-cooperation": "Cooperative words: AGREE, CONSULT, SUPPORT, CONCEDE (GDELT/ICEWS QuadClass 1).",
    "material-cooperation": "Cooperative deeds: COOPERATE, AID, RETREAT (QuadClass 2).",
    "verbal-conflict": "Conflictual words: REQUEST, ACCUSE, REJECT, THREATEN (QuadClass 3).",
    "material-conflict": "Conflictual deeds: PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT (QuadClass 4).",
}


def explain(term: str) -> dict[str, Any]:
    """What ``term`` means: a dict with ``kind``, ``term`` and ``meaning`` plus related values."""
    raw = term.strip()
    key = raw.upper()
    if key in TYPES:
        root = analysis.cameo_roots()[key]
        return {"kind": "event type", "term": key, "meaning": TYPES[key],
                "quad_class": analysis.QUAD_NAME[analysis.quad(key)],
                "plover_score": analysis.plover_score(key),
                "cameo_root": root, "cameo_root_name": analysis.cameo_names().get(root),
                "modes": MODES.get(key, {})}
    if raw.isdigit():
        names = analysis.cameo_names()
        if raw in names:
            plover = next((t.value for t, f in TYPE_FACTS.items() if raw[:2] in f.cameo_roots), None)
            return {"kind": "CAMEO code", "term": raw, "meaning": names[raw],
                    "root": raw[:2], "root_name": names.get(raw[:2]),
                    "goldstein_gdelt": analysis.goldstein_table("gdelt").get(raw),
                    "goldstein_icews": analysis.goldstein_table("icews").get(raw),
                    "plover_type": plover}
    low = raw.lower()
    if low in QUADS:
        return {"kind": "quad class", "term": low, "meaning": QUADS[low], "number": analysis.QUAD_NUMBER[low]}
    if "." in raw or ":" in raw:
        etype, _, mode = raw.replace(":", ".").partition(".")
        if mode.lower() in MODES.get(etype.upper(), {}):
            return {"kind": "mode", "term": f"{etype.upper()}.{mode.lower()}",
                    "meaning": MODES[etype.upper()][mode.lower()]}
    uses = {t: m[low] for t, m in MODES.items() if low in m}
    if uses:
        return {"kind": "mode", "term": low, "meaning": "; ".join(f"{t}: {v}" for t, v in uses.items()),
                "types": sorted(uses)}
    raise BilatError("B407", term=term)
