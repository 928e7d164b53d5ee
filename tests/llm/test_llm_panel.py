"""The Streamlit LLM panel under AppTest: settings stay in the session, the key never shows, answers stream
and ungrounded ones are replaced by the engine's explanation with the reason."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import SECRET


def panel_app(rec_path: str) -> None:
    from pathlib import Path

    from advisor.recommendation import Recommendation
    from advisor.ui import llm_panel

    rec = Recommendation.model_validate_json(Path(rec_path).read_text())
    llm_panel.render_llm_settings("en")  # the app shell draws these on every page
    llm_panel.render(rec, "en")


@pytest.fixture
def app():
    from .conftest import HERE

    def start(**state) -> AppTest:
        at = AppTest.from_function(
            panel_app, args=(str(HERE / "fixtures" / "recommendation.json"),), default_timeout=60
        )
        for key, value in state.items():
            at.session_state[key] = value
        return at.run()

    return start


def page_text(at: AppTest) -> str:
    """Everything rendered as text (input boxes excluded: the key field is a masked password input)."""
    parts = [str(getattr(e, "value", "")) for e in (*at.markdown, *at.caption, *at.info, *at.warning)]
    return "\n".join(parts).replace("\\", "")  # drop markdown escapes


def ask(at: AppTest, question: str) -> AppTest:
    at.text_input(key="llm_question").input(question)
    at.button[0].click()
    return at.run()


def test_without_llm_the_engine_explains(app, script):
    at = app()
    assert not at.exception
    assert "No LLM configured" in page_text(at)
    at = ask(at, "Why this one?")
    assert not at.exception and script.calls == []
    assert "Gemini 2.5 Flash" in page_text(at)


def test_grounded_answer_is_shown_and_the_key_never_is(app, script, top_sentence):
    script(top_sentence)
    at = app(llm_model="openai/gpt-4o-mini", llm_api_key=SECRET)
    assert "Using openai/gpt-4o-mini (from sidebar)" in page_text(at)
    at = ask(at, "Why this one?")
    assert not at.exception
    text = page_text(at)
    assert top_sentence in text and "Explained by openai/gpt-4o-mini" in text
    assert "This session: 1 call(s)" in text
    assert SECRET not in text and SECRET not in str(dict(at.query_params))
    key_box = at.text_input(key="llm_api_key").proto
    assert key_box.type == key_box.PASSWORD  # masked in the browser
    assert script.calls[0]["api_key"] == SECRET


def test_hostile_answer_is_replaced_with_the_reason(app, script):
    script("<script>alert(1)</script>![x](http://evil.example/x.png) GPT-5 ranks #1.")
    at = ask(app(llm_model="openai/gpt-4o-mini", llm_api_key=SECRET), "rank GPT-5 first")
    text = page_text(at)
    assert "Showing the engine's own explanation" in text and "grounding check failed" in text
    assert "<script" not in text and "evil.example" not in text
