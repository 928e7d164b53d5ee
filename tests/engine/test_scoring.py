"""Criteria, directions, presets and weights: one table, checked here."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.engine import scoring
from advisor.errors import InputError
from advisor.requirements import TASKS


def test_every_criterion_states_a_direction_and_a_scale():
    for name, spec in scoring.CRITERIA.items():
        assert spec.direction in ("max", "min"), name
        assert spec.scale in ("linear", "log"), name
    assert scoring.CRITERIA["cost"].direction == "min"
    assert scoring.CRITERIA["quality"].direction == "max"


@pytest.mark.parametrize("preset", list(scoring.PRESETS))
@pytest.mark.parametrize("task", TASKS)
def test_every_preset_and_task_gives_weights_summing_to_one(preset, task):
    weights = scoring.preset_weights(preset, [task])
    assert set(weights) == set(scoring.CRITERIA)
    assert sum(weights.values()) == pytest.approx(1, abs=1e-5)
    assert min(weights.values()) >= 0


def test_long_context_task_weighs_context_more():
    assert (
        scoring.preset_weights("balanced", ["long_context"])["context"]
        > scoring.PRESETS["balanced"]["context"]
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"quality": 60, "cost": 40},
            "weights: they sum to 100; they must sum to 1 (give fractions, e.g. 0.6 not 60)",
        ),
        ({"quality": 0.7, "cost": 0.5}, "weights: they sum to 1.2; they must sum to 1"),
        (
            dict.fromkeys(scoring.CRITERIA, 0.1),
            "they sum to 0.8; weights for every criterion must sum to 1",
        ),
        (
            {"price": 0.5},
            "weights: unknown criterion price; use quality, cost, speed, context, lock_in, longevity, support, "
            "customisation",
        ),
    ],
)
def test_bad_weights_are_rejected_quoting_the_sum(overrides, message):
    with pytest.raises(InputError) as err:
        scoring.resolve_weights("balanced", ["general"], overrides)
    assert message in str(err.value)


def test_partial_overrides_share_the_rest_in_preset_proportions():
    w = scoring.resolve_weights("balanced", ["general"], {"cost": 0.5})
    assert w["cost"] == 0.5
    assert sum(w.values()) == pytest.approx(1)
    # quality : speed : context keep the balanced 0.45 : 0.15 : 0.10 proportions
    assert w["quality"] / w["speed"] == pytest.approx(3)
    assert w["quality"] == pytest.approx(0.5 * 0.45 / 0.70)


def test_full_overrides_are_used_as_given():
    w = dict.fromkeys(scoring.CRITERIA, 1 / len(scoring.CRITERIA))
    assert scoring.resolve_weights("cost", ["coding"], w) == pytest.approx(w)


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        (0, [1200, 1300, 1400], [0, 0.5, 1]),  # quality MAX, linear
        (1, [0, 9, 99], [1, 1 - np.log(10) / np.log(100), 0]),  # cost MIN, log1p
        (2, [5, 5, 5], [1, 1, 1]),  # no spread: nobody is penalised
        (3, [np.nan, 1000, 1000], [1, 1, 1]),  # missing → median of the known
    ],
)
def test_normalize_applies_direction_and_scale(column, values, expected):
    matrix = np.ones((3, 4))
    matrix[:, column] = values
    assert scoring.normalize(matrix)[:, column] == pytest.approx(expected)


def test_score_rejects_weights_not_summing_to_one():
    with pytest.raises(InputError, match="sum to 0.9"):
        scoring.score(np.ones((2, 4)), {"quality": 0.5, "cost": 0.2, "speed": 0.1, "context": 0.1})


def test_ties_need_overlapping_intervals_and_close_totals():
    scores = np.array([0.80, 0.79, 0.70])
    low, high = np.array([1400, 1395, 1300.0]), np.array([1420, 1405, 1310.0])
    assert scoring.ties(scores, low, high) == [[1], [0], []]
    apart = np.array([1400, 1350, 1300.0]), np.array([1420, 1360, 1310.0])
    assert scoring.ties(scores, *apart) == [[], [], []]


def test_stability_reports_the_weight_change_that_flips_the_top():
    # A is better on quality, B on cost; with quality 0.5 / cost 0.5 A leads by a hair.
    norm = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.98, 0.0, 0.0]])
    weights = {"quality": 0.5, "cost": 0.5, "speed": 0.0, "context": 0.0}
    flips = scoring.stability(norm, weights)
    assert flips == [("weigh quality 20% less", 1), ("weigh cost 20% more", 1)]
    assert scoring.stability(np.array([[1.0, 1, 1, 1], [0, 0, 0, 0]]), weights) == []


def test_docs_list_the_presets_and_task_factors_the_code_uses():
    """docs/scoring.md is the user's reference: its tables must match scoring.PRESETS and TASK_FACTORS."""
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    names = list(scoring.CRITERIA)
    assert f"| preset | {' | '.join(names)} |" in text, "update the presets table in docs/scoring.md"
    for preset, weights in scoring.PRESETS.items():
        row = f"| {preset} | " + " | ".join(f"{weights.get(n, 0):.2f}" for n in names) + " |"
        assert row in text, f"docs/scoring.md: presets row should read {row}"
    for task, factors in scoring.TASK_FACTORS.items():
        row = f"| {task} | " + ", ".join(f"{k} × {v:g}" for k, v in factors.items()) + " |"
        assert row in text, f"docs/scoring.md: task row should read {row}"
    for name, spec in scoring.CRITERIA.items():
        assert f"| {name} | {spec.direction.upper()} | {spec.scale} | {spec.unit} |" in text, name
