"""Evidence highlighting and URL sanitising: pure functions, no server."""
from __future__ import annotations

import pytest

from bilat.web.app import http_url
from bilat.web.evidence import in_paragraph, locate, marked_paragraphs

TEXT = "First paragraph.\nWang Yi called on Japan to respect the principle. He said more.\nLast one."
SENT = "Wang Yi called on Japan to respect the principle."
AT = TEXT.index(SENT)


@pytest.mark.parametrize("start,end,expected", [
    (AT, AT + len(SENT), (AT, AT + len(SENT))),          # offsets match
    (0, 5, (AT, AT + len(SENT))),                        # offsets wrong: found by search
    (None, None, (AT, AT + len(SENT))),                  # no offsets
    (AT, 10_000, (AT, AT + len(SENT))),                  # out of range
])
def test_locate(start, end, expected):
    assert locate(TEXT, SENT, start, end) == expected


def test_in_paragraph_marks_only_the_sentence_in_its_paragraph():
    segs = in_paragraph(TEXT, SENT, AT, AT + len(SENT))
    assert segs == [(SENT, True), (" He said more.", False)]


def test_in_paragraph_sentence_missing_from_text_is_shown_alone():
    assert in_paragraph("other text", "not there", 0, 3) == [("not there", True)]
    assert in_paragraph("other text", None) == []


def test_in_paragraph_trims_long_context():
    text = "x" * 2000 + SENT + "y" * 2000
    segs = in_paragraph(text, SENT, 2000, 2000 + len(SENT), context=50)
    assert segs[0][0] == "…" + "x" * 50 and segs[1] == (SENT, True) and segs[2][0] == "y" * 50 + "…"


def test_marked_paragraphs_merge_overlaps_and_keep_all_text():
    spans = [(AT, AT + 10), (AT + 5, AT + len(SENT)), (0, 5)]
    paras = marked_paragraphs(TEXT, spans)
    assert len(paras) == 3
    assert paras[0] == [("First", True), (" paragraph.", False)]
    assert paras[1][0] == (SENT, True)
    assert "".join(t for p in paras for t, _ in p) == TEXT.replace("\n", "")


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>", None),
    (None, None),
    (42, None),
])
def test_http_url(url, expected):
    assert http_url(url) == expected
