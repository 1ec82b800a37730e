"""What one sentence tells the next: which earlier act a later noun names."""
from __future__ import annotations

import pytest

from bilat.extractor.memory import names_act, publisher_state


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


@pytest.mark.parametrize("url, state", [
    ("https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/t2023.html", "CHN"),
    ("https://mofa.gov.pk/transcript-of-the-press-briefing/", "PAK"),
    ("http://www.mid.ru/en/foreign_policy/news", "RUS"),
    ("https://www.mofa.go.jp/press/kaiken/", "JPN"),
    ("https://www.state.gov/briefings/department-press-briefing/", "USA"),
    ("https://www.gov.uk/government/news/statement", "GBR"),
    ("http://en.kremlin.ru/events/president/news/73000", "RUS"),
    ("https://www.international.gc.ca/world-monde/statement", "CAN"),
    ("https://www.auswaertiges-amt.de/en/newsroom/news", "DEU"),
    # a news site in a country is no government's voice
    ("https://www.bbc.co.uk/news/world", None),
    ("https://www.japangovnews.com/press-release/x", None),
    ("https://example-news.test/briefing", None),
    (None, None),
])
def test_the_government_site_that_published_a_text(url, state):
    assert publisher_state(url) == state
