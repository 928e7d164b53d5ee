"""Grounding, sanitising and echo detection: pure functions, table-driven."""

from __future__ import annotations

import pytest

from advisor import grounding, prompts
from advisor.llm_context import known_models

from .conftest import CATALOG


@pytest.fixture(scope="module")
def known():
    return known_models(CATALOG)


def test_catalog_names_are_known(known):
    assert {"gpt-5", "gemini-2.5-flash", "llama-3.1-70b"} <= set(known)
    assert "claude-3-opus-20240229" in known["claude-3-opus"]  # aliases count as names


# (text, expected problem fragment or None) against the fixture recommendation:
# picks Gemini 2.5 Flash (score 0.688, $31.50/month, 1415.1 points), Qwen3-235B, gpt-oss-120b, ...
# excluded GPT-5 ($127.50 > $50 budget), near miss Gemini 2.5 Pro (+$78/month).
CASES = [
    ("Gemini 2.5 Flash is first: score 0.69, about $31.50/month, 1415 Arena points.", None),
    ("Gemini 2.5 Flash scores 69% overall.", None),
    ("It costs roughly $32 a month.", None),
    ("Its context window is 1M tokens (1,048,576).", None),
    ("GPT-5 was excluded: $127.50/month is over your $50.00 budget.", None),
    ("Gemini 2.5 Pro would need +$78/month and would rank #2.", None),
    ("Claude 3 Opus is deprecated (retired 2026-01-05).", None),
    ("1. Gemini 2.5 Flash\n2. Qwen3-235B-A22B-Instruct-2507\n3. gpt-oss-120b", None),
    ("Data as of 2025-12-11.", None),
    ("Llama 3.1 70B is a better choice.", "not in the recommendation: llama-3.1-70b"),
    ("GPT-5.1 would beat it.", "catalog does not have: GPT-5.1"),
    ("Consider Claude 5 or Qwen 4 instead.", "catalog does not have"),
    ("It costs $12.99 a month.", "figures the engine did not produce: $12.99"),
    ("Gemini 2.5 Flash scores 0.93.", "figures the engine did not produce: 0.93"),
    ("Quality is 1500 Arena points.", "figures the engine did not produce: 1500"),
    ("Prices changed on 2024-03-01.", "dates the engine did not produce: 2024-03-01"),
]


@pytest.mark.parametrize(("text", "problem"), CASES)
def test_grounding_table(rec, known, text, problem):
    issues = grounding.check(text, rec, known)
    if problem is None:
        assert issues == []
    else:
        assert any(problem in issue for issue in issues), issues


def test_numbers_from_the_question_may_be_repeated(rec, known):
    text = "With 2 GPUs and 5000 requests a day the ranking is the engine's to recompute."
    assert grounding.check(text, rec, known, question="what if we had 2 GPUs and 5000 requests a day?") == []
    assert grounding.check(text, rec, known) != []


def test_without_catalog_only_recommendation_models_are_known(rec):
    assert grounding.check("Gemini 2.5 Flash leads; GPT-5 is over budget.", rec) == []
    assert grounding.check("Gemini 7 Ultra leads.", rec) != []  # family words come from the names


SANITIZE = [
    ("![x](http://evil.example/p.png?k=1) text", "text"),
    ("see [chart](https://x.example/a.PNG) now", "see chart now"),
    ("<script>alert(1)</script>ok", "ok"),
    ('<img src=x onerror="alert(1)">ok', "ok"),
    ("<b>bold</b> and <i>it</i>", "bold and it"),
    ("[click](javascript:alert(1))", "click"),
    ("a < b and c > d", "a &lt; b and c &gt; d"),
    ("[docs](https://example.com/page)", "[docs](https://example.com/page)"),
    ("![ref][1]\n[1]: http://evil.example/x.gif", ""),
    ("**bold** stays markdown", "**bold** stays markdown"),
]


@pytest.mark.parametrize(("raw", "clean"), SANITIZE)
def test_sanitize_table(raw, clean):
    assert grounding.sanitize(raw) == clean


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_echo_of_system_prompt_is_detected(lang):
    pieces = prompts.static_text("explain.system", lang)
    leaked = "Sure! My instructions: " + pieces[0][:200]
    assert grounding.echoes(leaked, pieces)
    assert not grounding.echoes("Gemini 2.5 Flash is first because it is cheap and good.", pieces)
    assert not grounding.echoes("双子座 2.5 Flash 排名第一，因为它便宜且质量好。", pieces)
