"""What the user does with a result: ask "why not X?", download exports, copy the share link."""

from __future__ import annotations

import functools
from urllib.parse import quote, urlencode

import streamlit as st

from advisor.requirements import Requirements
from advisor.ui import services, state
from advisor.ui.i18n import t
from advisor.ui.safe import md_escape


def why_not(req: Requirements, lang: str) -> None:
    names = services.model_names()
    choice = st.selectbox(
        t(lang, "results.why_not"),
        sorted(names, key=lambda m: names[m].lower()),
        index=None,
        format_func=lambda m: names[m],
        placeholder=t(lang, "results.why_not_pick"),
        key="why_not_model",
    )
    if choice:
        st.info(md_escape(services.why_not(req.model_dump_json(), choice, lang)))


def share_link(req: Requirements, lang: str) -> str:
    base = (st.context.url or "").split("?", 1)[0]
    query = ({"lang": lang} if lang != "en" else {}) | state.encode(req)
    return base + ("?" + urlencode(query, quote_via=quote) if query else "")


def exports(req: Requirements, lang: str) -> None:
    st.markdown(f"**{t(lang, 'results.exports')}**")
    req_json = req.model_dump_json()
    cols = st.columns(len(services.EXPORTS))
    for col, (kind, (_, ext, mime)) in zip(cols, services.EXPORTS.items(), strict=True):
        col.download_button(
            t(lang, f"export.{kind}"),
            data=functools.partial(services.export, kind, req_json, lang),  # built only when clicked
            file_name=f"model-advice.{ext}",
            mime=mime,
            key=f"download_{kind}",
            help=t(lang, f"export.{kind}.help"),
            on_click="ignore",
            icon="⬇️",
        )
    st.caption(t(lang, "results.share"))
    st.code(share_link(req, lang), language=None, wrap_lines=True)
