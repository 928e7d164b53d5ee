"""Candidate deployments per model: the cheapest suitable API offer, and self-hosting on your hardware
(advisor.hardware.estimate) or on rented cloud GPUs (advisor.hardware.cheapest_cloud). Rented GPUs are
costed when you ask to self-host without hardware, and (deployment any, no hardware) for open models
without an API offer.

One row per (model, way of running it) with the columns the rules and the scoring read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from advisor.engine import cost
from advisor.engine.features import Features
from advisor.i18n import msg
from advisor.requirements import Requirements

MODEL_COLS = (
    "id name organization open_weights license_name permissive commercial_use commercial_restriction "
    "params_b context_tokens deprecated deprecation_date lock_in longevity support customisation"
).split()
MIN_ESTIMATE_CONTEXT = 4096


def context_for_estimates(req: Requirements) -> int:
    """Context the memory estimate provisions: min_context_tokens, else one request (≥ 4K)."""
    if req.min_context_tokens:
        return req.min_context_tokens
    return max(MIN_ESTIMATE_CONTEXT, req.workload.input_tokens + req.workload.output_tokens)


def task_quality(models: pd.DataFrame, req: Requirements) -> dict[str, np.ndarray]:
    """Per model: mean quality over the requested tasks (+ language tasks) with its interval. A task with
    no score falls back to `general` (quality_fallback = True); evidence is the weakest used (0 direct,
    1 aligned, 2 imputed; a fallback counts as imputed)."""
    q, lo, hi, ev, fb = [], [], [], [], []
    for task in quality_tasks(req):
        own = ~np.isnan(models[f"q_{task}"].to_numpy())
        q.append(np.where(own, models[f"q_{task}"].to_numpy(), models["q_general"].to_numpy()))
        lo.append(np.where(own, models[f"lo_{task}"].to_numpy(), models["lo_general"].to_numpy()))
        hi.append(np.where(own, models[f"hi_{task}"].to_numpy(), models["hi_general"].to_numpy()))
        ev.append(np.where(own, models[f"ev_{task}"].to_numpy(), 2.0))
        fb.append(~own)
    return {
        "quality": np.mean(q, axis=0),
        "quality_low": np.mean(lo, axis=0),
        "quality_high": np.mean(hi, axis=0),
        "quality_ev": np.max(ev, axis=0),
        "quality_fallback": np.any(fb, axis=0),
    }


LANGUAGE_TASKS = {"zh": "chinese"}  # other non-English languages → the multilingual task


def quality_tasks(req: Requirements) -> list[str]:
    """The requested tasks plus one per non-English language asked for."""
    langs = [LANGUAGE_TASKS.get(code, "multilingual") for code in req.languages if code != "en"]
    return list(dict.fromkeys([*req.tasks, *langs]))


def api_rows(f: Features, req: Requirements) -> pd.DataFrame:
    """Per model with offers: the cheapest offer meeting region and privacy (else the closest miss)."""
    o = f.offers
    if o.empty:
        return {}
    monthly = np.broadcast_to(
        cost.api_monthly(req.workload, o["in_usd"].to_numpy(), o["out_usd"].to_numpy()), len(o)
    )
    ok_region = o["region_global"].to_numpy().copy()
    if req.region != "any":
        ok_region |= o[f"region_{req.region}"].to_numpy()
    else:
        ok_region[:] = True
    trains = o["trains"].to_numpy()
    ok_privacy = trains == 0 if req.privacy == "no_training" else np.ones(len(o), bool)
    mi = o["mi"].to_numpy()
    miss = (~ok_region).astype(int) * 2 + (~ok_privacy).astype(int)
    order = np.lexsort((monthly, miss, mi))
    first = order[np.r_[True, mi[order][1:] != mi[order][:-1]]]
    return {
        "mi": mi[first],
        "kind": np.full(len(first), "api", object),
        "provider": o["provider"].to_numpy()[first],
        "input_usd_per_1m": o["in_usd"].to_numpy()[first],
        "output_usd_per_1m": o["out_usd"].to_numpy()[first],
        "monthly_cost_usd": monthly[first],
        "trains": trains[first],
        "ok_region": ok_region[first],
        "tokens_per_s": f.models["speed_tps"].to_numpy()[mi[first]],
    }


@dataclass(frozen=True)
class ModelFacts:
    """What the hardware model reads from a card (hardware.estimate / cheapest_cloud; KV layout and native
    precision in hardware_memory.kv_layout / native_quant); hashable, so equal architectures share one
    estimate (`key` leaves out the id)."""

    id: str
    params_b: float | None
    active_params_b: float | None
    layers: int | None
    kv_heads: int | None
    head_dim: int | None
    attention: str | None = None  # gqa | mla | hybrid (None = gqa)
    kv_lora_rank: int | None = None  # MLA latent width
    rope_head_dim: int | None = None  # MLA decoupled RoPE key width
    kv_layers: int | None = None  # hybrid: layers that keep a per-token cache
    native_precision: str | None = None  # e.g. fp8, mxfp4: what vLLM serves as published
    native_bits_per_weight: float | None = None

    @classmethod
    def of(cls, card) -> ModelFacts:
        return cls(card.id, *(getattr(card, name, None) for name in ARCH_FIELDS))

    @property
    def key(self) -> tuple:
        return tuple(getattr(self, name) for name in ARCH_FIELDS)


ARCH_FIELDS = tuple(n for n in ModelFacts.__dataclass_fields__ if n != "id")


def self_rows(f: Features, req: Requirements, todo: np.ndarray) -> pd.DataFrame:
    """Self-hosted rows for open-weight models `todo` (row positions): your hardware when given, else the
    cheapest rented GPU configuration that fits ($/hour × 730)."""
    ctx_need = context_for_estimates(req)
    from advisor import hardware  # imported here: only self-hosting needs GPU data

    profile = hardware.resolve_hardware(req.hardware) if req.hardware is not None else None
    if profile is not None:
        watts = _power_w(profile)
        power = {
            "monthly_cost_usd": cost.power_monthly(watts),
            "cost_basis": cost.power_basis(watts, profile.label),
        }
    context = f.models["context_tokens"].to_numpy()
    hw_key = profile.model_dump_json() if profile is not None else None
    plans: dict[tuple, int] = {}  # fit-cache key -> position in `rows`; models sharing one share the row
    rows, which = [], np.empty(len(todo), dtype=np.int64)
    ctx_used = np.where(np.isnan(context[todo]), ctx_need, np.minimum(ctx_need, context[todo])).astype(int)
    for i, (mi, ctx) in enumerate(zip(todo.tolist(), ctx_used.tolist(), strict=True)):
        if mi not in f.arch:
            facts = ModelFacts.of(f.cards[mi])
            f.arch[mi] = facts, facts.key
        facts, arch = f.arch[mi]
        key = (*arch, ctx, hw_key)
        if key not in plans:
            if key not in f.fit_cache:
                f.fit_cache[key] = _plan(hardware, facts, profile, ctx, req)
            plans[key] = len(rows)
            rows.append(f.fit_cache[key] | power if profile is not None else f.fit_cache[key])
        which[i] = plans[key]
    keys = dict.fromkeys(k for row in rows for k in row)
    return {"mi": np.asarray(todo, dtype=np.int64), "ctx_used": ctx_used.astype(float)} | {
        k: _column([row.get(k) for row in rows], numeric=k in FLOAT_COLS)[which] for k in keys
    }


def _column(values: list, numeric: bool) -> np.ndarray:
    """A float column (None → NaN) or a 1-D object column (lists stay lists, None stays None)."""
    if numeric:
        return np.array([np.nan if v is None else v for v in values], dtype=float)
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return arr


def _plan(hardware, facts: ModelFacts, profile, ctx: int, req: Requirements) -> dict:
    kind = "owned" if profile is not None else "rented"
    if facts.params_b is None:
        return {"kind": kind, "fits": False, "memory_gb": np.nan, "basis": [msg("hw_no_params")]}
    if profile is not None:
        device = profile.device.name if profile.kind != "cpu" else None
        gpu = {"gpu": device, "gpu_count": profile.gpu_count if device else None, "gpu_rented": False}
        gpu["device_kind"] = profile.kind
        return _fit_row("owned", hardware.estimate(facts, profile, ctx)) | gpu
    plan = hardware.cheapest_cloud(facts, ctx)
    if plan is None:
        return {"kind": kind, "fits": False, "memory_gb": np.nan, "basis": [msg("hw_no_rental")]}
    return _fit_row("rented", plan.estimate) | {
        "gpu": plan.gpu,
        "gpu_count": plan.gpu_count,
        "gpu_rented": True,
        "monthly_cost_usd": plan.monthly_usd,
        "cost_basis": cost.rented_basis(plan.gpu, plan.gpu_count, plan.usd_per_hour),
    }


def _fit_row(kind: str, est) -> dict:
    return {
        "kind": kind,
        "fits": bool(est.fits),
        "memory_gb": est.memory_gb,
        "available_gb": est.available_gb,
        "quantization": est.quantization,
        "tokens_per_s": est.tokens_per_s,
        "basis": list(est.basis_msgs),
    }


def _power_w(profile) -> float:
    """Board power of the owned hardware under load, from the GPU table (data/gpus.csv: board_power_w)."""
    count = profile.gpu_count if profile.kind == "gpu" else 1
    return profile.device.board_power_w * count


FLOAT_COLS = (
    "input_usd_per_1m",
    "output_usd_per_1m",
    "fits",
    "memory_gb",
    "available_gb",
    "tokens_per_s",
    "monthly_cost_usd",
    "trains",
    "ctx_used",
    "gpu_count",
)
OBJECT_COLS = (
    "kind",
    "provider",
    "quantization",
    "gpu",
    "device_kind",
    "cost_basis",
    "basis",
    "gpu_rented",
)


def _stack(parts: list[dict]) -> dict[str, np.ndarray]:
    """Concatenate column dicts; a column a part lacks is NaN (numbers) or None (objects) there."""
    sizes = [len(p["mi"]) for p in parts]
    out = {"mi": np.concatenate([np.asarray(p["mi"], dtype=np.int64) for p in parts])}
    for col in (*FLOAT_COLS, *OBJECT_COLS, "ok_region"):
        pieces = []
        for p, n in zip(parts, sizes, strict=True):
            if col in p:
                pieces.append(np.asarray(p[col], dtype=float if col in FLOAT_COLS else object))
            else:
                pieces.append(
                    np.full(
                        n, np.nan if col in FLOAT_COLS else None, dtype=float if col in FLOAT_COLS else object
                    )
                )
        out[col] = np.concatenate(pieces)
    out["ok_region"] = out["ok_region"] == True  # noqa: E712 - object array: None means not an API row
    return out


def build(f: Features, req: Requirements) -> dict[str, np.ndarray]:
    """All candidate rows as columns (numpy arrays), with the model columns and task quality joined."""
    m = f.models
    has_offer = m["n_offers"].to_numpy() > 0
    open_w = m["open_weights"].to_numpy(dtype=bool)
    parts = [api_rows(f, req)]
    no_api = np.flatnonzero(~has_offer & (~open_w | (req.deployment == "api")))
    parts.append({"mi": no_api, "kind": np.full(len(no_api), "api_none", object)})
    if req.deployment != "api":
        todo = open_w & ~m["deprecated"].to_numpy(dtype=bool)
        if req.hardware is None and not req.self_hosted_only:
            # no hardware, deployment any: rented GPUs for open models without an API offer, so they are
            # ranked too (advisor.decision costs rented GPUs for the best of the others)
            todo &= ~has_offer
        parts.append(self_rows(f, req, np.flatnonzero(todo)))
    parts = [p for p in parts if p and len(p["mi"])]
    seen = np.concatenate([p["mi"] for p in parts]) if parts else np.empty(0, np.int64)
    orphans = np.setdiff1d(np.arange(len(m)), seen)
    if len(orphans):  # e.g. a deprecated open model with no offer: still gets a row, so it gets a reason
        parts.append({"mi": orphans, "kind": np.full(len(orphans), "api_none", object)})
    cols = _stack(parts or [{"mi": np.empty(0, np.int64)}])
    mi = cols["mi"]
    for col in [*MODEL_COLS, *(c for c in m.columns if c.startswith("cap_"))]:
        cols[col] = f.column(col)[mi]
    for col in f.regions.columns:
        cols[col] = f.regions[col].to_numpy()[mi]
    for col, values in task_quality(m, req).items():
        cols[col] = values[mi]
    return cols
