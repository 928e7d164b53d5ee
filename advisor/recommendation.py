"""The output contract: what the engine decided and the evidence for it.

Explanations (deterministic or LLM) and exports only *read* a `Recommendation`; they never recompute.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.requirements import Requirements


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Criterion(_Strict):
    value: float | None = Field(description="Raw value in its own unit (points, USD/month, tokens/s, ...).")
    normalized: float = Field(
        ge=0, le=1, description="0 = worst, 1 = best among candidates (direction applied)."
    )
    weight: float = Field(ge=0)
    contribution: float = Field(ge=0, description="normalized × weight; contributions sum to the score.")
    unit: str = ""


class Pick(_Strict):
    rank: int
    model_id: str
    name: str
    organization: str
    open_weights: bool
    license: str
    commercial_use: str
    commercial_restriction: str | None = None
    capabilities: list[str]
    deployment: Literal["api", "self_hosted"]
    provider: str | None = Field(None, description="API provider (deployment=api).")
    quantization: str | None = Field(None, description="e.g. Q4_K_M (deployment=self_hosted).")
    gpu: str | None = None
    gpu_count: int | None = None
    gpu_rented: bool | None = Field(
        None, description="True = cloud GPUs at $/hour × 730; False = owned hardware."
    )
    params_b: float | None = None
    memory_gb: float | None = None
    tokens_per_s: float | None = None
    context_tokens: int | None = None
    input_usd_per_1m: float | None = None
    output_usd_per_1m: float | None = None
    monthly_cost_usd: float | None = None
    cost_basis: str = ""
    quality: float | None = Field(None, description="Quality for the requested tasks (Arena points).")
    quality_low: float | None = None
    quality_high: float | None = None
    quality_evidence: str | None = None
    score: float = Field(ge=0, le=1)
    tied_with: list[str] = Field(
        default_factory=list, description="model_ids the evidence cannot separate from this one."
    )
    criteria: dict[str, Criterion]
    reasons: list[str] = Field(default_factory=list)
    basis: list[str] = Field(default_factory=list, description="How memory/speed/cost were estimated.")


class Excluded(_Strict):
    model_id: str
    name: str
    rule: str = Field(
        description="Which hard rule: privacy, license, region, context, capability, hardware, budget, speed, deprecated, quality_data ..."
    )
    reasons: list[str]


class NearMiss(_Strict):
    model_id: str
    name: str
    rule: str
    change: str = Field(
        description="The single change that would admit it, e.g. '+$40/month', 'a 32 GB GPU'."
    )
    would_rank: int | None = Field(None, description="Where it would land if admitted.")


class Stability(_Strict):
    stable: bool
    note: str
    challengers: list[str] = Field(
        default_factory=list, description="Models that take the top under some ±20% weight change."
    )


class WhatIf(_Strict):
    change: str
    effect: str


class Recommendation(_Strict):
    lang: Literal["en", "zh"] = Field("en", description="Language of every sentence in this recommendation.")
    advisor_version: str
    data_as_of: str = Field(description="Freshest snapshot date of the data used.")
    data_sources: dict[str, str] = Field(default_factory=dict, description="source -> snapshot date")
    requirements: Requirements
    weights: dict[str, float]
    recommendations: list[Pick]
    excluded: list[Excluded]
    near_misses: list[NearMiss] = Field(default_factory=list)
    stability: Stability | None = None
    what_would_change: list[WhatIf] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    gap_note: str | None = Field(None, description="Open vs closed gap for the main task (issue 6).")
    decision: dict | None = Field(None, description="Open-or-closed verdict and break-even (issue 7).")
