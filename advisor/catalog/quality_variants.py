"""Same weights, different catalog entry: a variant inherits its base model's quality.

data/quality_same_weights.csv lists catalog models that run the **same weights** as another catalog
model and differ only in how they are served (`serving`: a search mode, a speed tier) or in how much
test-time compute they spend (`effort`: OpenAI's `-pro` tiers). Each row states its reason. A variant
without a measured score for a task takes its base's score for that task (or replaces its own
imputed score, when the inherited interval is narrower), graded `imputed` with source
`imputed:same-weights:<base>`: the variant itself was never measured.

Interval: the base's half-width widened in quadrature by `setting_margin`, the 95th percentile of how
far a model's best setting lies above its second best on the freshest Arena text categories (e.g.
`gpt-5.4-high` vs `gpt-5.4`). That is how much the setting of one model's weights is seen to move
its score. Models that merely share a family (fine-tunes, distills, "based on X") are not listed.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from advisor.catalog.card import QualityScore
from advisor.catalog.sources import DATA_DIR
from advisor.errors import CatalogError

SAME_WEIGHTS_PATH = DATA_DIR / "quality_same_weights.csv"
HEADER = ["model_id", "base_id", "kind", "reason"]
KINDS = ("effort", "serving")
MARGIN_COLUMNS = "namra:text"  # prefix: the fresh board's text categories (all have 95% intervals)
MIN_PAIRS = 20
NOT_INHERITED = frozenset({"vision"})  # as quality.NOT_IMPUTED: vision is measured or absent


@dataclass(frozen=True)
class SameWeights:
    model_id: str
    base_id: str
    kind: str
    reason: str


def load_same_weights(path: Path = SAME_WEIGHTS_PATH) -> list[SameWeights]:
    """Validated rows (bases must not be variants themselves). That both ids are catalog ids is checked
    by tests/quality/test_variants.py; `inherit` skips pairs the resolver in use does not know."""
    if not path.exists():
        raise CatalogError(f"{path}: file not found; restore it from git.")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        if (header := next(reader, None)) != HEADER:
            raise CatalogError(f"{path}: row 1: header must be {','.join(HEADER)}, got {header}")
        rows = []
        for i, rec in enumerate(reader, start=2):
            if len(rec) != len(HEADER):
                raise CatalogError(f"{path}: row {i}: expected {len(HEADER)} fields, got {len(rec)}")
            row = SameWeights(*(x.strip() for x in rec))
            for field in ("model_id", "base_id"):
                if not getattr(row, field):
                    raise CatalogError(f"{path}: row {i}: field {field} is empty")
            if row.kind not in KINDS:
                raise CatalogError(f"{path}: row {i}: field kind {row.kind!r} is not one of {KINDS}")
            if not row.reason:
                raise CatalogError(
                    f"{path}: row {i}: field reason is empty (say why the weights are the same)"
                )
            rows.append(row)
    variants = [r.model_id for r in rows]
    if len(set(variants)) != len(variants) or {r.base_id for r in rows} & set(variants):
        raise CatalogError(f"{path}: a model is listed twice, or a base is itself a variant (no chains)")
    return rows


def setting_margin(raw: pd.DataFrame) -> float:
    """95th percentile of (best - second best) setting of one model on the fresh text categories.

    `raw` is `quality_sources.all_observations` (every variant name, best first per model/column).
    """
    fresh = raw[raw["column"].str.startswith(MARGIN_COLUMNS) & ~raw["model"].str.startswith("~")]
    fresh = fresh.drop_duplicates(["model", "column", "name"])
    gaps = fresh.groupby(["model", "column"], sort=True)["score"].apply(
        lambda s: s.iloc[0] - s.iloc[1] if len(s) > 1 else np.nan
    )
    gaps = gaps.dropna()
    if len(gaps) < MIN_PAIRS:
        raise CatalogError(f"only {len(gaps)} models with two settings on the fresh board; need {MIN_PAIRS}")
    return float(np.quantile(gaps, 0.95))


def _half(s: QualityScore) -> float:
    return (s.high - s.low) / 2


def inherit(
    quality: dict[str, dict[str, QualityScore]],
    pairs: list[SameWeights],
    margin: float,
    resolve: Callable[[str], str | None],
) -> dict[str, dict[str, QualityScore]]:
    """A copy of `quality` where each variant takes its base's scores where it has no measurement.

    Vision is not inherited (vision scores are measured only, never imputed); pairs whose ids
    `resolve` does not know are skipped."""
    out = {m: dict(tasks) for m, tasks in quality.items()}
    for pair in pairs:
        if resolve(pair.model_id) != pair.model_id or resolve(pair.base_id) != pair.base_id:
            continue
        mine = out.setdefault(pair.model_id, {})
        for task, base in sorted(quality.get(pair.base_id, {}).items()):
            own = mine.get(task)
            if task in NOT_INHERITED:
                continue
            half = round(math.hypot(_half(base), margin), 1)
            if own is not None and (own.evidence != "imputed" or _half(own) <= half):
                continue
            mine[task] = QualityScore(
                score=base.score,
                low=round(base.score - half, 1),
                high=round(base.score + half, 1),
                evidence="imputed",
                source=f"imputed:same-weights:{pair.base_id}",
                as_of=base.as_of,
            )
    return {m: out[m] for m in sorted(out) if out[m]}
