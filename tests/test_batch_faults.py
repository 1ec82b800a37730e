"""One bad article never stops a batch (STYLE #6), for the faults found by the issue-10 audit:
an article longer than spaCy's ``max_length`` (processed in parts, offsets kept) and a lone
surrogate in a JSON line (refused alone with B114). Each case runs through the pipeline and
through ``bilat extract`` / ``bilat ingest`` with the real model."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bilat.cli import main
from bilat.ingest import read_inputs
from bilat.model import Article, Failure
from bilat.pipeline import process
from bilat.settings import Settings

pytestmark = pytest.mark.model

GOOD = {"id": "good", "published": "2023-09-04",
        "text": "Japan urged China to lift the ban on seafood imports on Monday."}
EVENT = "Chinese Foreign Minister Wang Yi on Thursday urged Japan to stop the release of wastewater."
LAST = "Japan's Prime Minister Fumio Kishida on Friday rejected China's demand to halt the release."
WORDS = ("weather capital mild markets calm week farmers harvest rain river bridge school teachers "
         "museum opened festival music crowds trains delayed snow mountain village bakery prices").split()


def _long_text(n_chars: int) -> str:
    """Distinct filler paragraphs (clean() drops repeats) between two event sentences."""
    import random

    rng = random.Random(7)
    paras = [EVENT]
    while sum(map(len, paras)) < n_chars:
        paras.append("The " + " ".join(rng.choice(WORDS) for _ in range(30)) + ".")
    return "\n".join(paras + [LAST])


@pytest.fixture
def small_max_length(nlp, monkeypatch):
    """spaCy's limit lowered to 3,000 characters, so 'over the limit' is cheap to test."""
    monkeypatch.setattr(nlp, "max_length", 3000)
    return 3000


def test_article_over_spacys_max_length_is_processed_in_parts(small_max_length):
    long = Article(id="long", text=_long_text(10_000), published="2023-09-07", origin="long")
    short = Article(id=GOOD["id"], text=GOOD["text"], published=GOOD["published"], origin="good")
    assert len(long.text) > 3 * small_max_length
    results = list(process([long, short], Settings()))
    assert [r.article.id for r in results] == ["long", "good"]
    assert all(r.failure is None for r in results), [r.failure for r in results]
    long_events = results[0].events
    # both event sentences, the first and the last paragraph, are found; offsets are into the text as given
    starts = sorted(e.evidence[0].start for e in long_events)
    assert starts[0] == 0 and starts[-1] == len(long.text) - len(LAST)
    for e in long_events:
        ev = e.evidence[0]
        assert long.text[ev.start:ev.end] == ev.sentence
    assert len({e.event_id for e in long_events}) == len(long_events)
    assert results[1].events


def test_extract_cli_keeps_the_batch_with_a_long_article(small_max_length, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "long", "text": _long_text(8000)}) + "\n" + json.dumps(GOOD) + "\n")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    ids = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert ids == {"long", "good"}


# --------------------------------------------------------------- lone surrogates

SURROGATE_LINE = '{"id": "sur", "text": "Japan urged China \\ud800 to lift the ban on seafood imports."}\n'


def test_reader_refuses_a_lone_surrogate_alone(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n" + SURROGATE_LINE + '{"id": "t", "title": "\\udfff", "text": "x y"}\n')
    items = list(read_inputs([str(src)], Settings()))
    assert [i.id for i in items if isinstance(i, Article)] == ["good"]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [f.code for f in fails] == ["B114", "B114"]
    assert f"{src} line 2" in fails[0].message and "'text'" in fails[0].message and "U+D800" in fails[0].message
    assert "character 19" in fails[0].message
    assert "'title'" in fails[1].message


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_keeps_the_batch_with_a_lone_surrogate(nlp, tmp_path, command):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n" + SURROGATE_LINE)
    args = ["extract", str(src), "-o", str(tmp_path / "out.jsonl")] if command == "extract" else \
        ["ingest", str(src), "--db", str(tmp_path / "s.db")]
    r = CliRunner().invoke(main, [*args, "-q"], catch_exceptions=False)
    assert r.exit_code == 1, r.output
    assert "[B114]" in r.stderr and "line 2" in r.stderr
    if command == "extract":
        assert {json.loads(x)["article_id"] for x in (tmp_path / "out.jsonl").read_text().splitlines()} == {"good"}
    else:
        import bilat

        with bilat.open_store(str(tmp_path / "s.db")) as store:
            assert store.stats()["articles"] == 1


def test_surrogate_reaching_the_pipeline_is_a_typed_failure(nlp):
    """Python callers can hand the pipeline any str: a surrogate is refused there too, alone."""
    bad = Article(id="bad", text="Japan urged China \ud800 to lift the ban.", origin="bad")
    good = Article(id="good", text=GOOD["text"], origin="good")
    results = list(process([bad, good], Settings()))
    assert results[0].failure is not None and results[0].failure.code == "B114"
    assert results[1].failure is None and results[1].events


# ------------------------------------------------------------ invisible Unicode

PLAIN = ("Chinese Foreign Minister Wang Yi on Thursday urged Japan to stop the release of wastewater.\n"
         "Japan's Prime Minister Fumio Kishida on Friday rejected China's demand to halt the release.")


@pytest.mark.parametrize("variant", [
    PLAIN.replace("Wang Yi", "Wang \u00a0 Yi").replace("Fumio Kishida", "Fumio\u00a0Kishida"),
    PLAIN.replace("Japan", "Ja\u200bpan").replace("China", "Chi\u200dna").replace(" urged", "\u2060 urged"),
    "\ufeff" + PLAIN.replace(" ", "\u200b ").replace("Minister", "Minis\u00adter"),
    PLAIN.replace(" ", "\u2009").replace("\n", "\u2029"),
])
def test_invisible_unicode_changes_no_event(nlp, variant):
    plain = next(process([Article(id="a", text=PLAIN, published="2023-09-08", origin="a")], Settings()))
    odd = next(process([Article(id="a", text=variant, published="2023-09-08", origin="a")], Settings()))
    assert odd.failure is None
    key = lambda e: (e.type, tuple(a.name or a.country for a in e.source), tuple(a.name or a.country for a in e.target))  # noqa: E731
    assert sorted(map(key, odd.events)) == sorted(map(key, plain.events)) and len(plain.events) == 2
    for e in odd.events:
        ev = e.evidence[0]
        assert variant[ev.start:ev.end] == ev.sentence  # offsets into the text as given
        for actor in e.source + e.target:
            assert actor.name is None or actor.name.isprintable() and "  " not in actor.name
