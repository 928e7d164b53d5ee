"""Near misses are only the changes that would change the answer: the admitted model lands in the shortlist."""

from __future__ import annotations

import pytest

from advisor import recommend
from advisor.engine import exclusions

SCENARIOS = [
    {"tasks": ["coding"], "budget_usd_per_month": 100},
    {"tasks": ["general"], "budget_usd_per_month": 40, "privacy": "no_training"},
    {"tasks": ["chinese"], "region": "cn", "license": "permissive"},
    {"tasks": ["coding"], "privacy": "self_hosted", "hardware": {"gpu": "RTX 4090"}},
    {"deployment": "self_hosted", "hardware": {"gpu": "RTX 3090", "gpu_count": 2}},
]


@pytest.mark.parametrize("top_k", [1, 3, 8])
@pytest.mark.parametrize("req", SCENARIOS)
def test_every_near_miss_would_land_in_the_shortlist(catalog, req, top_k):
    rec = recommend({**req, "top_k": top_k}, catalog=catalog)
    assert len(rec.near_misses) <= exclusions.NEAR_MISSES
    for n in rec.near_misses:
        assert n.would_rank is not None and 1 <= n.would_rank <= top_k, n


def test_a_near_miss_outside_the_shortlist_is_dropped(catalog):
    """Claude Sonnet 4.5 at +$125/month would rank #8: a near miss for a top 8, noise for a top 5."""
    req = {"tasks": ["coding"], "budget_usd_per_month": 100}
    top8 = {n.model_id: n.would_rank for n in recommend({**req, "top_k": 8}, catalog=catalog).near_misses}
    top5 = {n.model_id: n.would_rank for n in recommend({**req, "top_k": 5}, catalog=catalog).near_misses}
    assert top8["claude-sonnet-4.5"] == 8
    assert "claude-sonnet-4.5" not in top5
    assert top5 == {k: v for k, v in top8.items() if v <= 5}


def test_with_no_candidates_every_near_miss_would_be_first(catalog):
    rec = recommend({"tasks": ["coding"], "budget_usd_per_month": 1, "region": "eu"}, catalog=catalog)
    assert rec.recommendations == [] and rec.near_misses
    assert all(n.would_rank == 1 for n in rec.near_misses)
