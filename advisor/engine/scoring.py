"""Weighted multi-criteria scoring: criteria, directions, presets and weights are data, defined here once.

Kernel plus wrapper: `weighted_sum` only does arithmetic; `score` checks shapes, NaNs and weights,
normalises each criterion (direction applied once, in `normalize`) and returns per-criterion contributions.
Adding a criterion (issue 7: lock_in, longevity, support, customisation) = one `CRITERIA` row, one weight per
preset, and a candidate-frame column of the same name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from advisor.errors import InputError


@dataclass(frozen=True)
class CriterionSpec:
    direction: Literal["max", "min"]
    scale: Literal["linear", "log"]  # log: log1p(value) before min-max; for quantities spanning decades
    unit: str
    label: str


CRITERIA: dict[str, CriterionSpec] = {
    "quality": CriterionSpec("max", "linear", "Arena points", "quality for your tasks"),
    "cost": CriterionSpec("min", "log", "USD/month", "monthly cost"),
    "speed": CriterionSpec("max", "log", "tokens/s", "output speed"),
    "context": CriterionSpec("max", "log", "tokens", "context window"),
    # issue 7: per-model values with their sources from advisor/decision/criteria.py (docs/decision.md)
    "lock_in": CriterionSpec("max", "log", "ways to run it", "independent providers (less lock-in)"),
    "longevity": CriterionSpec("max", "linear", "months", "expected availability"),
    "support": CriterionSpec("max", "linear", "level 0-2", "enterprise support / SLA"),
    "customisation": CriterionSpec(
        "max", "linear", "level 0-2", "customisation (weights or fine-tuning API)"
    ),
}

# Weights per priority preset; every row sums to 1; a criterion a row leaves out weighs 0 (shown, not weighed).
# enterprise: support and stability (longevity) weigh more; sovereignty: lock-in, longevity and customisation
# (privacy stays a hard rule: set privacy). docs/decision.md explains the choices.
PRESETS: dict[str, dict[str, float]] = {
    "balanced": {"quality": 0.45, "cost": 0.30, "speed": 0.15, "context": 0.10},
    "quality": {"quality": 0.70, "cost": 0.10, "speed": 0.10, "context": 0.10},
    "cost": {"quality": 0.30, "cost": 0.55, "speed": 0.10, "context": 0.05},
    "speed": {"quality": 0.30, "cost": 0.15, "speed": 0.50, "context": 0.05},
    "enterprise": {
        "quality": 0.30,
        "cost": 0.15,
        "speed": 0.10,
        "context": 0.05,
        "support": 0.25,
        "longevity": 0.15,
    },
    "sovereignty": {
        "quality": 0.30,
        "cost": 0.15,
        "speed": 0.05,
        "context": 0.05,
        "lock_in": 0.20,
        "longevity": 0.15,
        "customisation": 0.10,
    },
}

# Per-task emphasis: multiply the preset weight, then renormalise to 1.
TASK_FACTORS: dict[str, dict[str, float]] = {
    "long_context": {"context": 3.0},
    "agents": {"speed": 1.5, "context": 1.5},
    "multi_turn": {"speed": 1.3},
    "coding": {"context": 1.5},
    "webdev": {"speed": 1.3},
}

TIE_NOISE = 0.02  # totals closer than this (and overlapping quality intervals) are reported as ties
STABILITY_STEP = 0.20  # ±20% on one weight at a time
# preset_weights rounds each weight to 6 decimals, so a row can sum to 1 ± a few 1e-6 (8 criteria × 0.5e-6)
WEIGHT_SUM_TOL = 1e-5


def preset_weights(priority: str, tasks: list[str]) -> dict[str, float]:
    """The preset row for `priority`, emphasised per task (factors multiply), renormalised to sum to 1."""
    weights = {name: PRESETS[priority].get(name, 0.0) for name in CRITERIA}
    for task in tasks:
        for name, factor in TASK_FACTORS.get(task, {}).items():
            weights[name] *= factor
    total = sum(weights.values())
    return {k: round(v / total, 6) for k, v in weights.items()}


def resolve_weights(priority: str, tasks: list[str], overrides: dict[str, float] | None) -> dict[str, float]:
    """Preset weights with user overrides. Overrides sum to 1 (all criteria) or at most 1 (some criteria;
    the rest of 1 is shared by the other criteria in the preset's proportions). Bad weights raise InputError."""
    base = preset_weights(priority, tasks)
    if not overrides:
        return base
    unknown = sorted(set(overrides) - set(CRITERIA))
    if unknown:
        raise InputError(f"weights: unknown criterion {', '.join(unknown)}; use {', '.join(CRITERIA)}")
    total = sum(overrides.values())
    shown = f"{total:g}"
    if total > 1 + 1e-6:
        hint = " (give fractions, e.g. 0.6 not 60)" if total >= 10 else ""
        raise InputError(f"weights: they sum to {shown}; they must sum to 1{hint}")
    rest = [k for k in CRITERIA if k not in overrides]
    if not rest:
        if abs(total - 1) > 0.01:
            raise InputError(f"weights: they sum to {shown}; weights for every criterion must sum to 1")
        return {k: overrides[k] / total for k in CRITERIA}
    share = sum(base[k] for k in rest)
    out = dict(overrides)
    for k in rest:
        out[k] = (1 - total) * base[k] / share if share else (1 - total) / len(rest)
    return {k: out[k] for k in CRITERIA}


def normalize(values: np.ndarray) -> np.ndarray:
    """Min-max per criterion (columns in CRITERIA order) over the candidates, direction applied:
    0 = worst, 1 = best. log-scale criteria use log1p. A criterion equal for all candidates gets 1 for all.
    Missing values get the median of the known normalised values (neither rewarded nor punished), 0.5 if
    none is known."""
    out = np.empty_like(values, dtype=float)
    for j, spec in enumerate(list(CRITERIA.values())[: values.shape[1]]):  # all criteria, or the leading ones
        x = values[:, j].astype(float)
        if spec.scale == "log":
            x = np.log1p(np.clip(x, 0, None))
        known = ~np.isnan(x)
        lo, hi = (x[known].min(), x[known].max()) if known.any() else (0.0, 0.0)
        norm = np.ones_like(x) if hi <= lo else (x - lo) / (hi - lo)
        if spec.direction == "min":
            norm = 1.0 - norm
        norm[~known] = float(np.median(norm[known])) if known.any() else 0.5
        out[:, j] = np.clip(norm, 0.0, 1.0)
    return out


def weighted_sum(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Kernel, no validation: (n × c) @ (c,) or (c × k) → scores."""
    return matrix @ weights


def score(values: np.ndarray, weights: dict[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Validate, normalise and weigh `values` (n × c, CRITERIA order).
    Returns (total score, normalised matrix, contributions); contributions sum to the total."""
    values = np.asarray(values, dtype=float)
    names = list(CRITERIA)[: len(weights)]  # all criteria, or the leading ones (e.g. a 4-criterion example)
    if set(weights) != set(names):
        raise ValueError(f"weights must name exactly {', '.join(names)}; got {', '.join(weights)}")
    if values.ndim != 2 or values.shape[1] != len(names):
        raise ValueError(f"values must be n × {len(names)} ({', '.join(names)}); got {values.shape}")
    w = np.array([weights[n] for n in names], dtype=float)
    if (w < 0).any() or not math.isclose(w.sum(), 1, abs_tol=WEIGHT_SUM_TOL):
        raise InputError(f"weights: they sum to {w.sum():g}; they must be >= 0 and sum to 1")
    norm = normalize(values)
    contrib = norm * w
    return np.clip(weighted_sum(norm, w), 0.0, 1.0), norm, contrib


def perturbed_weights(weights: dict[str, float]) -> list[tuple[str, np.ndarray]]:
    """Each weight ±20% in turn, renormalised: (label, weight vector) pairs."""
    names = list(CRITERIA)[: len(weights)]
    base = np.array([weights[n] for n in names], dtype=float)
    out = []
    for i, name in enumerate(names):
        if base[i] == 0:
            continue
        for sign, word in ((1, "more"), (-1, "less")):
            w = base.copy()
            w[i] *= 1 + sign * STABILITY_STEP
            out.append((f"weigh {name} {int(STABILITY_STEP * 100)}% {word}", w / w.sum()))
    return out


def stability(norm: np.ndarray, weights: dict[str, float]) -> list[tuple[str, int]]:
    """(change, position of the new top) for each ±20% single-weight change that unseats position 0."""
    variants = perturbed_weights(weights)
    if not variants or len(norm) == 0:
        return []
    matrix = np.column_stack([w for _, w in variants])
    winners = np.argmax(weighted_sum(norm, matrix), axis=0)
    return [(label, int(win)) for (label, _), win in zip(variants, winners, strict=True) if win != 0]


def ties(scores: np.ndarray, low: np.ndarray, high: np.ndarray) -> list[list[int]]:
    """For each position i, the positions j it is tied with: quality intervals overlap and
    totals within TIE_NOISE. Missing intervals never overlap."""
    n = len(scores)
    close = np.abs(scores[:, None] - scores[None, :]) <= TIE_NOISE
    overlap = (low[:, None] <= high[None, :]) & (low[None, :] <= high[:, None])
    tied = close & overlap & ~np.eye(n, dtype=bool)
    return [list(np.flatnonzero(tied[i])) for i in range(n)]
