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
            return e["efficiency"], f"fitted for {key} on {e['runs']} runs of {e['models']} models"
    raise CatalogError("data/hardware_calibration.json: no 'llama.cpp/gpu/dense' efficiency")


def overhead(engine: str, profile: HardwareProfile, weights: float) -> tuple[float, str]:
    o = load_calibration()["overhead"]
    if engine == "vllm":
        gib = o["vllm_per_gpu_gb"] * profile.gpu_count
        return (
            gib,
            f"{o['vllm_per_gpu_gb']:g} GB per GPU for CUDA graphs, activations and the PyTorch context",
        )
    fixed, share = o["llamacpp_fixed_gb"], o["llamacpp_weights_fraction"]
    gib = fixed * profile.gpu_count + share * weights
    scaled = f" + {share:.1%} of the weights" if share else ""
    return gib, (
        f"{fixed:g} GB per device for the runtime context and compute buffers{scaled} "
        f"(fitted on {o['runs']} peak-VRAM readings)"
    )


def available(engine: str, profile: HardwareProfile) -> tuple[float, str]:
    total = profile.total_memory_gb
    if profile.kind == "apple":
        frac = profile.usable_fraction
        return total * frac, f"{frac:.0%} of {total:g} GB unified memory (macOS GPU wired-memory limit)"
    if profile.kind == "cpu":
        return (
            total * CPU_USABLE_FRACTION,
            f"{CPU_USABLE_FRACTION:.0%} of {total:g} GB RAM (rest left to the OS)",
        )
    if engine == "vllm":
        frac = VLLM_GPU_MEMORY_UTILIZATION
        return total * frac, f"{frac:.0%} of {total:g} GB VRAM (vLLM gpu_memory_utilization={frac})"
    return total, f"{total:g} GB VRAM on {profile.label}"


def check_engine(engine: str, profile: HardwareProfile) -> None:
    if engine not in ENGINES:
        raise InputError(f"engine '{engine}' is unknown; use one of {', '.join(ENGINES)}")
    if engine == "mlx" and profile.kind != "apple":
        raise InputError("engine 'mlx' runs only on Apple silicon; use llama.cpp, ollama or vllm")
    if engine == "vllm" and profile.kind == "apple":
        raise InputError("engine 'vllm' does not use Apple GPUs; use mlx, llama.cpp or ollama")
