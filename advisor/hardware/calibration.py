"""Fit the hardware model on community benchmark runs and measure it on held-out models.

    python -m advisor.hardware.calibration           # rewrite data/hardware_calibration.json, print accuracy
    python -m advisor.hardware.calibration --check   # exit 1 if the committed file is stale

Inputs (data/sources/llmfit-hardware/): the localmaxxing calibration runs (decode tok/s, peak VRAM) and
llmfit's Hugging Face facts (layers, KV heads, head dim). Deterministic: same inputs, same bytes.
Accuracy: 5-fold cross-validation where the fold of a run is sha1(base Hugging Face repo) % 5, so every
quantised variant of a model is held out together. Method and numbers: docs/hardware.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from pathlib import Path
from statistics import median

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources" / "llmfit-hardware"
RUNS_CSV = SOURCES / "hardware_benchmarks_localmaxxing_2026-08-10_calibration.csv"
FACTS_JSON = SOURCES / "llmfit_hf_models_2026-05-12.json"
OFFICIAL_ORGS = ("deepseek-ai/", "Qwen/", "meta-llama/", "moonshotai/", "zai-org/", "MiniMaxAI/")
OFFICIAL_ORGS += ("openai/", "google/", "mistralai/", "microsoft/")
# Bits per weight of the run's quantisation (file averages; UD/XL variants sit a little above Q4_K_M).
RUN_BITS = {"Q2_K": 3.35, "Q2_K_S": 3.0, "Q3_K_M": 3.91, "Q3_K_S": 3.5, "Q4_0": 4.55, "Q4_K_S": 4.58}
RUN_BITS |= {"Q4_K_M": 4.84, "UD-Q4_K_M": 4.84, "Q4_K_XL": 4.9, "UD-Q4_K_XL": 4.9, "Q4_K_L": 4.9}
RUN_BITS |= {"IQ4_XS": 4.46, "IQ4_NL": 4.5, "Q5_K_M": 5.68, "Q6_K": 6.56, "UD-Q6_K": 6.56, "Q8_0": 8.5}
RUN_BITS |= {"F16": 16.0, "BF16": 16.0, "FP8": 8.0, "fp8": 8.0, "FP8 dynamic": 8.0, "INT8": 8.0}
RUN_BITS |= {"NVFP4": 4.5, "MXFP4": 4.25, "AWQ": 4.5, "GPTQ": 4.5, "gptq4": 4.5, "INT4": 4.5}
KV_BYTES = {"q8_0": 1.0625, "q8": 1.0625, "fp8": 1.0, "fp8_e4m3": 1.0, "q4_0": 0.5625}  # else FP16: 2
CPU_PRESET = "CPU DDR5-5600 dual-channel"  # the CPU-only runs are Ryzen 7840HS/8745H / Core Ultra laptops
ENGINES = {
    "llama.cpp": "llama.cpp",
    "lmstudio": "llama.cpp",
    "ollama": "ollama",
    "vllm": "vllm",
    "mlx": "mlx",
}
KIND = {"DISCRETE_GPU": "gpu", "UNIFIED": "apple", "CPU_ONLY": "cpu"}
_ACTIVE = re.compile(r"[-_]A(\d+(?:\.\d+)?)B\b", re.IGNORECASE)
MAX_PROMPT_TOKENS = 4096  # decode speed "at short context"
MIN_PARAMS_B = 3  # params are rounded to whole billions in the runs; below 3B the rounding dominates


FOLDS = 5


def fold(model: str) -> int:
    return int(hashlib.sha1(model.lower().encode()).hexdigest(), 16) % FOLDS


def _num(value) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def _layer_facts() -> dict[str, tuple[int, int, int]]:
    facts = {}
    for r in json.loads(FACTS_JSON.read_text(encoding="utf-8")):
        heads, hidden = r.get("num_attention_heads"), r.get("hidden_size")
        head_dim = r.get("head_dim") or (hidden // heads if heads and hidden else None)
        if r.get("num_hidden_layers") and r.get("num_key_value_heads") and head_dim:
            facts[r["name"].lower()] = (r["num_hidden_layers"], r["num_key_value_heads"], head_dim, r)
    return facts


def fit_kv_fallback(facts: dict) -> dict:
    """log(KV bytes per token) = log_a + b·log(params_b) on official models; q75 of the residual factor."""
    xs, ys = [], []
    for layers, kv_heads, head_dim, r in facts.values():
        params = (r.get("parameters_raw") or 0) / 1e9
        if r["name"].startswith(OFFICIAL_ORGS) and params >= 0.5:
            xs.append(math.log(params))
            ys.append(math.log(2 * layers * kv_heads * head_dim * 2))
    n, mx, my = len(xs), sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    log_a = my - b * mx
    factors = sorted(math.exp(y - log_a - b * x) for x, y in zip(xs, ys, strict=True))
    return {
        "log_a": round(log_a, 4),
        "b": round(b, 4),
        "q75_factor": round(factors[int(0.75 * n)], 4),
        "models": n,
    }


def _active(row, params: float) -> float | None:
    for key in ("model.activeParams", "model.baseModel.activeParams"):
        value = _num(row.get(key))
        if value:
            return value
    for key in ("model.hfId", "model.baseModel.hfId"):
        match = _ACTIVE.search(str(row.get(key) or ""))
        if match:
            return float(match.group(1))
    return None if str(row.get("model.isMoE")) == "True" else params


def load_runs() -> list[dict]:
    """Usable single-stream runs with everything the model needs; the rules are in docs/hardware.md."""
    import csv

    from advisor.errors import UnknownGPUError
    from advisor.hardware.table import parse_gpu_name

    facts, runs = _layer_facts(), []
    with open(RUNS_CSV, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            engine, kind = ENGINES.get(row["engine.engineName"]), KIND.get(row["hardware.hwClass"])
            bits, params, tok_s = (
                RUN_BITS.get(row["engine.quantization"]),
                _num(row["model.params"]),
                _num(row["tokSOut"]),
            )
            if not (engine and kind and bits and params and tok_s) or params < MIN_PARAMS_B:
                continue
            if row["batchSize"] != "1" or "True" in (
                row["engineFlags.specDecoding"],
                row["engineFlags.mtpEnabled"],
            ):
                continue  # batched or speculative runs measure something else
            if (_num(row["promptTokens"]) or 0) > MAX_PROMPT_TOKENS:
                continue  # long-prompt runs: their tokSOut includes the prefill time
            active = _active(row, params)
            device = {
                "gpu": row["hardware.gpuName"],
                "apple": row["preset"].split("(")[0],
                "cpu": CPU_PRESET,
            }[kind]
            try:
                gpu = parse_gpu_name(device).gpu
            except UnknownGPUError:
                continue
            if active is None:
                continue
            memory = _num(row["hardware.vramGb"] or row["hardware.unifiedMemoryGb"])
            count = int(_num(row["hardware.gpuCount"]) or 1)
            if memory and params * bits / 8 * 1e9 / 2**30 > memory * count * 0.95:
                continue  # the weights cannot all be in GPU memory: an offloaded run
            model = (row["model.baseModel.hfId"] or row["model.hfId"]).lower()
            layer = facts.get(row["model.hfId"].lower()) or facts.get(model)
            runs.append({
                "model": model, "engine": engine, "kind": kind, "count": count, "memory": memory,
                "bandwidth": gpu.bandwidth_gbps, "params": params, "active": min(active, params), "bits": bits,
                "tok_s": tok_s, "peak": _num(row["peakVramGb"]), "context": int(_num(row["contextLength"]) or 0),
                "kv_bytes": KV_BYTES.get(row["engineFlags.kvCacheDtype"], 2.0), "layer": layer[:3] if layer else None,
            })  # fmt: skip
    return runs


def _ideal_tok_s(run: dict, tp: float) -> float:
    """Tokens/s at 100% bandwidth: bandwidth ÷ bytes of active weights (vLLM multi-GPU: tensor parallel)."""
    bw = run["bandwidth"] * (run["count"] * tp if run["engine"] == "vllm" and run["count"] > 1 else 1)
    return bw * 1e9 / (run["active"] * 1e9 * run["bits"] / 8)


def arch(params: float, active: float) -> str:
    return "moe" if active < params else "dense"


def fallback_keys(engine: str, kind: str, architecture: str) -> tuple[str, ...]:
    """Most specific first; shared with advisor.hardware so fitting and predicting agree."""
    keys = (
        f"{engine}/{kind}/{architecture}",
        f"llama.cpp/{kind}/{architecture}",
        f"{engine}/gpu/{architecture}",
    )
    return (*keys, f"llama.cpp/gpu/{architecture}", "llama.cpp/gpu/dense")


def _group(run: dict) -> str:
    return f"{run['engine']}/{run['kind']}/{arch(run['params'], run['active'])}"


def _efficiencies(runs: list[dict]) -> dict[str, dict]:
    """Per group: median over models of each model's median ratio (a model with 40 runs counts once)."""
    groups: dict[str, dict[str, list[float]]] = {}
    for run in runs:
        if run["count"] == 1 or run["engine"] != "vllm":
            ratio = run["tok_s"] / _ideal_tok_s(run, 1.0)
            groups.setdefault(_group(run), {}).setdefault(run["model"], []).append(ratio)
    out = {}
    for key, models in sorted(groups.items()):
        runs_n = sum(len(v) for v in models.values())
        if len(models) >= 2 and runs_n >= 3:
            eff = median(median(v) for v in models.values())
            out[key] = {"efficiency": round(eff, 4), "runs": runs_n, "models": len(models)}
    return out


def _lookup(eff: dict, run: dict) -> float:
    for key in fallback_keys(run["engine"], run["kind"], arch(run["params"], run["active"])):
        if key in eff:
            return eff[key]["efficiency"]
    raise KeyError("llama.cpp/gpu/dense")


def _memory_parts(run: dict, kv_fit: dict) -> tuple[float, float]:
    from advisor.hardware.memory import GIB, kv_cache_gib, kv_fallback_gib

    weights = run["params"] * 1e9 * run["bits"] / 8 / GIB
    if run["layer"]:
        kv = kv_cache_gib(*run["layer"], run["context"], run["kv_bytes"])
    else:
        kv = kv_fallback_gib(run["params"], run["context"], kv_fit) * run["kv_bytes"] / 2
    return weights, kv


def _memory_runs(runs: list[dict]) -> list[dict]:
    """Peak VRAM is comparable only for llama.cpp-style engines on one GPU (vLLM pre-allocates 90%);
    readings below half the weights or above the card's VRAM are broken and skipped."""
    keep = []
    for r in runs:
        if r["peak"] and r["engine"] in ("llama.cpp", "ollama") and r["kind"] == "gpu" and r["count"] == 1:
            weights = r["params"] * r["bits"] / 8 * 1e9 / 2**30
            if 0.5 * weights <= r["peak"] <= (r["memory"] or 0) * 1.05:
                keep.append(r)
    return keep


def _fit_overhead(runs: list[dict], kv_fit: dict) -> dict:
    """peak − weights − KV = fixed + fraction × weights, least squares, both clipped at ≥ 0."""
    pts = [(w, r["peak"] - w - kv) for r in _memory_runs(runs) for w, kv in [_memory_parts(r, kv_fit)]]
    n, mx, my = len(pts), sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    slope = max(0.0, sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts))
    return {
        "llamacpp_fixed_gb": round(max(0.0, my - slope * mx), 3),
        "llamacpp_weights_fraction": round(slope, 4),
        "runs": n,
    }


def _error_factors(pairs: list[tuple[float, float]]) -> dict:
    factors = sorted(max(p / m, m / p) for p, m in pairs)
    if not factors:
        return {"runs": 0}
    return {
        "runs": len(factors), "median_error_factor": round(median(factors), 3),
        "p90_error_factor": round(factors[math.ceil(0.9 * len(factors)) - 1], 3),
        "within_1_5x": round(sum(f <= 1.5 for f in factors) / len(factors), 3),
    }  # fmt: skip


def fit(runs: list[dict], kv_fit: dict) -> dict:
    eff = _efficiencies(runs)
    multi = [r for r in runs if r["engine"] == "vllm" and r["count"] > 1]
    tp = (
        median(r["tok_s"] / (_ideal_tok_s(r, 1.0) * _lookup(eff, r)) for r in multi)
        if len(multi) >= 3
        else 0.8
    )
    return {"decode_efficiency": eff, "tensor_parallel_scaling": round(min(1.0, tp), 4),
            "overhead": {**_fit_overhead(runs, kv_fit), "vllm_per_gpu_gb": 1.5}}  # fmt: skip


def _predict(model: dict, runs: list[dict], kv_fit: dict) -> tuple[list, list]:
    tp, o = model["tensor_parallel_scaling"], model["overhead"]
    speed = [
        (_ideal_tok_s(r, tp) * _lookup(model["decode_efficiency"], r), r["tok_s"], _group(r)) for r in runs
    ]
    memory = []
    for r in _memory_runs(runs):
        weights, kv = _memory_parts(r, kv_fit)
        memory.append(
            (weights + kv + o["llamacpp_fixed_gb"] + o["llamacpp_weights_fraction"] * weights, r["peak"])
        )
    return speed, memory


def calibrate() -> dict:
    """Fit on every run; accuracy by 5-fold cross-validation over models (fold = sha1(base repo) % 5)."""
    runs, kv_fit = load_runs(), fit_kv_fallback(_layer_facts())
    speed, memory = [], []
    for k in range(FOLDS):
        train = [r for r in runs if fold(r["model"]) != k]
        s, m = _predict(fit(train, kv_fit), [r for r in runs if fold(r["model"]) == k], kv_fit)
        speed += s
        memory += m
    by_group = {
        g: _error_factors([(p, m) for p, m, gg in speed if gg == g]) for g in sorted({x[2] for x in speed})
    }
    return {
        "source": f"{RUNS_CSV.name} (+ {FACTS_JSON.name} for layer facts)",
        "method": "fit on all runs; accuracy = 5-fold cross-validation, folds by model (sha1(base HF repo) % 5)",
        "runs_used": len(runs), "models": len({r["model"] for r in runs}),
        **fit(runs, kv_fit),
        "kv_fallback": kv_fit,
        "accuracy_held_out": {"tokens_per_s": _error_factors([(p, m) for p, m, _ in speed]),
                              "tokens_per_s_by_group": by_group, "memory_gb": _error_factors(memory)},
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    from advisor.hardware import CALIBRATION_JSON

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed calibration is stale")
    args = parser.parse_args(argv)
    text = json.dumps(calibrate(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if args.check:
        same = CALIBRATION_JSON.exists() and CALIBRATION_JSON.read_text(encoding="utf-8") == text
        print("calibration up to date" if same else f"{CALIBRATION_JSON} is stale; rerun without --check")
        return 0 if same else 1
    CALIBRATION_JSON.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
