"""Hardware model: does a model fit, at which quantization, how fast, and the cheapest rented GPUs.

Public API: `load_gpus`, `resolve_hardware`, `estimate`, `cheapest_cloud` (+ `GPU`, `HardwareProfile`,
`FitEstimate`, `CloudPlan`). Method and measured accuracy: docs/hardware.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from advisor.errors import InputError
from advisor.hardware.calibration import arch
from advisor.hardware.memory import (
    GIB,
    QUANTS,
    WALKS,
    Quant,
    decode_tokens_per_s,
    kv_fallback_gib,
    kv_layout,
    native_quant,
    quant_for,
    weights_gib,
    with_native,
)
from advisor.hardware.profile import CPU_USABLE_FRACTION, HardwareProfile, gpu_profile, resolve_hardware
from advisor.hardware.runtime import (
    CALIBRATION_JSON,
    FP8_ARCHS,
    available,
    check_engine,
    efficiency,
    load_calibration,
    overhead,
)
from advisor.hardware.table import GPU, load_gpus
from advisor.i18n import Msg, msg

__all__ = ["GPU", "CloudPlan", "FitEstimate", "HardwareProfile", "cheapest_cloud", "estimate"]
__all__ += ["load_gpus", "resolve_hardware", "QUANTS", "CALIBRATION_JSON", "load_calibration"]

CLOUD_QUANT = {"vllm": "FP8", "llama.cpp": "Q8_0", "ollama": "Q8_0"}  # near-lossless serving formats
CLOUD_COUNTS = (1, 2, 4, 8)
OFFLOAD_START = "Q4_K_M"  # with layers in RAM, bigger files are slower still: start the walk here


class FitEstimate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fits: bool
    quantization: str
    memory_gb: float = Field(description="Weights + KV cache + runtime overhead, GB (GiB).")
    weights_gb: float
    kv_cache_gb: float
    overhead_gb: float
    available_gb: float = Field(description="Memory the engine can use (VRAM, plus RAM when offloading).")
    tokens_per_s: float | None = Field(
        None, description="Single-stream decode speed; None if it does not fit."
    )
    offload: bool = Field(False, description="Part of the weights sit in system RAM (much slower).")
    offload_gb: float = 0.0
    engine: str
    hardware: str
    context_tokens: int
    basis: list[str]
    basis_msgs: list[Any] = Field(default_factory=list, exclude=True, repr=False)
    """`basis` as advisor.i18n.Msg (or plain str) lines, so the engine can tell it in the user's language."""


class CloudPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    gpu: str
    gpu_count: int
    usd_per_hour: float = Field(description="All GPUs together.")
    monthly_usd: float = Field(description="usd_per_hour × 730 hours.")
    price_source: str | None
    estimate: FitEstimate


def _facts(card) -> tuple[str, float, float, tuple[int, str] | None]:
    name = getattr(card, "id", None) or getattr(card, "name", None) or "model"
    params = getattr(card, "params_b", None)
    if not params or params <= 0:
        raise InputError(f"{name}: parameter count unknown, so its memory cannot be sized (give params_b)")
    active = getattr(card, "active_params_b", None) or params
    return name, float(params), float(min(active, params)), kv_layout(card)


def estimate(
    card_or_facts,
    profile: HardwareProfile,
    context_tokens: int,
    quant: str | None = None,
    engine: str = "llama.cpp",
) -> FitEstimate:
    """Memory, fit and decode speed; with `quant=None` the best quantization that fits (walking down to the
    smallest), then CPU offload (llama.cpp/ollama with known RAM), else the smallest that was tried."""
    check_engine(engine, profile)
    if context_tokens < 1:
        raise InputError(f"context: must be at least 1 token; got {context_tokens}")
    name, params, active, layer = _facts(card_or_facts)
    native = native_quant(card_or_facts) if engine == "vllm" else None
    if quant and native and quant.strip().upper() == native.name:
        walk = [native]
    else:
        walk = [quant_for(quant, engine)] if quant else [QUANTS[q] for q in WALKS[engine]]
    if engine == "vllm" and profile.device.arch not in FP8_ARCHS:
        if quant and walk[0].name in ("FP8", "MXFP4"):
            raise InputError(
                f"quantization {walk[0].name}: vLLM has no {walk[0].name} kernels for {profile.device.name}; "
                "use BF16 or INT4"
            )
        walk = [q for q in walk if q.name != "FP8"]
    elif not quant:
        walk = with_native(walk, native)
    tried = [_size(name, params, active, layer, profile, context_tokens, q, engine) for q in walk]
    chosen = next((t for t in tried if t["fits"]), None)
    if chosen is None and profile.kind == "gpu" and profile.ram_gb and engine in ("llama.cpp", "ollama"):
        start = [
            t for t in tried if t["quant"].bits_per_weight <= QUANTS[OFFLOAD_START].bits_per_weight
        ] or tried[-1:]
        chosen = next((t for t in (_offload(t, profile) for t in start) if t["fits"]), None)
    result = chosen or tried[-1]
    return _finish(result, tried, params, active, profile, context_tokens, engine, quant is None)


def _size(name, params, active, layer, profile, context, quant: Quant, engine) -> dict:
    weights = weights_gib(params, quant)
    if layer:
        kv = layer[0] * context * 2 / GIB
        kv_basis = msg("hw_kv", formula=layer[1], ctx=context, gb=kv)
    else:
        fallback = load_calibration()["kv_fallback"]
        kv = kv_fallback_gib(params, context, fallback)
        kv_basis = msg("hw_kv_fallback", name=name, gb=kv, ctx=context, models=fallback["models"])
    over, overhead_basis = overhead(engine, profile, weights)
    room, available_basis = available(engine, profile)
    memory = weights + kv + over
    return {
        "quant": quant, "weights": weights, "kv": kv, "overhead": over, "memory": memory,
        "available": room, "fits": memory <= room, "offload_gb": 0.0, "kv_basis": kv_basis,
        "overhead_basis": overhead_basis, "available_basis": available_basis,
    }  # fmt: skip


def _offload(t: dict, profile: HardwareProfile) -> dict:
    ram = (profile.ram_gb or 0) * CPU_USABLE_FRACTION
    spill = max(0.0, t["memory"] - t["available"])
    fits = spill <= ram and spill < t["weights"]  # KV cache and buffers stay on the GPU
    return {**t, "fits": fits, "offload_gb": spill, "available": t["available"] + ram,
            "available_basis": msg("hw_avail_offload", base=t["available_basis"], frac=CPU_USABLE_FRACTION, ram=profile.ram_gb)}  # fmt: skip


def _finish(t, tried, params, active, profile, context, engine, walked) -> FitEstimate:
    q: Quant = t["quant"]
    basis: list[Msg | str] = list(profile.note_msgs or profile.notes)
    basis += [
        msg("hw_weights", params=params, bits=q.bits_per_weight, note=q.note, gb=t["weights"]),
        t["kv_basis"],
        msg("hw_overhead", engine=engine, gb=t["overhead"], basis=t["overhead_basis"]),
        msg("hw_available", gb=t["available"], basis=t["available_basis"]),
    ]
    need = msg("hw_need", gb=t["memory"], quant=q.name, ctx=context)
    bigger = [x["quant"].name for x in tried if x["quant"].bits_per_weight > q.bits_per_weight]
    if not t["fits"]:
        lowest = msg("hw_lowest") if walked and len(tried) > 1 else ""
        basis.append(msg("hw_no_fit", need=need, lowest=lowest, gb=t["available"]))
    elif t["offload_gb"]:
        basis.append(msg("hw_offload", gb=t["offload_gb"]))
    elif walked and bigger:
        basis.append(msg("hw_fits_at", quant=q.name, bigger=", ".join(bigger), need=need))
    else:
        basis.append(msg("hw_fits", need=need))
    speed = _speed(t, params, active, profile, engine, basis) if t["fits"] else None
    return FitEstimate(
        fits=t["fits"], quantization=q.name, memory_gb=round(t["memory"], 2), weights_gb=round(t["weights"], 2),
        kv_cache_gb=round(t["kv"], 2), overhead_gb=round(t["overhead"], 2), available_gb=round(t["available"], 2),
        tokens_per_s=speed, offload=bool(t["offload_gb"]), offload_gb=round(t["offload_gb"], 2), engine=engine,
        hardware=profile.label, context_tokens=context, basis=[str(b) for b in basis], basis_msgs=basis,
    )  # fmt: skip


def _speed(t, params, active, profile: HardwareProfile, engine, basis: list) -> float:
    read = t["weights"] * active / params  # bytes touched per token: the active share of the weights
    eff, eff_basis = efficiency(engine, profile.kind, arch(params, active))
    bw = profile.bandwidth_gbps
    if profile.gpu_count > 1 and engine == "vllm":
        tp = load_calibration()["tensor_parallel_scaling"]
        bw = bw * profile.gpu_count * tp
        basis.append(msg("hw_tensor_parallel", n=profile.gpu_count, tp=tp))
    elif profile.gpu_count > 1:
        basis.append(msg("hw_layer_split", engine=engine, n=profile.gpu_count))
    slow_read, slow_bw = 0.0, bw * eff
    if t["offload_gb"]:
        slow_read = read * min(1.0, t["offload_gb"] / t["weights"])
        cpu_eff, _ = efficiency(engine, "cpu", arch(params, active))
        slow_bw = profile.cpu_bandwidth_gbps * cpu_eff
    tps = decode_tokens_per_s(read - slow_read, bw * eff, slow_read, slow_bw)
    moe = msg("hw_moe", active=active, params=params) if active < params else ""
    slow = msg("hw_slow", gb=slow_read, bw=profile.cpu_bandwidth_gbps) if slow_read else ""
    basis.append(msg("hw_speed", bw=bw, read=read, moe=moe, eff=eff, basis=eff_basis, tps=tps, slow=slow))
    return round(tps, 1)


def cheapest_cloud(
    card_or_facts, context_tokens: int, engine: str = "vllm", quant: str | None = None
) -> CloudPlan | None:
    """Cheapest rented configuration (GPU type × 1/2/4/8) that fits at a near-lossless format, or None."""
    native = native_quant(card_or_facts) if engine == "vllm" else None
    if quant is None and native and native.bits_per_weight < QUANTS["FP8"].bits_per_weight:
        quant = native.name  # e.g. gpt-oss in MXFP4: smaller than FP8 and what the vendor ships
    quant = quant or CLOUD_QUANT.get(engine)
    if quant is None:
        raise InputError(f"engine '{engine}' is not offered for rented GPUs; use vllm, llama.cpp or ollama")
    best: tuple | None = None
    for gpu in load_gpus():
        if gpu.kind != "gpu" or gpu.cloud_usd_per_hour is None:
            continue
        if engine == "vllm" and quant.upper() in ("FP8", "MXFP4") and gpu.arch not in FP8_ARCHS:
            continue
        for count in CLOUD_COUNTS:
            fit = estimate(card_or_facts, gpu_profile(gpu, count), context_tokens, quant=quant, engine=engine)
            if fit.fits:
                price = gpu.cloud_usd_per_hour * count
                key = (round(price, 4), count, -(fit.tokens_per_s or 0.0), gpu.name)
                if best is None or key < best[0]:
                    best = (key, gpu, count, price, fit)
                break  # more of the same GPU only costs more
    if best is None:
        return None
    _, gpu, count, price, fit = best
    rent = msg("hw_rent", count=count, gpu=gpu.name, price=gpu.cloud_usd_per_hour, total=price)
    fit.basis.append(str(rent))
    fit.basis_msgs.append(rent)
    return CloudPlan(
        gpu=gpu.name, gpu_count=count, usd_per_hour=round(price, 4), monthly_usd=round(price * 730, 2),
        price_source=gpu.price_source, estimate=fit,
    )  # fmt: skip
