"""Last-resort quality from catalog facts (advisor/catalog/quality_facts.py)."""

from __future__ import annotations

import math

import pytest

from advisor.catalog import load_catalog
from advisor.catalog.card import QualityScore
from advisor.catalog.quality_facts import SPECIALISTS, _years, facts_holdout, fill_from_facts

FOUR = ("coding", "math", "chinese", "creative_writing")


@pytest.mark.parametrize(
    ("release", "years"),
    [("2023-01-01", 0.0), ("2024-01-01", 1.0), ("2023-02", 45 / 365.25), ("2023", 181 / 365.25)],
)
def test_release_dates_become_years_since_2023(release, years):
    assert _years(release) == pytest.approx(years, abs=0.003)


@pytest.mark.parametrize("release", [None, "", "soon", "2026-13"])
def test_unreadable_release_dates_are_unknown(release):
    assert math.isnan(_years(release))


def _law(card) -> float:
    return 1000 + 25 * math.log2(card.params_b) + 40 * _years(card.release_date)


@pytest.fixture(scope="module")
def open_cards():
    cards = [c.model_copy(deep=True) for c in load_catalog().models if c.open_weights and c.release_date]
    assert len(cards) > 60
    for c in cards:
        s = round(_law(c), 1)
        c.quality = {
            "coding": QualityScore(score=s, low=s - 5, high=s + 5, evidence="direct", source="t", as_of="d")
        }
    return cards


def test_a_planted_law_is_recovered_for_a_model_without_evidence(open_cards):
    cards = [c.model_copy(deep=True) for c in open_cards]
    target = next(c for c in cards if c.id not in SPECIALISTS)
    target.quality = {}
    assert fill_from_facts(cards) == [target.id]
    got = target.quality["coding"]
    assert got.score == pytest.approx(_law(target), abs=1.0)
    assert got.low <= _law(target) <= got.high and got.evidence == "imputed"
    assert got.source.startswith("imputed:facts:log2_params") and got.as_of == "d"
    assert set(target.quality) == {"coding"}  # no other task has training data here


def test_models_with_evidence_specialists_and_models_without_facts_are_left_alone(open_cards):
    cards = [c.model_copy(deep=True) for c in open_cards]
    specialist = next((c for c in cards if c.id in SPECIALISTS), None)
    undated = cards[1]
    undated.release_date = None
    for c in (specialist, undated):
        if c is not None:
            c.quality = {}
    before = [c.quality for c in cards]
    assert fill_from_facts(cards) == []
    assert [c.quality for c in cards] == before


def test_shipped_catalog_meets_the_coverage_target_and_marks_fallbacks():
    models = load_catalog().models
    covered = [m for m in models if all(t in m.quality for t in FOUR)]
    assert len(covered) / len(models) >= 0.95
    direct = sorted(s.high - s.low for m in models for t, s in m.quality.items() if s.evidence == "direct")
    for m in models:
        facts = [s for s in m.quality.values() if s.source.startswith("imputed:facts:")]
        if facts:  # all or nothing: the fallback only serves models with no evidence at all
            assert len(facts) == len(m.quality) and m.id not in SPECIALISTS
            assert all(s.evidence == "imputed" and s.high - s.low > direct[-1] for s in facts)


def test_held_out_error_of_the_fallback_is_what_docs_quality_md_states():
    table = facts_holdout(load_catalog().models, tasks=("coding",))
    assert set(table["scenario"]) == {"5-fold", "new-vendor"} and set(table["group"]) == {"open", "closed"}
    assert (table["n"] >= 60).all()
    assert (table["rmse"] < 40).all() and (table["coverage"] >= 0.9).all()
