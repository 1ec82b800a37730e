"""pipeline: articles in, one typed result per article out, in input order; a bad
article never stops the batch (STYLE #6); one or several processes give the same output."""
from __future__ import annotations

import json

import pytest

import bilat
from bilat import pipeline
from bilat.errors import ExtractionError, InputError
from bilat.model import Article, ArticleResult
from bilat.settings import Settings

pytestmark = pytest.mark.model

TEXTS = [
    "Kenya criticised Uganda on Thursday.",
    "Vietnam and the Philippines held talks on Monday. The two countries pledged to deepen maritime cooperation.",
    "Shares in Tokyo rose 2 percent on Thursday.",
    "The European Union imposed new sanctions on Iran on Monday.",
    "Egypt rejected Ethiopia's proposal for new talks on the dam.",
    "Chinese Foreign Minister Wang Yi called on Japan on Thursday to respect the One China principle.",
    "Russian troops shelled the Ukrainian city of Kharkiv on Sunday.",
]


def _articles(n=len(TEXTS), published="2023-02-03"):
    return [Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)], published=published, origin=f"test line {i + 1}")
            for i in range(n)]


def _dump(results):
    return json.dumps([[e.as_dict() for e in r.events] if r.ok else r.failure.as_dict() for r in results])


def test_one_result_per_article_in_input_order(nlp):
    arts = _articles(17)
    results = list(pipeline.process(arts, Settings(batch_size=4)))
    assert [r.article.id for r in results] == [a.id for a in arts]
    assert all(isinstance(r, ArticleResult) and r.ok for r in results)
    for r in results:
        assert all(e.article_id == r.article.id for e in r.events)


def test_a_parse_batch_holds_at_most_batch_chars(nlp, monkeypatch):
    """Long articles go to spaCy a few at a time: a batch's parse memory grows with its characters,
    and two Dask workers at a batch's peak together set a batch run's peak (issue 12)."""
    seen = []
    parse = pipeline._parse

    def recording(texts, nlp_, batch_size):
        seen.append((max(map(len, texts)), batch_size))
        return parse(texts, nlp_, batch_size)
    monkeypatch.setattr(pipeline, "_parse", recording)
    text = " ".join([TEXTS[5]] * 26)  # ~2,500 characters, as a long news article
    arts = [Article(id=f"long{i}", text=text, published="2023-02-03") for i in range(12)]
    results = list(pipeline.process(arts, Settings(batch_size=32)))
    assert len(results) == 12 and all(r.ok and r.events for r in results)
    (longest, batch_size), = seen
    assert 2_400 < longest < 2_600 and batch_size == pipeline.BATCH_CHARS // longest == 3
    assert pipeline.BATCH_CHARS <= 10_000


def test_events_found(nlp):
    results = list(pipeline.process(_articles()))
    assert [len(r.events) for r in results] == [1, 2, 0, 1, 1, 1, 1]


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_batch_size_does_not_change_output(nlp, batch_size):
    base = _dump(pipeline.process(_articles(9), Settings(batch_size=32)))
    assert _dump(pipeline.process(_articles(9), Settings(batch_size=batch_size))) == base


def test_two_workers_give_the_same_output_as_one(nlp):
    arts = _articles(12)
    one = _dump(pipeline.process(arts, Settings(batch_size=2), workers=1))
    two = _dump(pipeline.process(arts, Settings(batch_size=2), workers=2))
    assert two == one


def test_empty_article_is_a_typed_failure_and_the_batch_goes_on(nlp):
    arts = _articles(3)
    arts.insert(1, Article(id="empty", text="  \n\t ", origin="x.jsonl line 2"))
    results = list(pipeline.process(arts))
    assert [r.ok for r in results] == [True, False, True, True]
    failure = results[1].failure
    assert failure.code == "B101" and failure.origin == "x.jsonl line 2"
    assert failure.message.startswith("[B101] x.jsonl line 2")
    assert results[0].events and results[2].events


def test_crash_inside_one_article_is_b301_and_the_batch_goes_on(nlp, monkeypatch):
    real = pipeline.read_document

    def flaky(doc, index, published, *args):
        if "Uganda" in doc.text:
            raise RuntimeError("boom")
        return real(doc, index, published, *args)

    monkeypatch.setattr(pipeline, "read_document", flaky)
    results = list(pipeline.process(_articles(3)))
    assert [r.ok for r in results] == [False, True, True]
    assert results[0].failure.code == "B301"
    assert "a0" in results[0].failure.message or "test line 1" in results[0].failure.message
    assert "RuntimeError: boom" in results[0].failure.message


def test_progress_called_once_per_article(nlp):
    seen = []
    arts = _articles(5) + [Article(id="empty", text=" ")]
    list(pipeline.process(arts, progress=seen.append))
    assert [r.article.id for r in seen] == [a.id for a in arts]


def test_process_is_lazy(nlp):
    def endless():
        i = 0
        while True:
            yield Article(id=f"x{i}", text=TEXTS[0], published="2023-02-03")
            i += 1

    it = pipeline.process(endless(), Settings(batch_size=2))
    assert [next(it).article.id for _ in range(3)] == ["x0", "x1", "x2"]


def test_include_background_setting(nlp):
    # spec §4: background events mentioned in passing are events too; a setting leaves them out
    text = "Kenya criticised Uganda on Thursday. Kenya had previously met Uganda in 2019."
    everything = bilat.extract(text, "2023-02-03")
    main_only = bilat.extract(text, "2023-02-03", settings=Settings(include_background=False))
    assert [(e["type"], e["date"], e["salience"]) for e in everything] == [
        ("ACCUSE", "2023-02-02", "main"), ("CONSULT", "2019", "background")]
    assert [e["type"] for e in main_only] == ["ACCUSE"]


def test_extract_raises_typed_error_for_empty_text(nlp):
    with pytest.raises(InputError) as info:
        bilat.extract("   ")
    assert info.value.code == "B101"


def test_extract_raises_b301_when_the_pipeline_crashes(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "read_document", lambda *a: 1 / 0)
    with pytest.raises(ExtractionError) as info:
        bilat.extract("Kenya criticised Uganda.")
    assert info.value.code == "B301"


def test_evidence_maps_through_cleaning(nlp):
    # boilerplate lines are dropped before parsing; offsets still index the text as given
    text = ("Advertisement\n\nNAIROBI (AP) — Kenya criticised Uganda on Thursday.\n\n"
            "Sign up for our newsletter\n\nRead more\n\nUganda rejected Kenya's proposal.")
    (r,) = pipeline.process([Article(id="m", text=text, published="2023-02-03")])
    assert r.events
    for ev in r.events:
        for e in ev.evidence:
            assert text[e.start:e.end] == e.sentence


ROUNDUP = ("WORLD BRIEFING\n"
           "CAIRO: Egypt's foreign ministry on Monday condemned the raid on the Gaza border.\n"
           "LA PAZ: Bolivia summoned Argentina's ambassador on Monday.\n"
           "BERLIN: The ministry said on Monday it had sent ten tonnes of medicine to Ukraine.\n")


def test_a_roundups_items_are_read_apart():
    parts = pipeline.article_parts(ROUNDUP, pipeline.clean(ROUNDUP), 100_000)
    assert [p.text.split(" ")[0] for p in parts][-3:] == ["Egypt's", "Bolivia", "The"]
    # "the ministry" of the Berlin item is no Egyptian ministry named in the item before it
    events = bilat.extract(ROUNDUP, "2024-03-05")
    assert not any(a["country"] == "EGY" for e in events if e["type"] == "AID" for a in e["source"])
    assert ("ACCUSE", "BOL", "ARG") in {(e["type"], e["source"][0]["country"], e["target"][0]["country"])
                                        for e in events}
    # the evidence offsets still point into the article as given
    for e in events:
        ev = e["evidence"][0]
        assert ROUNDUP[ev["start"]:ev["end"]] == ev["sentence"]


@pytest.mark.parametrize("text", [
    # a transcript's speakers are no places; one dateline is an ordinary story's
    "MR PRICE: We condemn the attack.\nQUESTION: And Kenya?\nMR PRICE: We urge calm.\nMR PRICE: Thank you.",
    "NAIROBI: Kenya summoned Uganda's envoy on Monday.\nThe envoy was told to leave.\nUganda protested.",
])
def test_transcripts_and_single_datelines_are_read_whole(text):
    assert len(pipeline.article_parts(text, pipeline.clean(text), 100_000)) == 1


def test_a_transcripts_spokesperson_speaks_for_the_government_site_that_published_it():
    text = ("Peter Otieno: Good afternoon.\n"
            "Q: Uganda announced yesterday that it would expel 20 Kenyan traders. What is your response?\n"
            "Peter Otieno: We firmly oppose this discriminatory measure. We urge Uganda to stop its wrongdoing.")
    article = Article(id="t", text=text, published="2024-03-04", url="https://www.mfa.go.ke/press/2024-03-04",
                      title="Foreign Ministry Spokesperson Peter Otieno's Regular Press Conference on March 4, 2024")
    events = next(pipeline.process([article], Settings())).events
    assert ("REQUEST", "KEN", "UGA") in {(e.type, e.source[0].country, e.target[0].country) for e in events}
