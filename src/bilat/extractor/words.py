"""The extractor's word lists, read once from ``data/extract_words.txt``.

Each list there has a ``[name]`` header and a line saying what it is for; adding a word is
adding it to the file. Here the lists become frozensets (and ``a=b`` lists dicts) under
the names the rules use.
"""
from __future__ import annotations

from importlib import resources


def _read_sections() -> dict[str, list[str]]:
    text = resources.files("bilat.data").joinpath("extract_words.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"extract_words.txt: words before any [list] header: {line!r}")
        current.extend(line.split())
    return out


_SECTIONS = _read_sections()


def words(name: str) -> frozenset[str]:
    """One list as a set; a missing list is an error, not an empty set."""
    return frozenset(_SECTIONS[name])


def pairs(name: str) -> dict[str, str]:
    """An ``a=b`` list as a dict, in file order."""
    return dict(item.split("=", 1) for item in _SECTIONS[name])


def list_names() -> tuple[str, ...]:
    return tuple(_SECTIONS)


FINDING_VERBS = words("finding_verbs")
SPEECH_VERBS = words("speech_verbs") | FINDING_VERBS
SPEAKER_NOUNS = words("speaker_nouns")
HYPOTHETICAL = words("hypothetical_aux")
FUTURE = words("future_aux")
OBLIGATION = words("obligation_aux")
INTENT_VERBS = words("intent_verbs")
CONTINUE_VERBS = words("continue_verbs")
HOSTILE_XCOMP = words("hostile_xcomp")
ARRIVAL_VERBS = words("arrival_verbs")
INCURSION_CRAFT = words("incursion_craft")
CIVILIAN_CRAFT = words("civilian_craft")
ENTERED_DOMAINS = words("entered_domains")
COUNTERMEASURES = words("countermeasures")
NEGATIVE_JUDGEMENT = words("negative_judgement")
INTRUSION_VERBS = words("intrusion_verbs")
BLAMED_DEEDS = words("blamed_deeds")
BLAME_WORDS = words("blame_words")
TERRITORY = words("territory_nouns")
PLACE_HEADS = words("place_heads")
AGENTIVE_EVENTS = words("agentive_events")
AGENT_HEADS = words("agent_heads")
LOCATIVE = words("locative_preps")
REPEATABLE = words("repeatable")
CLAUSE_BREAKS = words("clause_breaks")
STATIVE_PARTICIPLES = words("stative_participles")
DRAWING_VERBS = words("drawing_verbs")
HELP_VERBS = words("help_verbs")
AID_GOODS = words("aid_goods")
RESPONSE_NOUNS = words("response_nouns")
ARMED_ACTS = words("armed_acts")
CROWD_CONTROL = words("crowd_control")
PRESSURE_NOUNS = words("pressure_nouns")
LEGAL_INQUIRIES = words("legal_inquiries")
TRUCE_WORDS = words("truce_words")
TOPIC_VERBS = words("topic_verbs")
CROWD_NOUNS = words("crowd_nouns")
PROTEST_PURPOSE = words("protest_purpose")
DEMAND_NOUNS = words("demand_nouns")
EXERCISES = words("exercise_nouns")
JOINT_ONLY = words("joint_only_nouns")
ARRANGEMENTS = words("arrangement_nouns")
MUTUAL_FIGHTS = words("mutual_fights")
WEAPONS = words("weapons")
ATTACK_NOUNS = words("attack_nouns")
HOSTILE_INTENT = words("hostile_intent")
RETRIBUTION = words("retribution")
ANSWERS_GIVEN = words("answers_given")
ANSWERED_WORDS = words("answered_words")
UNANSWERED = words("unanswered")
FIRM_MEASURES = words("firm_measures")
MODAL_NOUNS = words("modal_nouns")
WISH_VERBS = words("wish_verbs")
GENERIC_EVENT_NOUNS = words("generic_event_nouns")
QUANTITY = words("quantity_nouns")
GOODS_MEASURES = words("goods_measures")
LOCATED_EVENTS = words("located_events")
SOUGHT_OUTCOMES = words("sought_outcomes")
PROTEST_NOUNS = words("protest_nouns")
PROTEST_VERBS = words("protest_verbs")
RESTRICTIONS = words("restrictions")
NOT_YET = words("not_yet")
LAUNCH_NOUNS = words("launch_nouns")
SUMMIT_NOUNS = words("summit_nouns")
TITLE_ROLE_WORDS = words("title_role_words")
INVASION_NOUNS = words("invasion_nouns")
CARRYING_VERBS = words("carrying_verbs")
DAY_PARTS = words("day_parts")
QUOTE_MARKS = words("quote_marks")
ALLEGATION_WORDS = words("allegation_words")
INVOLVEMENT = words("involvement_words")
SCHEDULE_WORDS = words("schedule_words")
CLAIM_VERBS = words("claim_verbs")
SUFFER_VERBS = words("suffer_verbs")
STANCE_OBJECTS = words("stance_objects")
CONSEQUENCE_NOUNS = words("consequence_nouns")
DECISION_VERBS = words("decision_verbs")
GUEST_NOUNS = words("guest_nouns")
PASSING_PREPS = words("passing_preps")
PROSPECT_NOUNS = words("prospect_nouns")
FRONTIER_NOUNS = words("frontier_nouns")
OUTBREAK_VERBS = words("outbreak_verbs")
SITUATION_NOUNS = words("situation_nouns")
RECEIVE_VERBS = words("receive_verbs")
VISIT_NOUNS = words("visit_nouns")
VISIT_MODE_VERBS = words("visit_mode_verbs")
PHONE_WORDS = words("phone_words")
MULTILATERAL_WORDS = words("multilateral_words")
EXERCISE_PURPOSES = words("exercise_purposes")
AIR_STRIKE_MODIFIERS = words("air_strike_modifiers")
CYBER_MODIFIERS = words("cyber_modifiers")
PEACEKEEPING = words("peacekeeping")
ONLOOKERS = words("onlookers")
REMOTE_MEETING_MODIFIERS = words("remote_meeting_modifiers")
SCENE_VERBS = words("scene_verbs")
BACKGROUND_OPENERS = words("background_openers")
DOCUMENT_VERBS = words("document_verbs")
ORDER_VERBS = words("order_verbs")
MEETING_VERBS = words("meeting_verbs")
ATTEMPT_WORDS = words("attempt_words")
RANK_WORDS = words("rank_words")
SEPARATE_WORDS = words("separate_words")
BLOCKADE_VERBS = words("blockade_verbs")
GATHERING_NOUNS = words("gathering_nouns")
REFERRED_ATTACKS = words("referred_attacks")
REFERRED_ACTS = words("referred_acts") | REFERRED_ATTACKS
REFERRED_DEEDS = words("referred_deeds")
BARE_REACTIONS = words("bare_reactions")
JUDGING_VERBS = words("judging_verbs")
RECIPROCAL_VERBS = words("reciprocal_verbs")
RECIPROCAL_WORDS = words("reciprocal_words")
DOCUMENTS = words("documents")
WRONG_DEEDS = words("wrong_deeds")
NAMING_VERBS = words("naming_verbs")
CALL_PURPOSES = words("call_purposes")
CASUALTY_VERBS = words("casualty_verbs")
SOVEREIGN_GOODS = words("sovereign_goods")
SANCTION_LISTS = words("sanction_lists")
SANCTION_NOUNS = words("sanction_nouns")
PROTEST_SYMBOLS = words("protest_symbols")
TRAVEL_VERBS = words("travel_verbs")
CAUSE_VERBS = words("cause_verbs")
STATEMENT_SETTINGS = words("statement_settings")
MEETING_SETTINGS = words("meeting_settings")
OPERATION_SETTINGS = words("operation_settings")
HANDING_VERBS = words("handing_verbs")
#: a meeting or visit named again ("welcomed the summit"): its parties, never the last actor's decision
NAMED_MEETINGS = GATHERING_NOUNS | {"talk", "talks", "visit", "trip", "outcome"}  # "welcomed the outcome" of talks
REFERRED_PLACES = words("referred_places")
NATURAL_FORCES = words("natural_forces")
PROPOSAL_NOUNS = words("proposal_nouns")
ECONOMIC_RESTRICTIONS = words("economic_restrictions")
TEST_WEAPON_WORDS = words("test_weapon_words")
SEA_WORDS = words("sea_words")
FLIGHT_VERBS = words("flight_verbs")
PROTECTION_VERBS = words("protection_verbs")
DEVERBAL = pairs("deverbal_acts")
#: what is received, in the order the lists are tried: "received weapons from X"
RECEIVED = {name: words(name) for name in ("received_aid", "received_assurance", "received_support", "received_visitor")}
RECEIVED["received_aid"] |= words("aid_goods")  # what is given as aid is received as aid


def _concession_objects() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for item in _SECTIONS["concession_objects"]:
        verb, obj = item.split("=", 1)
        out.setdefault(verb, set()).update(RESTRICTIONS if obj == "@restrictions" else {obj})
    return {v: frozenset(o) for v, o in out.items()}


#: verb -> what it concedes when done to it: "accepted the demands", "lifted the curfew"
CONCESSION_OBJECTS = _concession_objects()
