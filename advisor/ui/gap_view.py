"""Explore page, "Open vs closed over time": per task, the two frontiers over time and the gap below.

`render(task, lang)` draws it; `charts(series, lang)` builds the Altair chart (no Streamlit calls,
testable). Every string is English and 简体中文. Model names come from data files, and Altair/Vega
render them as text, never as HTML.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from advisor.errors import AdvisorError
from advisor.gap import GapSeries, check_task, gap_headline, gap_series
from advisor.ui.safe import md_escape

TEXT = {
    "en": {
        "open": "Best open-weights",
        "closed": "Best closed",
        "date": "Snapshot date",
        "score": "Arena score (latest snapshot's scale)",
        "published": "Score as published",
        "model": "Model",
        "kind": "Frontier",
        "gap": "Gap (points, that snapshot)",
        "gap_ci": "95% interval",
        "months": "Months behind",
        "source": "Source file",
        "fallback": "There is no Arena slice for this task; the overall text board is shown.",
        "trend": "Trend of the gap: {slope:+.0f} points/year{ci}; {verdict}.",
        "closing": "at this pace it reaches zero around {date}",
        "not_closing": "it is not closing",
        "level": "open-weights is level or ahead",
        "one": "Fewer than 3 dated snapshots for this task: too few dates for a trend.",
        "unknown": "{n} rated models with no known license were left out of both frontiers.",
        "scale": "Scores from different dates are put on the latest snapshot's scale by anchoring on models "
        "the snapshots share; gaps are measured within each snapshot. Arena measures human preference "
        "and may favour closed providers (arXiv 2504.20879). Method: docs/gap.md.",
        "censored": "≥",
    },
    "zh": {
        "open": "最佳开放权重模型",
        "closed": "最佳闭源模型",
        "date": "快照日期",
        "score": "Arena 分数（按最新快照的刻度）",
        "published": "发布时的分数",
        "model": "模型",
        "kind": "前沿",
        "gap": "差距（分，当期快照）",
        "gap_ci": "95% 区间",
        "months": "落后月数",
        "source": "来源文件",
        "fallback": "Arena 没有这个任务的分项，下面显示总体文本榜。",
        "trend": "差距趋势：每年 {slope:+.0f} 分{ci}；{verdict}。",
        "closing": "按此速度约在 {date} 归零",
        "not_closing": "差距没有在缩小",
        "level": "开放权重已持平或领先",
        "one": "该任务带日期的快照少于 3 个，日期太少，暂不给出趋势。",
        "unknown": "{n} 个有评分但许可证未知的模型未计入任一前沿。",
        "scale": "不同日期的分数通过快照之间共有的模型锚定到最新快照的刻度；差距在每个快照内部计算。"
        "Arena 衡量的是人类偏好，可能偏向闭源厂商（arXiv 2504.20879）。方法见 docs/gap.md。",
        "censored": "≥",
    },
}


def _frames(series: GapSeries, w: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    lines, gaps = [], []
    for p in series.series:
        for kind, model, score, common in (
            (w["open"], p.best_open_model, p.best_open, p.open_on_latest_scale),
            (w["closed"], p.best_closed_model, p.best_closed, p.closed_on_latest_scale),
        ):
            if common is not None:
                lines.append({"date": p.date, "kind": kind, "model": model, "score": common, "published": score,
                              "source": p.source})  # fmt: skip
        if p.gap_points is not None:
            months = "" if p.months_behind is None else (w["censored"] if p.months_behind_censored else "")
            months += "" if p.months_behind is None else f"{p.months_behind:.1f}"
            lo, hi = p.gap_ci or (p.gap_points, p.gap_points)
            gaps.append({"date": p.date, "gap": p.gap_points, "lo": lo, "hi": hi, "months": months or "-",
                         "ci": f"{lo:.0f} – {hi:.0f}" if p.gap_ci else "-"})  # fmt: skip
    return pd.DataFrame(lines), pd.DataFrame(gaps)


def charts(series: GapSeries, lang: str) -> alt.VConcatChart:
    """Top: open and closed frontiers over time; bottom: the gap with its 95% interval."""
    w = TEXT[lang]
    lines, gaps = _frames(series, w)
    x = alt.X("date:T", title=w["date"])
    top = (
        alt.Chart(lines)
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("score:Q", scale=alt.Scale(zero=False), title=w["score"]),
            color=alt.Color(
                "kind:N",
                title=w["kind"],
                scale=alt.Scale(domain=[w["open"], w["closed"]], range=["#2a9d8f", "#e76f51"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("date:T", title=w["date"]),
                alt.Tooltip("kind:N", title=w["kind"]),
                alt.Tooltip("model:N", title=w["model"]),
                alt.Tooltip("published:Q", format=".0f", title=w["published"]),
                alt.Tooltip("source:N", title=w["source"]),
            ],
        )
        .properties(height=260)
    )
    base = alt.Chart(gaps).encode(x=x)
    band = base.mark_rule(color="#8ab", strokeWidth=3).encode(y=alt.Y("lo:Q", title=w["gap"]), y2="hi:Q")
    dots = base.mark_line(point=True, color="#264653").encode(
        y="gap:Q",
        tooltip=[
            alt.Tooltip("date:T", title=w["date"]),
            alt.Tooltip("gap:Q", format=".1f", title=w["gap"]),
            alt.Tooltip("ci:N", title=w["gap_ci"]),
            alt.Tooltip("months:N", title=w["months"]),
        ],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(strokeDash=[4, 3], color="#bbb").encode(y="y:Q")
    return alt.vconcat(top, (band + dots + zero).properties(height=160)).resolve_scale(x="shared")


def summary(series: GapSeries, lang: str) -> list[str]:
    """Caption lines: the trend, the excluded-unknown count and the method note."""
    w, t = TEXT[lang], series.trend
    if t is None:
        out = [w["one"]]
    else:
        ci = f" [{t.slope_per_year_ci[0]:+.0f}, {t.slope_per_year_ci[1]:+.0f}]" if t.slope_per_year_ci else ""
        if t.value_now <= 0:
            verdict = w["level"]
        elif t.crosses_zero and t.zero_date:
            verdict = w["closing"].format(date=t.zero_date)
        else:
            verdict = w["not_closing"]
        out = [w["trend"].format(slope=t.slope_per_year, ci=ci, verdict=verdict)]
    if series.unknown_excluded:
        out.append(w["unknown"].format(n=series.unknown_excluded))
    return [*out, w["scale"]]


def render(task: str, lang: str) -> None:
    """Draw the open-vs-closed history of `task` (any requirement task; tasks with no slice use general)."""
    lang = lang if lang in TEXT else "en"
    try:
        use = check_task(task, allow_fallback=True)
        series = gap_series(use)
        headline = gap_headline(task, lang)
    except AdvisorError as err:
        st.warning(str(err))
        return
    if use != task:
        st.caption(TEXT[lang]["fallback"])
    st.markdown(md_escape(headline + ("." if lang == "en" else "。")))
    st.altair_chart(charts(series, lang), width="stretch")
    for line in summary(series, lang):
        st.caption(line)
