"""`advisor parse … | advisor recommend --requirements -` and the table header's weights."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from advisor.cli import main
from tests.conftest import ROOT
from tests.engine.conftest import FIXTURE

PARSED = {  # the shape `advisor parse TEXT --format json` prints
    "requirements": {"tasks": ["coding"], "license": "commercial", "top_k": 3},
    "understood": ["license: commercial use", "tasks: + coding"],
    "missing": ["privacy", "workload"],
    "follow_up": "May your data go to a cloud API, or must it stay on your own machines?",
    "lang": "en",
    "ignored": [],
}


def run_stdin(capsys, monkeypatch, payload: str | bytes, *args):
    raw = payload.encode("utf-8") if isinstance(payload, str) else payload
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code = main(["recommend", "--catalog", str(FIXTURE), "--requirements", "-", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "payload",
    [PARSED, PARSED["requirements"]],
    ids=["parser output is unwrapped", "plain requirements"],
)
def test_requirements_from_standard_input(capsys, monkeypatch, payload):
    code, out, _ = run_stdin(capsys, monkeypatch, json.dumps(payload), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["requirements"]["tasks"] == ["coding"] and data["requirements"]["license"] == "commercial"
    assert len(data["recommendations"]) == 3


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (json.dumps({**PARSED, "colour": "red"}), "colour: unknown key"),  # not the parser's shape: no unwrap
        (json.dumps({"requirements": {"tasks": ["coding"]}}) + ",", "standard input: invalid JSON at line 1"),
        ('{"requirements": ["coding"]}', "requirements: unknown key"),
        ("[1]", "standard input: expected a JSON object of requirements, got list"),
        (b'{"tasks": ["\xff"]}', "standard input: not UTF-8 text"),
    ],
)
def test_bad_standard_input_is_one_error(capsys, monkeypatch, payload, message):
    code, out, err = run_stdin(capsys, monkeypatch, payload)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err


def test_parse_pipes_into_recommend():
    """The README's pipe, end to end through two real processes."""
    parse = subprocess.run(
        [sys.executable, "-m", "advisor", "parse", "a coding assistant, commercial use", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", "--catalog", str(FIXTURE), "--requirements", "-"],
        input=parse.stdout,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Data as of 2025-12-11.") and " 1  " in proc.stdout


def test_table_header_lists_only_weighted_criteria(capsys):
    code = main(["recommend", "--catalog", str(FIXTURE), "--task", "coding", "--priority", "enterprise"])
    header = capsys.readouterr().out.splitlines()[0]
    assert code == 0
    assert "support 0." in header and "longevity 0." in header
    assert "lock_in" not in header and "customisation" not in header and "0.00" not in header
