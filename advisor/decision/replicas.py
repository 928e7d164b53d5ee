"""What one self-hosted replica of a model costs and serves (issue 7): the capacity facts come from the
hardware estimate (advisor.hardware) and the GPU table; advisor.decision.breakeven does the arithmetic.

- Your hardware: the first replica, costed at electricity (the engine's row); vLLM's batching on NVIDIA GPUs,
  llama.cpp otherwise.
- Rented: every GPU type × 1/2/4/8 that fits at vLLM FP8 (as hardware.cheapest_cloud), the one cheapest at
  your volume; it is also how replicas beyond your own hardware are costed.
"""

from __future__ import annotations

import math

from advisor.decision import breakeven
from advisor.engine import cost

FACTS = {
    "id",
    "params_b",
    "active_params_b",
    "layers",
    "kv_heads",
    "head_dim",
    "attention",
    "kv_lora_rank",
    "rope_head_dim",
    "kv_layers",
    "native_precision",
    "native_bits_per_weight",
}  # what sizing reads
_CLOUD_CACHE: dict = {}


def _replica(card, est, tflops: float | None, gpus: int = 1) -> breakeven.Replica:
    params = card.params_b or 1.0
    active = card.active_params_b or params
    return breakeven.Replica(
        tokens_per_s=est.tokens_per_s,
        weights_gb=est.weights_gb,
        kv_gb_per_token=est.kv_cache_gb / max(est.context_tokens, 1),
        spare_gb=0.0 if est.offload else max(0.0, est.available_gb - est.memory_gb),
        active_fraction=active / params,
        active_params_b=active,
        tflops=tflops,
        engine=est.engine,
        gpus=gpus,
    )


def cloud_replica(card, ctx: int, w) -> tuple[float, float, str, str, int] | None:
    """(monthly USD, requests/day, basis, GPU, count) of the rented replica of `card` cheapest at your volume:
    every GPU type × 1/2/4/8 with a cloud price that fits (vLLM, the format hardware.cheapest_cloud uses),
    costed as ceil(volume ÷ capacity) × monthly price. More GPUs hold a bigger batch, so at high volume a
    larger configuration can be cheaper per request than the cheapest one that fits. None if nothing fits."""
    from advisor import hardware
    from advisor.hardware.profile import gpu_profile

    key = (card.model_dump_json(include=FACTS), ctx, w.input_tokens, w.output_tokens, w.requests_per_day)
    if key in _CLOUD_CACHE:
        return _CLOUD_CACHE[key]
    quant, best = hardware.CLOUD_QUANT["vllm"], None
    for gpu in hardware.load_gpus():
        if gpu.kind != "gpu" or gpu.cloud_usd_per_hour is None or gpu.arch not in hardware.FP8_ARCHS:
            continue
        for count in hardware.CLOUD_COUNTS:
            est = hardware.estimate(card, gpu_profile(gpu, count), ctx, quant=quant, engine="vllm")
            if not est.fits:
                continue
            tflops = gpu.fp16_tflops * count if gpu.fp16_tflops else None
            replica = _replica(card, est, tflops, count)
            cap, batch = breakeven.replica_capacity(replica, w.input_tokens, w.output_tokens)
            usd = gpu.cloud_usd_per_hour * count * cost.HOURS_PER_MONTH
            total = usd * max(1, math.ceil(w.requests_per_day / cap - 1e-9)) if math.isfinite(cap) else usd
            order = (round(total, 2), usd, gpu.name)
            if best is None or order < best[0]:
                basis = (
                    f"{cost.rented_basis(gpu.name, count, gpu.cloud_usd_per_hour * count)}, ~{cap:,.0f} "
                    f"requests/day each at batch {batch}"
                )
                best = (order, usd, cap, basis, gpu.name, count)
    if len(_CLOUD_CACHE) >= 256:
        _CLOUD_CACHE.pop(next(iter(_CLOUD_CACHE)))
    _CLOUD_CACHE[key] = None if best is None else best[1:]
    return _CLOUD_CACHE[key]


def self_line(cols: dict, p: int, req, cards: dict) -> tuple[breakeven.SelfHostedLine, str, tuple | None]:
    """The self-hosted cost line of pick row `p`: the first replica (your hardware or rented), then rented
    replicas; plus (GPU, count) of the rented configuration when the first replica is rented."""
    from advisor import hardware

    w, card, ctx = req.workload, cards[cols["id"][p]], int(cols["ctx_used"][p])
    cloud = cloud_replica(card, ctx, w)
    if cols["kind"][p] == "rented" and cloud is not None:
        usd, cap, basis, gpu, count = cloud
        return breakeven.SelfHostedLine(usd, cap, usd, cap), basis, (gpu, count)
    profile = hardware.resolve_hardware(req.hardware)
    dev, n = profile.device, profile.gpu_count if profile.kind == "gpu" else 1
    est = None
    if profile.kind == "gpu" and dev.vendor == "nvidia":  # serving volume on NVIDIA means vLLM's batching
        est = hardware.estimate(card, profile, ctx, engine="vllm")
    if est is None or not est.fits:
        est = hardware.estimate(card, profile, ctx)
    tflops = dev.fp16_tflops * n if dev.fp16_tflops and profile.kind == "gpu" else None
    cap, batch = breakeven.replica_capacity(_replica(card, est, tflops, n), w.input_tokens, w.output_tokens)
    basis = f"{cols['cost_basis'][p] or ''}; serves ~{cap:,.0f} requests/day at batch {batch} ({est.engine})"
    base = float(cols["monthly_cost_usd"][p])
    if cloud is None:
        more = "; no rentable configuration to add replicas"
        return breakeven.SelfHostedLine(base, cap, None, None), basis + more, None
    usd, xcap, more, _, _ = cloud
    return breakeven.SelfHostedLine(base, cap, usd, xcap), basis + "; extra replicas: " + more, None
