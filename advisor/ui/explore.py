"""Explore: the catalog as a filterable table, and quality vs monthly API cost with the Pareto frontier."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from advisor.catalog.card import ModelCard
from advisor.engine import cost
from advisor.requirements import TASKS, Workload
from advisor.ui import services, state
from advisor.ui.i18n import option, t


def catalog_frame(models: list[ModelCard], task: str, workload: Workload) -> pd.DataFrame:
    """One row per model: identity, license, size, context, quality on `task`, cheapest API price and the
    monthly API cost for `workload` (None when the model has no API offer)."""
    rows = []
    for card in models:
        q = card.quality.get(task)
        offer = min(
            card.offers,
            key=lambda o: cost.api_monthly(workload, o.input_usd_per_1m, o.output_usd_per_1m),
            default=None,
        )
        rows.append(
            {
                "id": card.id,
                "name": card.name,
                "organization": card.organization,
                "open_weights": card.open_weights,
                "license": card.license.name,
                "commercial": card.commercial_use,
                "params_b": card.params_b,
                "context": card.context_tokens,
                "quality": q.score if q else None,
                "input_price": offer.input_usd_per_1m if offer else None,
                "output_price": offer.output_usd_per_1m if offer else None,
                "monthly": float(cost.api_monthly(workload, offer.input_usd_per_1m, offer.output_usd_per_1m))
                if offer
                else None,
                "release": card.release_date,
            }
        )
    return pd.DataFrame(rows)


def pareto(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows no other row beats on both axes (cheaper-or-equal AND better): sorted by cost."""
    pts = frame.dropna(subset=["monthly", "quality"]).sort_values(
        ["monthly", "quality"], ascending=[True, False]
    )
    keep, best = [], float("-inf")
    for idx, q in pts["quality"].items():
        if q > best:
            keep.append(idx)
            best = q
    return pts.loc[keep]


def scatter(frame: pd.DataFrame, lang: str):
    import altair as alt  # only when the Explore page draws (keeps the first page load light)

    pts = frame.dropna(subset=["monthly", "quality"]).assign(
        kind=lambda f: f["open_weights"].map(
            {True: t(lang, "opt.open.open"), False: t(lang, "opt.open.closed")}
        ),
        monthly=lambda f: f["monthly"].clip(lower=0.01),
    )
    lo, hi = math.floor(math.log10(pts["monthly"].min())), math.ceil(math.log10(pts["monthly"].max()))
    ticks = [10.0**e for e in range(lo, hi + 1)]
    x = alt.X(
        "monthly:Q",
        scale=alt.Scale(type="log"),
        axis=alt.Axis(values=ticks, format="$,~g"),
        title=t(lang, "col.monthly"),
    )
    y = alt.Y("quality:Q", scale=alt.Scale(zero=False), title=t(lang, "col.quality"))
    dots = (
        alt.Chart(pts)
        .mark_circle(size=70, opacity=0.8)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "kind:N",
                title=t(lang, "col.kind"),
                scale=alt.Scale(
                    domain=[t(lang, "opt.open.open"), t(lang, "opt.open.closed")],
                    range=["#2ca02c", "#1f77b4"],
                ),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t(lang, "col.name")),
                alt.Tooltip("organization:N", title=t(lang, "col.organization")),
                alt.Tooltip("quality:Q", format=".0f", title=t(lang, "col.quality")),
                alt.Tooltip("monthly:Q", format=",.2f", title=t(lang, "col.monthly")),
            ],
        )
    )
    front = pareto(pts).assign(frontier=t(lang, "explore.frontier"))
    line = (
        alt.Chart(front)
        .mark_line(point=True, strokeDash=[4, 3], color="#444")
        .encode(
            x=x, y=y, detail="frontier:N", tooltip=[alt.Tooltip("name:N", title=t(lang, "explore.frontier"))]
        )
    )
    return (dots + line).properties(height=420)


def explore_page() -> None:
    lang = state.lang()
    req = state.requirements()
    st.title(t(lang, "explore.title"))
    cat = services.catalog()
    st.caption("🗓️ " + t(lang, "results.data_as_of", date=cat.data_as_of))
    c1, c2, c3 = st.columns([1, 1.3, 1.7])
    task = c1.selectbox(
        t(lang, "explore.task"),
        TASKS,
        index=TASKS.index(req.tasks[0]),
        format_func=lambda v: option(lang, "task", v),
        key="x_task",
    )
    kinds = {
        "all": t(lang, "explore.filter.all"),
        "open": t(lang, "opt.open.open"),
        "closed": t(lang, "opt.open.closed"),
    }
    kind = c2.segmented_control(
        t(lang, "explore.filter.open"),
        list(kinds),
        format_func=kinds.get,
        default="all",
        required=True,
        key="x_kind",
    )
    search = c3.text_input(t(lang, "explore.search"), key="x_search", max_chars=100)
    frame = catalog_frame(cat.models, task, req.workload)
    orgs = st.multiselect(t(lang, "explore.orgs"), sorted(frame["organization"].unique()), key="x_orgs")
    if kind != "all":
        frame = frame[frame["open_weights"] == (kind == "open")]
    if search:
        needle = search.lower()
        frame = frame[
            frame["name"].str.lower().str.contains(needle, regex=False)
            | frame["organization"].str.lower().str.contains(needle, regex=False)
        ]
    if orgs:
        frame = frame[frame["organization"].isin(orgs)]
    st.caption(t(lang, "explore.count", n=len(frame)))
    shown = frame.drop(columns=["id"]).sort_values("quality", ascending=False, na_position="last")
    st.dataframe(
        shown.rename(columns={c: t(lang, f"col.{c}") for c in shown.columns}),
        hide_index=True,
        width="stretch",
        height=360,
    )
    st.subheader(t(lang, "explore.chart"))
    if frame.dropna(subset=["monthly", "quality"]).empty:
        st.info(t(lang, "explore.chart.none"))
    else:
        st.altair_chart(scatter(frame, lang), width="stretch")
    gap_view = services.optional_view("gap_view")
    st.subheader(t(lang, "explore.gap"))
    if gap_view is None:
        st.caption(t(lang, "explore.gap.missing"))
    else:
        gap_view.render(task, lang)
