"""API vs self-hosting cost as a function of volume, and where they cross (issue 7).

API: linear, `usd_per_daily_request` × requests/day (cost.api_monthly at one request/day).
Self-hosted: a step function. One replica = the hardware that runs the model once (your GPUs, or the cheapest
rented configuration). Its capacity in requests/day (`replica_capacity`, a roofline sketch on the hardware
estimate of advisor.hardware):

    batch B        = 1 + spare memory ÷ KV cache of one request, at most MAX_BATCH[engine] per GPU
    decode tok/s   = B × single-stream tok/s × (weights read + KV) ÷ (weights read at batch B + B × KV)
                     (MoE: a batch touches more experts: weights read = total × max(f, 1 − (1 − f)^B), f = active
                     share), and at most peak FLOPS × MFU ÷ (2 × active params)
    prefill s      = input tokens × 2 × active params ÷ (peak FLOPS × MFU)
    capacity       = 86,400 × UTILISATION ÷ (output tokens ÷ decode tok/s + prefill s)

Missing facts fall back to `capacity_per_day` (CONCURRENCY requests at the single-stream speed).

More volume than the first replica serves needs extra replicas, each costed as the cheapest rented
configuration for the model (`extra_usd`, `extra_capacity`); none → that volume can't be served (NaN).
Break-even = the lowest requests/day at which the API costs as much as self-hosting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

SECONDS_PER_DAY = 86_400
UTILISATION = 0.5  # traffic is not flat over 24 h: plan replicas at half of their round-the-clock capacity
CONCURRENCY = 4  # requests decoded together per replica (llama.cpp --parallel 4; vLLM batches more)
PREFILL_SPEEDUP = 10.0  # prompt tokens are processed in parallel, about 10× faster than decoding
MAX_REPLICAS = 100_000
MAX_BATCH = {"vllm": 64, "llama.cpp": 8, "ollama": 4, "mlx": 4}  # concurrent sequences per engine
MFU = 0.3  # share of peak FP16 FLOPS reached in prefill (typical for vLLM / llama.cpp)


@dataclass(frozen=True)
class Replica:
    """What one replica's capacity rests on (from a hardware.FitEstimate and the GPU table)."""

    tokens_per_s: float | None  # single-stream decode speed
    weights_gb: float
    kv_gb_per_token: float
    spare_gb: float  # memory left after weights, overhead and one request's KV cache
    active_fraction: float  # active ÷ total parameters (1 for dense models)
    active_params_b: float
    tflops: float | None  # peak dense FP16 of the whole replica
    engine: str = "llama.cpp"
    gpus: int = 1  # the batch cap is per GPU


def replica_capacity(r: Replica, input_tokens: int, output_tokens: int) -> tuple[float, int]:
    """(requests/day, batch) for one replica; see the module docstring."""
    tps = r.tokens_per_s
    if tps is None or not tps > 0 or math.isnan(tps) or output_tokens + input_tokens <= 0:
        return capacity_per_day(tps, input_tokens, output_tokens), CONCURRENCY
    kv_req = r.kv_gb_per_token * (input_tokens + output_tokens)
    kv_avg = r.kv_gb_per_token * (input_tokens + output_tokens / 2)
    batch = MAX_BATCH.get(r.engine, CONCURRENCY) * max(1, r.gpus)
    if kv_req > 0:
        batch = int(max(1, min(batch, 1 + r.spare_gb // kv_req)))
    f = min(1.0, max(r.active_fraction, 1e-6))
    read_1 = r.weights_gb * f
    read_b = r.weights_gb * max(f, 1 - (1 - f) ** batch)
    decode = batch * tps * (read_1 + kv_avg) / (read_b + batch * kv_avg)
    prefill_s = 0.0
    if r.tflops:
        flops = r.tflops * 1e12 * MFU
        decode = min(decode, flops / (2 * r.active_params_b * 1e9))
        prefill_s = input_tokens * 2 * r.active_params_b * 1e9 / flops
    else:
        prefill_s = input_tokens / (tps * PREFILL_SPEEDUP * batch)
    seconds = (output_tokens / decode if output_tokens else 0.0) + prefill_s
    return (SECONDS_PER_DAY * UTILISATION / seconds if seconds > 0 else math.inf), batch


def capacity_per_day(tokens_per_s: float | None, input_tokens: int, output_tokens: int) -> float:
    """Requests/day one replica serves; inf when the speed is unknown (costed as a single replica)."""
    if tokens_per_s is None or not tokens_per_s > 0 or math.isnan(tokens_per_s):
        return math.inf
    seconds = output_tokens / tokens_per_s + input_tokens / (tokens_per_s * PREFILL_SPEEDUP)
    if seconds <= 0:
        return math.inf
    return SECONDS_PER_DAY * UTILISATION * CONCURRENCY / seconds


@dataclass(frozen=True)
class SelfHostedLine:
    base_usd: float  # monthly cost of the first replica (power of your hardware, or rented)
    base_capacity: float  # requests/day it serves
    extra_usd: float | None  # each further replica (rented); None = can't scale past base_capacity
    extra_capacity: float | None

    def replicas(self, requests_per_day: float) -> float:
        """Replicas needed: 1 for the base, plus extras; NaN when the volume can't be served."""
        over = requests_per_day - self.base_capacity
        if over <= 0:
            return 1.0
        if self.extra_usd is None or not self.extra_capacity:
            return math.nan
        return 1.0 + math.ceil(over / self.extra_capacity - 1e-9)

    def monthly(self, requests_per_day: float) -> float:
        n = self.replicas(requests_per_day)
        if math.isnan(n):
            return math.nan
        return self.base_usd + (n - 1) * (self.extra_usd or 0.0)


def break_even(usd_per_daily_request: float, line: SelfHostedLine) -> float | None:
    """Lowest requests/day where API cost a·v reaches the self-hosted step function S(v); None if never.

    Band k (k = 0: the base replica; k ≥ 1: k extra replicas) ends at U_k = base_capacity + k·extra_capacity
    and costs S_k = base_usd + k·extra_usd. The first band with a·U_k ≥ S_k holds the crossing, at S_k / a:
    at its start the API was still below S_(k-1) < S_k."""
    a = usd_per_daily_request
    if not a > 0:
        return None
    if a * line.base_capacity >= line.base_usd:
        return line.base_usd / a
    if line.extra_usd is None or not line.extra_capacity:
        return None
    gain = a * line.extra_capacity - line.extra_usd  # how much the API falls behind per extra replica
    if gain <= 0:
        return None
    k = max(1, math.ceil((line.base_usd - a * line.base_capacity) / gain - 1e-12))
    if k > MAX_REPLICAS:
        return None
    return (line.base_usd + k * line.extra_usd) / a


def cheaper_until(usd_per_daily_request: float, line: SelfHostedLine) -> float | None:
    """Past the break-even, the volume above which the API is cheaper at every higher volume; None when there
    is no crossing, or when each extra replica costs less than the API for its traffic (self-hosting stays
    competitive however large the volume).

    With gain = a·extra_capacity − extra_usd < 0, API − self-hosted at the end of band j falls by −gain per
    band; the API wins every band from the first j with a·U_j < S_j, i.e. j > (a·base_capacity − base_usd) ÷
    −gain, so from the start of that band, U_(j−1)."""
    a, be = usd_per_daily_request, break_even(usd_per_daily_request, line)
    if be is None:
        return None
    if line.extra_usd is None or not line.extra_capacity:
        return line.base_capacity if math.isfinite(line.base_capacity) else None
    gain = a * line.extra_capacity - line.extra_usd
    if gain >= 0:
        return None
    j0 = max(1, math.floor((a * line.base_capacity - line.base_usd) / -gain) + 1)
    return line.base_capacity + (j0 - 1) * line.extra_capacity


def curve(
    usd_per_daily_request: float, line: SelfHostedLine, volume: float, points: int = 120
) -> pd.DataFrame:
    """Monthly cost of both routes over requests/day (0 … max(3 × volume, 1.5 × break-even)), with the step
    edges of the self-hosted line, the break-even and your volume as rows (`marker` says which)."""
    be = break_even(usd_per_daily_request, line)
    top = max(3 * volume, 1.5 * (be or 0), 10.0)
    grid = list(np.linspace(0, top, points))
    edges, k = [], 0
    while line.extra_capacity and math.isfinite(line.base_capacity) and k < 200:
        edge = line.base_capacity + k * line.extra_capacity
        if edge >= top:
            break
        edges += [edge, edge * (1 + 1e-9) + 1e-6]
        k += 1
    if math.isfinite(line.base_capacity) and line.base_capacity < top and not edges:
        edges = [line.base_capacity]
    marks = {float(v): "your volume" for v in [volume]}
    if be is not None:
        marks[float(be)] = "break-even"
    xs = sorted(set(float(x) for x in [*grid, *edges, *marks]))
    return pd.DataFrame(
        {
            "requests_per_day": xs,
            "api_monthly_usd": [usd_per_daily_request * x for x in xs],
            "self_hosted_monthly_usd": [line.monthly(x) for x in xs],
            "replicas": [line.replicas(x) for x in xs],
            "marker": [marks.get(x, "") for x in xs],
        }
    )
