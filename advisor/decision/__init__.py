"""Open weights or a closed API? The decision (issue 7): the best pick on each route, their monthly cost at
your volume, the break-even volume, the verdict (advisor.decision.verdict) and its paragraph in English and Chinese.

Each route's pick ignores only your budget and deployment choice (the verdict weighs those):
- API pick: the best-ranked model whose API row passes every other rule.
- Self-hosted pick: the best-ranked model that runs on your hardware (or, without hardware, on the cheapest
  rented GPUs). Without hardware the engine doesn't cost rented GPUs for models that have an API, so we do it
  here for a shortlist: open models passing the model rules that no other open model beats on quality, size
  and active parameters at once (costing all ~170 open models on rented GPUs takes a second).
Cost lines and capacity: advisor.decision.breakeven. Method: docs/decision.md.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from advisor.decision import breakeven, replicas, verdict
from advisor.decision import text as decision_text
from advisor.decision.criteria import EXTRA_CRITERIA
from advisor.decision.model import CostLines, Decision, DecisionPick, Factor
from advisor.engine import cost, filters, scoring
from advisor.requirements import Workload

RELAXED = ("budget", "deployment")
MODEL_RULES = ("deprecated", "quality_data", "license", "capability", "context")
SELF_KINDS = ("owned", "rented")
SHORTLIST_MAX = 30
_SELF_CACHE: dict = {}  # shortlist rows per (features, shortlist, requirements): warm calls skip rebuilding


def _num(x) -> float | None:
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) or math.isinf(x) else x


def _eligible(cols: dict, fails: np.ndarray, kinds: tuple[str, ...], relaxed=RELAXED) -> np.ndarray:
    keep = [j for j, name in enumerate(filters.RULE_NAMES) if name not in relaxed]
    ok = ~fails[:, keep].any(axis=1) & np.isin(cols["kind"], kinds)  # ($0 offers never get here: features)
    return np.flatnonzero(ok)


def _best(cols: dict, rows: np.ndarray, order_ids: list[str], weights: dict) -> int | None:
    """The row whose model ranks highest in the engine's ranking; else the top score within `rows`."""
    if len(rows) == 0:
        return None
    place = {mid: i for i, mid in enumerate(order_ids)}
    ranked = [(place[cols["id"][p]], p) for p in rows if cols["id"][p] in place]
    if ranked:
        return min(ranked)[1]
    from advisor.engine import criteria_values

    total, _, _ = scoring.score(criteria_values(cols, rows), weights)
    order = np.lexsort((cols["id"][rows], -cols["quality"][rows], -total))
    return int(rows[order[0]])


def _shortlist(r: dict) -> list[int]:
    """Open, non-deprecated models with known size passing the model rules, not dominated on (quality ↑,
    params ↓, active params ↓) by another such model."""
    cols, fails, feats = r["columns"], r["fails"], r["features"]
    idx = [filters.RULE_NAMES.index(n) for n in MODEL_RULES]
    ok = (
        ~fails[:, idx].any(axis=1)
        & cols["open_weights"].astype(bool)
        & ~np.isnan(cols["params_b"].astype(float))
    )
    mi = np.unique(cols["mi"][ok])
    if len(mi) == 0:
        return []
    q = pd.Series(cols["quality"][ok], index=cols["mi"][ok]).groupby(level=0).first().reindex(mi).to_numpy()
    p = feats.models["params_b"].to_numpy(float)[mi]
    a = feats.models["active_params_b"].to_numpy(float)[mi]
    front = []
    for i in range(len(mi)):
        dom = (q >= q[i]) & (p <= p[i]) & (a <= a[i]) & ((q > q[i]) | (p < p[i]) | (a < a[i]))
        if not dom.any():
            front.append(i)
    front.sort(key=lambda i: -q[i])
    return [int(mi[i]) for i in front[:SHORTLIST_MAX]]


def _extra_self_rows(r: dict) -> tuple[dict, np.ndarray] | None:
    """Self-hosted rows for the shortlist (rented GPUs, or your hardware when you chose the API route)."""
    from advisor.engine import candidates
    from advisor.engine.features import build_features

    short = _shortlist(r)
    if not short:
        return None
    req, feats = r["requirements"], r["features"]
    self_req = req.model_copy(update={"deployment": "self_hosted"})
    key = (id(feats), tuple(short), self_req.model_dump_json())
    hit = _SELF_CACHE.get(key)
    if hit is not None and hit[0] is feats:
        return hit[1]
    sub = build_features([feats.cards[i] for i in short])
    sub.fit_cache = feats.fit_cache
    cols = candidates.build(sub, self_req)
    out = cols, filters.apply_rules(cols, self_req)
    if len(_SELF_CACHE) >= 32:
        _SELF_CACHE.pop(next(iter(_SELF_CACHE)))
    _SELF_CACHE[key] = (feats, out)  # keeps feats alive, so its id can't be reused while cached
    return out


def _why_no_self(r: dict) -> dict:
    """Why no open model can be self-hosted: the model rule that removes the most open models, else hardware."""
    cols, fails, req = r["columns"], r["fails"], r["requirements"]
    open_rows = np.flatnonzero(cols["open_weights"].astype(bool) & ~cols["deprecated"].astype(bool))
    if len(open_rows) == 0:
        return {"code": "none"}
    names = [n for n in MODEL_RULES if n != "deprecated"]
    sub = fails[np.ix_(open_rows, [filters.RULE_NAMES.index(n) for n in names])]
    if sub.any(axis=1).all():
        j = int(np.argmax(sub.sum(axis=0)))
        failing = open_rows[sub[:, j]]
        best = failing[int(np.argmax(np.nan_to_num(cols["quality"][failing].astype(float), nan=-np.inf)))]
        rule = next(x for x in filters.RULES if x.name == names[j])
        row, name = filters.Row(cols, best), cols["name"][best]
        return {
            "code": "rule",
            "rule": names[j],
            "n": len(np.unique(cols["mi"][failing])),
            "example": f"{name}: {rule.reason(row, req, 'en')}",
            "example_zh": f"{name}：{rule.reason(row, req, 'zh')}",
        }
    if req.hardware is not None:
        hw = req.hardware
        label = f"{hw.gpu_count}× {hw.gpu}" if hw.gpu else f"{hw.unified_memory_gb or hw.ram_gb:g} GB"
        return {"code": "hardware", "hw": label}
    return {"code": "none"}


def _pick(
    cols: dict, p: int, monthly: float | None, basis: str, rented_as: tuple | None = None
) -> DecisionPick:
    self_hosted = cols["kind"][p] in SELF_KINDS
    count = _num(cols["gpu_count"][p])
    gpu = cols["gpu"][p] if isinstance(cols["gpu"][p], str) else None
    if rented_as:  # the rented configuration cheapest at your volume
        gpu, count = rented_as
    return DecisionPick(
        model_id=cols["id"][p],
        name=str(cols["name"][p]).strip(),
        organization=cols["organization"][p],
        open_weights=bool(cols["open_weights"][p]),
        deployment="self_hosted" if self_hosted else "api",
        provider=None if self_hosted or not isinstance(cols["provider"][p], str) else cols["provider"][p],
        gpu=gpu if self_hosted else None,
        gpu_count=int(count) if self_hosted and count else None,
        gpu_rented=bool(cols["gpu_rented"][p]) if self_hosted and cols["gpu_rented"][p] is not None else None,
        quantization=cols["quantization"][p]
        if self_hosted and isinstance(cols["quantization"][p], str)
        else None,
        quality=_num(cols["quality"][p]),
        quality_low=_num(cols["quality_low"][p]),
        quality_high=_num(cols["quality_high"][p]),
        tokens_per_s=_num(cols["tokens_per_s"][p]),
        monthly_usd=None if monthly is None else round(monthly, 2),
        cost_basis=basis,
    )


def decide(r: dict) -> Decision:
    """The decision for one `engine.rank` result."""
    req, cols, fails, feats = r["requirements"], r["columns"], r["fails"], r["features"]
    order_ids = list(cols["id"][r["ranked"]])
    cards = {c.id: c for c in feats.cards}
    # privacy: self_hosted rules APIs out; the API pick is still shown, for reference
    relaxed = (*RELAXED, "privacy") if req.privacy == "self_hosted" else RELAXED
    api_p = _best(cols, _eligible(cols, fails, ("api",), relaxed), order_ids, r["weights"])
    scols, sfails = cols, fails
    if not np.isin(cols["kind"], SELF_KINDS).any():
        extra = _extra_self_rows(r)
        scols, sfails = extra if extra else (cols, fails)
    self_p = _best(scols, _eligible(scols, sfails, SELF_KINDS), order_ids, r["weights"])
    w, v = req.workload, req.workload.requests_per_day
    a = per_day = None
    api_side = own_side = None
    line, self_basis, rented_as = None, "", None
    if api_p is not None:
        one = Workload(requests_per_day=1, input_tokens=w.input_tokens, output_tokens=w.output_tokens)
        per_day = float(
            cost.api_monthly(one, cols["input_usd_per_1m"][api_p], cols["output_usd_per_1m"][api_p])
        )
        a = per_day * v
    if self_p is not None:
        line, self_basis, rented_as = replicas.self_line(scols, self_p, req, cards)
    s_month = line.monthly(v) if line else None
    api_side = _side(cols, api_p, a) if api_p is not None else None
    own_side = _side(scols, self_p, s_month) if self_p is not None else None
    situation = verdict.Situation(
        privacy=req.privacy,
        deployment=req.deployment,
        open_weights=req.open_weights,
        priority=req.priority,
        budget=req.budget_usd_per_month,
        api=api_side,
        self_hosted=own_side,
        no_api={"code": "rule_api", "rule": "privacy"} if req.privacy == "self_hosted" else {"code": "none"},
        no_self=_why_no_self(r) if self_p is None else {},
    )
    word, reasons = verdict.decide(situation)
    if word == "closed" and api_side is not None and api_side.open_weights:
        reasons.append(("api_open_weights", {"name": api_side.name}))
    api_basis = (
        str(
            cost.api_basis(
                w, cols["provider"][api_p], cols["input_usd_per_1m"][api_p], cols["output_usd_per_1m"][api_p]
            )
        )
        if api_p is not None
        else ""
    )
    reps = line.replicas(v) if line else None
    d = Decision(
        verdict=word,
        reasons=[decision_text.reason(k, p, "en") for k, p in reasons],
        reasons_zh=[decision_text.reason(k, p, "zh") for k, p in reasons],
        paragraph_en="",
        paragraph_zh="",
        api_pick=_pick(cols, api_p, a, api_basis) if api_p is not None else None,
        self_hosted_pick=_pick(scols, self_p, _num(s_month), self_basis, rented_as)
        if self_p is not None
        else None,
        api_monthly_usd=None if a is None else round(a, 2),
        self_hosted_monthly_usd=None if s_month is None or math.isnan(s_month) else round(s_month, 2),
        break_even_requests_per_day=_round(breakeven.break_even(per_day, line))
        if line and per_day is not None
        else None,
        self_hosted_cheaper_until=_round(breakeven.cheaper_until(per_day, line))
        if line and per_day is not None
        else None,
        requests_per_day=v,
        self_hosted_replicas=None if reps is None or math.isnan(reps) else int(reps),
        lines=_lines(per_day, line),
        factors=_factors(cols, api_p, scols, self_p, feats, cards),
        assumptions=_assumptions(line),
    )
    ruled_out = req.privacy == "self_hosted"
    d.paragraph_en = decision_text.paragraph(d, "en", api_ruled_out=ruled_out)
    d.paragraph_zh = decision_text.paragraph(d, "zh", api_ruled_out=ruled_out)
    return d


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def _side(cols: dict, p: int, monthly: float | None) -> verdict.Side:
    support = cols["support"][p] if "support" in cols else math.nan
    return verdict.Side(
        name=str(cols["name"][p]).strip(),
        quality=float(cols["quality"][p]),
        low=float(cols["quality_low"][p]),
        high=float(cols["quality_high"][p]),
        monthly=math.nan if monthly is None else float(monthly),
        support=float(support) if support is not None else math.nan,
        open_weights=bool(cols["open_weights"][p]),
    )


def _lines(per_day: float | None, line: breakeven.SelfHostedLine | None) -> CostLines | None:
    if per_day is None or line is None:
        return None
    return CostLines(
        usd_per_daily_request=per_day,
        base_usd=line.base_usd,
        base_capacity=_num(line.base_capacity),
        extra_usd=line.extra_usd,
        extra_capacity=_num(line.extra_capacity),
    )


def _factors(cols, api_p, scols, self_p, feats, cards) -> dict[str, Factor]:
    """lock_in, longevity, support, customisation of both picks, with their sources."""
    from advisor.decision import criteria as criteria_extra

    terms = criteria_extra.load_vendor_terms()
    record = criteria_extra.deprecation_record(feats.cards)
    as_of = criteria_extra.catalog_as_of(feats.cards)
    got = {}
    for key, c, p in (("api", cols, api_p), ("self_hosted", scols, self_p)):
        if p is not None:
            got[key] = criteria_extra.facts(cards[c["id"][p]], terms, record, as_of)
    out = {}
    for name in EXTRA_CRITERIA:
        api, own = got.get("api", {}).get(name), got.get("self_hosted", {}).get(name)
        out[name] = Factor(
            api=_num(api.value) if api else None,
            self_hosted=_num(own.value) if own else None,
            api_basis=api.basis if api else "",
            self_hosted_basis=own.basis if own else "",
        )
    return out


def _assumptions(line: breakeven.SelfHostedLine | None) -> list[str]:
    out = [
        f"API cost is linear in volume: {cost.DAYS_PER_MONTH} days × requests/day × tokens × list price.",
        f"Self-hosting is a step function of replicas: one replica serves 86,400 s × {breakeven.UTILISATION:g} "
        "utilisation ÷ (output tokens ÷ batched decode tokens/s + prefill seconds) requests/day; the batch is "
        "what the spare memory holds in KV cache (at most "
        f"{breakeven.MAX_BATCH['vllm']} on vLLM, {breakeven.MAX_BATCH['llama.cpp']} on llama.cpp); replicas "
        "beyond your own hardware are rented.",
        f"Verdict margins: a route is cheaper when the other costs ≥ {verdict.COST_MARGIN:.0%} more; a model is "
        "better when the ~95% Arena intervals don't overlap.",
    ]
    if line is not None and math.isinf(line.base_capacity):
        out.append("Decode speed unknown for the self-hosted pick: costed as a single replica at any volume.")
    return out


def break_even_curve(rec: Any, points: int = 120) -> pd.DataFrame:
    """requests/day vs monthly cost of both routes (columns requests_per_day, api_monthly_usd,
    self_hosted_monthly_usd, replicas, marker ∈ {'', 'break-even', 'your volume'}), from a Recommendation
    (or a Decision); empty when either route has no pick."""
    d = getattr(rec, "decision", rec)
    if isinstance(d, dict):  # Recommendation.decision is stored as Decision.model_dump()
        d = Decision.model_validate(d)
    cols = ["requests_per_day", "api_monthly_usd", "self_hosted_monthly_usd", "replicas", "marker"]
    if d is None or d.lines is None:
        return pd.DataFrame(columns=cols)
    ln = d.lines
    inf = math.inf
    line = breakeven.SelfHostedLine(
        ln.base_usd,
        inf if ln.base_capacity is None else ln.base_capacity,
        ln.extra_usd,
        ln.extra_capacity,
    )
    return breakeven.curve(ln.usd_per_daily_request, line, d.requests_per_day, points)


def attach(rec: Any, r: dict) -> None:
    """Fill `rec.decision` (a plain dict, `Decision.model_dump()`) for the engine; a data problem becomes a
    warning, never a traceback."""
    from advisor.errors import AdvisorError

    try:
        rec.decision = decide(r).model_dump()
    except AdvisorError as err:
        rec.warnings.append(f"The open-or-closed decision is unavailable: {err}")
