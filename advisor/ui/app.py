"""App entry: page config, the language switch and navigation. Pages are functions in advisor/ui/."""

from __future__ import annotations

import streamlit as st

from advisor.ui import services, state
from advisor.ui.explore import explore_page
from advisor.ui.i18n import LANG_NAMES, LANGS, t
from advisor.ui.pages import advisor_page, data_page, requirements_page
from advisor.ui.safe import guarded

PAGES = (
    # (function, url path, title key, icon)
    (advisor_page, "advisor", "nav.advisor", "🧭"),
    (requirements_page, "requirements", "nav.requirements", "📝"),
    (explore_page, "explore", "nav.explore", "🔎"),
    (data_page, "data", "nav.data", "📚"),
)


def run() -> None:
    state.init()
    st.set_page_config(page_title=t(state.lang(), "app.title"), page_icon="🧭", layout="wide")
    with st.sidebar:
        # seeded from ?lang=… by state.init; state.sync_url writes it back
        st.segmented_control(
            "🌐 Language · 语言", LANGS, format_func=LANG_NAMES.get, required=True, key="lang"
        )
    lang = state.lang()
    pages = [
        st.Page(guarded(func), title=t(lang, title), icon=icon, url_path=path, default=(i == 0))
        for i, (func, path, title, icon) in enumerate(PAGES)
    ]
    llm_panel = services.optional_view("llm_panel")
    if llm_panel is not None:  # drawn on every page, so its settings survive page switches
        llm_panel.render_llm_settings(lang)
    with st.sidebar:
        st.caption(t(lang, "app.tagline"))
    st.navigation(pages).run()
    state.sync_url()
    services.warm_up()
