"""Plain-language evidence for the engine's decisions: pick fields and reasons, warnings, assumptions and
"what would change the answer". Reads the numbers the engine computed; computes nothing new."""

from __future__ import annotations

import math
import re

import numpy as np

from advisor.engine import cost, scoring
from advisor.engine.candidates import context_for_estimates, quality_tasks
from advisor.engine.features import EVIDENCE_NAME
from advisor.engine.filters import RULE_NAMES, tokens
from advisor.i18n import Msg, ids, label, say, t
from advisor.recommendation import Criterion, NearMiss, Pick, WhatIf
from advisor.requirements import Requirements


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


LOW_BITS = 4.0  # below this, quantization costs noticeable quality (llama.cpp perplexity tables)


def _bits(quant) -> float:
    from advisor.hardware import QUANTS

    q = QUANTS.get(quant) if isinstance(quant, str) else None
    return q.bits_per_weight if q else 16.0


def route(kind: str, lang: str = "en") -> str:
    """'via API: ' / 'self-hosted: ' prefix for reasons of a model with several ways to run it."""
    return t("e_via_api" if kind in ("api", "api_none") else "e_self_hosted", lang)


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


def pick_fields(req: Requirements, row, lang: str = "en") -> dict:
    """A Pick's fields; its basis lines (advisor.i18n.Msg from hardware and cost) are told in `lang`."""
    self_hosted = row["kind"] in ("owned", "rented")
    basis = row["cost_basis"] if isinstance(row["cost_basis"], Msg) else _text(row["cost_basis"])
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
        "cost_basis": say(basis, lang),
        "quality": _num(row["quality"]),
        "quality_low": _num(row["quality_low"]),
        "quality_high": _num(row["quality_high"]),
        "quality_evidence": EVIDENCE_NAME.get(int(row["quality_ev"]))
        if row["quality_ev"] == row["quality_ev"]
        else None,
        "basis": [say(b, lang) for b in row["basis"]] if isinstance(row["basis"], list) else [],
    }


def pick_reasons(
    req: Requirements, r: dict, row, crit: dict[str, Criterion], tied: list[str], lang: str = "en"
) -> list[str]:
    quality = r["values"][:, 0]
    place = int((quality > row["quality"]).sum()) + 1
    out = [
        t("r_quality", lang, tasks=ids("task", quality_tasks(req), lang), q=row["quality"], lo=row["quality_low"],
          hi=row["quality_high"], place=place, n=len(quality))
    ]  # fmt: skip
    if row["quality_fallback"]:
        out.append(t("r_fallback", lang))
    elif row["quality_ev"] == 2:
        out.append(t("r_imputed", lang))
    elif row["quality_ev"] == 1:
        out.append(t("r_older", lang))
    usd = row["monthly_cost_usd"]
    if row["kind"] == "api":
        out.append(t("r_cost_api", lang, usd=usd, provider=row["provider"]))
    elif row["kind"] == "rented":
        out.append(t("r_cost_rented", lang, usd=usd, count=row["gpu_count"], gpu=row["gpu"]))
    else:
        out.append(t("r_cost_owned", lang, usd=usd))
    if row["kind"] in ("owned", "rented"):
        tps = row["tokens_per_s"]
        speed = t("r_speed", lang, tps=tps) if tps == tps else ""
        out.append(
            t(
                "r_fits",
                lang,
                gb=row["memory_gb"],
                have=row["available_gb"],
                quant=row["quantization"],
                speed=speed,
            )
        )
    if row["kind"] in ("owned", "rented") and _bits(row["quantization"]) < LOW_BITS:
        out.append(t("r_low_bits", lang, quant=row["quantization"], bits=_bits(row["quantization"])))
    if row["commercial_use"] == "restricted":
        out.append(
            t("r_restricted", lang, license=row["license_name"], restriction=row["commercial_restriction"])
        )
    elif row["open_weights"]:
        out.append(t("r_open_license", lang, license=row["license_name"]))
    if req.privacy == "no_training" and row["kind"] == "api":
        out.append(t("r_no_training", lang, provider=row["provider"]))
    if row["kind"] in ("owned", "rented") and req.privacy != "any":
        out.append(t("r_data_stays", lang))
    strongest = max(crit, key=lambda k: crit[k].contribution)
    name = scoring.CRITERIA[strongest].label if lang == "en" else label("criterion", strongest, lang)
    out.append(t("r_strongest", lang, criterion=name, c=crit[strongest].contribution, s=row["score"]))
    if tied:
        out.append(t("r_tied", lang, names=", ".join(tied), noise=scoring.TIE_NOISE))
    return out


_WEIGH = re.compile(r"weigh (\w+) (\d+)% (more|less)")  # scoring.perturbed_weights labels


def weight_change(change: str, lang: str = "en") -> str:
    """A stability flip's change ("weigh cost 20% more", from scoring) in `lang`."""
    m = _WEIGH.fullmatch(change)
    if m is None:
        return change
    name, pct, word = m.groups()
    criterion = name if lang == "en" else label("criterion", name, lang)
    return t("s_more" if word == "more" else "s_less", lang, criterion=criterion, pct=pct)


def stability_changes(flips: list, names: list[str], lang: str = "en") -> list[WhatIf]:
    seen, out = set(), []
    for change, win in flips:
        if win not in seen:
            seen.add(win)
            out.append(
                WhatIf(change=weight_change(change, lang), effect=t("s_becomes_top", lang, name=names[win]))
            )
    return out


def near_miss_changes(near: list[NearMiss], lang: str = "en") -> list[WhatIf]:
    return [
        WhatIf(change=n.change, effect=t("s_eligible", lang, name=n.name, rank=n.would_rank)) for n in near
    ]


def warnings(
    req: Requirements, r: dict, picks: list[Pick], near: list[NearMiss], closest: np.ndarray, lang: str = "en"
) -> list[str]:
    out = []
    if not picks:
        counts = r["fails"][closest].sum(axis=0)
        n = int(counts.max()) if len(closest) else 0
        rule = RULE_NAMES[int(counts.argmax())] if n else "none"
        rule = rule if lang == "en" else label("rule", rule, lang)
        text = t("w_none", lang, rule=rule, n=n, total=len(closest))
        if near:
            items = [t("w_closest_item", lang, name=m.name, change=m.change) for m in near]
            text += t("w_closest", lang, items=t("e_list_sep", lang).join(items))
        out.append(text)
    trains = _trains_warning(req, r, picks, lang)
    if trains:
        out.append(trains)
    for p in picks:
        if p.commercial_use == "restricted" and req.license != "any":
            out.append(
                t("w_restricted", lang, name=p.name, license=p.license, restriction=p.commercial_restriction)
            )
    return out


TRAINS_NAMED = 3  # picks named in the training-data warning; the rest are counted


def _trains_warning(req: Requirements, r: dict, picks: list[Pick], lang: str) -> str | None:
    """One warning for every shortlisted API pick whose provider trains on API data by default or doesn't
    say: the first TRAINS_NAMED named with their provider, the rest counted."""
    if req.privacy != "any":
        return None
    trains_of = r["columns"]["trains"][r["ranked"]]
    items = [
        t("w_trains_item", lang, name=p.name, provider=p.provider,
          says=t("e_trains_default" if trains_of[p.rank - 1] == 1 else "e_trains_unknown", lang))
        for p in picks
        if p.deployment == "api" and trains_of[p.rank - 1] != 0
    ]  # fmt: skip
    if not items:
        return None
    named = t("e_list_sep", lang).join(items[:TRAINS_NAMED])
    more = t("w_trains_more", lang, n=len(items) - TRAINS_NAMED) if len(items) > TRAINS_NAMED else ""
    return t("w_trains", lang, n=len(items), total=len(picks), items=named, more=more)


def assumptions(req: Requirements, r: dict, lang: str = "en") -> list[str]:
    w = req.workload
    out = [
        t("a_workload", lang, rpd=w.requests_per_day, inp=w.input_tokens, out=w.output_tokens, days=cost.DAYS_PER_MONTH),
        t("a_quality", lang, tasks=ids("task", quality_tasks(req), lang)),
    ]  # fmt: skip
    kinds = set(r["columns"]["kind"])
    if kinds & {"owned", "rented"}:
        out.append(t("a_context", lang, ctx=tokens(context_for_estimates(req))))
    if "owned" in kinds:
        out.append(t("a_owned", lang, hours=cost.HOURS_PER_MONTH, kwh=cost.USD_PER_KWH))
    if "rented" in kinds:
        out.append(t("a_rented", lang, hours=cost.HOURS_PER_MONTH))
    return out
