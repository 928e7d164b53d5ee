"""The pages, each a function: Advisor (chat beside the live recommendation), Requirements (the form),
Data (sources, dates, attribution, method). Explore lives in explore.py."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from advisor.errors import AdvisorError
from advisor.requirements import Requirements
from advisor.ui import actions, chat, form, results, services, state, whatif
from advisor.ui.i18n import t
from advisor.ui.safe import md_escape

log = logging.getLogger("advisor.ui")


def result_panel(req: Requirements, lang: str, compact: bool = False) -> None:
    """Everything about the current recommendation; shared by the Advisor and Requirements pages."""
    try:
        rec = services.recommend(req, lang)
    except AdvisorError as err:  # e.g. an unknown GPU name: say so in place, keep the rest of the page
        st.error(md_escape(str(err)))
        return
    except Exception:  # noqa: BLE001 - keep the chat/form usable; the log keeps the traceback
        log.exception("recommendation failed")
        st.error(t(lang, "err.generic"))
        return
    whatif.render(rec, lang)
    results.render(rec, lang, services.model_names(), compact)
    actions.why_not(req, lang)
    llm_panel = services.optional_view("llm_panel")
    if llm_panel is not None:
        llm_panel.render(rec, lang)
    actions.exports(req, lang)


def _url_problems(lang: str) -> None:
    problems = st.session_state.pop(state.URL_PROBLEMS, None)
    if problems:
        st.warning(t(lang, "err.url") + "\n\n" + "\n".join(f"- {md_escape(p)}" for p in problems))


def advisor_page() -> None:
    lang = state.lang()
    st.title("🧭 " + t(lang, "app.title"))
    st.caption(t(lang, "advisor.intro"))
    _url_problems(lang)
    left, right = st.columns([2, 3], gap="large")
    with left:
        chat.render(lang)
    with right:
        result_panel(state.requirements(), lang)


def requirements_page() -> None:
    lang = state.lang()
    st.title(t(lang, "form.title"))
    st.caption(t(lang, "form.intro"))
    _url_problems(lang)
    left, right = st.columns([3, 2], gap="large")
    with left:
        if form.render(lang):
            st.success(t(lang, "form.saved"))
    with right:
        result_panel(state.requirements(), lang, compact=True)


ATTRIBUTION = (
    # (publisher, address, what we use from it: i18n key)
    ("LMArena (arena.ai)", "https://lmarena.ai/leaderboard", "data.use.lmarena"),
    ("Artificial Analysis", "https://artificialanalysis.ai", "data.use.aa"),
    ("OpenRouter", "https://openrouter.ai/models", "data.use.openrouter"),
    ("litellm (BerriAI)", "https://github.com/BerriAI/litellm", "data.use.litellm"),
    ("models.dev", "https://models.dev", "data.use.modelsdev"),
    ("llmfit / localmaxxing.com", "https://github.com/AlexsJones/llmfit", "data.use.llmfit"),
)


def data_page() -> None:
    lang = state.lang()
    st.title(t(lang, "data.title"))
    cat = services.catalog()
    st.caption("🗓️ " + t(lang, "data.as_of", date=md_escape(cat.data_as_of)))
    st.markdown(t(lang, "data.models", n=len(cat.models)))
    st.subheader(t(lang, "data.sources"))
    frame = pd.DataFrame(
        {t(lang, "data.source"): list(cat.sources), t(lang, "data.date"): list(cat.sources.values())}
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    st.subheader(t(lang, "data.attribution"))
    st.markdown(t(lang, "data.attribution.text"))
    st.markdown("\n".join(f"- [{name}]({url}) — {t(lang, use)}" for name, url, use in ATTRIBUTION))
    st.subheader(t(lang, "data.method"))
    st.markdown(t(lang, "data.method.text"))
    st.caption(t(lang, "data.refresh"))
