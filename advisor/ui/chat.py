"""The chat: each message becomes requirements merged with the current ones — through the configured LLM when
there is one, else (or when it fails) the rule-based parser — and the reply lists what was understood or changed
(editable in the form) and asks one follow-up question for the most important missing constraint."""

from __future__ import annotations

import logging

import streamlit as st

from advisor.errors import AdvisorError
from advisor.requirements import RequirementsError
from advisor.ui import services, state
from advisor.ui.i18n import t
from advisor.ui.safe import md_escape

log = logging.getLogger("advisor.ui")
MAX_CHARS = 4000  # the parser reads this much of a message
SHOW_CHARS = 600  # the history shows this much of a user message
INPUT_KEY = "chat_input"


def reply(result, lang: str, truncated: bool) -> str:
    """The assistant's answer as Markdown (every piece of parser text escaped)."""
    lines = []
    if truncated:
        lines.append(t(lang, "chat.truncated", n=f"{MAX_CHARS:,}"))
    if result.understood:
        lines.append(t(lang, "chat.understood"))
        lines += [f"- {md_escape(item)}" for item in result.understood]
    else:
        lines.append(t(lang, "chat.nothing"))
    if result.ignored:
        lines.append(t(lang, "chat.ignored"))
        lines += [f"- {md_escape(item)}" for item in result.ignored]
    if result.follow_up:
        lines.append(f"\n**{md_escape(result.follow_up)}**")
    return "\n".join(lines)


def _value(data: dict, dotted: str) -> object:
    for part in dotted.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return ", ".join(map(str, data)) if isinstance(data, list) else data


def llm_reply(result, lang: str) -> str:
    """The LLM's changes (field → new value, editable in the form) and its follow-up question, escaped."""
    new = result.requirements.model_dump(mode="json")
    lines = [t(lang, "chat.llm_changed", model=md_escape(result.model or "LLM"))]
    lines += [f"- {md_escape(f'{field} → {_value(new, field)}')}" for field in result.changed] or [
        f"- {t(lang, 'chat.llm_nothing')}"
    ]
    if result.question:
        lines.append(f"\n**{md_escape(result.question)}**")
    return "\n".join(lines)


def _llm_extract(text: str, lang: str):
    """The configured LLM's extraction, or None (no LLM, or it failed: the rule-based parser takes over)."""
    panel = services.optional_view("llm_panel")
    if panel is None:
        return None
    try:
        result = panel.extract(text, state.requirements(), lang)
    except Exception:  # noqa: BLE001 - any LLM failure falls back to the rules
        log.warning("LLM extraction failed; using the rule-based parser", exc_info=True)
        return None
    return result if result is not None and result.source == "llm" else None


def handle(text: str, lang: str) -> str:
    """Parse `text` into the shared requirements; returns the assistant's reply (never raises)."""
    from advisor.parse import parse_text

    truncated = len(text) > MAX_CHARS
    try:
        extracted = _llm_extract(text[:MAX_CHARS], lang)
        if extracted is not None:
            state.set_requirements(extracted.requirements)
            return llm_reply(extracted, lang)
        result = parse_text(text[:MAX_CHARS], base=state.requirements(), default_lang=lang)
        state.set_requirements(result.requirements)
        return reply(result, lang, truncated)
    except RequirementsError as err:
        return t(lang, "err.invalid") + "\n" + "\n".join(f"- {md_escape(p)}" for p in err.problems)
    except AdvisorError as err:
        return md_escape(str(err))
    except Exception:  # noqa: BLE001 - a chat message must never break the page
        log.exception("chat message failed")
        return t(lang, "err.generic")


def shown(text: str, lang: str) -> str:
    """A user message as Markdown that displays exactly its text (the first SHOW_CHARS of a long one)."""
    if len(text) <= SHOW_CHARS:
        return md_escape(text)
    return md_escape(text[:SHOW_CHARS]) + " " + t(lang, "chat.more", n=f"{len(text) - SHOW_CHARS:,}")


def _on_submit() -> None:
    text = st.session_state.get(INPUT_KEY)
    if isinstance(text, str) and text.strip():
        lang = state.lang()
        history = st.session_state[state.CHAT]
        history.append(("user", text))
        history.append(("assistant", handle(text, lang)))


def _clear() -> None:
    st.session_state[state.CHAT] = []


def render(lang: str) -> None:
    st.subheader("💬 " + t(lang, "chat.title"))
    with st.container(height=420, key="chat_history", autoscroll=True):
        with st.chat_message("assistant"):
            st.markdown(t(lang, "chat.hello"))
        for role, text in st.session_state[state.CHAT]:
            with st.chat_message(role):
                # user text is shown verbatim (escaped, long ones shortened); assistant text was escaped when composed
                st.markdown(shown(text, lang) if role == "user" else text)
    st.chat_input(t(lang, "chat.placeholder"), key=INPUT_KEY, on_submit=_on_submit)
    if st.session_state[state.CHAT]:
        st.button(t(lang, "chat.clear"), on_click=_clear, type="tertiary")
