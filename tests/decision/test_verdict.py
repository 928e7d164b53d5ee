"""The verdict rule table, one scenario per row: situation → verdict and the first reason."""

from __future__ import annotations

import math

import pytest

from advisor.decision.verdict import Side, Situation, decide

NAN = math.nan
# name, quality, low, high, USD/month at your volume, support level
FRONTIER_API = Side("Frontier API", 1500, 1490, 1510, 900.0, 2)
CHEAP_API = Side("Cheap API", 1440, 1430, 1450, 40.0, 0)
OPEN_ON_2_GPUS = Side("Open 32B", 1445, 1435, 1455, 99.0, 0)  # electricity of two owned GPUs
OPEN_RENTED = Side("Open 32B rented", 1445, 1435, 1455, 321.0, 0)
OPEN_FARM = Side("Open 32B ×29 replicas", 1445, 1435, 1455, 9_315.0, 0)
BIG_API_BILL = Side("Cheap API at 500k/day", 1440, 1430, 1450, 37_500.0, 0)
NO_CONTEXT = {"code": "rule", "rule": "context", "n": 140}

CASES = [
    # scenario, situation, verdict, first reason
    (
        "startup on an API budget: rented GPUs exceed it",
        Situation(budget=300, api=CHEAP_API, self_hosted=OPEN_RENTED),
        "closed",
        "over_budget",
    ),
    (
        "hospital with two GPUs, privacy self_hosted",
        Situation(privacy="self_hosted", api=CHEAP_API, self_hosted=OPEN_ON_2_GPUS),
        "open",
        "privacy_self_hosted",
    ),
    (
        "privacy self_hosted even when nothing fits",
        Situation(privacy="self_hosted", api=CHEAP_API, no_self={"code": "hardware", "hw": "1× RTX 3060"}),
        "open",
        "privacy_self_hosted",
    ),
    (
        "high-volume batch job: API bill 4× the GPU farm",
        Situation(api=BIG_API_BILL, self_hosted=OPEN_FARM),
        "open",
        "quality_similar",
    ),
    (
        "low volume, rented GPUs idle: API far cheaper",
        Situation(api=CHEAP_API, self_hosted=OPEN_RENTED),
        "closed",
        "quality_similar",
    ),
    (
        "no open model meets the context need",
        Situation(api=FRONTIER_API, no_self=NO_CONTEXT),
        "closed",
        "no_self",
    ),
    (
        "no API passes (e.g. region), open model fits",
        Situation(self_hosted=OPEN_ON_2_GPUS, no_api={"code": "none"}),
        "open",
        "no_api",
    ),
    (
        "nothing passes on either route",
        Situation(no_api={"code": "none"}, no_self={"code": "none"}),
        "either",
        "no_route",
    ),
    (
        "asked for open weights",
        Situation(open_weights=True, api=CHEAP_API, self_hosted=OPEN_RENTED),
        "open",
        "asked_open_weights",
    ),
    (
        "asked to self-host",
        Situation(deployment="self_hosted", api=CHEAP_API, self_hosted=OPEN_RENTED),
        "open",
        "asked_self_hosted",
    ),
    (
        "asked for an API",
        Situation(deployment="api", api=CHEAP_API, self_hosted=OPEN_ON_2_GPUS),
        "closed",
        "asked_api",
    ),
    (
        "owned GPUs cheaper and as good",
        Situation(api=Side("API", 1445, 1435, 1455, 300.0), self_hosted=OPEN_ON_2_GPUS),
        "open",
        "quality_similar",
    ),
    (
        "frontier API better, owned GPUs cheaper: balanced → either",
        Situation(api=FRONTIER_API, self_hosted=OPEN_ON_2_GPUS),
        "either",
        "quality_better",
    ),
    (
        "same trade-off, quality preset → closed",
        Situation(priority="quality", api=FRONTIER_API, self_hosted=OPEN_ON_2_GPUS),
        "closed",
        "quality_better",
    ),
    (
        "same trade-off, cost preset → open",
        Situation(priority="cost", api=FRONTIER_API, self_hosted=OPEN_ON_2_GPUS),
        "open",
        "quality_better",
    ),
    (
        "same trade-off, sovereignty preset → open",
        Situation(priority="sovereignty", api=FRONTIER_API, self_hosted=OPEN_ON_2_GPUS),
        "open",
        "quality_better",
    ),
    (
        "same trade-off, enterprise preset → the supported API",
        Situation(priority="enterprise", api=FRONTIER_API, self_hosted=OPEN_ON_2_GPUS),
        "closed",
        "quality_better",
    ),
    (
        "close call on cost and quality → either",
        Situation(api=Side("API", 1445, 1435, 1455, 110.0), self_hosted=OPEN_ON_2_GPUS),
        "either",
        "quality_similar",
    ),
    (
        "better and cheaper API → closed",
        Situation(api=Side("API", 1500, 1490, 1510, 20.0), self_hosted=OPEN_ON_2_GPUS),
        "closed",
        "quality_better",
    ),
    (
        "volume beyond what can be served self-hosted",
        Situation(api=CHEAP_API, self_hosted=Side("Open", 1445, 1435, 1455, NAN)),
        "closed",
        "quality_similar",
    ),
    (
        "sovereignty: closed API cheaper but not better → open",
        Situation(priority="sovereignty", api=CHEAP_API, self_hosted=OPEN_RENTED),
        "open",
        "quality_similar",
    ),
    (
        "sovereignty: the API pick is open weights itself → cost decides",
        Situation(
            priority="sovereignty",
            api=Side("Open via API", 1445, 1435, 1455, 40.0, open_weights=True),
            self_hosted=OPEN_RENTED,
        ),
        "closed",
        "quality_similar",
    ),
]


@pytest.mark.parametrize(("scenario", "situation", "expected", "first"), CASES, ids=[c[0] for c in CASES])
def test_verdict(scenario, situation, expected, first):
    got, reasons = decide(situation)
    assert got == expected, (scenario, reasons)
    assert reasons[0][0] == first


def test_cost_reason_names_the_cheaper_route_and_ratio():
    _, reasons = decide(Situation(api=BIG_API_BILL, self_hosted=OPEN_FARM))
    key, p = reasons[1]
    assert key == "cost_cheaper" and p["route"] == "self_hosted"
    assert p["ratio"] == pytest.approx(37_500 / 9_315)


def test_missing_intervals_fall_back_to_a_points_margin():
    a = Side("A", 1460, NAN, NAN, 100.0)
    b = Side("B", 1445, NAN, NAN, 100.0)
    assert decide(Situation(api=a, self_hosted=b))[1][0][0] == "quality_similar"  # 15 < 20 points
    a = Side("A", 1470, NAN, NAN, 100.0)
    assert decide(Situation(api=a, self_hosted=b)) == ("closed", decide(Situation(api=a, self_hosted=b))[1])
