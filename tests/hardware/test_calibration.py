"""The committed calibration is what the script produces, and its held-out accuracy stays within bounds."""

from __future__ import annotations

import json

from advisor.hardware import CALIBRATION_JSON
from advisor.hardware.calibration import calibrate, fallback_keys, fold, main


def test_committed_calibration_is_up_to_date_and_deterministic(capsys):
    assert main(["--check"]) == 0, capsys.readouterr().out
    assert calibrate() == calibrate()


def test_held_out_accuracy_bounds():
    """5-fold cross-validation over models. Bounds sit a little above today's figures (docs/hardware.md),
    so a change that makes the model worse fails here."""
    acc = json.loads(CALIBRATION_JSON.read_text(encoding="utf-8"))["accuracy_held_out"]
    assert acc["tokens_per_s"]["runs"] >= 150 and acc["tokens_per_s"]["median_error_factor"] <= 1.45
    assert acc["tokens_per_s_by_group"]["llama.cpp/gpu/dense"]["median_error_factor"] <= 1.3
    assert acc["memory_gb"]["runs"] >= 30 and acc["memory_gb"]["median_error_factor"] <= 1.2


def test_every_engine_and_kind_finds_an_efficiency():
    table = json.loads(CALIBRATION_JSON.read_text(encoding="utf-8"))["decode_efficiency"]
    for engine in ("llama.cpp", "ollama", "vllm", "mlx"):
        for kind in ("gpu", "apple", "cpu"):
            for arch in ("dense", "moe"):
                assert any(k in table for k in fallback_keys(engine, kind, arch))
    assert all(0.05 < v["efficiency"] <= 1.0 for v in table.values())


def test_folds_keep_a_model_together():
    assert fold("Qwen/Qwen3-8B") == fold("qwen/qwen3-8b")
    assert {fold(f"org/model-{i}") for i in range(50)} == {0, 1, 2, 3, 4}


def test_docs_quote_the_current_accuracy_and_efficiencies():
    docs = (CALIBRATION_JSON.parent.parent / "docs" / "hardware.md").read_text(encoding="utf-8")
    cal = json.loads(CALIBRATION_JSON.read_text(encoding="utf-8"))
    acc = cal["accuracy_held_out"]
    assert f"**{acc['tokens_per_s']['median_error_factor']:.2f}**" in docs
    assert f"**{acc['memory_gb']['median_error_factor']:.2f}**" in docs
    for key, entry in cal["decode_efficiency"].items():
        row = " / ".join(
            p.replace("vllm", "vLLM").replace("gpu", "GPU").replace("cpu", "CPU") for p in key.split("/")
        )
        row = row.replace("apple", "Apple").replace("moe", "MoE")
        assert f"| {row} | {entry['efficiency']:.2f} | {entry['runs']} | {entry['models']} |" in docs, key
