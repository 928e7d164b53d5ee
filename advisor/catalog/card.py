"""One catalog row: `ModelCard`. Every data file row is validated with `extra="forbid"`.

Units: prices in USD per 1M tokens; params in billions; context in tokens; quality on the
Arena scale (points, anchored to the freshest Arena text snapshot; see docs/quality.md).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.requirements import Capability, Task

CommercialUse = Literal["yes", "no", "restricted"]
Evidence = Literal["direct", "aligned", "imputed"]
RegionCode = Literal["cn", "eu", "us", "global"]
Attention = Literal["gqa", "mla", "hybrid"]
NativePrecision = Literal["fp8", "mxfp4", "int4"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Strict):
    source: str = Field(description="Source id, e.g. 'lmarena-namra7x', 'openrouter', 'curated'.")
    as_of: str | None = Field(None, description="Snapshot date (YYYY-MM-DD) of that source.")


class License(_Strict):
    id: str = Field(description="Normalised id: 'apache-2.0', 'mit', 'llama-3.1', 'proprietary', ...")
    name: str = Field(description="Display name as published.")
    permissive: bool = Field(False, description="OSI-approved permissive (Apache-2.0, MIT, BSD).")


class QualityScore(_Strict):
    score: float = Field(description="Arena-scale points.")
    low: float = Field(description="Lower end of the ~95% interval.")
    high: float = Field(description="Upper end of the ~95% interval.")
    evidence: Evidence = Field(
        description="direct = measured on this task; aligned = older snapshot mapped onto the current scale; imputed = predicted from other scores."
    )
    source: str
    as_of: str | None = None


class ApiOffer(_Strict):
    provider: str = Field(description="Who serves it: 'openai', 'deepseek', 'together', 'openrouter', ...")
    input_usd_per_1m: float = Field(ge=0)
    output_usd_per_1m: float = Field(ge=0)
    cache_read_usd_per_1m: float | None = Field(None, ge=0)
    regions: list[RegionCode] = Field(default_factory=list, description="Where the service is usable.")
    trains_on_data: bool | None = Field(
        None, description="Does the provider train on API data by default? None = unknown."
    )
    first_party: bool = False
    source: str
    as_of: str | None = None


class Speed(_Strict):
    output_tokens_per_s: float | None = Field(None, ge=0)
    ttft_s: float | None = Field(None, ge=0)
    source: str
    as_of: str | None = None


class ModelCard(_Strict):
    id: str = Field(description="Canonical id, lowercase, e.g. 'deepseek-v3.2', 'gpt-5'.")
    name: str
    organization: str
    country: str | None = Field(None, description="ISO 3166 alpha-2 of the vendor, e.g. 'US', 'CN', 'FR'.")
    open_weights: bool
    license: License
    commercial_use: CommercialUse
    commercial_restriction: str | None = Field(None, description="e.g. Llama's 700M monthly-active-user cap.")
    params_b: float | None = Field(None, gt=0)
    active_params_b: float | None = Field(
        None, gt=0, description="Active parameters per token (MoE); = params_b for dense."
    )
    layers: int | None = Field(None, gt=0)
    kv_heads: int | None = Field(None, gt=0)
    head_dim: int | None = Field(None, gt=0)
    attention: Attention | None = Field(
        None,
        description="KV-cache layout: gqa = K and V per KV head in every layer (also None); mla = one compressed "
        "latent per layer (kv_lora_rank + rope_head_dim; kv_heads is None); hybrid = only kv_layers keep a cache.",
    )
    kv_lora_rank: int | None = Field(None, gt=0, description="MLA: width of the cached KV latent.")
    rope_head_dim: int | None = Field(None, gt=0, description="MLA: width of the cached decoupled RoPE key.")
    kv_layers: int | None = Field(
        None, gt=0, description="Hybrid: layers that keep a per-token KV cache (full attention); None = all."
    )
    native_precision: NativePrecision | None = Field(
        None, description="Precision the official weights are published in, when below 16-bit."
    )
    native_bits_per_weight: float | None = Field(
        None, gt=0, le=16, description="File-average bits per weight of the official checkpoint."
    )
    context_tokens: int | None = Field(None, gt=0)
    modalities: list[str] = Field(default_factory=lambda: ["text"], description="Input modalities.")
    capabilities: list[Capability] = Field(default_factory=list)
    release_date: str | None = None
    deprecated: bool = False
    deprecation_date: str | None = None
    hf_repo: str | None = None
    quality: dict[Task, QualityScore] = Field(default_factory=dict)
    offers: list[ApiOffer] = Field(default_factory=list)
    speed: Speed | None = None
    aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="Source -> names of this model there."
    )
    provenance: dict[str, Provenance] = Field(
        default_factory=dict, description="Field -> where its value came from."
    )
