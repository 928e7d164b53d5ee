"""How far behind are open-weights models, per task, over time — from the Arena snapshots we ship.

    gap_series("coding")                       # GapSeries: one point per dated snapshot + trend
    gap_note("coding", "GLM-5", lang="zh")     # the one line shown with every recommendation

Everything is computed from data/sources/ (`compute_all`) and shipped precomputed in data/gap_series.json
(`advisor.gap.store`; read once per process by `_computed`); the method is in docs/gap.md and the
arithmetic in `advisor.gap.calc`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from advisor.catalog.names import normalise
from advisor.errors import InputError

if TYPE_CHECKING:  # imported where used: reading data/gap_series.json needs neither (cold start)
    from advisor.gap import calc as gap_calc

# task -> (English, 简体中文) label; order = order in the CLI and the app
TASK_LABELS: dict[str, tuple[str, str]] = {
    "general": ("general chat", "通用对话"),
    "coding": ("coding", "编程"),
    "math": ("math", "数学"),
    "reasoning": ("hard prompts", "高难度提示"),
    "creative_writing": ("creative writing", "创意写作"),
    "instruction_following": ("instruction following", "指令遵循"),
    "chinese": ("Chinese", "中文"),
    "long_context": ("longer queries", "长查询"),
    "multi_turn": ("multi-turn chat", "多轮对话"),
    "webdev": ("web development (WebDev Arena)", "网页开发（WebDev 竞技场）"),
    "vision": ("vision", "视觉"),
}
GAP_TASKS: tuple[str, ...] = tuple(TASK_LABELS)
FALLBACK_TASK = "general"  # requirement tasks with no Arena slice (agents, multilingual) use it, and say so


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GapPoint(_Strict):
    date: str
    source: str  # file under data/sources/
    best_open: float | None
    best_open_model: str | None
    best_open_ci: tuple[float, float] | None
    best_closed: float | None
    best_closed_model: str | None
    best_closed_ci: tuple[float, float] | None
    gap_points: float | None  # closed - open, in this snapshot's points
    gap_ci: tuple[float, float] | None
    months_behind: float | None  # None: no earlier snapshot on a linked scale
    months_behind_range: tuple[float, float] | None
    months_behind_censored: bool  # True: the lag is at least months_behind (history too short)
    open_on_latest_scale: float | None  # for charts: anchored onto the task's latest snapshot
    closed_on_latest_scale: float | None
    anchor_shift: float | None  # median change of shared top models since the previous snapshot
    anchor_se: float | None
    anchor_shared: int
    n_open: int
    n_closed: int
    n_unknown: int  # rated models with no known license: excluded from both frontiers


class Trend(_Strict):
    metric: Literal["gap_points", "months_behind"]
    n_points: int
    slope_per_year: float
    slope_per_year_ci: tuple[float, float] | None  # 95%; None with two points
    value_now: float  # fitted value at the latest date
    crosses_zero: bool  # the fitted line reaches zero after the latest date
    zero_date: str | None
    zero_date_range: tuple[str | None, str | None] | None  # from the slope's 95% bounds; None end = never
    note: str


class GapSeries(_Strict):
    task: str
    series: list[GapPoint]
    trend: Trend | None  # gap points vs time
    trend_months: Trend | None  # months behind vs time (uncensored points only)
    unknown_excluded: int
    scale_note: str
    superseded: list[str] = []  # snapshots left out as repeats of a kept one (same board within a week)


def _r(x: float | None, nd: int = 1) -> float | None:
    return None if x is None else round(float(x), nd)


def _ci(rating: float | None, half: float | None) -> tuple[float, float] | None:
    return None if rating is None or half is None else (_r(rating - half), _r(rating + half))


def _point(p: gap_calc.Point) -> GapPoint:
    shift = p.to_common
    months_range = None if p.months_low is None else (_r(p.months_low), _r(p.months_high))
    return GapPoint(
        date=p.date.strftime("%Y-%m-%d"), source=p.source,
        best_open=_r(p.open_rating), best_open_model=p.open_model, best_open_ci=_ci(p.open_rating, p.open_half),
        best_closed=_r(p.closed_rating), best_closed_model=p.closed_model,
        best_closed_ci=_ci(p.closed_rating, p.closed_half),
        gap_points=_r(p.gap), gap_ci=_ci(p.gap, p.gap_half),
        months_behind=_r(p.months), months_behind_range=months_range, months_behind_censored=p.censored,
        open_on_latest_scale=None if p.open_rating is None else _r(p.open_rating + shift),
        closed_on_latest_scale=None if p.closed_rating is None else _r(p.closed_rating + shift),
        anchor_shift=_r(p.link_offset), anchor_se=_r(p.link_se), anchor_shared=p.link_shared,
        n_open=p.n_open, n_closed=p.n_closed, n_unknown=p.n_unknown,
    )  # fmt: skip


def _date_after(last: datetime, years: float | None) -> str | None:
    if years is None or abs(years) > 100:
        return None
    return (last + timedelta(days=years * 365.25)).strftime("%Y-%m-%d")


MIN_TREND_DATES = 3  # a line through two points has no uncertainty: no trend, no zero crossing


def trend_of(points: list[GapPoint], metric: Literal["gap_points", "months_behind"]) -> Trend | None:
    """Fitted line of `metric` on time, skipping empty and censored points; None with fewer than
    MIN_TREND_DATES distinct dates (too few dates)."""
    use = [
        p
        for p in points
        if getattr(p, metric) is not None and not (metric == "months_behind" and p.months_behind_censored)
    ]
    if len({p.date for p in use}) < MIN_TREND_DATES:
        return None
    dates = [datetime.fromisoformat(p.date) for p in use]
    years = [(d - dates[0]).days / 365.25 for d in dates] if dates else []
    from advisor.gap.calc import fit_line

    fit = fit_line(years, [getattr(p, metric) for p in use])
    if fit is None:
        return None
    last = max(dates)
    closing = fit.value_now > 0 and fit.slope < 0
    zr = fit.zero_years_range if closing else None
    if fit.value_now <= 0:
        note = "open-weights is level with or ahead of closed at the latest date (fitted)"
    elif closing:
        note = "the gap is closing"
    else:
        note = "the gap is not closing (flat or widening)"
    return Trend(
        metric=metric, n_points=fit.n, slope_per_year=_r(fit.slope, 2),
        slope_per_year_ci=None if fit.slope_low is None else (_r(fit.slope_low, 2), _r(fit.slope_high, 2)),
        value_now=_r(fit.value_now), crosses_zero=closing,
        zero_date=_date_after(last, fit.zero_years) if closing else None,
        zero_date_range=None if zr is None else (_date_after(last, zr[0]), _date_after(last, zr[1])),
        note=note,
    )  # fmt: skip


SCALE_NOTE = (
    "Points are compared only within a snapshot. Months behind re-rates earlier closed models on each "
    "date's own board (no drift); models no longer listed are moved by chaining the median rating change "
    "of the top shared models between consecutive snapshots (anchor_shift ± anchor_se). See docs/gap.md."
)


SAME_BOARD_DAYS = 7  # two snapshots of one task closer than this are one publication seen twice


def _snapshots(rows: list[dict]) -> tuple[list[tuple[datetime, str, list[dict]]], list[str]]:
    """Rows of one task grouped into dated snapshots, oldest first, and the sources dropped as duplicates.

    Of two snapshots less than SAME_BOARD_DAYS apart, the one with intervals and licenses is kept
    (then the earlier): e.g. the 2026-10-09 WebDev copy repeats the ~2026-10-08 board to 0.01 points.
    """
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["date"], row["source"]), []).append(row)
    snaps = [(datetime.fromisoformat(d), src, g) for (d, src), g in sorted(groups.items())]
    kept: list[tuple[datetime, str, list[dict]]] = []
    dropped = []
    for snap in snaps:
        if kept and (snap[0] - kept[-1][0]).days < SAME_BOARD_DAYS:
            loser, kept[-1] = sorted([kept[-1], snap], key=_information)
            dropped.append(
                f"{loser[1]} ({loser[0]:%Y-%m-%d}): same board as {kept[-1][1]} ({kept[-1][0]:%Y-%m-%d})"
            )
        else:
            kept.append(snap)
    return kept, dropped


def _information(snap: tuple[datetime, str, list[dict]]) -> tuple[bool, bool, float]:
    rows = snap[2]
    has_ci = any(r["lo"] is not None for r in rows)
    has_license = any(r["license"] for r in rows)
    return has_ci, has_license, -snap[0].timestamp()  # sorted ascending: the last one is kept


def _calc_rows(rows: list[dict]) -> list[gap_calc.Row]:
    from advisor.gap.calc import Row

    return [Row(r["model"], r["key"], r["rating"], r["lo"], r["hi"], r["openness"]) for r in rows]


def _lookup(latest: list[dict], best_closed: float | None) -> dict[str, tuple[str, float, float | None]]:
    """normalised name (and alt name) -> (model, rating, points behind the best closed) on the latest board."""
    out: dict[str, tuple[str, float, float | None]] = {}
    for r in latest:
        if r["rating"] is None:
            continue
        behind = None if best_closed is None else best_closed - r["rating"]
        for name in (r["model"], r["alt_name"]):
            if name:
                out.setdefault(normalise(name), (r["model"], r["rating"], behind))
    return out


@lru_cache(maxsize=2)
def _computed(
    sources_dir: str | None = None,
) -> dict[str, tuple[GapSeries, dict[str, tuple[str, float, float | None]]]]:
    """`compute_all`, read from data/gap_series.json (`advisor.gap.store`) when it matches data/sources/."""
    if sources_dir is None:
        from advisor.gap import store as gap_store

        stored = gap_store.read()
        if stored is not None:
            return stored
    return compute_all(sources_dir)


def compute_all(
    sources_dir: str | None = None,
) -> dict[str, tuple[GapSeries, dict[str, tuple[str, float, float | None]]]]:
    """Every task's series, plus a lookup of its latest snapshot (see `_lookup`), from the Arena files."""
    from advisor.gap import calc as gap_calc
    from advisor.gap import license as gap_license
    from advisor.gap import sources as gap_sources

    base = Path(sources_dir) if sources_dir else None
    rows = gap_sources.load(gap_sources.SNAPSHOTS, base)
    table = gap_license.license_table(rows + gap_sources.load(gap_sources.LICENSE_ONLY, base))
    rows = gap_license.classify(rows, table, gap_license.load_aliases())
    out = {}
    for task in GAP_TASKS:
        snaps, dropped = _snapshots([r for r in rows if r["task"] == task])
        points = [_point(p) for p in gap_calc.compute([(d, src, _calc_rows(g)) for d, src, g in snaps])]
        series = GapSeries(
            task=task, series=points, trend=trend_of(points, "gap_points"),
            trend_months=trend_of(points, "months_behind"),
            unknown_excluded=sum(p.n_unknown for p in points), scale_note=SCALE_NOTE, superseded=dropped,
        )  # fmt: skip
        latest = snaps[-1][2] if snaps else []
        out[task] = (series, _lookup(latest, points[-1].best_closed if points else None))
    return out


def check_task(task: str, allow_fallback: bool = False) -> str:
    """The gap task to use for `task`; unknown tasks raise InputError listing the valid ones."""
    if task in GAP_TASKS:
        return task
    from advisor.requirements import TASKS

    if allow_fallback and task in TASKS:
        return FALLBACK_TASK
    raise InputError(f"unknown task {task!r} for the open-vs-closed gap; use one of: {', '.join(GAP_TASKS)}")


def gap_series(task: str) -> GapSeries:
    """The open-vs-closed series of one task (see GAP_TASKS)."""
    return _computed()[check_task(task)][0]


_NOTE = {
    "en": {
        "behind": "For {task}, the best open-weights model ({open}) is {gap} points{months} behind the best closed one ({closed}) on Arena, {date}",
        "ahead": "For {task}, the best open-weights model ({open}) is level with or ahead of the best closed one ({closed}) by {gap} points on Arena, {date}",
        "months": " (≈{m} months)",
        "months_min": " (≥{m} months)",
        "pick": "; your top open pick, {pick}, is {d} points behind the best closed one.",
        "pick_level": "; your top open pick, {pick}, is level with it.",
        "pick_unrated": "; your top open pick, {pick}, is not rated on this board.",
        "no_pick": "; none of your top picks is open-weights.",
        "fallback": " (no Arena slice for {asked}; overall text shown)",
        "no_data": "No Arena data on open vs closed for {task}.",
    },
    "zh": {
        "behind": "在{task}上，最好的开放权重模型（{open}）比最好的闭源模型（{closed}）落后 {gap} 分{months}（Arena，{date}）",
        "ahead": "在{task}上，最好的开放权重模型（{open}）与最好的闭源模型（{closed}）持平或领先 {gap} 分（Arena，{date}）",
        "months": "（约 {m} 个月）",
        "months_min": "（至少 {m} 个月）",
        "pick": "；你的首选开放权重模型 {pick} 比最好的闭源模型低 {d} 分。",
        "pick_level": "；你的首选开放权重模型 {pick} 与它持平。",
        "pick_unrated": "；你的首选开放权重模型 {pick} 不在该榜单上。",
        "no_pick": "；你的首选中没有开放权重模型。",
        "fallback": "（Arena 没有“{asked}”分项，显示总体文本榜）",
        "no_data": "Arena 没有{task}的开放与闭源对比数据。",
    },
}


def gap_headline(task: str, lang: str = "en") -> str:
    """The sentence about the latest snapshot of `task` (falls back to general for tasks with no slice)."""
    words = _words(lang)
    use = check_task(task, allow_fallback=True)
    series = _computed()[use][0]
    label = TASK_LABELS[use][0 if lang == "en" else 1] + (
        words["fallback"].format(asked=task) if use != task else ""
    )
    last = series.series[-1] if series.series else None
    if last is None or last.gap_points is None:
        return words["no_data"].format(task=label)
    months = ""
    if last.months_behind is not None and last.gap_points > 0:
        key = "months_min" if last.months_behind_censored else "months"
        months = words[key].format(m=f"{last.months_behind:.0f}")
    key = "behind" if last.gap_points > 0 else "ahead"
    return words[key].format(task=label, open=last.best_open_model, closed=last.best_closed_model,
                             gap=f"{abs(last.gap_points):.0f}", months=months, date=last.date)  # fmt: skip


def _words(lang: str) -> dict[str, str]:
    if lang not in _NOTE:
        raise InputError(f"unknown language {lang!r}; use 'en' or 'zh'")
    return _NOTE[lang]


def gap_note(task: str, top_open_pick: str | None, lang: str = "en") -> str:
    """One line for a recommendation: how far open-weights trails closed for `task`, and where the pick stands."""
    words = _words(lang)
    text = gap_headline(task, lang)
    series, lookup = _computed()[check_task(task, allow_fallback=True)]
    if not series.series or series.series[-1].gap_points is None:
        return text
    if not top_open_pick:
        return text + words["no_pick"]
    hit = lookup.get(normalise(top_open_pick))
    if hit is None or hit[2] is None:
        return text + words["pick_unrated"].format(pick=top_open_pick)
    if hit[2] <= 0:
        return text + words["pick_level"].format(pick=top_open_pick)
    return text + words["pick"].format(pick=top_open_pick, d=f"{hit[2]:.0f}")
