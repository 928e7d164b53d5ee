"""Every hard rule as a table of spec lines: requirements, model, kept or excluded by which rule, and the
words (with the numbers) the reason must contain. Fixture: tests/fixtures/catalog_small.jsonl."""

from __future__ import annotations

import pytest

from advisor.catalog.card import ModelCard
from advisor.engine import recommend
from advisor.engine.features import CatalogView

GPU4090 = {"gpu": "RTX 4090"}
KEEP = "keep"

CASES = [
    # requirement                                             model                 outcome         reason contains
    ({}, "gpt-5", KEEP, ""),
    ({}, "claude-3-opus", "deprecated", "deprecated by its vendor (retired 2026-01-05)"),
    ({"open_weights": True}, "gpt-5", "open_weights", "weights are not downloadable"),
    ({"open_weights": True}, "deepseek-v3.2", KEEP, ""),
    (
        {"license": "commercial"},
        "llama-3.1-8b",
        KEEP,
        "",
    ),  # restricted (700M MAU) still allows commercial use
    (
        {"license": "commercial", "deployment": "self_hosted"},
        "command-r-plus-08-2024",
        "license",
        "license CC-BY-NC-4.0 forbids commercial use",
    ),
    (
        {"license": "permissive"},
        "llama-3.1-8b",
        "license",
        "Llama 3.1 Community License is not OSI-permissive",
    ),
    ({"license": "permissive"}, "gpt-5", "license", "Proprietary is not OSI-permissive"),
    ({"license": "permissive"}, "deepseek-v3.2", KEEP, ""),
    ({"capabilities": ["vision"]}, "deepseek-v3.2", "capability", "lacks vision"),
    ({"tasks": ["vision"]}, "qwen3-max", "capability", "lacks vision"),
    ({"capabilities": ["vision", "tool_calling"]}, "gemma-3-27b", "capability", "lacks tool_calling"),
    ({"capabilities": ["vision"]}, "mistral-small-3.2", KEEP, ""),
    ({"min_context_tokens": 200_000}, "qwen3-32b", "context", "context 128K tokens < the 200K you need"),
    ({"min_context_tokens": 500_000}, "gemini-2.5-pro", KEEP, ""),
    ({"region": "cn"}, "gpt-5", "region", "no API offer usable in CN (offers: eu, us)"),
    ({"region": "cn"}, "deepseek-v3.2", KEEP, ""),  # DeepSeek's own API is usable everywhere
    ({"region": "eu"}, "qwen3-32b", "region", "no API offer usable in EU (offers: us)"),
    ({"privacy": "no_training"}, "deepseek-v3.2", KEEP, ""),  # via fireworks, which does not train
    ({"privacy": "no_training"}, "qwen3-max", "privacy", "alibaba doesn't say whether it trains on API data"),
    ({"privacy": "no_training", "region": "cn"}, "deepseek-v3.2", "privacy", "siliconflow doesn't say"),
    (
        {"privacy": "self_hosted", "hardware": GPU4090},
        "gpt-5",
        "privacy",
        "would send your data to openai's API",
    ),
    ({"privacy": "self_hosted", "hardware": GPU4090}, "qwen3-32b", KEEP, ""),
    (
        {"deployment": "self_hosted", "hardware": GPU4090},
        "claude-sonnet-4.5",
        "deployment",
        "API only (closed weights)",
    ),
    ({"deployment": "api"}, "qwen3-30b-a3b", "deployment", "no API offer in the catalog"),
    ({}, "qwen3-30b-a3b", KEEP, ""),  # no API offer, no hardware: ranked on rented GPUs
    (
        {"deployment": "self_hosted", "hardware": GPU4090},
        "llama-3.1-70b",
        "hardware",
        "GB at Q2_K with 4K context; you have 24 GB",
    ),
    ({"deployment": "self_hosted", "hardware": GPU4090}, "qwen3-32b", KEEP, ""),
    (
        {"deployment": "self_hosted", "hardware": {"gpu": "RTX 4090", "gpu_count": 4}},
        "llama-3.1-70b",
        KEEP,
        "",
    ),
    ({"deployment": "self_hosted"}, "llama-3.1-8b", KEEP, ""),  # rented cloud GPU
    (
        {"deployment": "self_hosted", "hardware": {"ram_gb": 16}},
        "qwen3-32b",
        "hardware",
        "you have 13 GB",
    ),  # 80% of RAM
    ({"deployment": "self_hosted", "hardware": {"ram_gb": 16}}, "llama-3.1-8b", KEEP, ""),
    ({"min_tokens_per_s": 100}, "deepseek-v3.2", "speed", "about 25 tokens/s < the 100 you need"),
    ({"min_tokens_per_s": 100}, "gpt-oss-120b", KEEP, ""),
    ({"budget_usd_per_month": 50}, "gpt-5", "budget", "$127.50/month > your $50.00 budget"),
    ({"budget_usd_per_month": 50}, "gpt-5-mini", KEEP, ""),
]


def _ids(case):
    req, model, outcome, _ = case
    return f"{model}-{outcome}-{'-'.join(f'{k}={v}' for k, v in req.items())}"[:90]


@pytest.mark.parametrize(("req", "model", "outcome", "reason"), CASES, ids=[_ids(c) for c in CASES])
def test_rule(catalog, req, model, outcome, reason):
    rec = recommend({**req, "top_k": 50}, catalog=catalog)
    kept = {p.model_id: p for p in rec.recommendations}
    excluded = {e.model_id: e for e in rec.excluded}
    assert len(kept) + len(excluded) == len(catalog.models)
    if outcome == KEEP:
        assert model in kept, excluded.get(model)
        return
    assert model in excluded, f"{model} was kept"
    assert excluded[model].rule == outcome, excluded[model]
    assert any(reason in line for line in excluded[model].reasons), excluded[model].reasons


def test_a_model_without_quality_data_is_excluded_with_a_reason(catalog):
    card = next(c for c in catalog.models if c.id == "gpt-5").model_copy(
        update={"id": "mystery", "quality": {}}
    )
    rec = recommend({"tasks": ["coding"]}, catalog=CatalogView(models=[*catalog.models, card]))
    (item,) = [e for e in rec.excluded if e.model_id == "mystery"]
    assert item.rule == "quality_data"
    assert item.reasons == ["no quality score for coding (nor a general one)"]


def test_a_missing_task_score_falls_back_to_general_and_says_so(catalog):
    rec = recommend({"tasks": ["agents"], "top_k": 3}, catalog=catalog)
    top = rec.recommendations[0]
    card = next(c for c in catalog.models if c.id == top.model_id)
    assert top.quality == pytest.approx(card.quality["general"].score)
    assert top.quality_evidence == "imputed"
    assert any("general score stands in" in line for line in top.reasons)


def test_restricted_license_warns_when_commercial_use_is_asked(catalog):
    rec = recommend({"license": "commercial", "top_k": 50}, catalog=catalog)
    assert any("Llama 3.1 8B" in w and "700 million monthly active users" in w for w in rec.warnings)


def test_ModelCard_roundtrip_of_the_fixture_is_exact(catalog):
    assert all(ModelCard.model_validate(c.model_dump()) == c for c in catalog.models)


@pytest.mark.parametrize(
    "req",
    [
        {"license": "permissive", "capabilities": ["vision"], "min_context_tokens": 300_000, "region": "eu"},
        {"privacy": "no_training", "min_tokens_per_s": 80, "budget_usd_per_month": 20, "tasks": ["vision"]},
        {"privacy": "self_hosted", "hardware": {"gpu": "RTX 3060"}, "license": "commercial"},
        {"deployment": "self_hosted", "min_context_tokens": 100_000},
    ],
)
def test_memoised_reasons_and_changes_equal_the_rule_applied_row_by_row(catalog, req):
    """`Rule.reads` must list every column a reason reads, or rows would share a wrong sentence."""
    import numpy as np

    from advisor.engine import filters, rank, validate

    r = rank(validate(req), catalog)
    cols, fails, requirements = r["columns"], r["fails"], r["requirements"]
    for j, rule in enumerate(filters.RULES):
        rows = np.flatnonzero(fails[:, j])
        for fn in (rule.reason, rule.change):
            direct = [fn(filters.Row(cols, i), requirements) for i in rows]
            assert filters.rule_texts(fn, rule, cols, rows, requirements) == direct, rule.name


@pytest.mark.parametrize(
    ("n", "text"), [(1_048_576, "1M"), (131_072, "128K"), (200_000, "200K"), (4096, "4K"), (512, "512")]
)
def test_token_counts_read_like_model_cards(n, text):
    from advisor.engine.filters import tokens

    assert tokens(n) == text


def _variant(catalog, model_id, **update):
    card = next(c for c in catalog.models if c.id == model_id)
    return card.model_copy(update={"id": f"{model_id}-variant", **update})


def test_unknown_context_fails_a_context_requirement(catalog):
    card = _variant(catalog, "gpt-5", context_tokens=None)
    rec = recommend({"min_context_tokens": 8000}, catalog=CatalogView(models=[*catalog.models, card]))
    (item,) = [e for e in rec.excluded if e.model_id == "gpt-5-variant"]
    assert item.rule == "context" and item.reasons == ["context length unknown; you need at least 8K"]


def test_a_model_too_big_for_any_rentable_gpu_says_so(catalog):
    card = _variant(catalog, "llama-3.1-70b", params_b=20_000, active_params_b=20_000)
    rec = recommend({"deployment": "self_hosted"}, catalog=CatalogView(models=[*catalog.models, card]))
    (item,) = [e for e in rec.excluded if e.model_id == "llama-3.1-70b-variant"]
    assert item.rule == "hardware"
    assert any(line.startswith("self-hosted: no rentable GPU configuration") for line in item.reasons), (
        item.reasons
    )
