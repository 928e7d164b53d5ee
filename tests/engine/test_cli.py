"""`advisor recommend` and `advisor schema`: output shapes, flags, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from advisor.cli import main
from tests.conftest import ROOT
from tests.engine.conftest import FIXTURE

PICK_KEYS = (
    "rank model_id name organization open_weights license capabilities deployment provider quantization gpu gpu_count "
    "params_b memory_gb tokens_per_s context_tokens input_usd_per_1m output_usd_per_1m monthly_cost_usd score "
    "tied_with criteria reasons"
).split()


def run(capsys, *args):
    code = main(["recommend", "--catalog", str(FIXTURE), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_documented_shape(capsys, tmp_path):
    req = tmp_path / "req.json"
    req.write_text(json.dumps({"tasks": ["coding"], "budget_usd_per_month": 100}), encoding="utf-8")
    code, out, _ = run(capsys, "--requirements", str(req), "--format", "json")
    assert code == 0
    data = json.loads(out)
    for key in ("data_as_of", "requirements", "recommendations", "excluded", "near_misses", "warnings"):
        assert key in data
    pick = data["recommendations"][0]
    assert all(k in pick for k in PICK_KEYS), set(PICK_KEYS) - set(pick)
    assert set(pick["criteria"]["quality"]) >= {"value", "normalized", "weight", "contribution"}
    assert all({"model_id", "name", "rule", "reasons"} <= set(e) for e in data["excluded"])
    assert data["requirements"]["budget_usd_per_month"] == 100


def test_flags_override_the_file_and_reach_the_engine(capsys, tmp_path):
    req = tmp_path / "req.json"
    req.write_text(json.dumps({"tasks": ["general"], "region": "us"}), encoding="utf-8")
    args = [
        "--requirements",
        str(req),
        "--task",
        "coding",
        "--region",
        "cn",
        "--gpu",
        "RTX 4090",
        "--gpu-count",
        "2",
    ]
    args += ["--requests-per-day", "3000", "--weight", "cost=0.5", "--top-k", "3", "--format", "json"]
    code, out, _ = run(capsys, *args)
    data = json.loads(out)
    assert code == 0
    r = data["requirements"]
    assert r["tasks"] == ["coding"] and r["region"] == "cn" and r["top_k"] == 3
    assert r["hardware"]["gpu"] == "RTX 4090" and r["hardware"]["gpu_count"] == 2
    assert r["workload"]["requests_per_day"] == 3000 and data["weights"]["cost"] == 0.5
    assert len(data["recommendations"]) == 3


def test_table_is_the_default_format(capsys):
    code, out, _ = run(capsys, "--task", "coding")
    assert code == 0
    assert out.startswith("Data as of 2025-12-11.") and " 1  " in out and "models excluded" in out


def test_no_candidates_exits_0_with_a_warning(capsys):
    code, out, _ = run(capsys, "--budget", "0.5", "--region", "eu", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["recommendations"] == []
    assert any("removed the most" in w for w in data["warnings"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--privacy", "nope"],
            "privacy: Input should be 'any', 'no_training' or 'self_hosted' (got 'nope')",
        ),
        (["--budget", "-5"], "budget_usd_per_month: Input should be greater than or equal to 0"),
        (["--requests-per-day", "lots"], "workload.requests_per_day: Input should be a valid number"),
        (["--task", "poetry"], "tasks.0: Input should be"),
        (["--gpu", "RTX 4090x"], "RTX 4090"),
        (["--weight", "cost=60", "--weight", "quality=40"], "weights: they sum to 100"),
        (["--weight", "cheap"], "--weight: expected CRITERION=NUMBER"),
        (["--requirements", "/no/such/file.json"], "--requirements: file /no/such/file.json not found"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("advisor: error: "), err
    assert message in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"tasks": ["coding"],}', "invalid JSON at line 1 column 22"),
        ('{"tasks": ["coding"], "colour": "red"}', "colour: unknown key (see `advisor schema`"),
        ("[1, 2]", "expected a JSON object of requirements, got list"),
        (
            '{"workload": {"input_tokens": -1}}',
            "workload.input_tokens: Input should be greater than or equal to 0",
        ),
    ],
)
def test_bad_requirements_files_exit_2(capsys, tmp_path, content, message):
    req = tmp_path / "req.json"
    req.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--requirements", str(req))
    assert code == 2 and message in err and err.count("\n") == 1


def test_schema_prints_the_requirements_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["additionalProperties"] is False
    assert {"tasks", "privacy", "workload", "hardware", "weights"} <= set(schema["properties"])


def test_explain_adds_an_explanation_or_says_why_not(capsys):
    code, out, err = run(capsys, "--explain", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert "explanation" in data or "no explanation module" in err
    if "explanation" in data:
        assert data["explanation"]["text"]


def test_the_installed_command_never_shows_a_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", "--catalog", str(FIXTURE), "--min-context", "-1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "min_context_tokens" in proc.stderr


def test_markdown_format_uses_the_export_module(capsys):
    code, out, _ = run(capsys, "--task", "coding", "--open-weights", "--format", "markdown")
    assert code == 0 and out.startswith("# ") and "| 1 |" in out


def test_a_requirements_file_that_is_not_utf8_is_one_error(capsys, tmp_path):
    req = tmp_path / "req.json"
    req.write_bytes(b'{"tasks": ["\xff"]}')
    code, _, err = run(capsys, "--requirements", str(req))
    assert code == 2 and "not UTF-8 text" in err
