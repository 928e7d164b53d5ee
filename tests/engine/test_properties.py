"""Seeded property tests of the pure parts (hypothesis, derandomized so every run checks the same cases)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import cost, recommend, scoring
from advisor.engine.features import CatalogView
from advisor.requirements import Workload

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)
finite = st.floats(min_value=0, max_value=1e6, allow_nan=False)
C = len(scoring.CRITERIA)
weights_st = st.lists(st.floats(min_value=0, max_value=1), min_size=C, max_size=C).filter(
    lambda w: sum(w) > 0.01
)


def _weights(raw):
    total = sum(raw)
    return dict(zip(scoring.CRITERIA, [w / total for w in raw], strict=True))


matrices = st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.lists(
        st.lists(st.one_of(finite, st.just(float("nan"))), min_size=C, max_size=C), min_size=n, max_size=n
    )
)


@SETTINGS
@given(matrices, weights_st)
def test_scores_and_normalised_values_stay_in_0_1(matrix, raw):
    total, norm, contrib = scoring.score(np.array(matrix, float), _weights(raw))
    assert ((0 <= total) & (total <= 1 + 1e-12)).all()
    assert ((0 <= norm) & (norm <= 1)).all()
    assert contrib.sum(axis=1) == pytest.approx(total, abs=1e-9)


@SETTINGS
@given(matrices, weights_st, st.data())
def test_raising_a_max_criterion_never_lowers_a_rank(matrix, raw, data):
    values = np.nan_to_num(np.array(matrix, float), nan=1.0)
    i = data.draw(st.integers(min_value=0, max_value=len(values) - 1))
    w = _weights(raw)
    before = scoring.score(values, w)[0]
    raised = values.copy()
    raised[i, 0] += data.draw(st.floats(min_value=0.1, max_value=1e4))  # column 0 = quality (MAX)
    after = scoring.score(raised, w)[0]
    assert (after > after[i]).sum() <= (before > before[i]).sum()


@SETTINGS
@given(
    st.floats(min_value=0, max_value=1e6),
    st.integers(min_value=0, max_value=200_000),
    st.integers(min_value=0, max_value=50_000),
    st.floats(min_value=0, max_value=100),
    st.floats(min_value=0, max_value=100),
    st.integers(min_value=2, max_value=10),
)
def test_monthly_api_cost_is_linear_in_tokens_and_requests(rpd, tin, tout, pin, pout, k):
    base = float(
        cost.api_monthly(Workload(requests_per_day=rpd, input_tokens=tin, output_tokens=tout), pin, pout)
    )
    scaled = cost.api_monthly(
        Workload(requests_per_day=rpd, input_tokens=tin * k, output_tokens=tout * k), pin, pout
    )
    assert float(scaled) == pytest.approx(k * base, rel=1e-9, abs=1e-9)
    split = cost.api_monthly(
        Workload(requests_per_day=rpd, input_tokens=tin, output_tokens=0), pin, pout
    ) + cost.api_monthly(Workload(requests_per_day=rpd, input_tokens=0, output_tokens=tout), pin, pout)
    assert float(split) == pytest.approx(base, rel=1e-9, abs=1e-9)


def test_api_cost_formula_worked_example():
    # 30 days × 2,000 requests × (1,500 × $3 + 400 × $15) / 1M = 30 × 2000 × 0.0105 = $630
    assert cost.api_monthly(
        Workload(requests_per_day=2000, input_tokens=1500, output_tokens=400), 3, 15
    ) == pytest.approx(630)
    assert cost.rented_monthly(2.0) == 1460
    assert cost.power_monthly(450) == pytest.approx(0.45 * 730 * 0.15)


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.integers(min_value=1_000, max_value=120_000), st.integers(min_value=1_000, max_value=120_000))
def test_more_context_never_admits_more_models_on_the_same_gpu(catalog, small, large):
    small, large = sorted((small, large))

    def fitting(ctx):
        rec = recommend(
            {
                "deployment": "self_hosted",
                "hardware": {"gpu": "RTX 4090"},
                "min_context_tokens": ctx,
                "top_k": 50,
            },
            catalog=catalog,
        )
        return {p.model_id: p.memory_gb for p in rec.recommendations}

    few, many = fitting(large), fitting(small)
    assert set(few) <= set(many)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    st.sampled_from(["gpt-oss-120b", "qwen3-32b", "mistral-small-3.2", "llama-3.1-8b"]),
    st.floats(min_value=1, max_value=300),
)
def test_raising_a_models_quality_never_lowers_its_rank_end_to_end(catalog, model, bump):
    def rank_of(cards):
        recs = recommend(
            {"tasks": ["coding"], "top_k": 50}, catalog=CatalogView(models=cards)
        ).recommendations
        return next(p.rank for p in recs if p.model_id == model)

    cards = list(catalog.models)
    i = next(k for k, c in enumerate(cards) if c.id == model)
    q = cards[i].quality["coding"]
    better = q.model_copy(update={"score": q.score + bump, "low": q.low + bump, "high": q.high + bump})
    raised = [
        *cards[:i],
        cards[i].model_copy(update={"quality": {**cards[i].quality, "coding": better}}),
        *cards[i + 1 :],
    ]
    assert rank_of(raised) <= rank_of(cards)
