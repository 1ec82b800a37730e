"""Regenerate bilat's phoenix_*.tsv lookup tables from the PETRARCH-2 / Phoenix dictionaries.

    python3 tools/build_phoenix_tables.py                 # reads ../shared, writes src/bilat/data
    python3 tools/build_phoenix_tables.py --shared /path/to/shared --out /tmp/tables

Standard library only. The output is deterministic (sorted rows, no timestamps), so a
test can check that the committed tables are exactly what this script writes. Reads
`external/phoenix/` (actors, agents, verbs; MIT) and `external/plover/CAMEO2PLOVER-2021.txt`
(CC BY-SA 4.0) under the shared folder; the formats are described in their READMEs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DEFAULT = ROOT / "src" / "bilat" / "data"
COMMAND = "python3 tools/build_phoenix_tables.py --shared ../shared"

PHOENIX_PROVENANCE = (
    "# Source: openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf,\n"
    "#   path petrarch2/data/dictionaries/{file} (copied to shared/external/phoenix/).\n"
    "# License: MIT, Copyright (c) 2014 Open Event Data (shared/external/phoenix/LICENSE).\n"
)
PLOVER_PROVENANCE = (
    "# PLOVER types: openeventdata/PLOVER commit 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f,\n"
    "#   CAMEO2PLOVER-2021.txt (shared/external/plover/), CC BY-SA 4.0, Open Event Data Alliance;\n"
    "#   this table is a derivative of it and is shared under the same license.\n"
)

# CAMEO agent codes -> PLOVER sectors of shared/spec/EVENTS.md §4. CAMEO's MED is the media
# (PLOVER JRN) and HLH is health (PLOVER MED). Civil-society codes (education, labour,
# farmers, refugees, rights and environment groups, NGOs, the public) become CVL; religious
# codes become REL; INS (insurgents) and UAF (unidentified armed forces) become REB.
# Codes with no PLOVER counterpart (CRM criminals, RAD radicals, DEV, SET, IGO ...) give none.
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "LEG": "LEG", "JUD": "JUD", "COP": "COP", "SPY": "SPY",
    "PTY": "PTY", "OPP": "OPP", "REB": "REB", "INS": "REB", "UAF": "REB", "BUS": "BUS",
    "MED": "JRN", "HLH": "MED", "CVL": "CVL", "ELI": "ELI",
    "EDU": "CVL", "LAB": "CVL", "AGR": "CVL", "REF": "CVL", "HRI": "CVL", "ENV": "CVL",
    "NGO": "CVL", "PPL": "CVL",
    "REL": "REL", "CHR": "REL", "CTH": "REL", "PRO": "REL", "MUS": "REL", "SUN": "REL",
    "SHI": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "ADR": "REL", "ALE": "REL",
    "DRZ": "REL", "ITH": "REL", "JAN": "REL", "SHN": "REL", "SIK": "REL", "TAO": "REL",
    "ZRO": "REL", "MOS": "REL", "JAI": "REL", "BAH": "REL", "CON": "REL", "DOX": "REL",
}

# The organisation part of a Phoenix IGO code -> the acronym bilat uses after "IGO:"
# (src/bilat/data/igos.tsv: UN agencies such as UNICEF, UNHCR, WFP and WHO count as UN).
# Longest suffix first; a code matching none of them gets no bilat code.
IGO_CODES = [
    ("IGOUNOIAE", "IAEA"), ("IGOUNOJUDICJ", "ICJ"), ("IGOUNODEVWBK", "WB"), ("IGOUNOWBK", "WB"),
    ("IGOUNO", "UN"), ("IGOWSTNAT", "NATO"), ("IGOEUREEC", "EU"), ("IGOAFRAFU", "AU"),
    ("IGOAFROAU", "OAU"), ("IGOSEAASN", "ASEAN"), ("IGOBUSOPC", "OPEC"), ("IGOOPC", "OPEC"),
    ("IGOBUSIMF", "IMF"), ("IGOBUSWTO", "WTO"), ("IGOJUDICC", "ICC"), ("IGOMEAARL", "ARAB"),
    ("IGOPGSGCC", "GCC"), ("IGOWAFWAS", "ECOWAS"), ("IGOOAS", "OAS"), ("IGOMOSOIC", "OIC"),
    ("IGOEURSCE", "OSCE"), ("IGOEURCOE", "COE"), ("IGOCOPITP", "INTERPOL"),
    ("IGOSASSAA", "SAARC"), ("IGOEURDEVEBR", "EBRD"), ("IGOASADEVADB", "ADB"),
    ("IGOEAFEAC", "EAC"), ("IGOCASCIS", "CIS"), ("IGOLEGIPU", "IPU"), ("IGOIPU", "IPU"),
    ("IGOCWN", "COMMONWEALTH"), ("IGOEAFDEVIAD", "IGAD"), ("IGODEVIAD", "IGAD"),
    ("IGOAFRDEVAFB", "AFDB"), ("IGOMOSDEVIDB", "ISDB"), ("IGOBUSBIS", "BIS"),
    ("IGOCRB", "CARICOM"), ("IGOSAFDEVSAD", "SADC"), ("IGOSAFSAD", "SADC"),
]
IGO_KINDS = {"IGO": "igo", "NGO": "ngo", "MNC": "business"}

# Words that mark an organisation, a role or an institution rather than a person's name.
NOT_PERSON = {
    "ADMINISTRATION", "GOVERNMENT", "CABINET", "REGIME", "MINISTRY", "ARMY", "FORCES",
    "PARTY", "COUNCIL", "PARLIAMENT", "COURT", "POLICE", "AGENCY", "COMMITTEE", "OFFICE",
    "MINISTER", "PRESIDENT", "PRESIDENTS", "PREMIER", "SENATE", "CONGRESS", "ASSEMBLY",
    "DEPARTMENT", "EMBASSY", "FRONT", "MOVEMENT", "UNION", "BANK", "FOUNDATION", "INSTITUTE",
    "UNIVERSITY", "COMMISSION", "SERVICE", "GUARD", "NAVY", "MILITARY", "REPUBLIC",
    "KINGDOM", "STATE", "STATES", "NATIONAL", "PEOPLE", "PEOPLES", "AUTHORITY", "MISSION",
    "SPOKESMAN", "SPOKESWOMAN", "OFFICIAL", "OFFICIALS", "AMBASSADOR", "CAMP", "SUPPORTERS",
    "FAMILY", "DYNASTY", "ERA", "WHITE_HOUSE", "HOUSE", "THE", "ORGANIZATION", "GROUP",
    "SECRETARY", "CHIEF", "MINISTERS", "LEADER", "LEADERS", "TROOPS", "SOLDIERS",
    "REBELS", "OPPOSITION", "DELEGATION", "CORPS", "BRIGADE", "BRIGADES", "BUREAU",
    "REPUBLICA", "VOLKSKAMMER", "SOVIET", "COALITION", "JAISH", "JAYSH", "TASK", "FORCE",
    "OBSERVATORY",
}
# Title prefixes of aliases ("PRESIDENT_OBAMA_") -> the role they name, tried longest first.
TITLES = [
    ("PRIME_MINISTER", "Prime Minister"), ("FOREIGN_MINISTER", "Foreign Minister"),
    ("DEFENSE_MINISTER", "Defense Minister"), ("DEFENCE_MINISTER", "Defence Minister"),
    ("FINANCE_MINISTER", "Finance Minister"), ("SECRETARY_OF_STATE", "Secretary of State"),
    ("VICE_PRESIDENT", "Vice President"), ("PRESIDENT", "President"), ("PREMIER", "Premier"),
    ("CHANCELLOR", "Chancellor"), ("KING", "King"), ("QUEEN", "Queen"), ("EMIR", "Emir"),
    ("SULTAN", "Sultan"), ("CROWN_PRINCE", "Crown Prince"), ("PRINCE", "Prince"),
    ("GENERAL", "General"), ("SENATOR", "Senator"), ("GOVERNOR", "Governor"),
    ("AMBASSADOR", "Ambassador"), ("MINISTER", "Minister"),
]
# Title words dropped from the front of an alias before it is kept as a name.
HONORIFICS = {"MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "THE"}
LOWER_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "bint",
                   "dos", "das", "do", "du", "la", "le", "y", "al", "el", "ul", "ud",
                   "of", "and", "the", "for", "in", "on", "at", "to", "by", "des"}
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)$")
CODE_RE = re.compile(r"\[([^\]]*)\]")
SPAN_RE = re.compile(r"^([A-Z~\-]+)\s*(.*)$")
MIN_SINGLE = 4  # shortest single-token name kept


# ----------------------------------------------------------------------------- helpers

def proper_case(raw: str) -> str:
    """'FUMIO_KISHIDA_' -> 'Fumio Kishida'; 'BAN_KI-MOON' -> 'Ban Ki-Moon'. A guess: match case-insensitively."""
    # a quoted nickname ('BINYAMIN_"FUAD"_BEN_ELIEZER') is not part of the name as news writes it
    raw = re.sub(r'"[^"]*"', "_", raw)
    words = [w for w in raw.strip().strip("_").split("_") if w]
    out = []
    for i, word in enumerate(words):
        if ROMAN.match(word):
            out.append(word)
            continue
        parts = re.split(r"([-'])", word)
        cased = "".join(p[:1].upper() + p[1:].lower() if p not in "-'" else p for p in parts)
        cased = re.sub(r"'S\b", "'s", cased)
        if i and cased.lower() in LOWER_PARTICLES:
            cased = cased.lower()
        elif i and "-" in cased and cased.split("-")[0].lower() in {"al", "el"}:
            cased = cased[:2].lower() + cased[2:]
        out.append(cased)
    return " ".join(out)


def letters(name: str) -> int:
    return sum(ch.isalpha() for ch in name)


def too_short(name: str) -> bool:
    """Single tokens under MIN_SINGLE letters ('Ban', 'Amin' stays) match too much text."""
    return " " not in name and letters(name) < MIN_SINGLE


def iso_date(raw: str) -> str:
    """'070901' -> '2007-09-01' (YY <= 30 is 20YY), '19270101' -> '1927-01-01'; malformed -> ''."""
    if len(raw) == 6:
        yy = int(raw[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = raw[2:4], raw[4:6]
    elif len(raw) == 8:
        year, month, day = int(raw[:4]), raw[4:6], raw[6:8]
    else:
        return ""
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return ""
    return f"{year:04d}-{month}-{day}"


@dataclass(frozen=True)
class Span:
    code: str
    start: str = ""
    end: str = ""


def parse_span(text: str) -> Span | None:
    """'JPNGOV 070901-080831' / 'USAGOV >090120' / 'HTIOPPMED <061231' / 'AFG' -> Span."""
    m = SPAN_RE.match(text.strip())
    if not m:
        return None
    code, rest = m.group(1), m.group(2).replace(" ", "")
    start = end = ""
    if rest.startswith(">"):
        start = iso_date(rest[1:])
    elif rest.startswith("<"):
        end = iso_date(rest[1:])
    elif "-" in rest:
        a, _, b = rest.partition("-")
        start, end = iso_date(a), iso_date(b)
    return Span(code, start, end)


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    comment: str = ""
    header: str = ""  # the last section comment above the entry


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body, comment.strip()


def _take_codes(body: str, entry: Entry) -> str:
    for raw in CODE_RE.findall(body):
        span = parse_span(raw)
        if span is not None:
            entry.spans.append(span)
    return CODE_RE.sub(" ", body)


def parse_actors(lines) -> list[Entry]:
    """Read a PETRARCH .actors file: primary lines, '+' aliases, '[CODE dates]' lines.

    Inline comments ('# CountryInfo.txt') are kept on the entry; a full-line comment with
    lower-case words is remembered as the section header of the entries below it.
    """
    entries: list[Entry] = []
    current: Entry | None = None
    header, gap = "", True
    for raw in lines:
        line = raw.rstrip("\n")
        stripped = line.strip()
        if not stripped:
            header = ""  # a section heading reaches to the next blank line
            gap = True
            continue
        if stripped.startswith("#"):
            text = stripped.lstrip("#").strip()
            # commented-out entries ('#HENRY_CABOT_LODGE_ ...', '#\t[USAELI ...]') are not headers
            if re.search(r"[a-z]", text) and not re.match(r"^[A-Z0-9_.'\-+]+_", text) and "[" not in text:
                header = text
            continue
        body, comment = _split_comment(line)
        if stripped.startswith("+"):
            if current is None:
                continue
            rest = _take_codes(body.strip()[1:], current).strip()
            rest = re.split(r"\t|\s{2,}", rest)[0].strip().replace(" ", "_").upper()
            if rest:
                current.aliases.append(rest)
            continue
        if stripped.startswith("["):
            if current is not None:
                _take_codes(body, current)
                if comment and not current.comment:
                    current.comment = comment
            continue
        new = Entry(name="", comment=comment, header=header)
        rest = _take_codes(body, new).strip()
        # the name ends at a tab or a run of spaces; later columns are upstream notes
        rest = re.split(r"\t|\s{2,}", rest)[0].strip().replace(" ", "_")
        if not rest:
            continue
        follows, gap = not gap, False
        if follows and current is not None and not current.spans and not new.spans:
            # consecutive code-less names share the codes below them (IVO_JOSIPOVIC_ /
            # PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV ...])
            current.aliases.append(rest)
            continue
        new.name = rest
        current = new
        entries.append(current)
    return entries


def country_of(code: str, states: set[str]) -> str:
    return code[:3] if code[:3] in states else ""


def sector_of(code: str, skip: int = 3) -> str:
    """First agent code after the first `skip` letters that maps to a PLOVER sector."""
    agents = code[skip:]
    for i in range(0, len(agents) - 2, 3):
        sector = SECTORS.get(agents[i:i + 3])
        if sector:
            return sector
    return ""


def state_codes(entries: list[Entry]) -> set[str]:
    """The countries: entries whose only code is a bare three-letter one ('AFGHANISTAN_ [AFG]')."""
    return {s.code for e in entries for s in e.spans if len(s.code) == 3 and s.code.isalpha()}


def is_person(entry: Entry) -> bool:
    """CountryInfo people, or an entry with a dated role, whose name has no institution word."""
    words = set(entry.name.strip("_").split("_"))
    if words & NOT_PERSON or len(entry.name.strip("_")) == 0:
        return False
    if any(len(s.code) == 3 for s in entry.spans):
        return False  # a state ('IRAQ_ [IRQ 030320-...]'), not a person
    if "CountryInfo" in entry.comment:
        return True  # 'WILLIAMS_OF_MOSTYN_' is a peer, not an institution
    if words & {"OF", "FOR"}:
        return False  # hand-added entries: 'SOVIET_OF_NATIONALITIES', 'SYRIAN_OBSERVATORY_FOR_...'
    return any(s.start or s.end for s in entry.spans)


def title_role(entry: Entry) -> str:
    """'President' when an alias is 'PRESIDENT_<surname>' (the only role the aliases show)."""
    roles = set()
    for alias in entry.aliases:
        a = alias.strip("_").upper()
        for words in (a, re.sub(r"^(US|U\.S\.|AMERICAN|UNITED_STATES)_", "", a)):
            for prefix, role in TITLES:
                if words.startswith(prefix + "_"):
                    roles.add(role)
                    break
    return roles.pop() if len(roles) == 1 else ""


def header_role(header: str) -> str:
    """'U.S. Secretaries of State' -> 'Secretary of State'; '' when the header names no office."""
    m = re.search(r"(Vice Presidents?|Presidents?|Prime Ministers?|Chancellors?|Monarch\[?s\]?|"
                  r"Secretar(?:y|ies) of [A-Z][a-z]+(?: [A-Z][a-z]+)?|Attorneys? General|"
                  r"Ambassadors? to the UN|Chiefs? of Staff|National Security Advisors?|"
                  r"Trade Representatives?|Directors? of Central\(?National\)? Intelligence)",
                  header, re.IGNORECASE)
    if not m:
        return ""
    role = m.group(1).replace("[s]", "").replace("[", "").replace("]", "")
    role = re.sub(r"ies\b", "y", role)
    role = re.sub(r"\b(President|Minister|Chancellor|Monarch|Attorney|Ambassador|Chief|Advisor|"
                  r"Representative|Director)s\b", r"\1", role, flags=re.IGNORECASE)
    return " ".join(w if w in {"of", "to", "the"} else w[:1].upper() + w[1:] for w in role.split())


def clean_alias(alias: str) -> str:
    words = [w for w in alias.strip("_").split("_") if w]
    while words and words[0].upper() in HONORIFICS:
        words = words[1:]
    for prefix, _ in TITLES:  # 'PRESIDENT_BARACK_OBAMA' is kept as a name only without the title
        p = prefix.split("_")
        if words[:len(p)] == p and len(words) > len(p):
            return ""
    if not words or set(words) & NOT_PERSON:
        return ""
    return proper_case("_".join(words))


# ----------------------------------------------------------------------------- tables

#: Phoenix state codes that are not bilat's ISO 3166-1 alpha-3 ones: renamed, or states that no longer
#: exist (their places are filed under them, not under today's state)
PLACE_CODES = {"KSV": "XKX", "TMP": "TLS"}
OBSOLETE_STATES = {"CSK", "DDR", "KNT", "SCG", "SUN", "YUG"}
#: endings of a people's name ('Albanian', 'Angolans', 'Congolese'), not the state's
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is")


def place_rows(entries: list[Entry], states: set[str]) -> tuple[list[tuple], dict]:
    """Place names the country dictionary files under one state: the state's own names and their
    misspellings, cities, provinces, regions, rivers and old names ('CALGARY_' and 'ALBERTA_' under
    CANADA_, 'AFGANISTAN_'). A form filed under two states, or with brackets or commas, is left out."""
    found: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    skipped = 0
    for e in entries:
        codes = {s.code for s in e.spans if s.code in states}
        if len(codes) != 1 or is_person(e) or codes & OBSOLETE_STATES:
            continue
        code = codes.pop()
        code = PLACE_CODES.get(code, code)
        name = proper_case(e.name).lower()
        stem = name[:4]
        for raw in [e.name] + e.aliases:
            form = proper_case(raw)
            if any(ch in raw for ch in "(),") or letters(form) < MIN_SINGLE or not form[:1].isalpha() \
                    or form.split()[0] in ("The", "Of"):  # 'The United States': the article is no part of a name
                skipped += 1
                continue
            found.setdefault(form, set()).add(code)
            # one word that begins as the state's name does is that name, spelt otherwise ('Afganistan');
            # anything else is a place in it ('Calgary', 'Alberta')
            own = " " not in form and (form[:4].lower() == stem or (
                form[:1].lower() == stem[:1] and difflib.SequenceMatcher(None, form.lower(), name).ratio() >= 0.8))
            # a people's ending on a word longer than the name, or far from it ('Albanian', 'Afghan'),
            # not a name spelt otherwise that ends so ('Afganistan')
            people = form.endswith(DEMONYM_ENDINGS) and not form.endswith(("stan", "jan", "zhan", "chan")) and (
                len(form) > len(name) or difflib.SequenceMatcher(None, form.lower(), name).ratio() < 0.8)
            kinds[form] = "place" if not own else "demonym" if people else "name"
    rows = sorted((form, codes.pop(), kinds[form]) for form, codes in found.items() if len(codes) == 1)
    return rows, {"two_states": sum(len(c) > 1 for c in found.values()), "skipped": skipped}


def people_rows(entries: list[Entry], states: set[str]) -> tuple[list[tuple], dict]:
    rows: set[tuple] = set()
    stats = {"entries": 0, "no_country": 0, "short": 0, "aliases_dropped": 0}
    for e in entries:
        if not is_person(e):
            continue
        stats["entries"] += 1
        name = proper_case(e.name)
        spans = [s for s in e.spans if country_of(s.code, states)]
        if not spans:
            stats["no_country"] += 1
            continue
        if too_short(name):
            stats["short"] += 1
            continue
        role_alias, role_header = title_role(e), header_role(e.header)
        if "CountryInfo" in e.comment and not re.match(r"(U\.S\.|US|United States|White House|"
                                                       r"Vice Presidents of the United States)",
                                                       e.header):
            # outside the curated U.S. lists, CountryInfo's ministers run on below a
            # '# Prime Ministers' heading without a blank line: the heading is not theirs
            role_header = ""
        names = [(name, "")]
        for alias in e.aliases:
            a = clean_alias(alias)
            if not a or too_short(a) or a == name:
                stats["aliases_dropped"] += 1
                continue
            names.append((a, name))
        for span in spans:
            sector = sector_of(span.code)
            # the office the heading or title names is the plain government role (USAGOV), not
            # a portfolio one (USAGOVMIL: Marshall as Secretary of Defense, not of State)
            role = (role_header or role_alias) if span.code[3:] == "GOV" else ""
            for n, of in names:
                rows.add((n, country_of(span.code, states), sector, role, span.start, span.end, of,
                          span.code))
    return sorted(rows, key=lambda r: (r[0].lower(), r)), stats


def igo_code(code: str) -> str:
    for prefix, acronym in IGO_CODES:
        if code.startswith(prefix):
            return f"IGO:{acronym}"
    return ""


def is_org_name(entry: Entry) -> bool:
    """Organisations, not their officials: one word, an organisation word, or an undated code."""
    words = entry.name.strip("_").split("_")
    if any(s.start or s.end for s in entry.spans) or "IGOrulers" in entry.comment:
        return False
    return len(words) == 1 or bool(set(words) & (NOT_PERSON | ORG_WORDS))


ORG_WORDS = {
    "OF", "FOR", "AND", "ON", "FUND", "PROGRAM", "PROGRAMME", "ASSOCIATION", "FEDERATION",
    "NETWORK", "CENTER", "CENTRE", "INTERNATIONAL", "WATCH", "CORPORATION", "CORP", "INC",
    "INC.", "LTD", "LTD.", "COMPANY", "CO", "CO.", "GROUP", "HOLDINGS", "AIRLINES", "SYSTEMS",
    "ENERGY", "OIL", "MOTORS", "TECHNOLOGIES", "INDUSTRIES", "PLC", "AG", "SA", "S.A.", "NV",
    "LEAGUE", "ALLIANCE", "SOCIETY", "CROSS", "CRESCENT", "COMMUNITY", "ORGANISATION",
    "PARTNERSHIP", "TRIBUNAL", "PANEL", "TREATY", "FORUM", "CONFERENCE", "BOARD", "TRUST",
}


def without_the(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'The United Nations' also as 'United Nations' (an alias of the entry)."""
    out = list(names)
    main = names[0][0]
    for n, of in names:
        if n.startswith("The ") and len(n) > 4:
            out.append((n[4:], of or main))
    return [(n, of if n != main else "") for n, of in out]


def igo_rows(entries: list[Entry]) -> tuple[list[tuple], dict]:
    rows: set[tuple] = set()
    stats = {"entries": 0, "people": 0, "other_code": 0}
    for e in entries:
        codes = [s.code for s in e.spans if s.code[:3] in IGO_KINDS]
        if not codes:
            stats["other_code"] += 1
            continue
        if not is_org_name(e):
            stats["people"] += 1
            continue
        stats["entries"] += 1
        code = codes[0]
        name = proper_case(e.name) if len(e.name.strip("_").split("_")) > 1 else e.name.strip("_")
        names = [(name, "")]
        for alias in e.aliases:
            a = alias.strip("_")
            a = proper_case(a) if "_" in a else a
            if a and a != name:
                names.append((a, name))
        for n, of in without_the(names):
            if too_short(n) and not n.isupper():
                continue
            rows.add((n, igo_code(code), IGO_KINDS[code[:3]], code, of))
    return sorted(rows, key=lambda r: (r[0].lower(), r)), stats


def group_rows(entries: list[Entry], states: set[str]) -> tuple[list[tuple], dict]:
    rows: set[tuple] = set()
    stats = {"entries": 0, "dated": 0}
    for e in entries:
        if not e.spans:
            continue
        if any(s.start or s.end for s in e.spans):
            stats["dated"] += 1  # people (leaders of groups), not groups
            continue
        stats["entries"] += 1
        code = e.spans[0].code
        name = proper_case(re.sub(r"_\([A-Z0-9.\-]+\)_?$", "", e.name))
        names = [(name, "")]
        acro = re.search(r"\(([A-Z0-9.\-]+)\)_?$", e.name)
        if acro and len(acro.group(1)) >= 2:
            names.append((acro.group(1), name))
        for alias in e.aliases:
            if "+" in alias:
                continue
            a = re.sub(r"_\([A-Z0-9.\-]+\)_?$", "", alias.strip("_"))
            a = proper_case(a)
            if a and a != name:
                names.append((a, name))
        for n, of in without_the(names):
            if too_short(n) and not n.isupper():
                continue
            rows.add((n, country_of(code, states), code, of))
    return sorted(rows, key=lambda r: (r[0].lower(), r)), stats


def parse_agents(lines) -> list[tuple[str, str]]:
    """'FARMER [~AGR]', 'CATTLE!PERSON! [~AGR]' (macros expanded) -> [(phrase, code)]."""
    macros: dict[str, list[str]] = {}
    out = []
    for raw in lines:
        body, _ = _split_comment(raw)
        body = body.strip()
        if not body:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", body)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^([^\[]+?)\s*\[([^\]]*)\]", body)
        if not m:
            continue
        phrase, code = m.group(1).strip(), m.group(2).strip()
        forms = [phrase]
        for macro, words in macros.items():
            if macro in phrase:
                forms = [f.replace(macro, w) for f in forms for w in words]
        out.extend((f, code) for f in forms)
    return out


def agent_rows(pairs: list[tuple[str, str]]) -> tuple[list[tuple], dict]:
    rows: dict[str, set] = {}
    stats = {"phrases": len(pairs), "no_sector": 0}
    for phrase, code in pairs:
        if not code.startswith("~"):
            stats["no_sector"] += 1
            continue
        sector = sector_of(code, skip=1)
        if not sector:
            stats["no_sector"] += 1
            continue
        noun = " ".join(re.sub(r"\{[^}]*\}", " ", phrase).replace("_", " ").lower().split())
        if not noun:
            continue
        rows.setdefault(noun, set()).add((sector, code))
    best: dict[str, tuple[str, str]] = {}
    for noun, vals in rows.items():
        # a noun listed under several codes keeps the most specific ('~GOVENV' over '~ENV' for
        # "minister of environment"); codes as long as each other all stay, '|'-joined
        longest = max(len(v[1]) for v in vals)
        keep = {v for v in vals if len(v[1]) == longest}
        best[noun] = ("|".join(sorted({v[0] for v in keep})), "|".join(sorted({v[1] for v in keep})))
    out = []
    for noun, (sector, code) in best.items():
        if any(best.get(single, ("",))[0] == sector for single in singulars(noun)):
            stats["plurals"] = stats.get("plurals", 0) + 1
            continue  # 'ministers of environment' when 'minister of environment' is there
        out.append((noun, sector, code))
    return sorted(out), stats


PLURALS = {"men": "man", "women": "woman", "people": "person", "ministers": "minister",
           "ministries": "ministry"}


def _singular(w: str) -> str:
    if w in PLURALS:
        return PLURALS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def singulars(phrase: str) -> set[str]:
    """Plain English singulars of the phrase: one word at a time, then all of them."""
    words = phrase.split()
    out = {" ".join(words[:i] + [_singular(w)] + words[i + 1:]) for i, w in enumerate(words)}
    out.add(" ".join(_singular(w) for w in words))
    out.discard(phrase)
    return out


def parse_cameo2plover(lines) -> dict[str, tuple[str, str]]:
    """'041: CONSULT, phone, # Discuss by telephone' -> {'041': ('CONSULT', 'phone')}; first row wins."""
    table: dict[str, tuple[str, str]] = {}
    for raw in lines:
        body, _ = _split_comment(raw)
        m = re.match(r"^\s*(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,]*))?", body)
        if m and m.group(1) not in table:
            table[m.group(1)] = (m.group(2), (m.group(3) or "").strip())
    return table


def plover_of(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """Exact CAMEO code, else its parent ('0234' -> '023' -> '02'); None when none maps."""
    c = code
    while len(c) >= 2:
        if c in table:
            return table[c]
        c = c[:-1]
    return None


@dataclass
class Pattern:
    synset: str
    verb: str
    before: str
    words: str
    particle: str
    code: str


PARTICLES = {"UP", "OUT", "OFF", "DOWN", "BACK", "AWAY", "FORWARD", "IN", "ON", "OVER",
             "AROUND", "ASIDE", "THROUGH", "TO", "FOR", "WITH", "AGAINST", "FROM", "INTO", "AT",
             "ABOUT", "OF", "BY", "BEHIND", "BEFORE", "UNDER", "ALONG", "UPON", "ACROSS"}


def _pattern_words(text: str) -> tuple[list[str], list[str], str]:
    """'&MILITARY * OFF (TO BORDER) {ARMS SHIPMENT}' -> subject, words, particle."""
    before, star, after = text.partition("*")
    if not star:
        before, after = "", text

    def words(s: str) -> list[str]:
        s = re.sub(r"[(){}$^%+|]", " ", s)
        return [w.lower() for w in s.split() if w not in {"-", ":"}]

    post = words(after)
    particle = ""
    first = after.strip()
    if post and (first.startswith("(") or post[0].upper() in PARTICLES) and post[0].upper() in PARTICLES:
        particle = post[0]
    return words(before), post, particle


def parse_verbs(lines) -> list[Pattern]:
    """Read CAMEO.2.0.txt's verb section: synset blocks, their verbs, and '- ... [CODE] # VERB'."""
    out: list[Pattern] = []
    synset, block_code, verbs, in_verbs = "", "", [], False
    for raw in lines:
        line = raw.rstrip("\n")
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if not in_verbs or not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^---\s+(.+?)\s+\[([^\]]*)\]\s+---", line)
        if m:
            synset, verbs = m.group(1).strip(), []
            parts = [re.sub(r"\D", "", p) for p in m.group(2).split(":")]
            block_code = next((p for p in parts if p), "")  # '---  MEET_PEOPLE   [040]  ---'
            continue
        body, comment = _split_comment(line)
        codes = CODE_RE.findall(body)
        code = ""
        if codes:  # '[042:043]' -> '042', '[:173]' -> '173', '[080!]' -> '080'
            code = next((p for p in codes[-1].split(":") if p.strip() and p.strip() != "---"), "")
            code = re.sub(r"\D", "", code)
        if body.lstrip().startswith("-"):
            text = CODE_RE.sub(" ", body).strip()[1:]
            said = comment.split()[0].upper() if comment else ""
            verb = said if said in verbs else (verbs[0] if verbs else synset.split("_")[0])
            subj, words, particle = _pattern_words(text)
            out.append(Pattern(synset, verb.lower(), " ".join(subj), " ".join(words), particle,
                               code.strip()))
            continue
        # a verb line: 'HURRY {HURRIES ...}', '+ASK_FOR {...} [020]'
        head = re.sub(r"\{[^}]*\}", " ", CODE_RE.sub(" ", body)).strip()
        if not head:
            continue
        word = head.split()[0]
        multi = word.startswith("+")
        parts = [p for p in word.lstrip("+").split("_") if p]
        if not parts:
            continue
        verb = parts[0]
        if not multi:
            verbs.append(verb)
        code = code or block_code  # a verb without its own code takes its block's
        if code:
            rest = [p.lower() for p in parts[1:]]
            particle = rest[0] if rest and rest[0].upper() in PARTICLES else ""
            out.append(Pattern(synset, verb.lower(), "", " ".join(rest), particle, code.strip()))
    return out


def verb_rows(patterns: list[Pattern], table) -> tuple[list[tuple], dict]:
    """One row per distinct pattern and code; '|' joins the synsets that list it."""
    rows: dict[tuple, set[str]] = {}
    stats = {"patterns": len(patterns), "no_code": 0, "no_plover": 0}
    for p in patterns:
        if not p.code or not p.code.isdigit():
            stats["no_code"] += 1
            continue
        mapped = plover_of(p.code, table)
        if mapped is None:
            stats["no_plover"] += 1
            continue
        key = (p.verb, p.particle, p.words, p.before, p.code, mapped[0], mapped[1])
        rows.setdefault(key, set()).add(p.synset)
    return sorted(k + ("|".join(sorted(v)),) for k, v in rows.items()), stats


# ----------------------------------------------------------------------------- output

def write_table(path: Path, header: str, columns: list[str], rows: list[tuple]) -> int:
    text = header.rstrip("\n") + "\n# Columns: " + ", ".join(columns) + "\n"
    text += "\t".join(columns) + "\n"
    text += "".join("\t".join(str(v) for v in r) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8", newline="\n")
    return len(text.encode("utf-8"))


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def build(shared: Path, out: Path) -> dict[str, dict]:
    phx = shared / "external" / "phoenix"
    countries = parse_actors(read_lines(phx / "Phoenix.Countries.actors.txt"))
    states = state_codes(countries)
    report: dict[str, dict] = {}
    gen = f"# Generated by: {COMMAND} (do not edit by hand; rerun the tool).\n"

    rows, st = people_rows(countries, states)
    size = write_table(out / "phoenix_people.tsv", (
        "# bilat: named people of states from the Phoenix country actor dictionary, one row per\n"
        "# (name, role span). Aliases are rows of their own whose alias_of names the main entry.\n"
        + PHOENIX_PROVENANCE.format(file="Phoenix.Countries.actors.txt") + gen +
        "# Filtered: entries that are not people (countries, institutions, role titles: names with\n"
        "#   words such as ADMINISTRATION, ARMY, PRESIDENT; entries neither from CountryInfo nor dated);\n"
        "#   roles without an ISO3 country (IGO, '---' codes), and people left with none;\n"
        f"#   single-token names and aliases under {MIN_SINGLE} letters (too ambiguous); aliases that are\n"
        "#   a title plus the name ('President Barack Obama') or an institution ('Obama administration').\n"
        "# Names are proper-cased guesses from upper case ('Ban Ki-Moon'): match case-insensitively.\n"
        "# sector: the first CAMEO agent code of the role mapped to a PLOVER sector (EVENTS.md §4;\n"
        "#   CAMEO MED media -> JRN, HLH health -> MED, civil-society codes -> CVL, religions -> REL).\n"
        "# role: for GOV roles only, from the section heading above the entry ('U.S. Secretaries of\n"
        "#   State') or a title alias ('PRESIDENT_OBAMA_'); blank when neither says.\n"
        "# start/end: ISO dates, YYMMDD read as 20YY when YY <= 30; blank when open or malformed.\n"
        "#   CountryInfo people stop at January 2014 (CountryInfo.140130); some 80 hand-added entries\n"
        "#   (Modi, Rouhani, Tsipras) are later. phoenix_code: the Phoenix actor code."
    ), ["name", "country", "sector", "role", "start", "end", "alias_of", "phoenix_code"], rows)
    report["phoenix_people.tsv"] = {"rows": len(rows), "bytes": size, **st}

    rows, st = place_rows(countries, states)
    size = write_table(out / "phoenix_places.tsv", (
        "# bilat: place names -> the state they are in, from the Phoenix country actor dictionary: each\n"
        "# state's entry with its aliases (other names, misspellings, cities, provinces, regions, rivers).\n"
        + PHOENIX_PROVENANCE.format(file="Phoenix.Countries.actors.txt") + gen +
        "# Filtered: people and institutions; states that no longer exist (CSK, DDR, SCG, SUN, YUG, KNT);\n"
        "#   forms filed under two states; forms with brackets or commas, led by 'The',\n"
        f"#   or under {MIN_SINGLE} letters. Forms are proper-cased guesses from upper case.\n"
        "# country: ISO 3166-1 alpha-3 as bilat writes it (Phoenix KSV is XKX, the user-assigned code the EU and IMF use for Kosovo; TMP is TLS).\n"
        "# kind: 'name' for one word that begins as the state's own name does or is spelt within a fifth\n"
        "#   of it (difflib ratio >= 0.8: the name spelt otherwise,\n"
        "#   'Afganistan'), 'demonym' for such a word with a people's ending ('Argentinan'), 'place' else.\n"
        "# bilat reads them after its own gazetteer (data/countries.tsv), which wins where both name a form."
    ), ["name", "country", "kind"], rows)
    report["phoenix_places.tsv"] = {"rows": len(rows), "bytes": size, **st}

    intl = parse_actors(read_lines(phx / "Phoenix.International.actors.txt"))
    rows, st = igo_rows(intl)
    size = write_table(out / "phoenix_igos.tsv", (
        "# bilat: international organisations, NGOs and multinational businesses from the Phoenix\n"
        "# international actor dictionary, with aliases (alias_of names the main entry).\n"
        + PHOENIX_PROVENANCE.format(file="Phoenix.International.actors.txt") + gen +
        "# Filtered: officials (dated codes, IGOrulers entries, names with no organisation word);\n"
        "#   entries whose code is not IGO/NGO/MNC; single-token lower-case names under 4 letters.\n"
        "# code: IGO:<ACRONYM> in the style of igos.tsv (UN agencies count as UN) where the Phoenix\n"
        "#   code names a recognisable IGO, else blank. kind: igo, ngo or business (Phoenix MNC)."
    ), ["name", "code", "kind", "phoenix_code", "alias_of"], rows)
    report["phoenix_igos.tsv"] = {"rows": len(rows), "bytes": size, **st}

    mil = parse_actors(read_lines(phx / "Phoenix.MilNonState.actors.txt"))
    rows, st = group_rows(mil, states)
    size = write_table(out / "phoenix_groups.tsv", (
        "# bilat: armed non-state groups from the Phoenix MilNonState dictionary, with aliases and\n"
        "# trailing acronyms ('(AAIA)') as rows of their own (alias_of names the main entry).\n"
        + PHOENIX_PROVENANCE.format(file="Phoenix.MilNonState.actors.txt") + gen +
        "# Filtered: entries with dated codes (people); malformed aliases joined with '+'.\n"
        "# country: ISO3 when the code starts with a country of Phoenix.Countries.actors.txt, blank for\n"
        "#   transnational and regional codes (IMG..., INT, MEA, SAS, KKL ...). code: the Phoenix code."
    ), ["name", "country", "code", "alias_of"], rows)
    report["phoenix_groups.tsv"] = {"rows": len(rows), "bytes": size, **st}

    rows, st = agent_rows(parse_agents(read_lines(phx / "Phoenix.agents.txt")))
    size = write_table(out / "phoenix_agents.tsv", (
        "# bilat: agent nouns -> PLOVER sector, from the Phoenix agents dictionary (compare sectors.tsv).\n"
        + PHOENIX_PROVENANCE.format(file="Phoenix.agents.txt") + gen +
        "# Nouns and phrases lower case as written upstream (singular; PETRARCH adds plurals itself), with\n"
        "#   !PERSON!-style macros expanded. Filtered: codes with no PLOVER sector (e.g. ~CRM, ~RAD);\n"
        "#   plural forms whose singular is listed with the same sector ('ministers of ...').\n"
        "# sector: as for phoenix_people.tsv. A noun listed under several codes keeps the longest (most\n"
        "#   specific) code; codes of equal length are all kept, '|'-joined ('muslim militant' REB|REL).\n"
        "#   agents.txt has no actor kind (person, group, organisation) for sectors.tsv's 'kind'."
    ), ["noun", "sector", "phoenix_code"], rows)
    report["phoenix_agents.tsv"] = {"rows": len(rows), "bytes": size, **st}

    table = parse_cameo2plover(read_lines(shared / "external" / "plover" / "CAMEO2PLOVER-2021.txt"))
    rows, st = verb_rows(parse_verbs(read_lines(phx / "CAMEO.2.0.txt")), table)
    size = write_table(out / "phoenix_verbs.tsv", (
        "# bilat: verb patterns of the Phoenix CAMEO verb dictionary with PLOVER types (compare triggers.tsv).\n"
        + PHOENIX_PROVENANCE.format(file="CAMEO.2.0.txt") + PLOVER_PROVENANCE + gen +
        "# verb: the pattern's verb (its '# VERB' comment when that verb is in the block, else the block's\n"
        "#   first verb), upper case upstream, written lower case; multi-word verbs ('+ASK_FOR') give\n"
        "#   verb + words. PETRARCH applies a block's patterns to every verb of the block: the rows with\n"
        "#   no words list each verb of a block with its own code or the block's ('MEET_PEOPLE [040]').\n"
        "# words: the words after the verb in order, lower case, brackets dropped; '&name' is an upstream\n"
        "#   synonym set (&food, &weapon). particle: the first of them when it is a particle/preposition.\n"
        "# synset: the upstream verb block(s) listing the pattern, '|'-joined.\n"
        "# before: words required before the verb (subject nouns, adverbs); cameo: the pattern's code\n"
        "#   (the first of 'a:b' pairs, digits only).\n"
        "# type, mode: CAMEO2PLOVER's row for the code, or its parent code's; filtered: patterns with no\n"
        "#   code ('[---]'), and codes that map to no PLOVER type (CAMEO 01 statements, 02 appeals)."
    ), ["verb", "particle", "words", "before", "cameo", "type", "mode", "synset"], rows)
    report["phoenix_verbs.tsv"] = {"rows": len(rows), "bytes": size, **st}
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Example: python3 tools/build_phoenix_tables.py --shared ../shared")
    ap.add_argument("--shared", default=os.environ.get("BILAT_SHARED", str(ROOT.parent / "shared")),
                    help="the shared folder holding external/phoenix and external/plover "
                         "(default $BILAT_SHARED or ../shared beside the repository)")
    ap.add_argument("--out", default=str(OUT_DEFAULT), help="where to write the tables (default src/bilat/data)")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "external" / "phoenix").is_dir():
        print(f"{shared}/external/phoenix not found; pass --shared PATH", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    report = build(shared, out)
    total = 0
    for name, st in report.items():
        total += st["bytes"]
        extra = ", ".join(f"{k} {v}" for k, v in st.items() if k not in {"rows", "bytes"})
        print(f"{name:20} {st['rows']:7,} rows {st['bytes'] / 1024:8.1f} KiB  ({extra})")
    print(f"{'total':20} {'':7} {'':5}{total / 1024:8.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
