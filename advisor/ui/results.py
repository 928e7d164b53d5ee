"""The recommendation: pick cards, contribution bars, ties, stability, near misses, exclusions.

Reads the `Recommendation`; computes nothing new. All text from data goes through `md_escape`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from advisor import i18n as engine_i18n
from advisor.recommendation import Pick, Recommendation
from advisor.ui import decision_view, fmt
from advisor.ui.i18n import t
from advisor.ui.safe import md_escape


def freshness(rec: Recommendation, lang: str) -> None:
    st.caption("🗓️ " + t(lang, "results.data_as_of", date=md_escape(rec.data_as_of)))


def render(
    rec: Recommendation, lang: str, names: dict[str, str] | None = None, compact: bool = False
) -> None:
    """The whole result block (title, freshness, cards, chart, stability, near misses, exclusions)."""
    st.subheader(t(lang, "results.title"))
    freshness(rec, lang)
    names = (names or {}) | {p.model_id: p.name for p in rec.recommendations}
    if not rec.recommendations:
        st.warning(t(lang, "results.none"))
    for pick in rec.recommendations:
        _card(pick, names, lang, compact)
    if rec.recommendations:
        st.markdown(f"**{t(lang, 'results.contributions')}**")
        st.vega_lite_chart(contribution_frame(rec, lang), contribution_spec(rec, lang), width="stretch")
    _stability(rec, lang, names)
    if rec.gap_note:
        st.info(f"**{t(lang, 'results.gap')}** — {md_escape(rec.gap_note)}")
    decision_view.render(rec, lang)
    _near_misses(rec, lang)
    _notes(rec, lang)


def _deployment(pick: Pick, lang: str) -> str:
    if pick.deployment == "api":
        return t(lang, "results.api", provider=pick.provider or "—")
    owned = t(lang, "results.rented" if pick.gpu_rented else "results.owned")
    quant = pick.quantization or "—"
    if pick.gpu:
        text = t(
            lang, "results.self_hosted", quant=quant, count=pick.gpu_count or 1, gpu=pick.gpu, owned=owned
        )
    else:
        text = t(lang, "results.self_hosted_cpu", quant=quant, owned=owned)
    if pick.memory_gb is not None:
        text += " · " + t(lang, "results.memory", gb=f"{pick.memory_gb:.1f}")
    return text


def _card(pick: Pick, names: dict[str, str], lang: str, compact: bool) -> None:
    with st.container(border=True, key=f"pick_{pick.rank}"):
        rank = t(lang, "results.rank_tie" if pick.tied_with else "results.rank", rank=pick.rank)
        kind = t(lang, "results.open" if pick.open_weights else "results.closed")
        st.markdown(f"#### {rank} · {md_escape(pick.name)}")
        st.caption(f"{md_escape(pick.organization)} · {kind} · {md_escape(_deployment(pick, lang))}")
        cols = [c for _ in range(2) for c in st.columns(2)] if compact else st.columns(4)
        cols[0].metric(t(lang, "results.monthly_cost"), fmt.money(pick.monthly_cost_usd))
        cols[1].metric(t(lang, "results.tokens_per_s"), fmt.number(pick.tokens_per_s))
        cols[2].metric(t(lang, "results.context"), fmt.tokens(pick.context_tokens))
        cols[3].metric(t(lang, "results.score"), f"{pick.score:.3f}")
        commercial = t(lang, f"results.commercial_{pick.commercial_use}")
        line = t(lang, "results.license", license=md_escape(pick.license)) + f" — {commercial}"
        if pick.commercial_restriction:
            line += f": {md_escape(pick.commercial_restriction)}"
        (st.markdown if pick.commercial_use == "yes" else st.warning)(line)
        if pick.tied_with:
            tied = engine_i18n.join([names.get(m, m) for m in pick.tied_with], lang)
            st.info(t(lang, "results.tied_with", names=md_escape(tied)))
        if pick.reasons:
            why = "\n".join(f"- {md_escape(r)}" for r in pick.reasons)
            if pick.rank == 1:
                st.markdown(f"**{t(lang, 'results.why')}**\n" + why)
            else:
                with st.expander(t(lang, "results.why")):
                    st.markdown(why)
        if pick.basis:
            with st.expander(t(lang, "results.basis")):
                st.markdown("\n".join(f"- {md_escape(b)}" for b in pick.basis))


def contribution_frame(rec: Recommendation, lang: str) -> pd.DataFrame:
    rows = [
        {
            "model": f"{p.rank}. {p.name}",
            "criterion": engine_i18n.label("criterion", name, lang),
            "contribution": c.contribution,
            "weight": c.weight,
            "value": c.value,
            "unit": c.unit,
        }
        for p in rec.recommendations
        for name, c in p.criteria.items()
    ]
    return pd.DataFrame(rows)


def contribution_spec(rec: Recommendation, lang: str) -> dict:
    """Vega-Lite spec: one stacked bar per pick, one segment per criterion (a dict, so Altair is not imported
    on the Advisor page's first run)."""
    order = [f"{p.rank}. {p.name}" for p in rec.recommendations]
    tip = lambda field, title, fmt=None: {"field": field, "title": title, **({"format": fmt} if fmt else {})}  # noqa: E731
    return {
        "mark": {"type": "bar"},
        "height": max(120, 36 * len(order)),
        "encoding": {
            "x": {
                "aggregate": "sum",
                "field": "contribution",
                "type": "quantitative",
                "title": t(lang, "results.contribution"),
                "scale": {"domain": [0, 1]},
            },
            "y": {
                "field": "model",
                "type": "nominal",
                "sort": order,
                "title": None,
                "axis": {"labelLimit": 220},
            },
            "color": {
                "field": "criterion",
                "type": "nominal",
                "title": t(lang, "results.criterion"),
                "scale": {"scheme": "tableau10"},
            },
            "tooltip": [
                tip("model", t(lang, "results.model")),
                tip("criterion", t(lang, "results.criterion")),
                {**tip("contribution", t(lang, "results.contribution"), ".3f"), "type": "quantitative"},
                {**tip("weight", "weight", ".2f"), "type": "quantitative"},
                {**tip("value", "value", ",.1f"), "type": "quantitative"},
                tip("unit", "unit"),
            ],
        },
    }


def _stability(rec: Recommendation, lang: str, names: dict[str, str]) -> None:
    stab = rec.stability
    if stab is None:
        return
    head = t(lang, "results.stable" if stab.stable else "results.unstable")
    text = f"**{t(lang, 'results.stability', state=head)}** — {md_escape(stab.note)}"  # note in rec.lang
    if stab.challengers:
        who = engine_i18n.join([names.get(m, m) for m in stab.challengers], lang)
        text += "  \n" + t(lang, "results.challengers", names=md_escape(who))
    (st.success if stab.stable else st.warning)(text)


def _near_misses(rec: Recommendation, lang: str) -> None:
    if not rec.near_misses:
        return
    lines = []
    for n in rec.near_misses:
        line = f"- **{md_escape(n.name.strip())}** ({engine_i18n.label('rule', n.rule, lang)}): {md_escape(n.change)}"
        if n.would_rank is not None:
            line += " → " + t(lang, "results.would_rank", rank=n.would_rank)
        lines.append(line)
    st.markdown(f"**{t(lang, 'results.near_misses')}**\n" + "\n".join(lines))


def _wide(frame: pd.DataFrame) -> dict:
    """Model names and reasons get room; the short columns stay small."""
    return {c: st.column_config.TextColumn(width="medium") for c in frame.columns if frame[c].dtype == object}


def _notes(rec: Recommendation, lang: str) -> None:
    changes = [f"- {md_escape(w.change)} → {md_escape(w.effect)}" for w in rec.what_would_change]
    if changes:
        with st.expander(t(lang, "results.what_would_change")):
            st.markdown("\n".join(changes))
    notes = rec.warnings + rec.assumptions
    if notes:
        with st.expander(t(lang, "results.warnings")):
            st.markdown("\n".join(f"- {md_escape(n)}" for n in notes))
    if rec.excluded:
        box = st.expander(
            t(lang, "results.excluded", n=len(rec.excluded)), key="excluded_box", on_change="rerun"
        )
        if box.open:  # the table is built only when someone opens it (keeps reruns light)
            with box:
                frame = pd.DataFrame(
                    {
                        t(lang, "results.model"): [e.name for e in rec.excluded],
                        t(lang, "results.rule"): [
                            engine_i18n.label("rule", e.rule, lang) for e in rec.excluded
                        ],
                        t(lang, "results.reasons"): ["; ".join(e.reasons) for e in rec.excluded],
                    }
                )
                st.dataframe(frame, hide_index=True, width="stretch", column_config=_wide(frame))
