"""The open-or-closed decision's output contract (issue 7): `Recommendation.decision`.

Exports, the app and the LLM layer read it; they never recompute it. `lines` holds the two cost lines, so
`advisor.decision.break_even_curve(rec)` can redraw the chart from the Recommendation alone.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionPick(_Strict):
    model_id: str
    name: str
    organization: str
    open_weights: bool
    deployment: Literal["api", "self_hosted"]
    provider: str | None = None
    gpu: str | None = None
    gpu_count: int | None = None
    gpu_rented: bool | None = None
    quantization: str | None = None
    quality: float | None = None
    quality_low: float | None = None
    quality_high: float | None = None
    tokens_per_s: float | None = None
    monthly_usd: float | None = Field(None, description="At your volume (self-hosted: all replicas needed).")
    cost_basis: str = ""


class CostLines(_Strict):
    """API: usd_per_daily_request × requests/day. Self-hosted: base replica, then extra replicas (rented)."""

    usd_per_daily_request: float = Field(description="API monthly USD per 1 request/day.")
    base_usd: float
    base_capacity: float | None = Field(description="Requests/day the first replica serves; None = unknown.")
    extra_usd: float | None = None
    extra_capacity: float | None = None


class Factor(_Strict):
    """One of lock_in, longevity, support, customisation for both picks, with where each value came from."""

    api: float | None = None
    self_hosted: float | None = None
    api_basis: str = ""
    self_hosted_basis: str = ""


class Decision(_Strict):
    verdict: Literal["open", "closed", "either"] = Field(
        description="open = run open weights yourself; closed = pay an API per token; either = no clear winner."
    )
    reasons: list[str] = Field(default_factory=list)
    reasons_zh: list[str] = Field(default_factory=list)
    paragraph_en: str
    paragraph_zh: str
    api_pick: DecisionPick | None = None
    self_hosted_pick: DecisionPick | None = None
    api_monthly_usd: float | None = None
    self_hosted_monthly_usd: float | None = None
    break_even_requests_per_day: float | None = Field(
        None, description="Lowest volume at which the API costs as much as self-hosting; None = never."
    )
    self_hosted_cheaper_until: float | None = Field(
        None,
        description="Above the break-even, the volume past which the API is cheaper again (an extra "
        "replica costs more than the API for its traffic); None = self-hosting stays cheaper.",
    )
    requests_per_day: float
    self_hosted_replicas: int | None = None
    lines: CostLines | None = None
    factors: dict[str, Factor] = Field(default_factory=dict)
    assumptions: list[str] = Field(default_factory=list)
