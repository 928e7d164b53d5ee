"""A hand-worked scoring example (tolerance 1e-4 on every number).

Three candidates, balanced weights (quality 0.45, cost 0.30, speed 0.15, context 0.10):

    model  quality  cost $/month  speed tok/s  context tokens
    A      1400     100           50           128,000
    B      1300     10            100          32,000
    C      1350     1000          (unknown)    1,000,000

quality (MAX, linear):  A = (1400-1300)/(1400-1300) = 1;  B = 0;  C = (1350-1300)/100 = 0.5
cost (MIN, log1p):      ln(101) = 4.61512, ln(11) = 2.39790, ln(1001) = 6.90875; span 4.51085
                        A = 1 - (4.61512-2.39790)/4.51085 = 0.50847;  B = 1;  C = 0
speed (MAX, log1p):     ln(51) = 3.93183, ln(101) = 4.61512 → A = 0, B = 1;
                        C unknown → median of the known normalised values (0, 1) = 0.5
context (MAX, log1p):   ln(128001) = 11.75979, ln(32001) = 10.37352, ln(1000001) = 13.81551; span 3.44199
                        A = 1.38627/3.44199 = 0.40275;  B = 0;  C = 1

score A = 0.45·1   + 0.30·0.50847 + 0.15·0   + 0.10·0.40275 = 0.45 + 0.15254 + 0 + 0.04028 = 0.64282
score B = 0.45·0   + 0.30·1       + 0.15·1   + 0.10·0       = 0.45
score C = 0.45·0.5 + 0.30·0       + 0.15·0.5 + 0.10·1       = 0.225 + 0 + 0.075 + 0.1 = 0.40

Ranking: A, B, C. B and C are 0.05 apart (> TIE_NOISE 0.02): no tie.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from advisor.engine import scoring

TOL = 1e-4
VALUES = np.array(
    [[1400, 100, 50, 128_000], [1300, 10, 100, 32_000], [1350, 1000, math.nan, 1_000_000]], float
)
NORMALISED = [[1, 0.50847, 0, 0.40275], [0, 1, 1, 0], [0.5, 0, 0.5, 1]]
SCORES = [0.64282, 0.45, 0.40]


def test_worked_example_normalisation_and_scores():
    assert scoring.PRESETS["balanced"] == {"quality": 0.45, "cost": 0.30, "speed": 0.15, "context": 0.10}
    total, norm, contrib = scoring.score(VALUES, scoring.PRESETS["balanced"])
    assert norm == pytest.approx(np.array(NORMALISED), abs=TOL)
    assert total == pytest.approx(SCORES, abs=TOL)
    assert contrib.sum(axis=1) == pytest.approx(total, abs=1e-12)
    assert contrib[0] == pytest.approx([0.45, 0.15254, 0, 0.04028], abs=TOL)


def test_worked_example_has_no_ties():
    total, _, _ = scoring.score(VALUES, scoring.PRESETS["balanced"])
    low, high = np.array([1390, 1290, 1340.0]), np.array([1410, 1310, 1360.0])
    assert scoring.ties(total, low, high) == [[], [], []]
