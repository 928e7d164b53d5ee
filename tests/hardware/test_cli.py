"""`advisor gpus` and `advisor fit`: JSON shape, batch order, and errors (exit 2, one line, no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "catalog_small.jsonl"
FIT_KEYS = {"memory_gb", "fits", "tokens_per_s", "quantization", "basis", "weights_gb", "kv_cache_gb",
            "overhead_gb", "available_gb", "offload", "engine", "hardware", "context_tokens", "model"}  # fmt: skip


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_gpus_json(capsys):
    code, out, _ = run(capsys, "gpus", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 40
    assert {"name", "vram_gb", "bandwidth_gbps", "fp16_tflops", "cloud_usd_per_hour", "source"} <= set(
        rows[0]
    )


def test_gpus_table(capsys):
    code, out, _ = run(capsys, "gpus")
    assert code == 0 and "RTX 4090" in out and "H100 SXM" in out


def test_fit_json_shape(capsys):
    code, out, _ = run(capsys, "fit", "--params-b", "8.03", "--layers", "32", "--kv-heads", "8", "--head-dim",
                       "128", "--gpu", "RTX 3060", "--quant", "Q4_K_M", "--context", "8192", "--format", "json")  # fmt: skip
    result = json.loads(out)
    assert code == 0 and FIT_KEYS <= set(result)
    assert result["fits"] and result["quantization"] == "Q4_K_M" and result["kv_cache_gb"] == 1.0


def test_fit_by_catalog_model(capsys, monkeypatch):
    monkeypatch.setenv("ADVISOR_CATALOG", str(FIXTURE))
    code, out, _ = run(capsys, "fit", "--model", "qwen3-30b-a3b", "--gpu", "Apple M4 Max", "--engine", "mlx",
                       "--format", "json")  # fmt: skip
    result = json.loads(out)
    assert code == 0 and result["model"] == "qwen3-30b-a3b" and result["active_params_b"] == 3.3
    assert result["fits"] and result["quantization"] == "BF16"


def test_fit_table_output(capsys):
    code, out, _ = run(capsys, "fit", "--params-b", "70", "--gpu", "RTX 4090", "--ram-gb", "64")
    assert code == 0 and "fits at Q4_K_M" in out and "offload" in out


def test_batch_keeps_order_and_ids(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_CATALOG", str(FIXTURE))
    path = tmp_path / "req.jsonl"
    lines = [
        {"id": "a", "params_b": 8, "gpu": "RTX 3060", "context": 4096},
        {"id": "b", "model": "llama-3.1-70b", "gpu": "2x3090", "quant": "Q4_K_M"},
        {"id": 3, "params_b": 30.5, "active_params_b": 3.3, "gpu": "H100", "engine": "vllm"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "fit", "--batch", str(path), "--format", "json")
    results = json.loads(out)
    assert code == 0 and [r["id"] for r in results] == ["a", "b", 3]
    assert results[1]["hardware"] == "2× RTX 3090" and results[2]["engine"] == "vllm"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: invalid JSON"),
        ('{"params_b": 8, "gpu": "RTX 4090", "colour": 1}', "line 2: colour: unknown key"),
        ('{"params_b": -8, "gpu": "RTX 4090"}', "line 2: params_b: Input should be greater than 0"),
        ('{"params_b": 8, "gpu": "RTX 4090x"}', "line 2: Unknown GPU 'RTX 4090x' — did you mean 'RTX 4090'"),
        ('{"params_b": 8}', "line 2: request: give gpu"),
        ("[1, 2]", "line 2: expected a JSON object"),
    ],
)
def test_batch_bad_line_names_the_line(capsys, tmp_path, line, message):
    path = tmp_path / "req.jsonl"
    path.write_text('{"params_b": 8, "gpu": "RTX 3060"}\n' + line + "\n", encoding="utf-8")
    code, out, err = run(capsys, "fit", "--batch", str(path), "--format", "json")
    assert code == 2 and out == ""
    assert err.startswith("advisor: error: ") and message in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--params-b", "8", "--gpu", "RTX 4090x"], "did you mean 'RTX 4090'"),
        (["--params-b", "8"], "give gpu"),
        (["--params-b", "8", "--gpu", "RTX 4090", "--quant", "Q9"], "quantization 'Q9'"),
        (
            ["--params-b", "8", "--gpu", "RTX 4090", "--layers", "32"],
            "layers, kv_heads and head_dim together",
        ),
        (["--params-b", "0", "--gpu", "RTX 4090"], "--params-b: Input should be greater than 0"),
        (["--model", "no-such-model", "--gpu", "RTX 4090"], "not in the catalog"),
        (["--batch", "/nonexistent.jsonl"], "cannot read"),
    ],
)
def test_fit_errors_exit_2_with_one_line(capsys, monkeypatch, argv, message):
    monkeypatch.setenv("ADVISOR_CATALOG", str(FIXTURE))
    code, out, err = run(capsys, "fit", *argv, "--format", "json")
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_real_entry_point_prints_no_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "advisor", "fit", "--params-b", "8", "--gpu", "RTX 4090x", "--format", "json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == (
        "advisor: error: Unknown GPU 'RTX 4090x' — did you mean 'RTX 4090' or 'RTX 4090D' or 'RTX 5090'? "
        "Known GPUs: `advisor gpus`."
    )
