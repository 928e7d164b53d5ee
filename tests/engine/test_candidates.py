"""Candidate rows: architecture facts reach the hardware model, rented GPUs for open models without an API
offer, free tiers are not a price, and a failing add-on never costs the ranking. Fixture catalog."""

from __future__ import annotations

import pytest

from advisor import hardware
from advisor.catalog.card import ApiOffer
from advisor.engine import recommend
from advisor.engine.features import CatalogView
from advisor.requirements import Hardware

CTX = 32_768
# Architecture facts as in data/catalog.jsonl (model cards: DeepSeek V3 MLA latent, gpt-oss hybrid + MXFP4)
MLA = {"attention": "mla", "kv_lora_rank": 512, "rope_head_dim": 64, "native_precision": "fp8",
       "native_bits_per_weight": 8.0}  # fmt: skip
HYBRID = {"attention": "hybrid", "kv_layers": 18, "native_precision": "mxfp4", "native_bits_per_weight": 4.46}


def _card(catalog, model_id, new_id=None, **update):
    card = next(c for c in catalog.models if c.id == model_id)
    return card.model_copy(update={"id": new_id or model_id, **update})


def _only(card, req: dict):
    """The recommendation for a one-model catalog: (pick or None, excluded item or None)."""
    rec = recommend(req, catalog=CatalogView(models=[card]))
    return (rec.recommendations or [None])[0], (rec.excluded or [None])[0]


@pytest.mark.parametrize(
    ("model_id", "facts", "gpus"),
    [
        (
            "deepseek-v3.2",
            MLA,
            8,
        ),  # MLA: one 576-wide latent per layer instead of the parameter-count fallback
        ("gpt-oss-120b", HYBRID, 1),  # hybrid: 18 of 36 layers keep a cache
    ],
)
def test_owned_hardware_estimate_uses_the_cards_attention_facts(catalog, model_id, facts, gpus):
    card = _card(catalog, model_id, **facts)
    hw = {"gpu": "H200", "gpu_count": gpus}
    pick, _ = _only(card, {"deployment": "self_hosted", "hardware": hw, "min_context_tokens": CTX})
    want = hardware.estimate(card, hardware.resolve_hardware(Hardware(**hw)), CTX)
    bare = hardware.estimate(_card(catalog, model_id), hardware.resolve_hardware(Hardware(**hw)), CTX)
    assert (pick.memory_gb, pick.quantization) == (want.memory_gb, want.quantization)
    assert want.kv_cache_gb != bare.kv_cache_gb  # the facts matter, so passing them is what moved the number


@pytest.mark.parametrize(
    ("model_id", "facts", "quant"), [("deepseek-v3.2", MLA, "FP8"), ("gpt-oss-120b", HYBRID, "MXFP4")]
)
def test_rented_plan_uses_native_precision_and_kv_layout(catalog, model_id, facts, quant):
    card = _card(catalog, model_id, **facts)
    pick, _ = _only(card, {"deployment": "self_hosted", "min_context_tokens": CTX})
    plan = hardware.cheapest_cloud(card, CTX)
    assert pick.quantization == quant == plan.estimate.quantization
    assert (pick.gpu, pick.gpu_count, pick.memory_gb) == (plan.gpu, plan.gpu_count, plan.estimate.memory_gb)
    assert pick.monthly_cost_usd == pytest.approx(plan.usd_per_hour * 730, abs=0.01)


def test_the_estimate_cache_tells_architectures_apart(catalog):
    """Same size, different attention: the per-architecture cache must not hand one the other's estimate."""
    mla = _card(catalog, "deepseek-v3.2", "ds-mla", **MLA)
    plain = _card(catalog, "deepseek-v3.2", "ds-plain")
    rec = recommend(
        {"deployment": "self_hosted", "hardware": {"gpu": "H200", "gpu_count": 8}, "min_context_tokens": CTX},
        catalog=CatalogView(models=[mla, plain]),
    )
    memory = {p.model_id: p.memory_gb for p in rec.recommendations}
    assert memory["ds-mla"] < memory["ds-plain"]


TOO_BIG = {"params_b": 20_000.0, "active_params_b": 20_000.0}


@pytest.mark.parametrize(
    ("req", "model_id", "update", "deployment", "rule", "reason"),
    [
        # deployment any, no hardware: an open model without an API offer is ranked on rented GPUs
        ({}, "qwen3-30b-a3b", {}, "self_hosted", None, ""),
        ({"tasks": ["coding"]}, "qwen3-30b-a3b", {}, "self_hosted", None, ""),
        # ... and excluded only when no rentable configuration fits
        ({}, "qwen3-30b-a3b", TOO_BIG, None, "hardware", "no rentable GPU configuration"),
        # ... or when rented GPUs cost more than the budget (so it was costed)
        ({"budget_usd_per_month": 50}, "qwen3-30b-a3b", {}, None, "budget", "> your $50.00 budget"),
        # an open model with an API offer keeps its API route (the decision add-on costs rented GPUs for it)
        ({}, "gpt-oss-120b", {}, "api", None, ""),
        # API only: no offer still excludes it
        ({"deployment": "api"}, "qwen3-30b-a3b", {}, None, "deployment", "no API offer in the catalog"),
    ],
)
def test_deployment_any_without_hardware(catalog, req, model_id, update, deployment, rule, reason):
    pick, item = _only(_card(catalog, model_id, **update), req)
    if rule is None:
        assert item is None and pick.deployment == deployment
        if deployment == "self_hosted":
            plan = hardware.cheapest_cloud(_card(catalog, model_id), 4096)
            assert pick.gpu_rented and (pick.gpu, pick.gpu_count) == (plan.gpu, plan.gpu_count)
            assert pick.monthly_cost_usd == pytest.approx(plan.usd_per_hour * 730, abs=0.01)
            assert "730 hours" in pick.cost_basis
    else:
        assert pick is None and item.rule == rule
        assert any(reason in line for line in item.reasons), item.reasons


FREE = ApiOffer(
    provider="gemini", input_usd_per_1m=0.0, output_usd_per_1m=0.0, source="fixture", regions=["global"]
)


@pytest.mark.parametrize(
    ("model_id", "offers", "deployment", "provider"),
    [
        ("gemma-3-27b", "free+paid", "api", "deepinfra"),  # the free tier is not the cheapest price
        ("gemma-3-27b", "free", "self_hosted", None),  # only a free tier: costed like a model without offers
        ("gpt-5-mini", "free", None, None),  # closed, only a free tier: no API offer
    ],
)
def test_zero_priced_offers_are_not_a_price(catalog, model_id, offers, deployment, provider):
    card = _card(catalog, model_id)
    paid = [o for o in card.offers if o.input_usd_per_1m + o.output_usd_per_1m > 0]
    card = card.model_copy(update={"offers": [FREE, *paid] if offers == "free+paid" else [FREE]})
    pick, item = _only(card, {})
    if deployment is None:
        assert pick is None and item.rule == "deployment"
        return
    assert pick.deployment == deployment and pick.provider == provider
    assert pick.monthly_cost_usd > 0
    if deployment == "api":
        cheapest = min(paid, key=lambda o: 1000 * o.input_usd_per_1m + 300 * o.output_usd_per_1m)
        assert (pick.input_usd_per_1m, pick.output_usd_per_1m) == (
            cheapest.input_usd_per_1m,
            cheapest.output_usd_per_1m,
        )


@pytest.mark.parametrize(
    ("target", "lang", "words"),
    [
        ("_attach_gap", "en", "The open-vs-closed gap note could not be computed (RuntimeError: boom)"),
        ("_attach_decision", "en", "The open-or-closed decision (break-even, verdict) could not be computed"),
        ("_attach_decision", "zh", "开放还是闭源的决策（盈亏平衡、结论）未能计算（RuntimeError: boom）"),
    ],
)
def test_a_failing_add_on_leaves_the_ranking_and_says_which(catalog, monkeypatch, target, lang, words):
    import advisor.engine as engine

    good = recommend({"tasks": ["coding"]}, catalog=catalog, lang=lang)

    def boom(rec, r):
        raise RuntimeError("boom")

    boom.__name__ = target
    monkeypatch.setattr(engine, "ADDONS", tuple(boom if a.__name__ == target else a for a in engine.ADDONS))
    rec = recommend({"tasks": ["coding"]}, catalog=catalog, lang=lang)
    assert [p.model_dump() for p in rec.recommendations] == [p.model_dump() for p in good.recommendations]
    assert rec.excluded == good.excluded and rec.near_misses == good.near_misses
    assert any(words in w for w in rec.warnings), rec.warnings
    other = "_attach_decision" if target == "_attach_gap" else "_attach_gap"
    field = {"_attach_gap": "gap_note", "_attach_decision": "decision"}
    assert getattr(rec, field[other]) == getattr(good, field[other])  # the other add-on still ran
