"""What one sentence tells the next: which earlier act a later noun names."""
from __future__ import annotations

import pytest

from bilat.extractor.memory import names_act


@pytest.mark.parametrize("noun, word", [
    ("test", "test"),  # "conducted a test ... opposed the test"
    ("application", "apply"),  # "applied to join ... welcomed the application"
    ("seizure", "seize"),  # the deverbal table
    ("withdrawal", "withdraw"),
])
def test_a_noun_names_the_act_its_verb_told(noun, word):
    assert names_act(noun, word)


@pytest.mark.parametrize("noun, word", [
    ("statement", "strike"),
    ("test", "testify"),  # a shared beginning is not enough when the verb goes on
    ("visit", "vote"),
])
def test_a_noun_does_not_name_an_unrelated_act(noun, word):
    assert not names_act(noun, word)
