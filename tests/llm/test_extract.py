"""Chat → Requirements through the LLM: JSON validated by pydantic, re-ask with the error, rules fallback."""

from __future__ import annotations

import json

import pytest

from advisor.llm import extract_requirements
from advisor.llm_extract import REASKS, changed_fields, merge
from advisor.requirements import Requirements

CURRENT = Requirements(tasks=["coding"], budget_usd_per_month=200)


def ok(**changes) -> str:
    return json.dumps({"status": "ok", "requirements": changes})


def test_valid_reply_is_merged_into_the_current_requirements(config, script):
    calls = script(ok(privacy="self_hosted", hardware={"gpu": "RTX 4090"}))
    result = extract_requirements("our data must stay in house; we have a 4090", CURRENT, config)
    assert result.source == "llm" and result.issues == []
    req = result.requirements
    assert (req.privacy, req.hardware.gpu, req.tasks, req.budget_usd_per_month) == (
        "self_hosted",
        "RTX 4090",
        ["coding"],  # untouched fields keep the current state
        200,
    )
    assert result.changed == ["hardware", "privacy"]
    assert calls[0]["response_format"] == {"type": "json_object"}
    assert result.usage.calls == 1


def test_need_more_info_asks_one_question(config, script):
    script(json.dumps({"status": "need_more_info", "question": "What hardware do you have?"}))
    result = extract_requirements("help me pick", CURRENT, config)
    assert result.source == "llm" and result.question == "What hardware do you have?"
    assert result.requirements == CURRENT and result.changed == []


# (first bad reply, fragment of the error sent back when re-asking)
BAD = [
    ("Sure! Here's your JSON: {privacy: self_hosted}", "not valid JSON"),
    (ok(privacy="on_prem"), "requirements: privacy"),
    (ok(rank_first="gpt-5"), "requirements: rank_first: unknown key"),
    (json.dumps({"status": "ok", "requirements": {}, "ranking": ["gpt-5"]}), "ranking: unknown key"),
    (json.dumps({"status": "need_more_info"}), "needs a 'question'"),
    ('```json\n{"status": "maybe"}\n```', "status"),
]


@pytest.mark.parametrize(("bad", "error"), BAD)
def test_invalid_reply_is_re_asked_with_the_error(config, script, bad, error):
    calls = script(bad, ok(privacy="self_hosted"))
    result = extract_requirements("keep it on our servers", CURRENT, config)
    assert result.source == "llm" and result.requirements.privacy == "self_hosted"
    assert len(calls) == 2
    retry = calls[1]["messages"]
    assert retry[-2] == {"role": "assistant", "content": bad}
    assert error in retry[-1]["content"]
    assert error in result.issues[0]


def test_after_two_re_asks_the_rule_based_parser_takes_over(config, script):
    calls = script(*["not json"] * (1 + REASKS))
    result = extract_requirements("we need coding help under $100 a month", CURRENT, config)
    assert len(calls) == 1 + REASKS == 3
    assert result.source == "rules"
    assert result.requirements.budget_usd_per_month == 100  # the rules understood the budget
    assert "rule-based parser" in result.issues[0] and "not valid JSON" in result.issues[0]


def test_llm_failure_falls_back_to_rules(config, script, litellm_module):
    error = litellm_module.APIConnectionError(message="refused", llm_provider="openai", model="m")
    script(error, error, error)
    result = extract_requirements("数据不能出内网", CURRENT, config, lang="zh")
    assert result.source == "rules" and result.requirements.privacy == "self_hosted"
    assert "did not answer" in result.issues[0]


def test_no_llm_configured_uses_rules():
    result = extract_requirements("budget $300 per month", CURRENT)
    assert result.source == "rules" and result.requirements.budget_usd_per_month == 300
    assert result.changed == ["budget_usd_per_month"]


def test_merge_and_changed_fields():
    before = {"a": 1, "w": {"x": 1, "y": 2}, "l": [1]}
    after = merge(before, {"w": {"y": 3}, "l": [2]})
    assert after == {"a": 1, "w": {"x": 1, "y": 3}, "l": [2]}
    assert changed_fields(before, after) == ["l", "w.y"]
