"""Last-resort quality from catalog facts, for models no quality source mentions at all.

`fill_from_facts(cards)` gives every card **without any** quality score a prediction per task (vision
excepted) from facts the catalog already holds, through a ridge fit on the catalog models that have a
measured (direct or aligned) score for that task:

* open weights: log2 params, log2 active params, release date (years);
* closed:       release date, log2 cheapest output price per 1M tokens, reasoning capability;
* plus the vendor (one indicator per vendor with >= MIN_VENDOR training models), used only when the
  model's vendor is one of them; other models use the fit without vendors.

Each fit's 95% half-width is WIDEN x max(1.96 x RMSE, 95th percentile |residual|) of its own 5-fold
held-out residuals, stretched by sqrt((1 + h) / (1 + mean h)) for a model with leverage h above the
training average. Graded `imputed`, source `imputed:facts:<features>`. `SPECIALISTS` (translation,
GUI-agent models) get no guess. Held-out error (5-fold, and leave-one-vendor-out for vendors the fit
has never seen): `facts_holdout`, docs/quality.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from advisor.catalog.card import ModelCard, QualityScore
from advisor.catalog.quality import NOT_IMPUTED, TASKS
from advisor.catalog.quality_fit import Z95, Ridge, cv_residuals, fit_ridge, rmse
from advisor.catalog.quality_impute import MIN_TRAIN, WIDEN

FEATURES = {
    True: ("log2_params", "log2_active_params", "age_years"),
    False: ("age_years", "log2_output_price", "reasoning_capable"),
}
MIN_VENDOR = 3
# Specialists: their size and date describe a general assistant they are not, so no facts-based guess.
SPECIALISTS = {
    "hy-mt2-1.8b": "machine-translation model",
    "hy-mt2-30b-a3b": "machine-translation model",
    "ui-tars-1.5-7b": "GUI-agent (computer-use) vision model",
}
EPOCH = date(2023, 1, 1)
FACT_TASKS = tuple(t for t in TASKS if t not in NOT_IMPUTED)


def _years(release: str | None) -> float:
    """Years since EPOCH; "2026-01" is taken as mid-month, "2026" as mid-year; unreadable -> NaN."""
    try:
        parts = [int(p) for p in (release or "").split("-")]
        y, m, d = (parts + {1: [7, 1], 2: [15]}.get(len(parts), []))[:3]
        return (date(y, m, d) - EPOCH).days / 365.25
    except ValueError:
        return math.nan


def fact_table(cards: list[ModelCard]) -> pd.DataFrame:
    """One row per card (sorted by id): group, vendor, the predictors, and measured task scores."""
    rows = {}
    for c in cards:
        prices = [o.output_usd_per_1m for o in c.offers if o.output_usd_per_1m > 0]
        row = {
            "open": bool(c.open_weights),
            "vendor": c.organization or "",
            "log2_params": math.log2(c.params_b) if c.params_b else math.nan,
            "log2_active_params": math.log2(c.active_params_b or c.params_b) if c.params_b else math.nan,
            "age_years": _years(c.release_date),
            "log2_output_price": math.log2(min(prices)) if prices else math.nan,
            "reasoning_capable": float("reasoning" in (c.capabilities or [])),
            "any_quality": bool(c.quality),
        }
        for task in FACT_TASKS:
            q = (c.quality or {}).get(task)
            row[task] = q.score if q is not None and q.evidence != "imputed" else math.nan
            row[f"{task}:as_of"] = q.as_of if q is not None and q.evidence != "imputed" else None
        rows[c.id] = row
    return pd.DataFrame.from_dict(rows, orient="index").sort_index()


def _design(frame: pd.DataFrame, feats: tuple[str, ...], vendors: tuple[str, ...]) -> np.ndarray:
    cols = [frame[f].to_numpy(float) for f in feats]
    cols += [(frame["vendor"] == v).to_numpy(float) for v in vendors]
    return np.column_stack(cols)


@dataclass(frozen=True)
class FactFit:
    feats: tuple[str, ...]
    vendors: tuple[str, ...]
    ridge: Ridge
    half: float
    n: int

    def predict(self, row: pd.DataFrame) -> tuple[float, float]:
        x = _design(row, self.feats, self.vendors)
        stretch = math.sqrt((1 + self.ridge.leverage(x)[0]) / (1 + (x.shape[1] + 1) / self.n))
        return float(self.ridge.predict(x)[0]), self.half * max(1.0, stretch)


def fit_facts(train: pd.DataFrame, task: str, is_open: bool, vendors: bool) -> FactFit | None:
    """Ridge of `task` on the group's facts (+ vendor indicators); None below MIN_TRAIN models."""
    feats = FEATURES[is_open]
    rows = train[(train["open"] == is_open) & train[task].notna()].dropna(subset=list(feats))
    if len(rows) < MIN_TRAIN:
        return None
    counts = rows["vendor"].value_counts()
    keep = tuple(sorted(v for v, n in counts.items() if n >= MIN_VENDOR and v)) if vendors else ()
    x, y = _design(rows, feats, keep), rows[task].to_numpy(float)
    resid = cv_residuals(x, y)
    half = WIDEN * max(Z95 * rmse(resid), float(np.quantile(np.abs(resid), 0.95)))
    return FactFit(feats, keep, fit_ridge(x, y), half, len(rows))


def fits_for(train: pd.DataFrame, task: str, is_open: bool) -> tuple[FactFit | None, FactFit | None]:
    """(fit with vendor indicators, fit without) for one task and group."""
    return fit_facts(train, task, is_open, vendors=True), fit_facts(train, task, is_open, vendors=False)


def predict_one(
    fits: tuple[FactFit | None, FactFit | None], row: pd.DataFrame
) -> tuple[float, float, FactFit] | None:
    """(score, half, fit used) for one model (a one-row frame), or None without the facts or a fit."""
    with_vendor, plain = fits
    if with_vendor is None or row[list(with_vendor.feats)].isna().any(axis=None):
        return None
    fit = with_vendor if row["vendor"].iloc[0] in with_vendor.vendors else plain
    return (*fit.predict(row), fit) if fit is not None else None


def fill_from_facts(cards: list[ModelCard]) -> list[str]:
    """Give each card without any quality a facts-based imputation per task; returns the ids filled."""
    table = fact_table(cards)
    targets = table[~table["any_quality"]].index.difference(list(SPECIALISTS))
    by_id = {c.id: c for c in cards}
    fits = {(t, o): fits_for(table, t, o) for t in FACT_TASKS for o in (True, False)}
    filled = []
    for mid in targets:
        scores = {}
        for task in FACT_TASKS:
            got = predict_one(fits[task, bool(table.at[mid, "open"])], table.loc[[mid]])
            if got is None:
                continue
            score, half, fit = got
            s, h = round(score, 1), round(half, 1)
            source = "imputed:facts:" + "+".join(fit.feats + (("vendor",) if fit.vendors else ()))
            as_of = max(d for d in table[f"{task}:as_of"] if d)
            scores[task] = QualityScore(
                score=s,
                low=round(s - h, 1),
                high=round(s + h, 1),
                evidence="imputed",
                source=source,
                as_of=as_of,
            )
        if scores:
            by_id[mid].quality = dict(sorted(scores.items()))
            filled.append(mid)
    return filled


def facts_holdout(cards: list[ModelCard], tasks: tuple[str, ...] = FACT_TASKS) -> pd.DataFrame:
    """Held-out error per task and group: `5-fold` (folds by sorted id) and `new-vendor` (each vendor's
    models hidden together, so no vendor indicator can help: the case of most evidence-free models)."""
    table = fact_table(cards)
    out = []
    for task in tasks:
        for is_open in (True, False):
            known = table[(table["open"] == is_open) & table[task].notna()]
            known = known.dropna(subset=list(FEATURES[is_open]))
            folds = {
                "5-fold": [known.index[k::5] for k in range(5)],
                "new-vendor": [g.index for _, g in known.groupby("vendor", sort=True)],
            }
            for scenario, groups in folds.items():
                res = []
                for hidden in groups:
                    fits = fits_for(table.drop(index=hidden), task, is_open)
                    for mid in hidden:
                        got = predict_one(fits, table.loc[[mid]])
                        if got is not None:
                            res.append((got[0] - table.at[mid, task], got[1]))
                if not res:
                    continue
                err, half = np.array(res).T
                out.append(
                    {
                        "task": task, "group": "open" if is_open else "closed", "scenario": scenario,
                        "n": len(err), "mae": float(np.mean(np.abs(err))), "rmse": rmse(err),
                        "coverage": float(np.mean(np.abs(err) <= half)), "half": float(np.mean(half)),
                    }
                )  # fmt: skip
    return pd.DataFrame(out)
