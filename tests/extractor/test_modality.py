"""modality() on hand-built parses (STYLE #14): the rules, without the model's parser."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bilat.actors import ActorIndex
from bilat.extractor.modality import modality


VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def _doc(words, heads, deps, pos, tags, lemmas):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc._.places = []
    doc._.stateless = []
    return doc


def _clause(aux: list[tuple[str, str, str]], verb=("impose", "VB")):
    """'Japan <aux...> impose sanctions .' with the auxiliaries given as (word, dep, tag)."""
    words = ["Japan"] + [w for w, _, _ in aux] + [verb[0], "sanctions", "."]
    v = len(aux) + 1
    heads = [v] + [v] * len(aux) + [v, v, v]
    deps = ["nsubj"] + [d for _, d, _ in aux] + ["ROOT", "dobj", "punct"]
    pos = ["PROPN"] + ["PART" if d == "neg" else "AUX" for _, d, _ in aux] + ["VERB", "NOUN", "PUNCT"]
    tags = ["NNP"] + [t for _, _, t in aux] + [verb[1], "NNS", "."]
    lemmas = ["Japan"] + [w.lower() for w, _, _ in aux] + ["impose", "sanction", "."]
    return _doc(words, heads, deps, pos, tags, lemmas), v


@pytest.mark.parametrize("aux, verb, expected", [
    ([], ("imposed", "VBD"), "fact"),
    ([("did", "aux", "VBD"), ("not", "neg", "RB")], ("impose", "VB"), "negated"),
    ([("could", "aux", "MD")], ("impose", "VB"), "hypothetical"),
    ([("will", "aux", "MD")], ("impose", "VB"), "future"),
    ([("would", "aux", "MD")], ("impose", "VB"), "future"),
    ([("should", "aux", "MD")], ("impose", "VB"), "obligation"),
])
def test_auxiliaries_decide_the_modality(aux, verb, expected):
    doc, v = _clause(aux, verb)
    assert modality(doc[v], ActorIndex.build(doc)) == expected


def test_if_clause_is_hypothetical():
    # "If Japan imposes sanctions ..." : the mark 'if' on the trigger's clause
    doc = _doc(["If", "Japan", "imposes", "sanctions", ",", "China", "protests", "."],
               [2, 2, 6, 2, 6, 6, 6, 6],
               ["mark", "nsubj", "advcl", "dobj", "punct", "nsubj", "ROOT", "punct"],
               ["SCONJ", "PROPN", "VERB", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
               ["IN", "NNP", "VBZ", "NNS", ",", "NNP", "VBZ", "."],
               ["if", "Japan", "impose", "sanction", ",", "China", "protest", "."])
    assert modality(doc[2], ActorIndex.build(doc)) == "hypothetical"
    assert modality(doc[6], ActorIndex.build(doc)) == "fact"
