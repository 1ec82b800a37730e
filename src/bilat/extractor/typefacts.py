"""The per-type facts the extractor uses, from ``data/event_types.tsv`` (``model.TYPE_FACTS``)."""
from __future__ import annotations

from ..analysis import cameo_names
from ..model import TYPE_FACTS, EventType

#: the announced form of an act: "will visit" agrees (AGREE 036), "would impose sanctions"
#: threatens (THREATEN 132); the type -> the announced form's CAMEO code
FUTURE_CAMEO = {t: f.future_as[1] for t, f in TYPE_FACTS.items() if f.future_as}
#: CAMEO's easings (of restrictions, of sanctions...): a CONCEDE that, announced, is still one
EASING_CAMEOS = frozenset(code for code, name in cameo_names().items() if name.startswith("Ease"))
#: types whose announced form is a THREATEN: the hostile acts
HOSTILE = frozenset(t for t, f in TYPE_FACTS.items() if f.future_as and f.future_as[0] == EventType.THREATEN)
#: material conflict: hostile acts whose unnamed agent is unknown, never guessed
MATERIAL_CONFLICT = frozenset(t for t, f in TYPE_FACTS.items() if f.quad_class == "material-conflict")
#: target prepositions each type takes, besides the direct object
TARGET_PREPS = {t: f.target_preps for t, f in TYPE_FACTS.items()}
#: types whose record needs a target to be worth emitting
NEEDS_TARGET = frozenset(t for t, f in TYPE_FACTS.items() if f.needs_target)
#: types whose target may be a place's country ("visited the U.S. capital", "shelled Syria's city")
PLACE_TARGET_TYPES = frozenset(t for t, f in TYPE_FACTS.items() if f.place_target)
#: types that may be aimed at the source's own country ("threatened to institute a curfew in Algiers")
DOMESTIC_TYPES = frozenset(t for t, f in TYPE_FACTS.items() if f.domestic)
#: the types of a reaction to another's act ("welcomed the move", "condemned it")
REACTIONS = frozenset({EventType.SUPPORT, EventType.ACCUSE, EventType.REJECT})
#: the types of a statement addressed to another ("condemned ... and demanded ...")
STATEMENTS = frozenset({EventType.ACCUSE, EventType.REQUEST, EventType.THREATEN, EventType.REJECT})
