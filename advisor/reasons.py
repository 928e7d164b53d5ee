"""Plain-language evidence for the engine's decisions: pick fields and reasons, warnings, assumptions and
"what would change the answer". Reads the numbers the engine computed; computes nothing new."""

from __future__ import annotations

import math

import numpy as np

from advisor import cost, scoring
from advisor.candidates import context_for_estimates, quality_tasks
from advisor.features import EVIDENCE_NAME
from advisor.filters import RULE_NAMES, tokens
from advisor.recommendation import Criterion, NearMiss, Pick, WhatIf
from advisor.requirements import Requirements


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


LOW_BITS = 4.0  # below this, quantization costs noticeable quality (llama.cpp perplexity tables)


def _bits(quant) -> float:
    from advisor.hardware import QUANTS

    q = QUANTS.get(quant) if isinstance(quant, str) else None
    return q.bits_per_weight if q else 16.0


def route(kind: str) -> str:
    """'via API: ' / 'self-hosted: ' prefix for reasons of a model with several ways to run it."""
    return "via API: " if kind in ("api", "api_none") else "self-hosted: "


def criteria(r: dict, pos: int) -> dict[str, Criterion]:
    """Evidence for ranked position `pos`: raw value, normalised value, weight and contribution."""
    values, norm, contrib = r["values"][pos], r["normalized"][pos], r["contributions"][pos]
    return {
        name: Criterion(
            value=_num(values[j]),
            normalized=float(norm[j]),
            weight=float(r["weights"][name]),
            contribution=float(contrib[j]),
            unit=spec.unit,
        )
        for j, (name, spec) in enumerate(scoring.CRITERIA.items())
    }


def _text(x) -> str:
    return x if isinstance(x, str) else ""


def pick_fields(req: Requirements, row) -> dict:
    self_hosted = row["kind"] in ("owned", "rented")
    basis = _text(row["cost_basis"])
    if row["kind"] == "api":
        basis = cost.api_basis(
            req.workload, row["provider"], row["input_usd_per_1m"], row["output_usd_per_1m"]
        )
    gpu_count = row["gpu_count"]
    return {
        "model_id": row["id"],
        "name": row["name"],
        "organization": row["organization"],
        "open_weights": bool(row["open_weights"]),
        "license": row["license_name"],
        "commercial_use": row["commercial_use"],
        "commercial_restriction": row["commercial_restriction"],
        "deployment": "self_hosted" if self_hosted else "api",
        "provider": None if self_hosted else row["provider"],
        "quantization": _text(row["quantization"]) or None if self_hosted else None,
        "gpu": _text(row["gpu"]) or None if self_hosted else None,
        "gpu_count": int(gpu_count)
        if self_hosted and gpu_count == gpu_count and gpu_count is not None
        else None,
        "gpu_rented": bool(row["gpu_rented"]) if self_hosted and row["gpu_rented"] is not None else None,
        "params_b": _num(row["params_b"]),
        "memory_gb": _num(row["memory_gb"]) if self_hosted else None,
        "tokens_per_s": _num(row["tokens_per_s"]),
        "context_tokens": int(row["context_tokens"])
        if row["context_tokens"] == row["context_tokens"]
        else None,
        "input_usd_per_1m": None if self_hosted else _num(row["input_usd_per_1m"]),
        "output_usd_per_1m": None if self_hosted else _num(row["output_usd_per_1m"]),
        "monthly_cost_usd": None
        if _num(row["monthly_cost_usd"]) is None
        else round(row["monthly_cost_usd"], 4),
        "cost_basis": basis,
        "quality": _num(row["quality"]),
        "quality_low": _num(row["quality_low"]),
        "quality_high": _num(row["quality_high"]),
        "quality_evidence": EVIDENCE_NAME.get(int(row["quality_ev"]))
        if row["quality_ev"] == row["quality_ev"]
        else None,
        "basis": list(row["basis"]) if isinstance(row["basis"], list) else [],
    }


def pick_reasons(req: Requirements, r: dict, row, crit: dict[str, Criterion], tied: list[str]) -> list[str]:
    quality = r["values"][:, 0]
    tasks = ", ".join(quality_tasks(req))
    place = int((quality > row["quality"]).sum()) + 1
    out = [
        f"{tasks} quality {row['quality']:.0f} Arena points (95% interval {row['quality_low']:.0f}–"
        f"{row['quality_high']:.0f}), #{place} of {len(quality)} candidates on quality"
    ]
    if row["quality_fallback"]:
        out.append(
            "No Arena score for every task you listed; its general score stands in for the missing ones"
        )
    elif row["quality_ev"] == 2:
        out.append("Its quality score is imputed (predicted from other benchmarks), not measured on Arena")
    elif row["quality_ev"] == 1:
        out.append("Its quality score comes from an older Arena snapshot mapped onto the current scale")
    usd = row["monthly_cost_usd"]
    if row["kind"] == "api":
        out.append(f"About ${usd:,.2f}/month via {row['provider']} at your workload")
    elif row["kind"] == "rented":
        out.append(f"About ${usd:,.0f}/month on {row['gpu_count']}× {row['gpu']} rented by the hour")
    else:
        out.append(f"Runs on your own hardware; electricity about ${usd:,.0f}/month")
    if row["kind"] in ("owned", "rented"):
        speed = (
            f"; about {row['tokens_per_s']:.0f} tokens/s (estimated)"
            if row["tokens_per_s"] == row["tokens_per_s"]
            else ""
        )
        out.append(
            f"Fits in {row['memory_gb']:.1f} of {row['available_gb']:.0f} GB at {row['quantization']}{speed}"
        )
    if row["kind"] in ("owned", "rented") and _bits(row["quantization"]) < LOW_BITS:
        out.append(
            f"Runs at {row['quantization']} ({_bits(row['quantization']):g} bits per weight): expect lower quality "
            "than its Arena score, which was measured at full precision"
        )
    if row["commercial_use"] == "restricted":
        out.append(f"{row['license_name']}: commercial use with conditions — {row['commercial_restriction']}")
    elif row["open_weights"]:
        out.append(f"{row['license_name']} license, open weights: commercial use allowed")
    if req.privacy == "no_training" and row["kind"] == "api":
        out.append(f"{row['provider']} does not train on API data")
    if row["kind"] in ("owned", "rented") and req.privacy != "any":
        out.append("Your data stays on infrastructure you control")
    strongest = max(crit, key=lambda k: crit[k].contribution)
    out.append(
        f"Strongest criterion: {scoring.CRITERIA[strongest].label} ({crit[strongest].contribution:.2f} of its "
        f"{row['score']:.2f} score)"
    )
    if tied:
        out.append(
            f"Tied with {', '.join(tied)}: quality intervals overlap and scores are within {scoring.TIE_NOISE}"
        )
    return out


def stability_changes(flips: list, names: list[str]) -> list[WhatIf]:
    seen, out = set(), []
    for change, win in flips:
        if win not in seen:
            seen.add(win)
            out.append(WhatIf(change=change, effect=f"{names[win]} becomes the top pick"))
    return out


def near_miss_changes(near: list[NearMiss]) -> list[WhatIf]:
    return [
        WhatIf(change=n.change, effect=f"{n.name} becomes eligible and would rank #{n.would_rank}")
        for n in near
    ]


def warnings(
    req: Requirements, r: dict, picks: list[Pick], near: list[NearMiss], closest: np.ndarray
) -> list[str]:
    out = []
    if not picks:
        counts = r["fails"][closest].sum(axis=0)
        n = int(counts.max()) if len(closest) else 0
        rule = RULE_NAMES[int(counts.argmax())] if n else "none"
        text = f"No model meets all your constraints; the {rule} rule removed the most ({n} of {len(closest)} models)."
        if near:
            text += " Closest: " + "; ".join(f"{m.name} if {m.change}" for m in near) + "."
        out.append(text)
    trains_of = r["columns"]["trains"][r["ranked"]]
    for p in picks:
        if p.deployment == "api" and req.privacy == "any":
            trains = trains_of[p.rank - 1]
            if trains != 0:
                says = (
                    "trains on API data by default"
                    if trains == 1
                    else "does not say whether it trains on API data"
                )
                out.append(
                    f"{p.name} via {p.provider}: the provider {says}; set privacy: no_training to rule this out."
                )
        if p.commercial_use == "restricted" and req.license != "any":
            out.append(
                f"{p.name}: {p.license} allows commercial use with conditions: {p.commercial_restriction}"
            )
    return out


def assumptions(req: Requirements, r: dict) -> list[str]:
    w = req.workload
    out = [
        f"Workload: {w.requests_per_day:,.0f} requests/day × ({w.input_tokens:,} input + {w.output_tokens:,} output "
        f"tokens), {cost.DAYS_PER_MONTH} days/month.",
        f"Quality = mean Arena score over: {', '.join(quality_tasks(req))}.",
    ]
    kinds = set(r["columns"]["kind"])
    if kinds & {"owned", "rented"}:
        out.append(
            f"Memory estimates provision {tokens(context_for_estimates(req))} tokens of context per request."
        )
    if "owned" in kinds:
        out.append(
            f"Owned hardware is costed at electricity only: board power (data/gpus.csv) × {cost.HOURS_PER_MONTH} h × "
            f"${cost.USD_PER_KWH}/kWh, running all month; the hardware itself is not costed."
        )
    if "rented" in kinds:
        out.append(f"Rented GPUs run all month: $/hour × {cost.HOURS_PER_MONTH} hours.")
    if req.priority in scoring.PRESETS_PENDING:
        out.append(
            f"The {req.priority} preset weighs support, lock-in and longevity; the catalog does not carry those "
            "criteria yet, so balanced weights are used."
        )
    return out
