"""Break-even arithmetic, pinned: the API line at the break-even volume equals the self-hosted cost."""

from __future__ import annotations

import math

import pytest

from advisor.decision import breakeven
from advisor.decision.breakeven import SelfHostedLine, capacity_per_day


def test_capacity_worked_example():
    # 300 output tokens at 60 tok/s = 5 s; 1,000 input tokens at 600 tok/s = 1.667 s → 6.667 s per request;
    # 86,400 × 0.5 × 4 / 6.667 = 25,920 requests/day
    assert capacity_per_day(60, 1000, 300) == pytest.approx(25_920, rel=1e-9)
    assert capacity_per_day(None, 1000, 300) == math.inf
    assert capacity_per_day(float("nan"), 1000, 300) == math.inf


@pytest.mark.parametrize(
    ("a", "line", "expected"),
    [
        # owned box $613.2 serving 197,238/day, then rented replicas at $14,541.6 for 565,726/day; API $0.021:
        # gain = 0.021 × 565,726 − 14,541.6 = −2,661.4; (0.021 × 197,238 − 613.2) / 2,661.4 = 1.33 → j0 = 2 →
        # from 197,238 + 565,726 = 762,964 the API is cheaper for good
        (0.021, SelfHostedLine(613.2, 197_238, 14_541.6, 565_726), 762_964),
        (0.02, SelfHostedLine(100, 10_000, 150, 10_000), None),  # each replica pays for itself: no end
        # gain = 80 − 90 = −10; (200 − 100) / 10 = 10 → j0 = 11 → 10,000 + 10 × 4,000
        (0.02, SelfHostedLine(100, 10_000, 90, 4_000), 50_000),
        (0.01, SelfHostedLine(321.2, 22_000, 321.2, 22_000), None),  # never crosses at all
        (0.02, SelfHostedLine(100, 10_000, None, None), 10_000),  # can't add replicas
    ],
)
def test_cheaper_until(a, line, expected):
    got = breakeven.cheaper_until(a, line)
    assert got == (None if expected is None else pytest.approx(expected))
    if got is not None and line.extra_usd is not None:  # past it the API is cheaper at every volume checked
        for v in (got + 1, got * 1.5, got * 3, got * 10):
            assert a * v < line.monthly(v)
