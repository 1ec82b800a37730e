"""One story-id scheme: bilat.extract and bilat extract give an article the same ids."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import bilat
from bilat.cli import main

pytestmark = pytest.mark.model

TEXT = ("Chile condemned North Korea's missile test on Monday. "
        "Peru's foreign minister met his Bolivian counterpart in Lima on Tuesday.")


def test_api_and_cli_give_the_same_event_and_story_ids(nlp, tmp_path):
    api = bilat.extract(TEXT, "2023-02-08", article_id="a1")
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "2023-02-08"}) + "\n")
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(out), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    cli = [json.loads(line) for line in out.read_text().splitlines()]
    assert api and [(e["event_id"], e["story_id"]) for e in api] == [(e["event_id"], e["story_id"]) for e in cli]
    assert all(e["story_id"].startswith("st-") for e in api)
