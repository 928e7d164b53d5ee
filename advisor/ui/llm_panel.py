"""The optional LLM in the app: sidebar settings, a streamed grounded explanation, chat extraction.

Functions for the app's pages (the app engineer calls these; nothing here runs at import):

    render(rec, lang)                       the "Ask about this recommendation" section
    render_llm_settings(lang) -> LLMConfig | None
        Sidebar expander: litellm model, API base, key (password field), drawn by the app shell on every page
        so the values survive page switches. Values live in this browser session only; the key is never
        shown back, logged, put in the URL or exported. Without sidebar values the
        config comes from Streamlit secrets, then the environment (ADVISOR_LLM_MODEL, ADVISOR_LLM_API_BASE,
        ADVISOR_LLM_API_KEY or the provider's own key variable). Shows the session's token usage and cost.
    stream_explanation(rec, question=None, lang="en") -> Explanation
        Streams the answer into the page (sanitised: no images, no HTML), then shows the checked result:
        the LLM text when grounded, otherwise the deterministic explanation and the reason.
    extract(text, current, lang) -> ExtractionResult | None
        Chat message → requirements through the LLM (None when no LLM is configured: use the rule-based chat).
"""

from __future__ import annotations

import hashlib
import os

import streamlit as st

from advisor import grounding
from advisor.errors import InputError
from advisor.llm_config import LLMConfig, Usage, resolve_config
from advisor.recommendation import Recommendation
from advisor.ui.safe import md_escape

USAGE = "llm_usage"
LAST = "llm_last_explanation"
MODEL, BASE, KEY, QUESTION = "llm_model", "llm_api_base", "llm_api_key", "llm_question"

TEXT = {
    "en": {
        "settings": "🤖 LLM (optional)",
        "model": "Model (litellm name)",
        "model_help": "e.g. openai/gpt-4o-mini, anthropic/claude-sonnet-4-5, ollama/qwen3, openai/<name> with an API base",
        "base": "API base (OpenAI-compatible server)",
        "key": "API key (this session only, never shown or saved)",
        "none": "No LLM configured: explanations come from the engine itself.",
        "active": "Using {model} (from {source}).",
        "usage": "This session: {summary}",
        "title": "💬 Ask about this recommendation",
        "question": "Your question",
        "placeholder": "Why this one and not GPT-5?",
        "ask": "Explain",
        "by_llm": "Explained by {model}; every model and figure checked against the engine.",
        "fallback": "Showing the engine's own explanation: {reason}",
        "bad_config": "LLM settings: {error}",
    },
    "zh": {
        "settings": "🤖 大模型（可选）",
        "model": "模型（litellm 名称）",
        "model_help": "例如 openai/gpt-4o-mini、anthropic/claude-sonnet-4-5、ollama/qwen3，或配合 API 地址使用 openai/<名称>",
        "base": "API 地址（兼容 OpenAI 的服务）",
        "key": "API 密钥（仅本次会话使用，不显示也不保存）",
        "none": "未配置大模型：解释由引擎自身生成。",
        "active": "正在使用 {model}（来自 {source}）。",
        "usage": "本次会话：{summary}",
        "title": "💬 就这个推荐提问",
        "question": "你的问题",
        "placeholder": "为什么推荐这个而不是 GPT-5？",
        "ask": "解释",
        "by_llm": "由 {model} 解释；每个模型和数字都已与引擎结果核对。",
        "fallback": "显示引擎自身的解释：{reason}",
        "bad_config": "大模型设置：{error}",
    },
}


def _t(lang: str, key: str, **values: object) -> str:
    return TEXT.get(lang, TEXT["en"])[key].format(**values)


def _secrets() -> dict:
    try:
        return {k: v for k, v in st.secrets.items() if k.startswith("ADVISOR_LLM_")}
    except Exception:  # noqa: BLE001 - no secrets.toml is the normal case
        return {}


def _usage() -> Usage:
    return st.session_state.setdefault(USAGE, Usage())


def current_config() -> tuple[LLMConfig | None, str]:
    """(config, where it came from): the sidebar, then Streamlit secrets, then the environment."""
    ss = st.session_state
    model, base, key = (str(ss.get(k) or "").strip() or None for k in (MODEL, BASE, KEY))
    if model:  # the per-call timeout stays a deployment setting (ADVISOR_LLM_TIMEOUT)
        timeout = {k: v for k, v in os.environ.items() if k == "ADVISOR_LLM_TIMEOUT"}
        return resolve_config(model, base, key, source=timeout), "sidebar"
    secrets = _secrets()
    if secrets.get("ADVISOR_LLM_MODEL"):
        return resolve_config(api_key=key, source=secrets), "secrets"
    return resolve_config(api_key=key, source=os.environ), "environment"


def _config() -> LLMConfig | None:
    """The current config, or None when there is none or the settings are invalid (the sidebar says why)."""
    try:
        return current_config()[0]
    except InputError:
        return None


def render_llm_settings(lang: str = "en") -> LLMConfig | None:
    with st.sidebar.expander(_t(lang, "settings")):
        st.text_input(_t(lang, "model"), key=MODEL, help=_t(lang, "model_help"))
        st.text_input(_t(lang, "base"), key=BASE, placeholder="http://127.0.0.1:8080/v1")
        st.text_input(_t(lang, "key"), key=KEY, type="password")
        try:
            config, source = current_config()
        except InputError as err:  # a bad model name or timeout; the message never includes the key
            st.warning(_t(lang, "bad_config", error=md_escape(str(err))))
            return None
        if config is None:
            st.caption(_t(lang, "none"))
        else:
            st.caption(_t(lang, "active", model=md_escape(config.model), source=source))
        if _usage().calls:
            st.caption(_t(lang, "usage", summary=md_escape(_usage().summary())))
    return config


def _show(result, lang: str) -> None:
    if result.source == "llm":
        st.markdown(grounding.sanitize(result.text))
        st.caption(_t(lang, "by_llm", model=md_escape(result.model or "")))
    else:
        st.markdown(result.text)
        if result.issues:
            st.info(_t(lang, "fallback", reason=md_escape("; ".join(result.issues))))


def stream_explanation(rec: Recommendation, question: str | None = None, lang: str = "en"):
    """Stream into the page, then replace with the checked result (LLM text or deterministic + reason)."""
    from advisor.llm import stream_explain

    config = _config()
    stream = stream_explain(rec, question, config, lang, usage=_usage())
    box, text = st.empty(), ""
    for chunk in stream:
        text += chunk
        box.markdown(grounding.sanitize(text) + " ▌")
    box.empty()
    _show(stream.result, lang)
    if _usage().calls:
        st.caption(_t(lang, "usage", summary=md_escape(_usage().summary())))
    return stream.result


def extract(text: str, current, lang: str = "en"):
    """LLM extraction for the chat; None when no LLM is configured (the app then uses the rule-based parser)."""
    config = _config()
    if config is None:
        return None
    from advisor.llm import extract_requirements

    return extract_requirements(text, current, config, lang, usage=_usage())


def render(rec: Recommendation, lang: str = "en") -> None:
    """The app's hook: a question box whose answer streams in place (the settings are in the sidebar)."""
    config = _config()
    st.subheader(_t(lang, "title"))
    with st.form("llm_ask", clear_on_submit=False, border=False):
        question = st.text_input(_t(lang, "question"), key=QUESTION, placeholder=_t(lang, "placeholder"))
        asked = st.form_submit_button(_t(lang, "ask"))
    signature = hashlib.sha256(
        "\x00".join([rec.model_dump_json(), question or "", lang, config.model if config else ""]).encode()
    ).hexdigest()
    last = st.session_state.get(LAST)
    if asked:
        st.session_state[LAST] = (signature, stream_explanation(rec, question, lang))
    elif last and last[0] == signature:
        _show(last[1], lang)
