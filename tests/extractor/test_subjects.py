"""subjects.subject_of on hand-built parses (no model)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from bilat.actors import ActorIndex
from bilat.extractor.subjects import subject_of
from bilat.model import Place

VOCAB = spacy.blank("en").vocab


def _doc(rows, places):
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    doc = Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
              lemmas=list(lemmas))
    doc._.places = [Place(i, i + 1, code, "country") for i, code in places]
    doc._.stateless = []
    return doc


def test_clause_subject_and_a_complement_climbs_to_its_governor():
    doc = _doc([("China", 1, "nsubj", "PROPN", "NNP", "China"),
                ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
                ("Japan", 1, "dobj", "PROPN", "NNP", "Japan"),
                ("to", 4, "aux", "PART", "TO", "to"),
                ("keep", 1, "xcomp", "VERB", "VB", "keep"),
                ("promises", 4, "dobj", "NOUN", "NNS", "promise"),
                (".", 1, "punct", "PUNCT", ".", ".")], [(0, "CHN"), (2, "JPN")])
    idx = ActorIndex.build(doc)
    actors, passive, tok = subject_of(doc[1], None, idx)
    assert [a.country for a in actors] == ["CHN"] and not passive and tok.i == 0
    actors, _, tok = subject_of(doc[4], None, idx)  # the xcomp takes its governor's subject
    assert [a.country for a in actors] == ["CHN"] and tok.i == 0


def test_passive_subject_is_marked_passive():
    doc = _doc([("Japan", 2, "nsubjpass", "PROPN", "NNP", "Japan"),
                ("was", 2, "auxpass", "AUX", "VBD", "be"),
                ("sanctioned", 2, "ROOT", "VERB", "VBN", "sanction"),
                (".", 2, "punct", "PUNCT", ".", ".")], [(0, "JPN")])
    actors, passive, tok = subject_of(doc[2], None, ActorIndex.build(doc))
    assert [a.country for a in actors] == ["JPN"] and passive and tok.i == 0
