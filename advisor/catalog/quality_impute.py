"""Imputation of a missing task score from a model's other scores and AA indexes.

For each target task, candidate features are ranked once by their single-feature held-out RMSE.
For a model, features it has are added in that order while (a) at least `MIN_TRAIN` models have the
target and every chosen feature and (b) the held-out RMSE of the fit improves; at most
`MAX_FEATURES`. The prediction is a ridge fit on those training models; the 95% half-width is
1.96 x the fit's 5-fold held-out RMSE (so each model's interval reflects the evidence it has),
stretched by sqrt((1 + h) / (1 + mean h)) when the model's leverage h is above the training average
(extrapolation, e.g. an old small model predicted from a fit on frontier models).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from advisor.catalog.quality_fit import Z95, Ridge, cv_residuals, fit_ridge, rmse

MIN_TRAIN = 25
MAX_FEATURES = 4
MIN_GAIN = 0.03  # a feature joins only if it cuts the held-out RMSE by 3% (noise guard)
# Picking the feature set with the lowest held-out error makes that error optimistic; widening the
# interval by this factor brings the nested held-out coverage to ~95% (docs/quality.md).
WIDEN = 1.2


@dataclass
class Imputer:
    """Imputes `target` from `table` (models x features, NaN = unknown) using rows in `train`."""

    table: pd.DataFrame
    target: str
    train: pd.Index | None = None
    _cache: dict[tuple[str, ...], tuple[float, float, np.ndarray]] = field(default_factory=dict)
    _fits: dict[tuple[str, ...], Ridge] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._col = {c: i for i, c in enumerate(self.table.columns)}
        self._x = self.table.to_numpy(float)
        self._present = ~np.isnan(self._x)
        known = self._present[:, self._col[self.target]]
        if self.train is not None:
            known &= self.table.index.isin(self.train)
        self._known = known
        self.order = self._rank_features()

    def _idx(self, feats: tuple[str, ...]) -> list[int]:
        return [self._col[f] for f in feats]

    def cv_rmse(self, feats: tuple[str, ...]) -> float:
        """Held-out RMSE of the ridge fit on `feats`; inf with fewer than MIN_TRAIN training rows."""
        if feats not in self._cache:
            rows = self._known & self._present[:, self._idx(feats)].all(axis=1)
            err = half = float("inf")
            if rows.sum() >= MIN_TRAIN:
                x, y = self._x[np.ix_(rows, self._idx(feats))], self._x[rows, self._col[self.target]]
                resid = cv_residuals(x, y)
                err = rmse(resid)
                half = WIDEN * max(Z95 * err, float(np.quantile(np.abs(resid), 0.95)))
            self._cache[feats] = (err, half, rows)
        return self._cache[feats][0]

    def half_width(self, feats: tuple[str, ...]) -> float:
        """95% half-width: WIDEN x the larger of 1.96 x RMSE and the 95th percentile of |held-out residual|."""
        self.cv_rmse(feats)
        return self._cache[feats][1]

    def _fit(self, feats: tuple[str, ...]) -> Ridge:
        if feats not in self._fits:
            self.cv_rmse(feats)
            rows = self._cache[feats][2]
            self._fits[feats] = fit_ridge(
                self._x[np.ix_(rows, self._idx(feats))], self._x[rows, self._col[self.target]]
            )
        return self._fits[feats]

    def _rank_features(self) -> list[str]:
        scored = [(self.cv_rmse((f,)), f) for f in sorted(self._col) if f != self.target]
        return [f for err, f in sorted(scored) if np.isfinite(err)]

    def choose(self, available: set[str]) -> tuple[str, ...]:
        chosen: tuple[str, ...] = ()
        best = float("inf")
        for f in self.order:
            if f not in available or len(chosen) == MAX_FEATURES:
                continue
            err = self.cv_rmse((*chosen, f))
            if err < best * (1 - MIN_GAIN):
                chosen, best = (*chosen, f), err
        return chosen

    def predict(
        self, model: str, hide: frozenset[str] = frozenset()
    ) -> tuple[float, float, tuple[str, ...]] | None:
        """(score, 95% half-width, features used) for one model, or None without usable evidence."""
        i = self.table.index.get_loc(model)
        available = {c for c in self.order if c not in hide and self._present[i, self._col[c]]}
        feats = self.choose(available)
        if not feats:
            return None
        fit, x = self._fit(feats), self._x[i, self._idx(feats)]
        stretch = np.sqrt((1 + fit.leverage(x)[0]) / (1 + self._typical_leverage(feats)))
        return float(fit.predict(x)[0]), self.half_width(feats) * max(1.0, stretch), feats

    def _typical_leverage(self, feats: tuple[str, ...]) -> float:
        """Mean leverage of the training rows ((p + 1) / n): the held-out error already covers it."""
        return (len(feats) + 1) / int(self._cache[feats][2].sum())


def holdout(table: pd.DataFrame, target: str, keep: set[str] | None = None, folds: int = 5) -> pd.DataFrame:
    """Hide the target of each fold of known models, impute it, return observed/predicted/half per model.

    `keep` restricts the hidden models' features (e.g. only AA indexes) to test that scenario.
    """
    known = sorted(table.index[table[target].notna()])
    out = []
    for k in range(folds):
        test = known[k::folds]
        imp = Imputer(table, target, train=table.index.difference(test))
        for model in test:
            hide = frozenset(c for c in table.columns if keep is not None and c not in keep)
            got = imp.predict(model, hide)
            if got is not None:
                out.append((model, table.at[model, target], got[0], got[1], len(got[2])))
    return pd.DataFrame(out, columns=["model", "observed", "predicted", "half", "n_features"])
