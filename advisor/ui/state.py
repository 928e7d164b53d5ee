"""The one requirements state, shared by chat, form and what-if controls, mirrored in the URL.

Session state is per browser session (never module globals), so two sessions never see each other's state.
The URL carries the non-default fields as readable parameters (`?tasks=coding&hardware.gpu=RTX+4090`) and
`lang=zh` (English is the default),
so copying the address restores the same recommendation in a fresh page.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from advisor.requirements import Requirements, RequirementsError, parse_requirements
from advisor.ui.i18n import LANGS

REQ = "requirements"
REV = "requirements_rev"  # bumped on every change, so widgets re-seed from the state
CHAT = "chat"
URL_PROBLEMS = "url_problems"
APP_PARAMS = {"lang"}
LIST_FIELDS = {"tasks", "languages", "capabilities"}
MAX_PARAM_CHARS = 2000


def encode(req: Requirements) -> dict[str, str]:
    """Flat, readable query parameters for the fields that differ from the defaults:
    {"tasks": "coding,chinese", "hardware.gpu": "RTX 3090", "budget_usd_per_month": "200"}."""
    flat: dict[str, str] = {}

    def walk(prefix: str, value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else key, item)
        elif isinstance(value, list):
            flat[prefix] = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            flat[prefix] = "true" if value else "false"
        elif isinstance(value, float) and value.is_integer():
            flat[prefix] = str(int(value))
        else:
            flat[prefix] = str(value)

    walk("", req.model_dump(mode="json", exclude_defaults=True))
    return flat


def decode(params: Mapping[str, str]) -> Requirements:
    """The inverse of `encode` (other app parameters such as `lang` are skipped); raises RequirementsError
    naming the parameter, never a traceback."""
    data: dict = {}
    problems = []
    for key, raw in params.items():
        if key in APP_PARAMS or key.startswith("embed"):
            continue
        if len(key) > 100 or len(raw) > MAX_PARAM_CHARS:
            problems.append(f"{key[:100]}: too long")
            continue
        *parents, leaf = key.split(".")
        cursor = data
        for part in parents:
            cursor = cursor.setdefault(part, {})
            if not isinstance(cursor, dict):
                problems.append(f"{key}: conflicts with {part}")
                break
        else:
            cursor[leaf] = [v.strip() for v in raw.split(",") if v.strip()] if key in LIST_FIELDS else raw
    if problems:
        raise RequirementsError(problems)
    return parse_requirements(data)


def init() -> None:
    """Initialise this session's state once, from the URL if it carries requirements."""
    ss = st.session_state
    if ss.get("lang") not in LANGS:  # first run, or the switch was somehow cleared
        wanted = st.query_params.get("lang")
        ss["lang"] = wanted if wanted in LANGS else "en"
    if REQ in ss:
        return
    try:
        ss[REQ] = decode(st.query_params.to_dict())
    except RequirementsError as err:
        ss[REQ] = Requirements()
        ss[URL_PROBLEMS] = err.problems
    ss[REV] = 0
    ss[CHAT] = []


def lang() -> str:
    value = st.session_state.get("lang")
    return value if value in LANGS else "en"


def requirements() -> Requirements:
    return st.session_state[REQ]


def revision() -> int:
    return st.session_state.get(REV, 0)


def set_requirements(req: Requirements) -> None:
    ss = st.session_state
    if req != ss.get(REQ):
        ss[REQ] = req
        ss[REV] = ss.get(REV, 0) + 1
    sync_url()


def sync_url() -> None:
    """Write language and requirements into the URL (parameters at their defaults are left out)."""
    wanted = ({"lang": lang()} if lang() != "en" else {}) | encode(requirements())
    current = {k: v for k, v in st.query_params.to_dict().items() if not k.startswith("embed")}
    if current != wanted:
        st.query_params.from_dict(wanted)


def seed(key: str, value: object, owner: str) -> None:
    """Give widget `key` the state's value when the state changed since `owner` last seeded it (or the widget
    was dropped by a page switch); otherwise leave the user's edit alone."""
    ss = st.session_state
    mark = f"_seeded_{owner}"
    if key not in ss or ss.get(mark) != revision():
        ss[key] = value


def seeded(owner: str) -> None:
    st.session_state[f"_seeded_{owner}"] = revision()
