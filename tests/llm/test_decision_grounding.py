"""The open-or-closed decision (rec.decision) reaches the explainer's prompt as facts, and answers quoting its
verdict, both monthly costs and the break-even are grounded — while a wrong break-even or cost is not."""

from __future__ import annotations

import json

import pytest

from advisor import grounding
from advisor.llm_context import explain_messages, known_models, prompt_view

from .conftest import CATALOG


@pytest.fixture(scope="module")
def decided():
    from advisor.catalog import load_catalog
    from advisor.engine import recommend
    from advisor.requirements import Requirements

    rec = recommend(Requirements(), catalog=load_catalog(CATALOG))
    assert rec.decision and rec.decision["break_even_requests_per_day"], "the engine gave no break-even"
    return rec


def answer(rec, break_even: float, api: float | None = None) -> str:
    d = rec.decision
    api_pick, own = d["api_pick"], d["self_hosted_pick"]
    api = d["api_monthly_usd"] if api is None else api
    return (
        f"The verdict is {d['verdict']}. {api_pick['name']} costs about ${api:,.2f}/month "
        f"against ${d['self_hosted_monthly_usd']:,.0f}/month to self-host {own['name']}. "
        f"Break-even is at about {break_even:,.0f} requests/day."
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prompt_carries_the_decision(decided, lang):
    view = prompt_view(decided, lang)["open_or_closed"]
    d = decided.decision
    assert view["verdict"] == d["verdict"]
    assert view["api_monthly_cost_usd"] == round(d["api_monthly_usd"], 2)
    assert view["self_hosted_monthly_cost_usd"] == round(d["self_hosted_monthly_usd"], 2)
    assert view["break_even_requests_per_day"] == d["break_even_requests_per_day"]
    assert view["paragraph"] == d["paragraph_zh" if lang == "zh" else "paragraph_en"]
    assert view["self_hosted_pick"]["name"] == d["self_hosted_pick"]["name"]
    system = explain_messages(decided, None, lang)[0]["content"]
    assert json.dumps(view["paragraph"], ensure_ascii=False) in system


def test_answer_quoting_the_decision_is_grounded(decided):
    text = answer(decided, decided.decision["break_even_requests_per_day"])
    assert grounding.check(text, decided, known_models(CATALOG)) == []


@pytest.mark.parametrize("factor", [3.0, 0.3])
def test_wrong_break_even_is_not_grounded(decided, factor):
    wrong = decided.decision["break_even_requests_per_day"] * factor
    issues = grounding.check(answer(decided, wrong), decided, known_models(CATALOG))
    assert any("figures the engine did not produce" in i and f"{wrong:,.0f}" in i for i in issues), issues


def test_wrong_api_cost_is_not_grounded(decided):
    text = answer(decided, decided.decision["break_even_requests_per_day"], api=777.77)
    issues = grounding.check(text, decided, known_models(CATALOG))
    assert any("$777.77" in i for i in issues), issues
