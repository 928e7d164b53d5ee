"""Golden rankings on the fixture catalog (deployment: api, so hardware-model tuning can't move them).

Each scenario pins rank, model, route, score (4 decimals), monthly cost (cents), ties, the rule of every
excluded model and the near misses. Intended changes: `UPDATE_GOLDEN=1 pytest tests/golden` rewrites
ranking_fixture.json; review the diff like code.
"""

from __future__ import annotations

import json
import os

from advisor.catalog import load_catalog
from advisor.engine import recommend
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "ranking_fixture.json"
FIXTURE = ROOT / "tests" / "fixtures" / "catalog_small.jsonl"
SCENARIOS = {
    "coding_default": {"tasks": ["coding"]},
    "startup_budget_no_training": {
        "tasks": ["general"],
        "budget_usd_per_month": 40,
        "privacy": "no_training",
    },
    "china_chinese_permissive": {
        "tasks": ["chinese"],
        "region": "cn",
        "license": "permissive",
        "priority": "quality",
    },
    "high_volume_cost": {
        "priority": "cost",
        "workload": {"requests_per_day": 50000, "input_tokens": 2000, "output_tokens": 500},
    },
    "enterprise_support": {"priority": "enterprise"},  # issue 7 presets: support + longevity weigh 40%
    "sovereignty": {"priority": "sovereignty"},  # lock_in + longevity + customisation weigh 45%
}


def summary(req: dict) -> dict:
    rec = recommend({"deployment": "api", **req, "top_k": 8}, catalog=load_catalog(FIXTURE))
    return {
        "weights": rec.weights,
        "picks": [
            [p.rank, p.model_id, p.provider, round(p.score, 4), round(p.monthly_cost_usd, 2), p.tied_with]
            for p in rec.recommendations
        ],
        "excluded": {e.model_id: e.rule for e in rec.excluded},
        "near_misses": [[n.model_id, n.change, n.would_rank] for n in rec.near_misses],
        "stable": rec.stability.stable if rec.stability else None,
    }


def test_golden_rankings():
    got = {name: summary(req) for name, req in SCENARIOS.items()}
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for name in SCENARIOS:
        assert got[name] == want[name], name
