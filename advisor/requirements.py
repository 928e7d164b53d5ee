"""The input contract: what a team needs from a model.

Validated once, at the boundary (form, chat, CLI, JSON file); unknown keys are rejected.
`advisor schema` prints the JSON Schema of `Requirements`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Task = Literal[
    "general",
    "coding",
    "math",
    "reasoning",
    "creative_writing",
    "instruction_following",
    "long_context",
    "multi_turn",
    "chinese",
    "multilingual",
    "agents",
    "vision",
    "webdev",
]
TASKS: tuple[str, ...] = Task.__args__  # type: ignore[attr-defined]

Capability = Literal["tool_calling", "vision", "structured_output", "reasoning", "fine_tuning"]
CAPABILITIES: tuple[str, ...] = Capability.__args__  # type: ignore[attr-defined]

Deployment = Literal["any", "api", "self_hosted"]
Privacy = Literal["any", "no_training", "self_hosted"]
LicenseNeed = Literal["any", "commercial", "permissive"]
Region = Literal["any", "cn", "eu", "us"]
Priority = Literal["balanced", "quality", "cost", "speed", "enterprise", "sovereignty"]
Engine = Literal["llama.cpp", "vllm", "mlx", "ollama"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Workload(_Strict):
    requests_per_day: float = Field(1000, ge=0, le=1e9, description="Requests per day (all users).")
    input_tokens: int = Field(1000, ge=0, le=10_000_000, description="Prompt tokens per request.")
    output_tokens: int = Field(300, ge=0, le=1_000_000, description="Completion tokens per request.")


class Hardware(_Strict):
    """What the team owns. `gpu` null + `ram_gb` = CPU only; `unified_memory_gb` = Apple silicon."""

    gpu: str | None = Field(
        None, description='GPU name as people write it: "RTX 4090", "A100 80GB", "Apple M4 Max".'
    )
    gpu_count: int = Field(1, ge=1, le=64)
    vram_gb: float | None = Field(None, gt=0, le=4096, description="Override the VRAM per GPU.")
    ram_gb: float | None = Field(None, gt=0, le=16384, description="System RAM (for CPU-only or offload).")
    unified_memory_gb: float | None = Field(None, gt=0, le=1024, description="Apple unified memory.")


class Requirements(_Strict):
    tasks: list[Task] = Field(default_factory=lambda: ["general"], min_length=1)
    languages: list[str] = Field(default_factory=list, description="ISO 639-1 codes, e.g. ['zh', 'en'].")
    deployment: Deployment = "any"
    privacy: Privacy = "any"
    open_weights: bool = False
    license: LicenseNeed = "any"
    region: Region = "any"
    budget_usd_per_month: float | None = Field(None, ge=0, description="Monthly cap in USD; null = no cap.")
    workload: Workload = Field(default_factory=Workload)
    hardware: Hardware | None = None
    min_context_tokens: int | None = Field(None, ge=1, le=100_000_000)
    capabilities: list[Capability] = Field(default_factory=list)
    min_tokens_per_s: float | None = Field(None, ge=0)
    priority: Priority = "balanced"
    weights: dict[str, float] | None = Field(None, description="Per-criterion weights; override the preset.")
    top_k: int = Field(5, ge=1, le=50)

    @model_validator(mode="after")
    def _normalise(self) -> Requirements:
        self.languages = sorted({code.strip().lower() for code in self.languages if code.strip()})
        for code in self.languages:
            if len(code) != 2 or not code.isalpha():
                raise ValueError(f"languages: '{code}' is not an ISO 639-1 code (two letters, e.g. 'zh')")
        if self.weights is not None:
            bad = {k: v for k, v in self.weights.items() if v < 0}
            if bad:
                raise ValueError(f"weights must be >= 0; got {bad}")
        return self

    @property
    def self_hosted_only(self) -> bool:
        """`privacy: self_hosted` implies self-hosted open weights."""
        return self.privacy == "self_hosted" or self.deployment == "self_hosted"

    @property
    def needs_open_weights(self) -> bool:
        return self.open_weights or self.self_hosted_only


class RequirementsError(ValueError):
    """A readable, one-line-per-problem error for bad requirements (no traceback for users)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def format_validation_error(err: ValidationError) -> list[str]:
    """Turn pydantic's error into lines naming the field and the fix."""
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "requirements"
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key (see `advisor schema` for the allowed keys)"
        elif e["type"] == "literal_error":
            msg = f"{msg} (got {e.get('input')!r})"
        lines.append(f"{loc}: {msg}")
    return lines


def parse_requirements(data: dict | str | bytes) -> Requirements:
    """Validate a dict or JSON text into `Requirements`, raising `RequirementsError` with readable lines."""
    try:
        if isinstance(data, (str, bytes)):
            return Requirements.model_validate_json(data)
        return Requirements.model_validate(data)
    except ValidationError as err:
        raise RequirementsError(format_validation_error(err)) from None
