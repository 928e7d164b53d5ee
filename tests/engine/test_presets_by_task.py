"""Every priority preset × every task recommends: the per-task factors and the 6-decimal rounding in
`preset_weights` leave a row 1 ± a few 1e-6, which `score` must accept (it used to exit 2 for
`--task coding --priority enterprise` with "they sum to 0.999999")."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from advisor import Requirements, recommend
from advisor.engine import scoring
from advisor.errors import InputError
from advisor.requirements import TASKS

CASES = [(preset, [task]) for preset in scoring.PRESETS for task in TASKS] + [
    (preset, list(pair))
    for preset in scoring.PRESETS
    for pair in itertools.combinations(sorted(scoring.TASK_FACTORS), 2)
]


@pytest.mark.parametrize(("preset", "tasks"), CASES, ids=lambda v: v if isinstance(v, str) else "+".join(v))
def test_preset_weights_pass_the_score_check(preset, tasks):
    weights = scoring.preset_weights(preset, tasks)
    values = np.array([[1300.0, 10.0, 50.0, 128_000, 3, 24, 1, 1], [1250.0, 0.0, 80.0, 32_000, 1, 12, 0, 2]])
    total, _, contrib = scoring.score(values, weights)
    assert contrib.sum(axis=1) == pytest.approx(total)


@pytest.mark.parametrize("preset", list(scoring.PRESETS))
@pytest.mark.parametrize("task", TASKS)
def test_every_preset_and_task_recommends(catalog, preset, task):
    rec = recommend(Requirements(tasks=[task], priority=preset), catalog=catalog)
    assert sum(rec.weights.values()) == pytest.approx(1, abs=scoring.WEIGHT_SUM_TOL)
    for pick in rec.recommendations:
        assert 0 <= pick.score <= 1


@pytest.mark.parametrize("total", [0.99, 1.01])
def test_weights_clearly_off_one_are_still_rejected(total):
    weights = dict.fromkeys(scoring.CRITERIA, total / len(scoring.CRITERIA))
    with pytest.raises(InputError, match="they must be >= 0 and sum to 1"):
        scoring.score(np.ones((2, len(scoring.CRITERIA))), weights)
