"""Engine and device rules for the hardware model: what each engine can use, what it costs in overhead,
and how much of the peak bandwidth one decode stream gets (fitted; data/hardware_calibration.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from advisor.errors import CatalogError, InputError
from advisor.hardware.calibration import fallback_keys
from advisor.hardware.memory import WALKS
from advisor.hardware.profile import CPU_USABLE_FRACTION, HardwareProfile
from advisor.i18n import Msg, msg

CALIBRATION_JSON = Path(__file__).resolve().parents[2] / "data" / "hardware_calibration.json"
ENGINES = tuple(WALKS)
VLLM_GPU_MEMORY_UTILIZATION = 0.90  # vLLM's default: it pre-allocates this share of each GPU
# Chips vLLM has FP8 kernels for (Ampere: weight-only FP8 via Marlin); Turing, Volta and RDNA3 have none.
FP8_ARCHS = ("ampere", "ada", "hopper", "blackwell", "cdna3", "rdna4")


@lru_cache(maxsize=2)
def load_calibration(path: str | None = None) -> dict:
    """Fitted efficiencies and the KV fallback (written by `python -m advisor.hardware.calibration`)."""
    target = Path(path) if path else CALIBRATION_JSON
    try:
        return json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CatalogError(
            f"{target}: cannot read the hardware calibration ({err}); run `python -m advisor.hardware.calibration`"
        ) from None


def efficiency(engine: str, kind: str, architecture: str) -> tuple[float, str]:
    """Share of peak bandwidth a single decode stream achieves, and where the number came from."""
    table = load_calibration()["decode_efficiency"]
    for key in fallback_keys(engine, kind, architecture):
        if key in table:
            e = table[key]
            return e["efficiency"], msg("hw_efficiency", fit=key, runs=e["runs"], models=e["models"])
    raise CatalogError("data/hardware_calibration.json: no 'llama.cpp/gpu/dense' efficiency")


def overhead(engine: str, profile: HardwareProfile, weights: float) -> tuple[float, Msg]:
    o = load_calibration()["overhead"]
    if engine == "vllm":
        gib = o["vllm_per_gpu_gb"] * profile.gpu_count
        return gib, msg("hw_overhead_vllm", gb=o["vllm_per_gpu_gb"])
    fixed, share = o["llamacpp_fixed_gb"], o["llamacpp_weights_fraction"]
    gib = fixed * profile.gpu_count + share * weights
    scaled = msg("hw_overhead_share", share=share) if share else ""
    return gib, msg("hw_overhead_llamacpp", gb=fixed, scaled=scaled, runs=o["runs"])


def available(engine: str, profile: HardwareProfile) -> tuple[float, Msg]:
    total = profile.total_memory_gb
    if profile.kind == "apple":
        frac = profile.usable_fraction
        return total * frac, msg("hw_avail_apple", frac=frac, total=total)
    if profile.kind == "cpu":
        return total * CPU_USABLE_FRACTION, msg("hw_avail_cpu", frac=CPU_USABLE_FRACTION, total=total)
    if engine == "vllm":
        frac = VLLM_GPU_MEMORY_UTILIZATION
        return total * frac, msg("hw_avail_vllm", frac=frac, total=total)
    return total, msg("hw_avail_gpu", total=total, label=profile.label)


def check_engine(engine: str, profile: HardwareProfile) -> None:
    if engine not in ENGINES:
        raise InputError(f"engine '{engine}' is unknown; use one of {', '.join(ENGINES)}")
    if engine == "mlx" and profile.kind != "apple":
        raise InputError("engine 'mlx' runs only on Apple silicon; use llama.cpp, ollama or vllm")
    if engine == "vllm" and profile.kind == "apple":
        raise InputError("engine 'vllm' does not use Apple GPUs; use mlx, llama.cpp or ollama")
