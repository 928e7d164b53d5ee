"""The open-or-closed verdict: a short, ordered rule table over plain numbers (no catalog, no I/O).

Rules (first match wins; docs/decision.md has the table):
  1. privacy: self_hosted → open (data may not leave your infrastructure).
  2. open_weights required or deployment: self_hosted → open;  deployment: api → closed.
  3. only one route has a model meeting your needs → that route (the reason says what stopped the other).
  4. one route fits the budget at your volume and the other doesn't → the one that fits.
  5. quality (Arena intervals not overlapping = clearly better) and cost at your volume (COST_MARGIN):
     better-and-not-dearer or cheaper-and-not-worse wins; a trade-off goes to the better model under the
     quality preset, the cheaper under the cost preset, open under sovereignty, the route with vendor support
     under enterprise; otherwise either.
     Under sovereignty, a closed-weights API pick loses to self-hosting unless it is clearly better.
  6. otherwise (same quality, similar cost): sovereignty → open; enterprise → the side with better support;
     else either.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

COST_MARGIN = 0.25  # a route is "cheaper" when the other costs at least 25% more at your volume
QUALITY_MARGIN = 20.0  # Arena points; used only when a quality interval is missing


@dataclass(frozen=True)
class Side:
    name: str
    quality: float
    low: float
    high: float
    monthly: float  # USD at your volume; NaN = this volume can't be served
    support: float = math.nan  # criteria_extra.support level (0-2)
    open_weights: bool = False


@dataclass(frozen=True)
class Situation:
    privacy: str = "any"
    deployment: str = "any"
    open_weights: bool = False
    priority: str = "balanced"
    budget: float | None = None
    api: Side | None = None
    self_hosted: Side | None = None
    no_api: str = ""  # why there is no API pick
    no_self: str = ""  # why there is no self-hosted pick


Reason = tuple[str, dict]


def _better(a: Side, b: Side) -> bool:
    """a's quality is clearly above b's: the ~95% intervals don't overlap (or, without them, ≥ QUALITY_MARGIN)."""
    if any(math.isnan(x) for x in (a.low, b.high)):
        return a.quality - b.quality >= QUALITY_MARGIN
    return a.low > b.high


def _cheaper(a: Side, b: Side) -> bool:
    if math.isnan(a.monthly):
        return False
    return (
        math.isnan(b.monthly) or b.monthly >= a.monthly * (1 + COST_MARGIN) and b.monthly - a.monthly >= 1.0
    )


def _side(name: str) -> str:
    return "open" if name == "self_hosted" else "closed"


def decide(s: Situation) -> tuple[str, list[Reason]]:
    """(verdict, reasons) — each reason a (template key, numbers) pair rendered by decision_text."""
    if s.privacy == "self_hosted":
        extra = [("no_self", {"why": s.no_self})] if s.self_hosted is None else []
        return "open", [("privacy_self_hosted", {}), *extra]
    if s.open_weights or s.deployment == "self_hosted":
        key = (
            "asked_open_weights" if s.open_weights and s.deployment != "self_hosted" else "asked_self_hosted"
        )
        return "open", [(key, {})]
    if s.deployment == "api":
        return "closed", [("asked_api", {})]
    if s.api is None and s.self_hosted is None:
        return "either", [("no_route", {"why_api": s.no_api, "why_self": s.no_self})]
    if s.self_hosted is None:
        return "closed", [("no_self", {"why": s.no_self})]
    if s.api is None:
        return "open", [("no_api", {"why": s.no_api})]
    api, own = s.api, s.self_hosted
    if s.budget is not None:
        fits = {
            n: not math.isnan(x.monthly) and x.monthly <= s.budget + 1e-9
            for n, x in (("api", api), ("self_hosted", own))
        }
        if fits["api"] != fits["self_hosted"]:
            win = "api" if fits["api"] else "self_hosted"
            lose = own if win == "api" else api
            return _side(win), [
                (
                    "over_budget",
                    {
                        "route": "self_hosted" if win == "api" else "api",
                        "usd": lose.monthly,
                        "budget": s.budget,
                    },
                )
            ]
    reasons: list[Reason] = []
    better = "api" if _better(api, own) else "self_hosted" if _better(own, api) else None
    cheaper = "api" if _cheaper(api, own) else "self_hosted" if _cheaper(own, api) else None
    if better:
        hi, lo = (api, own) if better == "api" else (own, api)
        reasons.append(
            (
                "quality_better",
                {"route": better, "name": hi.name, "q": hi.quality, "other": lo.name, "q_other": lo.quality},
            )
        )
    else:
        reasons.append(("quality_similar", {"q_api": api.quality, "q_self": own.quality}))
    if cheaper:
        c, d = (api, own) if cheaper == "api" else (own, api)
        ratio = d.monthly / c.monthly if c.monthly > 0 and not math.isnan(d.monthly) else math.inf
        reasons.append(
            ("cost_cheaper", {"route": cheaper, "usd": c.monthly, "usd_other": d.monthly, "ratio": ratio})
        )
    else:
        reasons.append(("cost_similar", {"usd_api": api.monthly, "usd_self": own.monthly}))
    if (
        s.priority == "sovereignty"
        and not api.open_weights
        and better != "api"
        and not math.isnan(own.monthly)
    ):
        return "open", [*reasons, ("sovereignty_closed", {"name": api.name})]
    if better and (cheaper in (None, better)):
        return _side(better), reasons
    if cheaper and better is None:
        return _side(cheaper), reasons
    if better and cheaper:  # a trade-off: one is better, the other cheaper
        if s.priority == "quality":
            return _side(better), [*reasons, ("tradeoff_priority", {"priority": "quality"})]
        if s.priority == "cost":
            return _side(cheaper), [*reasons, ("tradeoff_priority", {"priority": "cost"})]
    return _tiebreak(s, api, own, reasons)


def _tiebreak(s: Situation, api: Side, own: Side, reasons: list[Reason]) -> tuple[str, list[Reason]]:
    if s.priority == "sovereignty":
        return "open", [*reasons, ("tie_sovereignty", {})]
    if s.priority == "enterprise":
        a, o = (0.0 if math.isnan(x) else x for x in (api.support, own.support))
        if a != o:
            return ("closed" if a > o else "open"), [
                *reasons,
                ("tie_enterprise", {"route": "api" if a > o else "self_hosted"}),
            ]
    return "either", [*reasons, ("tie", {})]
