"""The real app under AppTest with a scripted LLM: the chat extracts through it (falling back to the rules),
and the sidebar LLM settings survive switching pages."""

from __future__ import annotations

import json

from streamlit.util import calc_hash

from advisor.ui import state
from tests.ui.conftest import open_app

from .conftest import SECRET

LLM = {"llm_model": "openai/gpt-4o-mini", "llm_api_key": SECRET}


def last_reply(at) -> str:
    return [m for m in at.chat_message if m.name == "assistant"][-1].markdown[0].value.replace("\\", "")


def chat(at, message: str):
    at.chat_input(key="chat_input").set_value(message).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_chat_uses_the_llm_and_lists_its_changes(script):
    reply = {"status": "ok", "requirements": {"privacy": "self_hosted", "budget_usd_per_month": 300}}
    calls = script(json.dumps(reply))
    at = chat(open_app(state=LLM), "keep everything in house, about three hundred a month")
    assert len(calls) == 1 and calls[0]["api_key"] == SECRET
    req = at.session_state[state.REQ]
    assert (req.privacy, req.budget_usd_per_month) == ("self_hosted", 300)
    text = last_reply(at)
    assert "Understood by the LLM (openai/gpt-4o-mini)" in text
    assert "privacy → self_hosted" in text and "budget_usd_per_month → 300" in text
    assert SECRET not in text and SECRET not in str(dict(at.query_params))


def test_llm_follow_up_question_is_asked(script):
    script(json.dumps({"status": "need_more_info", "question": "Which GPU do you have?"}))
    at = chat(open_app(state=LLM), "help me choose")
    assert "Which GPU do you have?" in last_reply(at)


def test_broken_llm_falls_back_to_the_rule_based_parser(script):
    calls = script("not json", "still not json", "nope")
    at = chat(open_app(state=LLM), "we need coding help under $100 a month")
    assert len(calls) == 3
    assert at.session_state[state.REQ].budget_usd_per_month == 100  # the rules understood it
    assert "Understood by the LLM" not in last_reply(at)


def test_without_an_llm_the_chat_never_calls_one(script):
    at = chat(open_app(), "we need coding help under $100 a month")
    assert script.calls == [] and at.session_state[state.REQ].budget_usd_per_month == 100


def test_llm_settings_survive_switching_pages(script):
    at = open_app()
    at.text_input(key="llm_model").input("openai/gpt-4o-mini").run()
    at.text_input(key="llm_api_key").input(SECRET).run()
    for page in ("explore", "data", "advisor"):
        at._page_hash = calc_hash(page)  # select the page the way the browser does (see tests/ui/conftest)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert (
            at.session_state["llm_model"] == "openai/gpt-4o-mini"
            and at.session_state["llm_api_key"] == SECRET
        )
        assert at.text_input(key="llm_model").value == "openai/gpt-4o-mini"
        assert any("Using openai/gpt-4o-mini" in c.value.replace("\\", "") for c in at.sidebar.caption)
        assert SECRET not in str(dict(at.query_params))
