"""Hardware-model timings and held-out accuracy, printed as figures (not a test).

    .venv/bin/python benchmarks/hardware.py [--format json]

Timings: one `estimate` with the quantization walk, one `cheapest_cloud` search over the GPU table, and
sizing every open-weights model of the catalog on an RTX 4090 (cold, no caching). Accuracy comes from
data/hardware_calibration.json (5-fold cross-validation by model; see docs/hardware.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from types import SimpleNamespace

from advisor.hardware import cheapest_cloud, estimate, load_calibration, resolve_hardware
from advisor.requirements import Hardware

LLAMA_70B = SimpleNamespace(
    id="llama-3.1-70b", params_b=70.6, active_params_b=None, layers=80, kv_heads=8, head_dim=128
)


def _p50_ms(fn, repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 3)


def measure() -> dict:
    rtx = resolve_hardware(Hardware(gpu="RTX 4090", ram_gb=64))
    figures = {
        "estimate_walk_ms_p50": _p50_ms(lambda i: estimate(LLAMA_70B, rtx, 8192 + i), 500),
        "cheapest_cloud_ms_p50": _p50_ms(lambda i: cheapest_cloud(LLAMA_70B, 8192 + i), 50),
    }
    try:
        from advisor.catalog import load_catalog

        models = [m for m in load_catalog().models if m.open_weights and m.params_b]
    except Exception as err:  # noqa: BLE001 - a benchmark reports what it could not measure
        figures["catalog_error"] = str(err)
        models = []
    if models:
        start = time.perf_counter()
        for m in models:
            estimate(m, rtx, 32768)
        figures["catalog_open_models"] = len(models)
        figures["catalog_estimate_all_ms"] = round((time.perf_counter() - start) * 1000, 1)
    acc = load_calibration()["accuracy_held_out"]
    figures["heldout_tokens_per_s_median_error_factor"] = acc["tokens_per_s"]["median_error_factor"]
    figures["heldout_memory_median_error_factor"] = acc["memory_gb"]["median_error_factor"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=["table", "json"], default="table")
    figures = measure()
    if parser.parse_args().format == "json":
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:<45} {value}")


if __name__ == "__main__":
    main()
