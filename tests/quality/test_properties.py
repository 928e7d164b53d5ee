"""Properties of the quality scale built from the shipped snapshots in data/sources/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.catalog.aliases import resolver
from advisor.catalog.quality import TASKS, compute_quality
from advisor.catalog.quality_sources import SHADOW, observations
from advisor.catalog.quality_variants import load_same_weights

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"
# incl. coding, math, chinese, creative writing. Not: agents and webdev (their fits need evidence shared with
# ~50 / ~120 board models; a model known only to the benchmark boards has none), vision (never imputed).
KEY_TASKS = tuple(t for t in TASKS if t not in ("agents", "vision", "webdev"))


@pytest.fixture(scope="module")
def quality():
    return compute_quality(resolver(), SOURCES)


def _dump(q) -> str:
    return json.dumps(
        {m: {t: s.model_dump() for t, s in tasks.items()} for m, tasks in q.items()}, sort_keys=True
    )


def test_intervals_contain_scores_and_values_are_rounded(quality):
    for model, tasks in quality.items():
        for task, s in tasks.items():
            assert s.low <= s.score <= s.high, (model, task, s)
            for v in (s.score, s.low, s.high):
                assert round(v, 1) == v, (model, task, s)
            assert s.as_of is not None, (model, task)
            assert s.evidence == "imputed" or not s.source.startswith("imputed:")


def test_imputed_intervals_are_wider_than_direct_ones(quality):
    for task in TASKS:
        direct = sorted(
            s.high - s.low
            for t in quality.values()
            for k, s in t.items()
            if k == task and s.evidence == "direct"
        )
        imputed = [
            s.high - s.low
            for t in quality.values()
            for k, s in t.items()
            if k == task and s.evidence == "imputed"
        ]
        if direct and imputed:
            assert min(imputed) > direct[len(direct) // 2], task


def test_vision_is_never_imputed_and_no_shadow_ids_leak(quality):
    assert all(t["vision"].evidence != "imputed" for t in quality.values() if "vision" in t)
    assert not [m for m in quality if m.startswith(SHADOW)]
    assert set(quality) <= set(resolver().__self__.model_ids)


def test_newest_board_wins(quality):
    """A model on the freshest text board gets that board's rating, whatever older boards said."""
    obs = observations(resolver(), SOURCES)
    fresh = obs[(obs["column"] == "namra:text") & ~obs["model"].str.startswith(SHADOW)]
    assert len(fresh) > 150
    for model, score in zip(fresh["model"], fresh["score"], strict=True):
        general = quality[model]["general"]
        assert (general.evidence, general.source, general.score) == (
            "direct",
            "lmarena-namra7x:text",
            round(score, 1),
        )


def test_every_model_with_evidence_gets_every_imputable_task(quality):
    """The >=95% coverage target (coding, math, chinese, creative writing) rests on this: any evidence
    at all is enough for a score on every task but agents, webdev (few anchors) and vision (never imputed)."""
    assert len(quality) > 200
    missing = {m: [t for t in KEY_TASKS if t not in tasks] for m, tasks in quality.items()}
    assert not {m: t for m, t in missing.items() if t}


def test_build_is_deterministic_across_processes(quality):
    """Another interpreter with another hash seed (set/dict order) gives the same bytes."""
    code = (
        "import json; from pathlib import Path; from advisor.catalog.aliases import resolver; "
        "from advisor.catalog.quality import compute_quality; "
        f"q = compute_quality(resolver(), Path({str(SOURCES)!r})); "
        "print(json.dumps({m: {t: s.model_dump() for t, s in v.items()} for m, v in q.items()}, sort_keys=True))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == _dump(quality)


def test_resolver_only_selects_models_it_does_not_move_the_scale(quality):
    """Unknown names still join the fits (under shadow ids), so a resolver knowing fewer models gives
    the same measured values for the models it knows. Fits may move a little (the alias file groups
    variants differently from plain normalisation, so feature choices can differ), but the two
    imputations must agree within their stated intervals (the intervals overlap)."""
    sample = set(sorted(quality)[::7])  # a same-weights variant inherits from its base: keep the base too
    keep = sorted(sample | {v.base_id for v in load_same_weights() if v.model_id in sample})
    full = resolver()
    narrow = compute_quality(lambda name: m if (m := full(name)) in keep else None, SOURCES)
    assert sorted(narrow) == keep
    for model in keep:
        assert set(narrow[model]) == set(quality[model])
        for task, s in quality[model].items():
            other = narrow[model][task]
            if s.evidence != "imputed" and task != "agents":  # agents: scale fitted on shared models
                assert other == s, (model, task)
            else:
                assert other.low <= s.high and s.low <= other.high, (model, task, s, other)
