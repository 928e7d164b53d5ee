"""The decision end to end on the fixture catalog (tests/fixtures/catalog_small.jsonl): table-driven
scenarios through `advisor.recommend`, the JSON the CLI prints, and the chart data."""

from __future__ import annotations

import json

import pytest

from advisor.catalog import load_catalog
from advisor.decision import break_even_curve
from advisor.decision.model import Decision
from advisor.engine import recommend
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "catalog_small.jsonl"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE)


W = {"requests_per_day": 2000, "input_tokens": 1000, "output_tokens": 300}
SCENARIOS = [
    # name, requirements, verdict, text in the reasons
    (
        "startup on an API budget",
        {"budget_usd_per_month": 300, "workload": W},
        "closed",
        "over your $300 budget",
    ),
    (
        "hospital with two GPUs",
        {"privacy": "self_hosted", "hardware": {"gpu": "RTX 4090", "gpu_count": 2}, "workload": W},
        "open",
        "privacy rule",
    ),
    (
        "privacy self_hosted, no hardware (rented)",
        {"privacy": "self_hosted", "workload": W},
        "open",
        "privacy rule",
    ),
    (
        "no open model has the context",
        {"min_context_tokens": 1_000_000, "workload": W},
        "closed",
        "context need",
    ),
    ("asked for API", {"deployment": "api", "workload": W}, "closed", "API deployment"),
    ("asked for open weights", {"open_weights": True, "workload": W}, "open", "open weights"),
    (
        "high-volume batch job, owned 8× H100",
        {
            "hardware": {"gpu": "H100", "gpu_count": 8},
            "workload": {"requests_per_day": 500_000, "input_tokens": 2000, "output_tokens": 500},
        },
        "closed",
        "cheaper",
    ),
]


@pytest.mark.parametrize(("name", "req", "verdict", "text"), SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenarios(catalog, name, req, verdict, text):
    rec = recommend(req, catalog=catalog)
    d = Decision.model_validate(rec.decision)
    assert d.verdict == verdict, d.reasons
    assert any(text in r for r in d.reasons), d.reasons
    assert d.paragraph_en.startswith("For you:") and d.paragraph_zh.startswith("建议：")
    assert len(d.reasons_zh) == len(d.reasons)


def test_break_even_line_meets_self_hosted_cost(catalog):
    rec = recommend(
        {"privacy": "self_hosted", "hardware": {"gpu": "RTX 4090", "gpu_count": 2}, "workload": W},
        catalog=catalog,
    )
    d = Decision.model_validate(rec.decision)
    assert d.break_even_requests_per_day is not None
    api_at_be = d.lines.usd_per_daily_request * d.break_even_requests_per_day
    assert api_at_be == pytest.approx(d.lines.base_usd, abs=0.05)  # within rounding of the break-even volume
    assert d.api_monthly_usd == pytest.approx(d.lines.usd_per_daily_request * 2000, abs=0.01)
    curve = break_even_curve(rec)
    row = curve[curve["marker"] == "break-even"].iloc[0]
    assert row["api_monthly_usd"] == pytest.approx(row["self_hosted_monthly_usd"], abs=0.05)
    assert (curve["marker"] == "your volume").any()


def test_paragraph_is_deterministic_and_names_the_numbers(catalog):
    req = {"hardware": {"gpu": "H100", "gpu_count": 8}, "workload": {"requests_per_day": 500_000}}
    a, b = recommend(req, catalog=catalog).decision, recommend(req, catalog=catalog).decision
    assert a == b
    d = Decision.model_validate(a)
    assert f"${d.api_monthly_usd:,.0f}" in d.paragraph_en
    assert "500,000 requests/day" in d.paragraph_en and "每天 500,000 次请求" in d.paragraph_zh


def test_factors_carry_values_and_sources(catalog):
    d = Decision.model_validate(
        recommend({"hardware": {"gpu": "RTX 4090", "gpu_count": 2}}, catalog=catalog).decision
    )
    assert set(d.factors) == {"lock_in", "longevity", "support", "customisation"}
    assert (
        d.factors["longevity"].self_hosted == 60
        and "can't be withdrawn" in d.factors["longevity"].self_hosted_basis
    )
    assert all(f.api_basis for f in d.factors.values())


def test_cli_json_has_the_decision(tmp_path, capsys):
    from advisor.cli import main

    path = tmp_path / "req.json"
    path.write_text(json.dumps({"budget_usd_per_month": 300, "workload": W}))
    assert (
        main(["recommend", "--requirements", str(path), "--catalog", str(FIXTURE), "--format", "json"]) == 0
    )
    decision = json.loads(capsys.readouterr().out)["decision"]
    keys = {
        "verdict",
        "reasons",
        "api_pick",
        "self_hosted_pick",
        "api_monthly_usd",
        "self_hosted_monthly_usd",
        "break_even_requests_per_day",
    }
    assert keys <= set(decision)
    assert decision["verdict"] == "closed"


def test_no_decision_data_gives_an_empty_curve():
    assert break_even_curve(None).empty
