"""Open or closed? The engine's verdict paragraph and the break-even chart: monthly cost against requests
per day for the best API pick and the best self-hosted pick, the crossing and the user's volume marked.
Reads `rec.decision` and `advisor.decision.break_even_curve`; computes nothing itself."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from advisor.recommendation import Recommendation
from advisor.ui.i18n import t
from advisor.ui.safe import md_escape


def curve_frame(rec: Recommendation, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(lines in long form: requests_per_day, usd, route; markers: requests_per_day, usd, label)."""
    from advisor.decision import break_even_curve
    from advisor.decision.model import Decision

    decision = Decision.model_validate(rec.decision)
    curve = break_even_curve(decision)
    if curve.empty:
        return curve, curve
    api = decision.api_pick.name.strip() if decision.api_pick else ""
    self_hosted = decision.self_hosted_pick.name.strip() if decision.self_hosted_pick else ""
    routes = {
        "api_monthly_usd": t(lang, "decision.api_line", name=api),
        "self_hosted_monthly_usd": t(lang, "decision.self_line", name=self_hosted),
    }
    lines = curve.melt("requests_per_day", list(routes), var_name="route", value_name="usd")
    lines["route"] = lines["route"].map(routes)
    marks = curve[curve["marker"] != ""]
    labels = {"break-even": t(lang, "decision.break_even"), "your volume": t(lang, "decision.your_volume")}
    markers = pd.DataFrame(
        {
            "requests_per_day": marks["requests_per_day"],
            "usd": marks["api_monthly_usd"],
            "label": marks["marker"].map(labels).fillna(marks["marker"]),
        }
    )
    return lines, markers


def spec(lang: str, n_markers: int) -> dict:
    x = {"field": "requests_per_day", "type": "quantitative", "title": t(lang, "decision.x")}
    y = {"field": "usd", "type": "quantitative", "title": t(lang, "decision.y")}
    layers = [
        {
            "data": {"name": "lines"},
            "mark": {"type": "line", "interpolate": "step-after"},
            "encoding": {
                "x": x,
                "y": y,
                "color": {
                    "field": "route",
                    "type": "nominal",
                    "title": None,
                    "scale": {"scheme": "tableau10"},
                    "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 500},
                },
            },
        }
    ]
    if n_markers:
        layers += [
            {
                "data": {"name": "markers"},
                "mark": {"type": "rule", "strokeDash": [4, 3]},
                "encoding": {"x": x},
            },
            {
                "data": {"name": "markers"},
                "mark": {"type": "text", "align": "left", "dx": 4, "dy": -8},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
        ]
    return {"height": 260, "layer": layers}


def render(rec: Recommendation, lang: str) -> None:
    decision = rec.decision or {}
    if not decision.get("verdict"):
        return
    st.markdown(f"**{t(lang, 'results.decision')}** — {t(lang, 'decision.verdict.' + decision['verdict'])}")
    paragraph = decision.get(f"paragraph_{lang}") or decision.get("paragraph_en")
    if paragraph:
        st.info(md_escape(paragraph))
    lines, markers = curve_frame(rec, lang)
    if not lines.empty:
        st.vega_lite_chart(
            {"datasets": {"lines": lines.to_dict("records"), "markers": markers.to_dict("records")}}
            | spec(lang, len(markers)),
            width="stretch",
        )
