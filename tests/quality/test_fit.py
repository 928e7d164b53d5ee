"""Kernels pinned to hand-computed numbers, plus seeded property tests (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.catalog.quality_fit import cv_residuals, fit_ridge, rmse, theil_sen


def test_theil_sen_ignores_one_outlier():
    """y = 10 + 2x on x = 0..9, then y[9] is corrupted by +500.

    36 of the 45 pairwise slopes are exactly 2 (the pairs without x=9), so the median slope is 2;
    the residuals are 0 except one, so the intercept (median of y - 2x) is 10 and the MAD is 0.
    """
    x = np.arange(10.0)
    y = 10 + 2 * x
    y[9] += 500
    line = theil_sen(x, y)
    assert (line.slope, line.intercept, line.resid_sd, line.n) == (2.0, 10.0, 0.0, 10)
    assert line(100) == pytest.approx(210.0)


def test_theil_sen_residual_sd_is_scaled_mad():
    """Points on y = x with residuals (+1, -1, +1, -1, 0) around it: slope median stays near 1; the
    robust sd is 1.4826 x median |r - median r|."""
    x = np.array([0.0, 1, 2, 3, 4])
    y = x + np.array([1.0, -1, 1, -1, 0])
    line = theil_sen(x, y)
    resid = y - line(x)
    expected = 1.4826 * np.median(np.abs(resid - np.median(resid)))
    assert line.resid_sd == pytest.approx(expected)


def test_theil_sen_needs_three_points():
    with pytest.raises(ValueError, match="at least 3"):
        theil_sen(np.array([1.0, 2.0]), np.array([1.0, 2.0]))


def test_ridge_recovers_exact_linear_data_with_small_penalty():
    """y = 3 + 2 a - b on a 4x4 grid; with lam -> 0 ridge is least squares and predicts exactly."""
    a, b = np.meshgrid(np.arange(4.0), np.arange(4.0))
    x = np.column_stack([a.ravel(), b.ravel()])
    y = 3 + 2 * x[:, 0] - x[:, 1]
    fit = fit_ridge(x, y, lam=1e-12)
    assert fit.predict(np.array([10.0, 5.0]))[0] == pytest.approx(18.0)


def test_ridge_penalty_shrinks_towards_the_mean():
    """One standardised feature, z = (x - mean)/sd: coef = sum(z y') / (sum z^2 + lam n) = sd_y*n/(n + lam n)."""
    x = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0.0, 1.0, 2.0, 3.0])
    fit = fit_ridge(x, y, lam=1.0)  # n=4: coef = sd(x) * 4 / 8 -> slope 0.5 in x units
    assert fit.predict(np.array([3.0]))[0] == pytest.approx(1.5 + 0.5 * 1.5)


def test_cv_residuals_are_zero_on_exact_data_and_rmse():
    x = np.arange(20.0).reshape(-1, 1)
    assert rmse(cv_residuals(x, 5 + 0.5 * x[:, 0])) < 0.05  # only the tiny default ridge penalty
    assert rmse(np.array([3.0, -4.0])) == pytest.approx(np.sqrt(12.5))


@settings(max_examples=50, deadline=None, derandomize=True)
@given(
    slope=st.floats(0.2, 5.0),
    intercept=st.floats(-500, 500),
    xs=st.lists(st.floats(800, 1600), min_size=5, max_size=30, unique=True),
)
def test_theil_sen_recovers_any_noiseless_line(slope, intercept, xs):
    x = np.array(xs)
    line = theil_sen(x, intercept + slope * x)
    assert line.slope == pytest.approx(slope, rel=1e-6)
    assert line(1200.0) == pytest.approx(intercept + slope * 1200.0, abs=1e-6)
