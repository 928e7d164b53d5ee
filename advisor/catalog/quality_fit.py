"""Numeric kernels of the quality scale: robust line fit, ridge regression, k-fold error.

Pure numpy, no validation beyond shapes; `quality.py` decides what to fit. All of it is
deterministic: folds are assigned by position in the (sorted) input, never at random.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Z95 = 1.96
RIDGE_LAMBDA = 0.001  # per training row, on standardised features (held-out best of 0.05, 0.01, 0.001)
FOLDS = 5


@dataclass(frozen=True)
class Line:
    """new = intercept + slope * old; `resid_sd` = robust sd of the residuals; `n` shared models;
    `resid_q95` = 95th percentile of |residual| (heavy tails the robust sd ignores)."""

    intercept: float
    slope: float
    resid_sd: float
    n: int
    resid_q95: float = 0.0

    @property
    def margin(self) -> float:
        """The residual part of a 95% interval: max(1.96 x robust sd, 95th percentile |residual|)."""
        return max(Z95 * self.resid_sd, self.resid_q95)

    def __call__(self, x):
        return self.intercept + self.slope * np.asarray(x, dtype=float)


def theil_sen(x: np.ndarray, y: np.ndarray) -> Line:
    """Median of pairwise slopes; intercept = median(y - slope*x); residual sd = 1.4826 * MAD."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) < 3:
        raise ValueError(f"need at least 3 shared points to fit a line, got {len(x)}")
    i, j = np.triu_indices(len(x), k=1)
    dx = x[j] - x[i]
    ok = dx != 0
    slope = float(np.median((y[j] - y[i])[ok] / dx[ok]))
    intercept = float(np.median(y - slope * x))
    resid = y - (intercept + slope * x)
    mad = float(1.4826 * np.median(np.abs(resid - np.median(resid))))
    return Line(intercept, slope, mad, len(x), float(np.quantile(np.abs(resid), 0.95)))


@dataclass(frozen=True)
class Ridge:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    inv: np.ndarray  # (Z'Z + lam n I)^-1, for leverage
    n: int

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.intercept + ((np.atleast_2d(x) - self.mean) / self.scale) @ self.coef

    def leverage(self, x: np.ndarray) -> np.ndarray:
        """h = 1/n + z' (Z'Z + lam n I)^-1 z: how far a point sits from the training data (OLS-style).

        A typical training point has h ~ (features + 1) / n; a far extrapolation has h >> 1.
        """
        z = (np.atleast_2d(x) - self.mean) / self.scale
        return 1 / self.n + np.einsum("ij,jk,ik->i", z, self.inv, z)


def fit_ridge(x: np.ndarray, y: np.ndarray, lam: float = RIDGE_LAMBDA) -> Ridge:
    """Ridge on standardised columns, unpenalised intercept; penalty `lam * n`."""
    x, y = np.atleast_2d(np.asarray(x, dtype=float)), np.asarray(y, dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    z = (x - mean) / scale
    yc = y.mean()
    inv = np.linalg.inv(z.T @ z + lam * len(y) * np.eye(z.shape[1]))
    return Ridge(mean, scale, inv @ (z.T @ (y - yc)), float(yc), inv, len(y))


def cv_residuals(x: np.ndarray, y: np.ndarray, folds: int = FOLDS) -> np.ndarray:
    """Held-out residuals (observed - predicted): row i is predicted by a fit without its fold (i % folds)."""
    x, y = np.atleast_2d(np.asarray(x, dtype=float)), np.asarray(y, dtype=float)
    fold = np.arange(len(y)) % folds
    out = np.empty(len(y))
    for k in range(folds):
        test = fold == k
        out[test] = y[test] - fit_ridge(x[~test], y[~test]).predict(x[test])
    return out


def rmse(r: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(r))))
