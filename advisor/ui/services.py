"""Cached access to the catalog, hardware list, engine and exports. Keys are primitive (str), so caches are
shared safely across sessions; results are immutable from the UI's point of view."""

from __future__ import annotations

import importlib
import threading

import streamlit as st

from advisor.recommendation import Recommendation
from advisor.requirements import Requirements, parse_requirements


@st.cache_resource(show_spinner=False)
def catalog(path: str = ""):
    """The shipped catalog (data/catalog.jsonl) unless `path` names another file."""
    from advisor.catalog import load_catalog

    return load_catalog(path or None)


@st.cache_resource(show_spinner=False)
def model_names() -> dict[str, str]:
    """Catalog model id -> display name (for ties, challengers and the "why not" picker)."""
    return {card.id: card.name.strip() for card in catalog().models}


@st.cache_resource(show_spinner=False)
def gpu_names() -> list[str]:
    from advisor.hardware import load_gpus

    return sorted({gpu.name for gpu in load_gpus()})


@st.cache_data(show_spinner=False, max_entries=256)
def _recommend(requirements_json: str, lang: str) -> Recommendation:
    from advisor.engine import recommend

    return recommend(parse_requirements(requirements_json), catalog=catalog(), lang=lang)


def recommend(req: Requirements, lang: str) -> Recommendation:
    """The engine's answer with its sentences in `lang`, cached on (`requirements.model_dump_json()`, lang)."""
    return _recommend(req.model_dump_json(), lang)


EXPORTS = {
    # kind: (function in advisor.export, file extension, mime type)
    "md": ("to_markdown", "md", "text/markdown"),
    "json": ("to_json_record", "json", "application/json"),
    "csv": ("to_csv", "csv", "text/csv"),
    "html": ("to_html", "html", "text/html"),
}


@st.cache_data(show_spinner=False, max_entries=256)
def export(kind: str, requirements_json: str, lang: str) -> str:
    func = getattr(importlib.import_module("advisor.export"), EXPORTS[kind][0])
    return func(
        _recommend(requirements_json, lang), lang=lang
    )  # the engine's sentences in the export's language


@st.cache_data(show_spinner=False, max_entries=512)
def why_not(requirements_json: str, model: str, lang: str) -> str:
    from advisor.explain import why_not as _why_not

    return _why_not(_recommend(requirements_json, lang), model, lang=lang, catalog=catalog())


def optional_view(name: str):
    """Another engineer's view module (advisor.ui.<name>: llm_panel, gap_view) if installed, else None."""
    try:
        return importlib.import_module(f"advisor.ui.{name}")
    except ModuleNotFoundError as err:
        if err.name != f"advisor.ui.{name}":
            raise
        return None


@st.cache_resource(show_spinner=False)
def warm_up() -> bool:
    """Once per server process, after the first page is drawn: import the chat parser (it compiles many
    patterns) in the background, so the first chat message does not pay for it."""
    threading.Thread(target=importlib.import_module, args=("advisor.parse",), daemon=True).start()
    return True
