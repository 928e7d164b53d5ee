"""The arithmetic of the open-vs-closed gap, with no I/O: frontiers, anchoring, months behind, trend.

Input: one task's snapshots as (date, source, [Row(model, rating, lo, hi, openness)]).

* **Frontier** of a snapshot: its highest-rated open and closed model. `gap = closed - open`, in that
  snapshot's points; its 95% interval is `gap ± sqrt(h_open² + h_closed²)` from the two models'
  interval half-widths (independence assumed).
* **Anchoring.** Arena ratings drift between snapshots (new models, re-fits, style control). Two
  consecutive snapshots are linked by the median rating change of the `ANCHOR_TOP` best-rated models
  they share (joined by normalised name; names ambiguous inside a snapshot are skipped). Only the top
  is used because the drift is not uniform: in 2025-08 -> 2025-12 the top 20 moved +0 while the
  bottom 50 moved +78. The link's standard error is
  `1.2533 * sd / sqrt(n)` (standard error of a median). With fewer than `MIN_SHARED` shared models
  the chain breaks and months-behind does not look across the break.
* **Months behind** at snapshot t: for every earlier snapshot k, the best closed model available at
  k *as rated on board t* (models still listed are re-rated there, so there is no drift; models gone
  from board t use their rating at k moved by the anchoring chain, within its segment). The running
  maximum of those is the closed frontier on t's scale; months behind is how long before t it first
  reached t's open frontier (linear interpolation between snapshot dates). If the first snapshot
  already reaches it, the answer is censored: "at least N months". A gap <= 0 is 0 months; the
  first snapshot of a task has none. The range re-does this with the open frontier moved by
  `± sqrt(h_open² + anchoring variance)` (the variance only when an anchored value is involved).
* **Trend**: ordinary least squares of a metric on time (years), the slope's 95% interval
  (t quantile), and when the fitted line crosses zero, with the dates given by the slope's bounds.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

MIN_SHARED = 5
ANCHOR_TOP = 25  # anchor on the best-rated shared models: drift is not uniform down the board
DAYS_PER_MONTH = 365.25 / 12
# two-sided 95% t quantiles for 1..30 degrees of freedom (beyond: 1.96)
_T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
        2.045, 2.042]  # fmt: skip


@dataclass
class Point:
    date: datetime
    source: str
    open_model: str | None
    open_rating: float | None
    open_half: float | None  # 95% interval half-width; None when the source has none
    closed_model: str | None
    closed_rating: float | None
    closed_half: float | None
    n_open: int
    n_closed: int
    n_unknown: int
    link_offset: float | None = None  # rating change from the previous snapshot (anchoring)
    link_se: float | None = None
    link_shared: int = 0
    to_common: float = 0.0  # add to this snapshot's ratings to put them on the latest scale
    months: float | None = None
    months_low: float | None = None
    months_high: float | None = None
    censored: bool = False

    @property
    def gap(self) -> float | None:
        if self.open_rating is None or self.closed_rating is None:
            return None
        return self.closed_rating - self.open_rating

    @property
    def gap_half(self) -> float | None:
        if self.gap is None or self.open_half is None or self.closed_half is None:
            return None
        return math.hypot(self.open_half, self.closed_half)


class Row(NamedTuple):
    model: str
    key: str  # join key across snapshots: normalised name (renamed keys resolved)
    rating: float | None  # None: listed but not rated (e.g. pre-release); joins no frontier
    lo: float | None  # 95% interval; None when the source has none
    hi: float | None
    openness: str  # open | closed | unknown


def _half(row: Row) -> float | None:
    return None if row.lo is None or row.hi is None else (row.hi - row.lo) / 2


def frontier(snap: list[Row], date: datetime, source: str) -> Point:
    """Best open and best closed model of one snapshot (rows without a rating are ignored)."""
    rated = [r for r in snap if r.rating is not None]
    count = Counter(r.openness for r in rated)
    best = {cls: max((r for r in rated if r.openness == cls), key=lambda r: r.rating, default=None)
            for cls in ("open", "closed")}  # fmt: skip
    o, c = best["open"], best["closed"]
    return Point(
        date=date, source=source,
        open_model=o and o.model, open_rating=o and o.rating, open_half=o and _half(o),
        closed_model=c and c.model, closed_rating=c and c.rating, closed_half=c and _half(c),
        n_open=count["open"], n_closed=count["closed"], n_unknown=count["unknown"],
    )  # fmt: skip


def _by_key(snap: list[Row]) -> dict[str, float]:
    """key -> rating; keys that collide inside the snapshot are dropped (ambiguous)."""
    keys = Counter(r.key for r in snap if r.rating is not None)
    return {r.key: r.rating for r in snap if r.rating is not None and keys[r.key] == 1}


def anchor(prev: list[Row], cur: list[Row]) -> tuple[float | None, float | None, int]:
    """(median rating change prev -> cur over the top shared models, its standard error, count used)."""
    a, b = _by_key(prev), _by_key(cur)
    shared = sorted((k for k in a if k in b), key=lambda k: -a[k])[:ANCHOR_TOP]
    if len(shared) < MIN_SHARED:
        return None, None, len(shared)
    diff = [b[k] - a[k] for k in shared]
    return statistics.median(diff), 1.2533 * statistics.stdev(diff) / math.sqrt(len(diff)), len(shared)


def _months_between(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 86400 / DAYS_PER_MONTH


def lag_months(dates: list[datetime], closed: list[float | None], target: float) -> tuple[float, bool]:
    """When the running best of `closed` (already on the last date's scale) first reached `target`.

    Returns (months before the last date, censored). Linear interpolation between dates; censored
    when the first date already reaches the target (the true lag is at least the value returned).
    """
    best, prev_date, prev_best = -math.inf, None, None
    for d, c in zip(dates, closed, strict=True):
        if c is not None:
            best = max(best, c)
        if best >= target:
            if prev_best is None or prev_best == -math.inf:
                return _months_between(d, dates[-1]), prev_best is None
            frac = (target - prev_best) / (best - prev_best)
            reached = prev_date + (d - prev_date) * frac
            return _months_between(reached, dates[-1]), False
        prev_date, prev_best = d, best
    return 0.0, False


def compute(snapshots: list[tuple[datetime, str, list[Row]]]) -> list[Point]:
    """Frontiers, anchoring links and months behind for one task's snapshots (sorted here by date)."""
    snapshots = sorted(snapshots, key=lambda s: (s[0], s[1]))
    rows = [snap for _, _, snap in snapshots]
    points = [frontier(snap, d, src) for d, src, snap in snapshots]
    starts, segment_start = [0], 0
    for i in range(1, len(points)):
        off, se, n = anchor(rows[i - 1], rows[i])
        points[i].link_offset, points[i].link_se, points[i].link_shared = off, se, n
        if off is None:
            segment_start = i
        starts.append(segment_start)
    cum = [0.0]
    for p in points[1:]:
        cum.append(cum[-1] + (p.link_offset or 0.0))
    for j, p in enumerate(points):
        p.to_common = cum[-1] - cum[j]
        _months(points, rows, cum, starts[j], j)
    return points


def closed_then_rated_now(
    rows: list[list[Row]], cum: list[float], start: int, j: int
) -> list[tuple[float | None, bool]]:
    """For each snapshot k <= j: the best closed model available at k, rated on snapshot j's scale.

    A model still on board j takes its rating there (re-rated: no drift); one gone from it takes its
    rating at k moved by the anchoring chain (flag True), and only within the chain's segment.
    """
    now = _best_by_key(rows[j])
    out = []
    for k in range(j + 1):
        best, anchored = None, False
        for r in rows[k]:
            if r.openness != "closed" or r.rating is None:
                continue
            if r.key in now:
                value, via_anchor = now[r.key], False
            elif k >= start:
                value, via_anchor = r.rating + cum[j] - cum[k], True
            else:
                continue
            if best is None or value > best:
                best, anchored = value, via_anchor
        out.append((best, anchored))
    return out


def _best_by_key(snap: list[Row]) -> dict[str, float]:
    out: dict[str, float] = {}
    for r in snap:
        if r.rating is not None and r.rating > out.get(r.key, -math.inf):
            out[r.key] = r.rating
    return out


def _months(points: list[Point], rows: list[list[Row]], cum: list[float], start: int, j: int) -> None:
    p = points[j]
    if p.gap is None:
        return
    if p.gap <= 0:
        p.months = p.months_low = p.months_high = 0.0
        return
    if j == 0:  # nothing earlier: no lag can be measured
        return
    closed = closed_then_rated_now(rows, cum, start, j)
    dates = [q.date for q in points[: j + 1]]
    values = [v for v, _ in closed]
    p.months, p.censored = lag_months(dates, values, p.open_rating)
    first_anchored = next((k for k, (_, anchored) in enumerate(closed) if anchored), None)
    var = (
        0.0
        if first_anchored is None
        else sum((q.link_se or 0.0) ** 2 for q in points[first_anchored + 1 : j + 1])
    )
    if p.open_half is None and var == 0:  # the source gives no interval: the range is unknown, not zero
        return
    u = math.sqrt((p.open_half or 0.0) ** 2 + var)
    p.months_high = lag_months(dates, values, p.open_rating - u)[0]
    p.months_low = lag_months(dates, values, p.open_rating + u)[0]


def _crossing(now: float, slope: float) -> float | None:
    """Years until a line at `now` with `slope` (per year) reaches zero; None if it never does."""
    if slope == 0 or -now / slope < 0:
        return None
    return -now / slope


@dataclass
class Fit:
    n: int
    slope: float  # per year
    slope_low: float | None
    slope_high: float | None
    value_now: float  # fitted value at the last x
    zero_years: float | None  # years after the last x until the line reaches zero; None if moving away
    zero_years_range: tuple[float | None, float | None] | None  # from the slope bounds; None end = never


def fit_line(years: list[float], values: list[float]) -> Fit | None:
    """OLS of values on years; None with fewer than 2 distinct dates."""
    n = len(years)
    if n < 2 or len(set(years)) < 2:
        return None
    mx, my = sum(years) / n, sum(values) / n
    sxx = sum((x - mx) ** 2 for x in years)
    slope = sum((x - mx) * (y - my) for x, y in zip(years, values, strict=True)) / sxx
    intercept = my - slope * mx
    x_last = max(years)
    now = intercept + slope * x_last
    lo = hi = None
    if n > 2:
        resid = sum((y - intercept - slope * x) ** 2 for x, y in zip(years, values, strict=True))
        se = math.sqrt(resid / (n - 2) / sxx)
        t = _T95[n - 3] if n - 2 <= len(_T95) else 1.96
        lo, hi = slope - t * se, slope + t * se
    zero, zrange = _crossing(now, slope), None
    if zero is not None and lo is not None:
        ends = [_crossing(now, s) for s in (lo, hi)]  # a bound moving away from zero never gets there
        reached = [e for e in ends if e is not None]
        zrange = (min(reached), None if None in ends else max(reached))
    return Fit(n, slope, lo, hi, now, zero, zrange)
