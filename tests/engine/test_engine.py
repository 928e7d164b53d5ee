"""`recommend` end to end on the fixture catalog: the output contract and the evidence that comes with it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from advisor import Requirements, recommend
from advisor.engine import scoring
from advisor.engine.features import CatalogView
from advisor.errors import InputError
from advisor.hardware import load_gpus
from advisor.recommendation import Recommendation
from tests.conftest import ROOT


def test_returns_a_validated_recommendation_with_contributions_that_sum_to_the_score(catalog):
    rec = recommend(Requirements(tasks=["coding"]), catalog=catalog)
    assert isinstance(rec, Recommendation)
    Recommendation.model_validate(rec.model_dump())  # every item satisfies the contract
    assert [p.rank for p in rec.recommendations] == [1, 2, 3, 4, 5]
    scores = [p.score for p in rec.recommendations]
    assert scores == sorted(scores, reverse=True)
    for p in rec.recommendations:
        assert 0 <= p.score <= 1
        assert sum(c.contribution for c in p.criteria.values()) == pytest.approx(p.score, abs=1e-9)
        assert {c.weight for c in p.criteria.values()} <= set(rec.weights.values())
        assert p.reasons and p.reasons[0].startswith("coding quality")
    assert rec.data_as_of == "2025-12-11"  # freshest snapshot in the fixture (LMArena)
    assert rec.data_sources == {"lmarena-arena-catalog": "2025-12-11", "curated": "2025-12-01"}


def test_api_cost_is_the_formula_on_the_cheapest_suitable_offer(catalog):
    rec = recommend({"tasks": ["coding"], "top_k": 50, "privacy": "no_training"}, catalog=catalog)
    ds = next(p for p in rec.recommendations if p.model_id == "deepseek-v3.2")
    # 30 × 1000 × (1000 × 0.56 + 300 × 1.68) / 1e6 — fireworks, the only offer that does not train
    assert ds.provider == "fireworks"
    assert ds.monthly_cost_usd == pytest.approx(30 * 1000 * (1000 * 0.56 + 300 * 1.68) / 1e6)
    assert "via fireworks" in ds.cost_basis or "via fireworks" in " ".join(ds.reasons)


def test_self_hosting_on_your_gpu_is_costed_at_electricity_and_states_its_basis(catalog):
    rec = recommend({"privacy": "self_hosted", "hardware": {"gpu": "RTX 4090"}}, catalog=catalog)
    top = rec.recommendations[0]
    assert top.deployment == "self_hosted" and top.gpu == "RTX 4090" and top.gpu_rented is False
    assert top.memory_gb <= 24 and top.quantization
    watts = next(g.board_power_w for g in load_gpus() if g.name == "RTX 4090")
    assert top.monthly_cost_usd == pytest.approx(watts / 1000 * 730 * 0.15)
    assert f"{watts:.0f} W" in top.cost_basis and "$0.15/kWh" in top.cost_basis
    assert top.basis, "the hardware estimate states its basis"
    assert any("electricity only" in a for a in rec.assumptions)


def test_self_hosting_without_hardware_rents_the_cheapest_gpus(catalog):
    rec = recommend({"deployment": "self_hosted", "top_k": 50}, catalog=catalog)
    assert rec.recommendations and all(p.gpu_rented for p in rec.recommendations)
    for p in rec.recommendations:
        assert "× 730 hours" in p.cost_basis
        assert p.monthly_cost_usd > 0


def test_near_misses_name_the_single_change_and_where_the_model_would_land(catalog):
    # top_k 8: Sonnet would land #8, inside the shortlist (near misses outside it are dropped as noise)
    rec = recommend({"tasks": ["coding"], "budget_usd_per_month": 100, "top_k": 8}, catalog=catalog)
    near = {n.model_id: n for n in rec.near_misses}
    # Claude Sonnet 4.5: 30 × 1000 × (1000 × 3 + 300 × 15) / 1e6 = $225/month → +$125
    assert near["claude-sonnet-4.5"].change == "+$125/month"
    assert near["claude-sonnet-4.5"].rule == "budget"
    assert all(n.would_rank and n.would_rank >= 1 for n in rec.near_misses)
    assert any(w.change == "+$125/month" and "Claude Sonnet 4.5" in w.effect for w in rec.what_would_change)


def test_hardware_near_miss_names_a_gpu_size(catalog):
    rec = recommend(
        {"tasks": ["coding"], "privacy": "self_hosted", "hardware": {"gpu": "RTX 4090"}}, catalog=catalog
    )
    changes = {n.model_id: n.change for n in rec.near_misses}
    assert any(c.startswith("a ") and c.endswith(" GB GPU") for c in changes.values()), changes


@pytest.mark.parametrize(
    ("hardware", "change"),
    [
        ({"ram_gb": 16}, " GB of RAM"),
        ({"gpu": "Apple M4 Max", "unified_memory_gb": 36}, " GB of unified memory"),
        ({"gpu": "RTX 3090", "gpu_count": 2}, "2 GPUs with "),
    ],
)
def test_hardware_near_misses_speak_of_the_kind_of_memory_you_have(catalog, hardware, change):
    rec = recommend({"privacy": "self_hosted", "hardware": hardware, "top_k": 1}, catalog=catalog)
    assert any(n.rule == "hardware" and change in n.change for n in rec.near_misses), rec.near_misses


def test_low_bit_quantization_is_flagged_in_the_reasons(catalog):
    rec = recommend(
        {"privacy": "self_hosted", "hardware": {"gpu": "RTX 3090", "gpu_count": 2}, "top_k": 50},
        catalog=catalog,
    )
    low = [p for p in rec.recommendations if p.quantization in ("Q2_K", "Q3_K_M")]
    assert low, [p.quantization for p in rec.recommendations]
    assert all(any("expect lower quality" in line for line in p.reasons) for p in low)
    high = [p for p in rec.recommendations if p.quantization in ("Q8_0", "F16")]
    assert high and not any("expect lower quality" in line for p in high for line in p.reasons)


def test_no_candidates_gives_an_empty_list_a_warning_and_near_misses(catalog):
    rec = recommend({"tasks": ["coding"], "budget_usd_per_month": 1, "region": "eu"}, catalog=catalog)
    assert rec.recommendations == []
    assert rec.stability is None
    (warning,) = [w for w in rec.warnings if w.startswith("No model meets")]
    assert "the budget rule removed the most" in warning
    assert rec.near_misses and all(n.change.startswith("+$") for n in rec.near_misses)
    assert "Closest:" in warning


def test_ties_are_reported_both_ways(catalog):
    rec = recommend({"tasks": ["coding"], "top_k": 50}, catalog=catalog)
    by_id = {p.model_id: p for p in rec.recommendations}
    tied = [(p.model_id, other) for p in rec.recommendations for other in p.tied_with]
    assert tied, "the fixture has overlapping intervals with close scores"
    for a, b in tied:
        if b in by_id:
            assert a in by_id[b].tied_with
            assert abs(by_id[a].score - by_id[b].score) <= 0.02


def test_stability_note_is_always_given_when_there_is_a_pick(catalog):
    rec = recommend({"tasks": ["coding"]}, catalog=catalog)
    assert rec.stability is not None
    assert rec.recommendations[0].name in rec.stability.note
    if not rec.stability.stable:
        assert rec.stability.challengers


def test_weight_overrides_change_the_ranking_towards_that_criterion(catalog):
    cheap = recommend({"weights": {"cost": 1.0}}, catalog=catalog).recommendations[0]
    costs = [p.monthly_cost_usd for p in recommend({"top_k": 50}, catalog=catalog).recommendations]
    assert cheap.monthly_cost_usd == min(costs)


def test_bad_requirements_raise_one_readable_error():
    with pytest.raises(
        InputError, match=r"^privacy: Input should be 'any', 'no_training' or 'self_hosted' \(got 'nope'\)$"
    ):
        recommend({"privacy": "nope"}, catalog=[])


def test_empty_catalog_is_not_an_error():
    rec = recommend({}, catalog=CatalogView(models=[]))
    assert rec.recommendations == [] and rec.excluded == []


@pytest.mark.parametrize(("priority", "heavy"), [("enterprise", "support"), ("sovereignty", "lock_in")])
def test_enterprise_and_sovereignty_weigh_the_decision_criteria(catalog, priority, heavy):
    rec = recommend({"priority": priority}, catalog=catalog)
    assert rec.weights[heavy] > 0 and rec.weights[heavy] > rec.weights["context"]
    assert not any(f"{priority} preset" in a for a in rec.assumptions)  # no "not backed by data" caveat
    for pick in rec.recommendations:
        c = pick.criteria[heavy]
        assert c.weight == pytest.approx(rec.weights[heavy])
        assert c.contribution == pytest.approx(c.normalized * c.weight)


def test_picks_show_the_four_decision_criteria_even_when_unweighted(catalog):
    rec = recommend({}, catalog=catalog)
    for pick in rec.recommendations:
        assert list(pick.criteria) == list(scoring.CRITERIA)
        for name in ("lock_in", "longevity", "support", "customisation"):
            c = pick.criteria[name]
            assert c.weight == 0 and c.contribution == 0 and 0 <= c.normalized <= 1
        assert sum(c.contribution for c in pick.criteria.values()) == pytest.approx(pick.score)
    top = rec.recommendations[0]
    assert top.criteria["lock_in"].value >= 1 and top.criteria["longevity"].value > 0


def test_engine_path_imports_neither_streamlit_nor_litellm():
    code = (
        "import sys; from advisor import recommend; from tests.engine.conftest import FIXTURE; "
        "recommend({'hardware': {'gpu': 'RTX 4090'}, 'tasks': ['coding']}, catalog=str(FIXTURE)); "
        "assert 'streamlit' not in sys.modules and 'litellm' not in sys.modules, 'heavy import on the engine path'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
