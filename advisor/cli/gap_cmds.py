"""`advisor gap --task TASK [--format json|table]`: how far open-weights trails closed, over time."""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "gap",
        help="open-weights vs closed frontier over time, per task (Arena snapshots)",
        description="Best open-weights vs best closed model per dated Arena snapshot: gap in points "
        "(95% interval), months behind, and the fitted trend (from 3 dates on). Method: docs/gap.md.",
    )
    p.add_argument("--task", required=True, help="general, coding, math, … (an unknown task lists them)")
    p.add_argument("--format", choices=["json", "table"], default="table")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from advisor.gap import check_task, gap_series

    series = gap_series(check_task(args.task))
    if args.format == "json":
        print(series.model_dump_json(indent=2))
    else:
        sys.stdout.write(table(series))
    return 0


def _months(p) -> str:
    if p.months_behind is None:
        return "-"
    text = ("≥" if p.months_behind_censored else "") + f"{p.months_behind:.1f}"
    if p.months_behind_range and not p.months_behind_censored:
        text += f" [{p.months_behind_range[0]:.1f}, {p.months_behind_range[1]:.1f}]"
    return text


def _trend(t, unit: str) -> str:
    from advisor.gap import MIN_TREND_DATES

    if t is None:
        return f"trend ({unit}): too few dates (a trend needs at least {MIN_TREND_DATES})\n"
    ci = f" [{t.slope_per_year_ci[0]:+.1f}, {t.slope_per_year_ci[1]:+.1f}]" if t.slope_per_year_ci else ""
    line = f"trend ({unit}): {t.slope_per_year:+.1f}/year{ci}, now {t.value_now:.1f}; {t.note}"
    if t.zero_date:
        rng = (
            f" (range {t.zero_date_range[0]} .. {t.zero_date_range[1] or 'never'})"
            if t.zero_date_range
            else ""
        )
        line += f"; reaches zero around {t.zero_date}{rng}"
    return line + "\n"


def table(series) -> str:
    """Plain-text table of a GapSeries (one line per dated snapshot, then the trends)."""
    head = ("date", "best open", "best closed", "gap [95% CI]", "months behind", "unknown")
    rows = []
    for p in series.series:
        gap = "-" if p.gap_points is None else f"{p.gap_points:.1f}"
        if p.gap_ci:
            gap += f" [{p.gap_ci[0]:.1f}, {p.gap_ci[1]:.1f}]"
        rows.append(
            (
                p.date,
                f"{p.best_open_model} {p.best_open:.0f}" if p.best_open is not None else "-",
                f"{p.best_closed_model} {p.best_closed:.0f}" if p.best_closed is not None else "-",
                gap,
                _months(p),
                str(p.n_unknown),
            )
        )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *rows]]
    out = f"Open vs closed — {series.task} (Arena)\n" + "\n".join(lines) + "\n"
    out += _trend(series.trend, "gap points") + _trend(series.trend_months, "months behind")
    out += f"models with unknown license excluded: {series.unknown_excluded}\n"
    out += "".join(f"left out (repeat): {s}\n" for s in series.superseded)
    return out + series.scale_note + "\n"
