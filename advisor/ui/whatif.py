"""What-if controls: budget, VRAM and criterion weights. They edit the shared requirements directly, so the
ranking (and the form, and the URL) follow at once."""

from __future__ import annotations

import streamlit as st

from advisor import i18n as engine_i18n
from advisor.recommendation import Recommendation
from advisor.requirements import RequirementsError, parse_requirements
from advisor.ui import state
from advisor.ui.i18n import t
from advisor.ui.safe import show_problems

OWNER = "whatif"
PROBLEMS = "whatif_problems"


def _apply(control: str, criteria: list[str]) -> None:
    """on_change callback: apply the control that changed (runs before the page re-renders)."""
    ss = st.session_state
    req = state.requirements()
    data = req.model_dump(mode="json")
    if control == "budget":
        data["budget_usd_per_month"] = ss.get("wi_budget")
    elif control == "vram":
        data["hardware"] = (data["hardware"] or {}) | {"vram_gb": ss.get("wi_vram")}
    else:
        shares = {name: float(ss.get(f"wi_w_{name}", 0)) for name in criteria}
        total = sum(shares.values())
        data["weights"] = {k: round(v / total, 4) for k, v in shares.items()} if total > 0 else None
    try:
        state.set_requirements(parse_requirements(data))
        ss.pop(PROBLEMS, None)
    except RequirementsError as err:
        ss[PROBLEMS] = err.problems
    state.seeded(OWNER)  # keep the user's slider positions (relative importance) as they are


def _reset_weights() -> None:
    data = state.requirements().model_dump(mode="json") | {"weights": None}
    state.set_requirements(parse_requirements(data))


def render(rec: Recommendation, lang: str) -> None:
    req = state.requirements()
    criteria = list(rec.weights)
    state.seed("wi_budget", req.budget_usd_per_month, OWNER)
    state.seed("wi_vram", req.hardware.vram_gb if req.hardware else None, OWNER)
    for name, weight in rec.weights.items():
        state.seed(f"wi_w_{name}", int(round(weight * 100)), OWNER)
    state.seeded(OWNER)
    with st.expander("🎛️ " + t(lang, "whatif.title")):
        st.caption(t(lang, "whatif.help"))
        c1, c2 = st.columns(2)
        c1.number_input(
            t(lang, "whatif.budget"),
            key="wi_budget",
            min_value=0.0,
            step=50.0,
            on_change=_apply,
            args=("budget", criteria),
        )
        c2.number_input(
            t(lang, "whatif.vram"),
            key="wi_vram",
            min_value=1.0,
            max_value=4096.0,
            step=4.0,
            on_change=_apply,
            args=("vram", criteria),
            disabled=not (req.hardware and req.hardware.gpu),  # VRAM only means something with a GPU
            help=None if req.hardware and req.hardware.gpu else t(lang, "whatif.vram.nogpu"),
        )
        st.markdown(f"**{t(lang, 'whatif.weights')}**")
        cols = st.columns(len(criteria) or 1)
        for col, name in zip(cols, criteria, strict=False):
            col.slider(
                engine_i18n.label("criterion", name, lang),
                0,
                100,
                key=f"wi_w_{name}",
                on_change=_apply,
                args=("weights", criteria),
            )
        if req.weights:
            st.button(t(lang, "whatif.reset_weights"), on_click=_reset_weights)
        if st.session_state.get(PROBLEMS):
            show_problems(st.session_state[PROBLEMS])
