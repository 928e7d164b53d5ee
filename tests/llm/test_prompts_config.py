"""Prompt files with named variables, and where the LLM configuration comes from (keys never shown)."""

from __future__ import annotations

import pytest

from advisor import prompts
from advisor.errors import InputError
from advisor.llm_config import LOCAL_DUMMY_KEY, LLMConfig, Usage, resolve_config

from .conftest import SECRET

NAMES = ["explain.system", "explain.user", "extract.system", "extract.user", "extract.retry"]


@pytest.mark.parametrize("name", NAMES)
def test_every_prompt_exists_in_both_languages_with_the_same_variables(name):
    assert prompts.variables(name, "en") == prompts.variables(name, "zh") != set()


def test_missing_or_unexpected_variable_is_an_error():
    with pytest.raises(prompts.PromptError, match="missing variable.*question"):
        prompts.render("explain.user", "en")
    with pytest.raises(prompts.PromptError, match="unexpected variable.*extra"):
        prompts.render("explain.user", "en", question="q", extra="x")
    with pytest.raises(prompts.PromptError, match="not found"):
        prompts.render("nope", "en")


def test_unknown_language_uses_english():
    assert prompts.render("explain.user", "fr", question="q") == prompts.render(
        "explain.user", "en", question="q"
    )


def test_config_from_environment():
    env = {
        "ADVISOR_LLM_MODEL": "openai/smollm2",
        "ADVISOR_LLM_API_BASE": "http://127.0.0.1:8080/v1",
        "ADVISOR_LLM_FALLBACKS": "openai/a, openai/b",
        "ADVISOR_LLM_TIMEOUT": "5",
    }
    cfg = resolve_config(source=env)
    assert (cfg.model, cfg.api_base, cfg.fallbacks, cfg.timeout_s, cfg.deadline_s) == (
        "openai/smollm2",
        "http://127.0.0.1:8080/v1",
        ["openai/a", "openai/b"],
        5,
        10,
    )
    assert cfg.call_kwargs()["api_key"] == LOCAL_DUMMY_KEY  # local servers need some key
    assert "api_base" not in cfg.call_kwargs("openai/a")  # fallbacks go to their own provider


def test_explicit_values_win_and_a_different_model_does_not_inherit_the_server():
    env = {"ADVISOR_LLM_MODEL": "openai/smollm2", "ADVISOR_LLM_API_BASE": "http://127.0.0.1:1/v1"}
    assert resolve_config("anthropic/claude-sonnet-4-5", source=env).api_base is None
    assert resolve_config(None, "http://127.0.0.1:2/v1", source=env).api_base == "http://127.0.0.1:2/v1"
    assert resolve_config(source={}) is None


def test_the_key_never_shows():
    cfg = LLMConfig(model="openai/gpt-4o-mini", api_key=SECRET)
    for text in (repr(cfg), str(cfg), cfg.model_dump_json(), str(cfg.model_dump())):
        assert SECRET not in text
    assert cfg.call_kwargs()["api_key"] == SECRET and SECRET in cfg.secrets()


def test_usage_unknown_cost_is_not_zero():
    usage = Usage()
    usage.add(10, 5, None)
    assert usage.cost_usd is None and usage.summary() == "1 call(s), 15 tokens, cost unknown"
    usage.add(10, 5, 0.002)
    assert usage.cost_usd == 0.002
    assert usage.summary() == "2 call(s), 30 tokens, $0.0020 (+1 call(s) of unknown cost)"


@pytest.mark.parametrize(
    ("model", "env", "problem"),
    [
        ("ab", {}, "model: String should have at least 3 characters"),
        ("openai/x", {"ADVISOR_LLM_TIMEOUT": "soon"}, "ADVISOR_LLM_TIMEOUT"),
        ("openai/x", {"ADVISOR_LLM_TIMEOUT": "-1"}, "timeout_s"),
    ],
)
def test_bad_settings_are_a_readable_input_error(model, env, problem):
    with pytest.raises(InputError, match=problem):
        resolve_config(model, api_key=SECRET, source=env)
