"""A fixed, hand-made Recommendation for export and explanation tests (independent of the live catalog)."""

from __future__ import annotations

from advisor.recommendation import Criterion, Excluded, NearMiss, Pick, Recommendation, Stability, WhatIf
from advisor.requirements import Requirements

WEIGHTS = {"quality": 0.4, "cost": 0.3, "speed": 0.2, "context": 0.1}
UNITS = {"quality": "Arena points", "cost": "USD/month", "speed": "tokens/s", "context": "tokens"}


def _pick(rank: int, model_id: str, name: str, norms: tuple[float, float, float, float], **kw) -> Pick:
    """Criterion values are the pick's own fields; contribution = normalized × weight; score = their sum."""
    values = {"quality": kw.get("quality"), "cost": kw.get("monthly_cost_usd"), "speed": kw.get("tokens_per_s"),
              "context": kw.get("context_tokens")}  # fmt: skip
    criteria = {
        k: Criterion(value=values[k], normalized=n, weight=w, contribution=round(n * w, 6), unit=UNITS[k])
        for (k, w), n in zip(WEIGHTS.items(), norms, strict=True)
    }
    base = dict(
        rank=rank, model_id=model_id, name=name, organization="Acme AI", open_weights=True, license="Apache-2.0",
        commercial_use="yes", capabilities=["tool_calling", "structured_output"], deployment="self_hosted",
        score=round(sum(c.contribution for c in criteria.values()), 6), criteria=criteria,
    )  # fmt: skip
    base.update(kw)
    return Pick(**base)


def sample_recommendation(top_name: str = "Qwen3 32B", excluded_name: str = "GPT-5") -> Recommendation:
    req = Requirements(tasks=["coding", "chinese"], languages=["zh"], privacy="self_hosted", license="commercial",
                       budget_usd_per_month=1000, hardware={"gpu": "RTX 4090", "gpu_count": 2}, top_k=3)  # fmt: skip
    picks = [
        _pick(1, "qwen3-32b", top_name, (0.9, 1.0, 0.5, 0.8), organization="Alibaba", quantization="Q4_K_M",
              gpu="RTX 4090", gpu_count=2, gpu_rented=False, params_b=32.8, memory_gb=21.4, tokens_per_s=38.5,
              context_tokens=131072, monthly_cost_usd=0.0, cost_basis="own hardware; power not costed",
              quality=1540.0, quality_low=1528.0, quality_high=1552.0, tied_with=["glm-4.5-air"],
              reasons=["coding quality 1540 Arena points", "fits 2× RTX 4090 at Q4_K_M (21.4 GB of 48 GB)"]),
        _pick(2, "glm-4.5-air", "GLM-4.5-Air", (0.95, 1.0, 0.3, 0.8), organization="Zhipu AI", license="MIT",
              quantization="Q3_K_M", gpu="RTX 4090", gpu_count=2, gpu_rented=False, params_b=106.0, memory_gb=45.1,
              tokens_per_s=24.0, context_tokens=131072, monthly_cost_usd=0.0, tied_with=["qwen3-32b"], quality=1545.0,
              reasons=["MoE: 12B active parameters"]),
        _pick(3, "mistral-small-3.2", "Mistral Small 3.2 24B", (0.5, 0.2, 0.9, 0.4), organization="Mistral AI",
              quantization="Q8_0", gpu="L40S", gpu_count=1, gpu_rented=True, params_b=24.0, memory_gb=26.0,
              tokens_per_s=92.0, context_tokens=65536, monthly_cost_usd=480.0, cost_basis="$0.6575/hour × 730 hours", quality=1500.0,
              reasons=["fastest candidate"]),
    ]  # fmt: skip
    excluded = [
        Excluded(model_id="gpt-5", name=excluded_name, rule="privacy", reasons=["closed weights: data would leave your infrastructure"]),
        Excluded(model_id="llama-3.1-405b", name="Llama 3.1 405B", rule="hardware", reasons=["needs 231.5 GB at Q4_K_M with 32K context; you have 48 GB"]),
        Excluded(model_id="command-r-plus", name="Command R+", rule="license", reasons=["CC-BY-NC-4.0 forbids commercial use"]),
        Excluded(model_id="deepseek-v3", name="DeepSeek V3", rule="hardware", reasons=["needs 380.2 GB at Q4_K_M; you have 48 GB"]),
    ]  # fmt: skip
    return Recommendation(
        advisor_version="0.1.0",
        data_as_of="2026-11-22",
        data_sources={"lmarena": "2026-11-22", "openrouter": "2026-08-22"},
        requirements=req,
        weights=dict(WEIGHTS),
        recommendations=picks,
        excluded=excluded,
        near_misses=[
            NearMiss(
                model_id="llama-3.1-405b",
                name="Llama 3.1 405B",
                rule="hardware",
                change="a 256 GB GPU setup",
                would_rank=1,
            )
        ],
        stability=Stability(stable=False, note="engine note", challengers=["glm-4.5-air"]),
        what_would_change=[
            WhatIf(change="weigh quality 20% more", effect="GLM-4.5-Air becomes the top pick")
        ],
        warnings=["quality for 'chinese' is imputed for 1 model"],
        assumptions=["Workload: 1,000 requests/day × (1,000 input + 300 output tokens), 30 days/month."],
        gap_note="For coding, the best open model trails the best closed one by 35 Arena points (2026-11-22).",
        decision={
            "verdict": "open",
            "break_even_requests_per_day": 12000,
            "paragraph_en": "For you: open weights — your privacy rule keeps data on your own infrastructure; "
            "Qwen3 32B runs on your 2× RTX 4090.",
            "paragraph_zh": "建议：开放权重——您的隐私规则要求数据留在自己的基础设施内；Qwen3 32B 可在您的 2× RTX 4090 上运行。",
            "reasons": [
                "Your privacy rule keeps data on your own infrastructure.",
                "Break-even at about 12,000 requests/day.",
            ],
            "reasons_zh": [
                "您的隐私规则要求数据留在自己的基础设施内。",
                "盈亏平衡点约为每天 12,000 次请求。",
            ],
        },
    )
