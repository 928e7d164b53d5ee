"""The gap arithmetic pinned on a small hand-made history (working in the docstrings)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.gap import calc as gap_calc
from advisor.gap.calc import Row

D0, D1, D2 = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-07-01"), pd.Timestamp("2025-01-01")
MONTH = 365.25 / 12


def r(model, rating, openness, half=None):
    lo = hi = None
    if half is not None:
        lo, hi = rating - half, rating + half
    return Row(model, model, rating, lo, hi, openness)


def fillers(shift):
    """Five open models that move with the scale: they make the anchoring exact (spread 0)."""
    return [r(f"m{i}", 1000 + 10 * i + shift, "open") for i in range(5)]


def history():
    """Three snapshots; the scale rises +10 (D0 -> D1) and +5 (D1 -> D2) for every shared model.

    D0: closed A 1200±10, open X 1100±10                 gap 100, CI 100 ± sqrt(10²+10²) = ±14.14
    D1: closed A 1210, B 1300±8; open X 1110, Y 1250±6   gap 50
    D2: closed B 1305±8; open X 1115, Y 1255, Z 1290±6   gap 15 (A has left the board)
    """
    s0 = [r("A", 1200, "closed", 10), r("X", 1100, "open", 10), r("U", 1500, "unknown"), *fillers(0)]
    s1 = [r("A", 1210, "closed"), r("B", 1300, "closed", 8), r("X", 1110, "open"), r("Y", 1250, "open", 6),
          *fillers(10)]  # fmt: skip
    s2 = [r("B", 1305, "closed", 8), r("X", 1115, "open"), r("Y", 1255, "open"), r("Z", 1290, "open", 6),
          *fillers(15)]  # fmt: skip
    return [(D1, "b", s1), (D0, "a", s0), (D2, "c", s2)]  # out of order on purpose


def test_frontiers_and_gap_points():
    p0, p1, p2 = gap_calc.compute(history())
    assert [p.date for p in (p0, p1, p2)] == [D0, D1, D2]
    assert (p0.open_model, p0.open_rating, p0.closed_model, p0.closed_rating) == ("X", 1100, "A", 1200)
    assert p0.gap == 100 and p0.gap_half == pytest.approx(math.sqrt(200))
    assert (p1.open_model, p1.closed_model, p1.gap) == ("Y", "B", 50)
    assert (p2.open_model, p2.closed_model, p2.gap) == ("Z", "B", 15)
    assert p1.gap_half == 10  # sqrt(6² + 8²)
    assert p0.open_half == 10 and p2.closed_half == 8
    assert (p0.n_open, p0.n_closed, p0.n_unknown) == (6, 1, 1)  # the unknown 1500 joins neither frontier


def test_anchoring_links_and_common_scale():
    p0, p1, p2 = gap_calc.compute(history())
    assert (p1.link_offset, p1.link_se, p1.link_shared) == (10, 0, 7)  # A, X + 5 fillers
    assert (p2.link_offset, p2.link_se, p2.link_shared) == (5, 0, 8)  # B, X, Y + 5 fillers
    assert (p0.to_common, p1.to_common, p2.to_common) == (15, 5, 0)


def test_months_behind_interpolates_between_snapshots():
    """D1: closed then-available, rated on board D1: D0 -> A 1210, D1 -> B 1300. Open Y = 1250.
    Reached at D0 + (1250-1210)/(1300-1210) * 182 days = D0 + 80.9 d; lag = (182 - 80.9) / 30.4375 = 3.32.

    D2: A has left board D2, so its D0 rating is anchored: 1200 + 10 + 5 = 1215; D1 -> B re-rated 1305.
    Open Z = 1290: reached at D0 + (1290-1215)/(1305-1215) * 182 d = D0 + 151.67 d; lag = (366-151.67)/30.4375 = 7.04.
    """
    p0, p1, p2 = gap_calc.compute(history())
    assert p0.months is None  # nothing earlier
    assert p1.months == pytest.approx((182 - 182 * 40 / 90) / MONTH, abs=1e-6)
    assert p2.months == pytest.approx((366 - 182 * 75 / 90) / MONTH, abs=1e-6)
    assert not p1.censored and not p2.censored
    # range: open frontier ± its half-width (anchoring SE is 0 here)
    assert p2.months_low < p2.months < p2.months_high
    assert p2.months_high == pytest.approx((366 - 182 * 69 / 90) / MONTH, abs=1e-6)


def test_censored_when_first_snapshot_already_reaches():
    snaps = history()
    s1 = [row._replace(rating=1205) if row.model == "Y" else row for row in snaps[0][2]]
    p1 = gap_calc.compute([(D0, "a", snaps[1][2]), (D1, "b", s1)])[1]
    assert p1.censored and p1.months == pytest.approx(182 / MONTH)


def test_open_ahead_is_zero_months():
    s0 = [r("A", 1200, "closed"), *fillers(0)]
    s1 = [r("A", 1210, "closed"), r("O", 1220, "open"), *fillers(10)]
    p1 = gap_calc.compute([(D0, "a", s0), (D1, "b", s1)])[1]
    assert p1.gap == -10 and p1.months == 0.0


def test_broken_chain_uses_only_rerated_models():
    """Fewer than MIN_SHARED shared models: no link; A (gone from D1) is not carried across the break."""
    s0 = [r("A", 1400, "closed"), r("C", 1150, "closed"), r("X", 1000, "open")]
    s1 = [r("C", 1200, "closed"), r("B", 1300, "closed"), r("Y", 1250, "open")]
    p0, p1 = gap_calc.compute([(D0, "a", s0), (D1, "b", s1)])
    assert p1.link_offset is None and p1.link_shared == 1  # only C
    # closed on D1's board: D0 -> C re-rated 1200; D1 -> 1300. Y = 1250 is halfway.
    assert p1.months == pytest.approx(91 / MONTH, abs=1e-6)
    assert p1.months_low is None and p1.months_high is None  # no interval in the source: range unknown, not 0


@pytest.mark.parametrize(
    ("closed", "target", "months", "censored"),
    [
        ([1200, 1300], 1250, (182 - 91) / MONTH, False),  # halfway
        ([1200, 1300], 1300, 0.0, False),  # only today's frontier reaches it
        ([1200, 1300], 1200, 182 / MONTH, True),  # the first snapshot already did: at least
        ([1300, 1200], 1250, 182 / MONTH, True),  # running maximum: a drop does not count
        ([None, 1300], 1250, 0.0, False),  # no closed model before today
    ],
)
def test_lag_months_table(closed, target, months, censored):
    got = gap_calc.lag_months([D0, D1], closed, target)
    assert got[0] == pytest.approx(months, abs=1e-6) and got[1] is censored


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(1000, 1600), min_size=2, max_size=6),
    st.floats(1000, 1600),
    st.floats(0, 50),
)
def test_lag_never_shrinks_when_target_drops(closed, target, drop):
    dates = [D0 + pd.Timedelta(days=30 * i) for i in range(len(closed))]
    closed[-1] = max(closed[-1], target)  # today's closed frontier is above the open one (gap > 0)
    hi = gap_calc.lag_months(dates, closed, target)[0]
    lo = gap_calc.lag_months(dates, closed, target - drop)[0]
    assert 0 <= hi <= lo + 1e-9


def test_fit_line_slope_interval_and_zero_crossing():
    """x = [0, .5, 1, 1], y = [31, 24, 21, 19]: mean x .625, mean y 23.75, Sxx .6875, Sxy -7.375.

    slope = -7.375/.6875 = -10.7273; intercept 30.4545; at x=1: 19.7273; zero 19.7273/10.7273 = 1.839 y.
    residual SS 3.6364 -> se = sqrt(3.6364/2/.6875) = 1.6262; t(2) = 4.303 -> slope in [-17.725, -3.730].
    """
    fit = gap_calc.fit_line([0.0, 0.5, 1.0, 1.0], [31.0, 24.0, 21.0, 19.0])
    assert fit.slope == pytest.approx(-10.7273, abs=1e-3)
    assert (fit.slope_low, fit.slope_high) == pytest.approx((-17.725, -3.730), abs=2e-3)
    assert fit.value_now == pytest.approx(19.7273, abs=1e-3)
    assert fit.zero_years == pytest.approx(1.839, abs=1e-3)
    # the steepest slope crosses first; the shallowest at 19.7273/3.730 = 5.29 years
    assert fit.zero_years_range == pytest.approx((19.7273 / 17.725, 19.7273 / 3.730), abs=1e-2)


def test_fit_line_two_points_has_no_interval_and_one_point_none():
    fit = gap_calc.fit_line([0.0, 1.0], [60.0, 20.0])
    assert (fit.slope, fit.slope_low, fit.zero_years) == (-40.0, None, 0.5)
    assert gap_calc.fit_line([0.0], [1.0]) is None
    assert gap_calc.fit_line([1.0, 1.0], [1.0, 2.0]) is None
