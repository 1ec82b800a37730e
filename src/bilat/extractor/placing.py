"""Phase 7, placing: where the event happened, and the countries that follow from it.

``PLACING_STEPS`` run in order; each may fill in countries, add or remove a target, or drop
the frame. Then the re-codings that need settled countries (``recodings.tsv``, phase
``placing``): police firing on their own country's protesters is repression.
"""
from __future__ import annotations

from ..actors import is_stateless
from ..issues import location_of
from ..model import Actor
from ..model import EventType as T
from .lexicon import lemma
from .parties import countries, leading_pair, of_parties, one_per_igo, place_counts, same_countries, with_country
from .records import Frame, SentenceContext
from .recodings import apply
from .syntax import attack_noun_agent, object_lemmas, reported_clause
from .words import ATTACK_NOUNS, PROTEST_NOUNS, PROTEST_SYMBOLS, SPEECH_VERBS, VISIT_NOUNS

PHASE = "placing"


def _fill(actors: list[Actor], country: str, only=lambda a: True) -> list[Actor]:
    return [a if a.country or not only(a) else with_country(a, country) for a in actors]


def locate(f: Frame, ctx: SentenceContext) -> Frame:
    """The place the anchor's clause names ("in Beirut"), else the trigger noun's."""
    t, anchor = f.trigger, f.anchor
    location = location_of(anchor, ctx.index.place_at, airborne=f.type == T.ASSAULT) or \
        (location_of(t, ctx.index.place_at) if t.i != anchor.i else None)
    return f if location is None else f.but("location", location=location)


def _placeable(a: Actor) -> bool:
    """A named person is not placed: a visitor received in Abuja is no Nigerian. Nor is a government
    body or its officials, who travel and speak of other places: "the foreign ministry" that protests
    shells fired from Myanmar is not Myanmar's, "Arab leaders" calling for a ceasefire in Gaza are
    not Palestinians."""
    return not (a.kind == "person" and a.name) and a.sector != "GOV"


def placed_groups(f: Frame, ctx: SentenceContext) -> Frame:
    """Groups the text places but does not name a country for: "protesters in London"; victims'
    nationality is not where they were attacked, but victims the text gives no nationality at
    all ("four children were killed in Gaza") are coded to the place."""
    loc = f.location
    # (a meeting's parties are not where it is held: "sirens sounded in Kyiv during the visit")
    if loc is None or not loc.country or f.type == T.CONSULT:
        return f
    source, target = _fill(f.source, loc.country, _placeable), f.target
    if f.type != T.ASSAULT:
        target = _fill(target, loc.country, _placeable)
    elif not any(a.country for a in target):
        target = _fill(target, loc.country, lambda a: not a.name)
    return f.but("placed_groups", source=source, target=target) if (source, target) != (f.source, f.target) else f


def attackers_from_target(f: Frame, ctx: SentenceContext) -> Frame:
    """'insurgents shelled Aleppo': attackers without a country are the target's country's."""
    symbolic = f.type == T.PROTEST and object_lemmas(f.anchor) & PROTEST_SYMBOLS  # "burned Japanese flags"
    if any(not a.country for a in f.source) and f.target and len({a.country for a in f.target if a.country}) == 1 \
            and f.type in (T.ASSAULT, T.COERCE, T.PROTEST, T.MOBILIZE) and not symbolic:
        home = next(a.country for a in f.target if a.country)
        source = _fill(f.source, home, lambda a: a.kind in ("group", "organization"))
        return f.but("attackers_from_target", source=source) if source != f.source else f
    return f


def repression_at_home(f: Frame, ctx: SentenceContext) -> Frame:
    """'Kenyan police detained an opposition leader': repression at home; so is force a state's own
    forces use on a crowd the text gives no other country ("security forces opened fire on protesters")."""
    # (only in a story of that one state so far: "troops fired on protesters" in a story of two states
    # may be across a border)
    crowd_fired_on = f.type == T.ASSAULT and f.source and all(a.sector in ("MIL", "COP") for a in f.source) \
        and not place_counts(ctx.index, ("country", "demonym", "capital", "city"), ctx.sent.end, countries(f.source))[0]
    if (f.type == T.COERCE or crowd_fired_on) and f.source and f.source[0].country:
        target = _fill(f.target, f.source[0].country,
                       (lambda a: a.sector == "CVL" and a.kind == "group") if crowd_fired_on else (lambda a: True))
        return f.but("repression_at_home", target=target) if target != f.target else f
    return f


def unidentified_attackers(f: Frame, ctx: SentenceContext) -> Frame:
    """'a roadside bombing near Samarra killed ...': an attack without a named attacker is coded to
    the country it happened in (CAMEO and PLOVER practice)."""
    loc = f.location
    if f.type == T.ASSAULT and not any(a.country for a in f.source) and loc is not None and loc.country \
            and (attack_noun_agent(f.anchor) or (not f.scene and f.passive and f.light is None
                                                 and reported_clause(f.anchor))):
        return f.but("unidentified_attackers",
                     source=[Actor(kind="group", country=loc.country, role="unidentified attackers")])
    return f


def host_meets_guest(f: Frame, ctx: SentenceContext) -> Frame:
    """'Mitterrand welcomed South African leader de Klerk': the story's one country is the guest's;
    it says nothing of the host, and a state does not meet itself."""
    idx = ctx.index
    if f.type == T.CONSULT and f.source and f.target \
            and all(not a.country or idx.country_inferred(a) for a in f.source) \
            and {a.country for a in f.target} == {idx.sole_country() or idx.lead_country}:
        # ("officials held talks with a Mauritian delegation in London": the host is where they met)
        host = f.location.country if f.location is not None else None
        if host and host not in {a.country for a in f.target} and not any(a.country for a in f.source):
            return f.but("host_of_the_place", source=[Actor(kind="state", country=host)])
        return f.drop(PHASE, "host_country_unknown")
    return f


def blamed_attacker(f: Frame, ctx: SentenceContext) -> Frame:
    """'exploded across Lebanon, killing nine, in an attack that the group blamed on Israel', 'a chemical
    attack that Washington blamed on Assad's forces': force no one is named for is the one it is blamed on."""
    if f.type != T.ASSAULT or countries(f.source) - {None}:
        return f
    blamed = [a for v in ctx.toks if lemma(v) in ("blame", "attribute") and v.dep_ == "relcl"
              and v.head.lemma_.lower() in ATTACK_NOUNS
              for p in v.children if p.dep_ == "prep" and p.lower_ in ("on", "to")
              for o in p.children if o.dep_ == "pobj" for a in ctx.index.actors_for(o) if a.country]
    return f.but("blamed_attacker", source=blamed) if blamed else f


def host_of_the_place(f: Frame, ctx: SentenceContext) -> Frame:
    """'Putin was given a red-carpet welcome in Mongolia': a guest welcomed by no one named is the
    guest of the country it is welcomed in."""
    loc = f.location
    if f.type != T.CONSULT or f.trigger.lemma_.lower() not in ("welcome", "reception", "host", "receive") \
            or f.source or not f.target or loc is None or not loc.country \
            or loc.country in countries(f.target) or loc.country.startswith("IGO:"):
        return f
    return f.but("host_of_the_place", source=[Actor(kind="state", country=loc.country)])


def _other_states(a: Actor) -> bool:
    return bool(a.role) and a.role.lower().split()[-1] in ("countries", "nations", "states", "governments")


def one_country_story(f: Frame, ctx: SentenceContext) -> Frame:
    """In a story that names one country, actors without one are its ("warned that police will
    no longer tolerate rallies", in a story about Egypt alone)."""
    home = ctx.index.sole_country()
    if not home:
        return f
    source, target = f.source, f.target
    # ("Twenty countries expressed support for the government": other states, whichever, never the story's own)
    if any(not a.country and not _other_states(a) for a in source):
        source = _fill(source, home, lambda a: not _other_states(a))
    if any(not a.country and a.kind in ("group", "organization") for a in target):
        target = _fill(target, home, lambda a: a.kind in ("group", "organization"))
    return f.but("one_country_story", source=source, target=target) if (source, target) != (f.source, f.target) else f


def official_of_the_voice(f: Frame, ctx: SentenceContext) -> Frame:
    """'the General Administration of Customs has decided ...', 'Deputy Foreign Minister Mikhail Bogdanov
    met ...' in a briefing a state's spokesperson gives: a government body or official the text gives no
    country is that state's (the story names spokespeople of that one state only)."""
    unplaced = [a for a in f.source if not a.country and a.sector == "GOV" and not is_stateless(a)]
    voice = ctx.index.voice()
    if not unplaced or voice is None or countries(f.source) - {None}:
        return f
    return f.but("official_of_the_voice", source=_fill(f.source, voice, lambda a: a.sector == "GOV"))


def official_of_the_other_side(f: Frame, ctx: SentenceContext) -> Frame:
    """'The ambassador strongly urged China', 'Kanasugi held phone talks with Sun Weidong (China)':
    in a story two states lead, an official the text gives no country who acts on one of them is the
    other's."""
    unplaced = [a for a in f.source if not a.country and a.kind in ("person", "organization") and a.sector == "GOV"
                and not is_stateless(a)]
    aimed = countries([a for a in f.target if a.kind != "group"]) - {None}  # a state, not "its supporters"
    if not unplaced or len(aimed) != 1 or countries(f.source) - {None}:
        return f
    pair = leading_pair(ctx.index, len(ctx.index.doc))
    if not pair or not aimed <= set(pair):
        return f
    other = next(c for c in pair if c not in aimed)
    if other.startswith("IGO:"):
        return f
    return f.but("official_of_the_other_side", source=_fill(f.source, other, lambda a: a in unplaced))


def government_of_its_report(f: Frame, ctx: SentenceContext) -> Frame:
    """'Finland will close the border, the government said, accusing Moscow ...': an unnamed
    government body reporting what one state does speaks for that state, in what it adds too."""
    unplaced = [a for a in f.source if not a.country and not a.name and a.kind == "organization"
                and a.sector == "GOV" and not is_stateless(a)]
    if not unplaced or countries(f.source) - {None}:
        return f
    verb = f.trigger
    while verb.dep_ in ("advcl", "conj", "xcomp") and lemma(verb) not in SPEECH_VERBS:
        verb = verb.head
    if lemma(verb) not in SPEECH_VERBS:
        return f
    states = {a.country for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"
              for a in ctx.index.actors_for(s) if a.kind == "state" and a.country}
    if len(states) != 1 or next(iter(states)).startswith("IGO:"):
        return f
    return f.but("government_of_its_report", source=_fill(f.source, next(iter(states)), lambda a: a in unplaced))


def countryless_out(f: Frame, ctx: SentenceContext) -> Frame:
    """Actors without a country are dropped, but for named NGOs and transnational groups (spec §2
    has no code for them); an organisation named twice is one actor."""
    source = one_per_igo([a for a in f.source if a.country or is_stateless(a)])
    target = one_per_igo([a for a in f.target if a.country or is_stateless(a)])
    if f.type == T.MOBILIZE:  # forces deployed to one's own command are not aimed at oneself
        target = [a for a in target if not same_countries([a], source)]
    return f.but("countryless_out", source=source, target=target) if (source, target) != (f.source, f.target) else f


def aimed_at_the_place(f: Frame, ctx: SentenceContext) -> Frame:
    """'sought refuge in Germany', 'refused to deploy troops in Iraq', 'activists staged a protest in
    Beijing', 'exercises in Alaska': aimed at the host (a protest at home addresses its own
    government)."""
    loc, typ = f.location, f.type
    if f.target or loc is None or not loc.country:
        return f
    foreign = loc.country not in countries(f.source)
    if (typ == T.REQUEST and lemma(f.trigger) == "seek" and foreign) or (typ == T.REJECT and foreign) \
            or (typ in (T.PROTEST, T.MOBILIZE) and (typ == T.PROTEST or foreign)) \
            or (typ == T.CONSULT and f.mode == "visit" and foreign):  # "arrived in Taiwan": visits the host
        return f.but("aimed_at_the_place", target=[Actor(kind="state", country=loc.country)])
    return f


def protest_at_home(f: Frame, ctx: SentenceContext) -> Frame:
    """'Egyptian demonstrators rioted': a crowd the text places nowhere protests at home (and a
    union that calls off its strike concedes at home)."""
    if (f.type == T.PROTEST or (f.type == T.CONCEDE and f.trigger.lemma_.lower() in PROTEST_NOUNS)) \
            and not f.target and f.location is None and len(countries(f.source)) == 1 \
            and all(a.kind in ("group", "organization") or (a.kind == "person" and not a.name) for a in f.source):
        return f.but("protest_at_home", target=[Actor(kind="state", country=f.source[0].country)])
    return f


def venue_is_not_a_party(f: Frame, ctx: SentenceContext) -> Frame:
    """'met in Kinshasa': the host country of a venue is not a participant."""
    loc = f.location
    # (an announced act keeps its place: "Israel will evacuate the settlements in the Gaza Strip")
    if loc is not None and loc.country and f.type in (T.CONSULT, T.AGREE, T.COOPERATE) \
            and f.mode != "visit" and lemma(f.trigger) not in VISIT_NOUNS and "announced_cooperation" not in f.reasons:
        target = [a for a in f.target if a.country != loc.country or a.name or a.role]
        return f.but("venue_is_not_a_party", target=target) if target != f.target else f
    return f


def parties_hold_their_meeting(f: Frame, ctx: SentenceContext) -> Frame:
    """'Talks between Iran and the United States were held in Muscat': a meeting no one is said to hold is
    held by the parties it is between, all of them sources (a meeting without host and guest roles, spec §3)."""
    if f.source or f.type != T.CONSULT:
        return f
    # ("was held the meeting of the delegations of the Republic of Tajikistan and the Kyrgyz Republic", however
    # the parser hangs the second)
    parties = f.target if len({a.country for a in f.target if a.country}) >= 2 else of_parties(f.trigger, f.speaker, ctx.index)
    if len({a.country for a in parties if a.country}) < 2:
        return f
    return f.but("parties_hold_their_meeting", source=list(parties), target=[])


def recode_placed(f: Frame, ctx: SentenceContext) -> Frame:
    return apply(f, ctx, PHASE)


def compatriots_abroad(f: Frame, ctx: SentenceContext) -> Frame:
    """'New Delhi voiced concern over the safety of Indian nationals in Bangladesh': a state's concern
    for, or demand about, its own unnamed citizens in another country is aimed at that country (a
    government's demands on its citizens at home stay as they are)."""
    home = countries(f.source) - {None}
    if f.type not in (T.ACCUSE, T.REQUEST, T.THREATEN) or not f.target or not home or not all(
            a.country in home and a.kind in ("group", "person") and not a.name and a.sector in (None, "CVL")
            for a in f.target):
        return f
    idx = ctx.index
    abroad = next((idx.place_at[x.i].code for x in f.anchor.subtree if x.i in idx.place_at
                   and idx.place_at[x.i].code not in home and idx.place_at[x.i].kind in ("country", "capital", "city")), None)
    return f.but("compatriots_abroad", target=[Actor(kind="state", country=abroad)]) if abroad else f


PLACING_STEPS = (locate, blamed_attacker, placed_groups, attackers_from_target, repression_at_home,
                 unidentified_attackers, host_meets_guest, host_of_the_place, one_country_story, government_of_its_report,
                 official_of_the_other_side, official_of_the_voice, compatriots_abroad, countryless_out,
                 aimed_at_the_place, protest_at_home, venue_is_not_a_party, parties_hold_their_meeting, recode_placed)


def run(f: Frame, ctx: SentenceContext) -> Frame:
    for step in PLACING_STEPS:
        f = step(f, ctx)
        if f.dropped:
            break
    return f
