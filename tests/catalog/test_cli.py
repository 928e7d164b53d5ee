"""`advisor models` and `advisor data info|build` through the real dispatcher."""

from __future__ import annotations

import json

import pytest

from advisor.cli import main
from advisor.cli.catalog_cmds import MODEL_FIELDS


def _json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_models_json_has_the_issue_fields(capsys):
    rows = _json(capsys, "models", "--format", "json")
    assert len(rows) >= 250
    assert all(set(MODEL_FIELDS) == set(r) for r in rows)
    opus = next(r for r in rows if r["id"] == "claude-opus-4.6")
    assert opus["input_usd_per_1m"] > 0 and "claude-opus-4-6-thinking" in opus["aliases"]
    assert set(opus["quality"]) >= {"coding", "math", "chinese", "creative_writing"}


def test_open_weights_filter_and_task_sort(capsys):
    rows = _json(capsys, "models", "--open-weights", "--task", "coding", "--format", "json")
    assert rows and all(r["open_weights"] and r["params_b"] for r in rows)
    scores = [r["quality"]["coding"] for r in rows if r["quality"]["coding"] is not None]
    assert scores == sorted(scores, reverse=True)


def test_models_table_is_readable(capsys):
    assert main(["models", "--open-weights"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["id", "organization", "open"]


def test_data_info_json(capsys):
    info = _json(capsys, "data", "info", "--format", "json")
    assert info["catalog"]["models"] >= 250 and info["catalog"]["build_date"] == "2026-11-22"
    assert info["sources"]["lmarena-namra7x"]["as_of"] == "2026-10-08"
    assert all(s["rows_used"] > 0 for s in info["sources"].values())


def test_bad_task_is_a_usage_error_not_a_traceback(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["models", "--task", "poetry"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err
