"""LLM settings and spend accounting: plain pydantic, no litellm import (that stays in `advisor/llm.py`).

Configuration comes, in order of precedence, from explicit arguments (CLI flags, the app's sidebar), then
environment variables / Streamlit secrets with the same names:

    ADVISOR_LLM_MODEL       any litellm model string: openai/gpt-4o-mini, anthropic/..., ollama/..., openai/<name>
    ADVISOR_LLM_API_BASE    an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1
    ADVISOR_LLM_API_KEY     optional; otherwise litellm reads the provider's own variable (OPENAI_API_KEY, ...)
    ADVISOR_LLM_FALLBACKS   comma-separated models tried in turn when the main one fails (non-streaming calls)
    ADVISOR_LLM_TIMEOUT     seconds per call (default 30); the overall deadline is twice that

The key is a `SecretStr`: it never appears in repr, logs, exports or URLs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from advisor.errors import InputError

LOCAL_DUMMY_KEY = "sk-no-key-needed"  # OpenAI-compatible local servers ignore it, but the client wants one


class LLMConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str = Field(min_length=3, description="litellm model string, e.g. 'openai/gpt-4o-mini'.")
    api_base: str | None = None
    api_key: SecretStr | None = None
    fallbacks: list[str] = Field(default_factory=list)
    timeout_s: float = Field(30.0, gt=0, description="Per call.")
    deadline_s: float = Field(60.0, gt=0, description="Overall, retries and fallbacks included.")
    max_attempts: int = Field(3, ge=1, le=10, description="Per model, transient errors only.")
    backoff_s: float = Field(0.5, ge=0, description="First wait of the exponential backoff.")
    temperature: float = Field(0.2, ge=0, le=2)
    max_tokens: int = Field(400, ge=16, le=8192)

    def call_kwargs(self, model: str | None = None) -> dict:
        """Arguments for litellm.completion (key included; never log this dict)."""
        out: dict = {
            "model": model or self.model,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        if self.api_base and (model is None or model == self.model):
            out["api_base"] = self.api_base
        key = self.api_key.get_secret_value() if self.api_key else None
        if key:
            out["api_key"] = key
        elif "api_base" in out:
            out["api_key"] = LOCAL_DUMMY_KEY
        return out

    def secrets(self) -> list[str]:
        """Key values that must never be shown (configured key and provider keys from the environment)."""
        values = [self.api_key.get_secret_value()] if self.api_key else []
        values += [v for k, v in os.environ.items() if k.endswith("_API_KEY") and v]
        return [v for v in values if len(v) >= 8 and v != LOCAL_DUMMY_KEY]


def resolve_config(
    model: str | None = None,
    api_base: str | None = None,
    api_key: str | None = None,
    source: Mapping[str, object] | None = None,
) -> LLMConfig | None:
    """Explicit values win; the rest comes from `source` (default: the environment). None = no LLM configured."""
    env = os.environ if source is None else source

    def get(name: str) -> str | None:
        value = env.get(name)
        return str(value).strip() or None if value is not None else None

    env_model = get("ADVISOR_LLM_MODEL")
    model = model or env_model
    if not model:
        return None
    if api_base is None and model == env_model:  # an explicit other model doesn't inherit the env's server
        api_base = get("ADVISOR_LLM_API_BASE")
    try:
        timeout = float(get("ADVISOR_LLM_TIMEOUT") or 30)
        fallbacks = [m.strip() for m in (get("ADVISOR_LLM_FALLBACKS") or "").split(",") if m.strip()]
        return LLMConfig(
            model=model,
            api_base=api_base,
            api_key=api_key or get("ADVISOR_LLM_API_KEY"),
            fallbacks=fallbacks,
            timeout_s=timeout,
            deadline_s=2 * timeout,
        )
    except ValueError as err:  # pydantic's ValidationError included; its text never contains the key
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in getattr(err, "errors", list)()]
        raise InputError(
            "LLM settings: "
            + ("; ".join(problems) or f"ADVISOR_LLM_TIMEOUT: {err}")
            + " (e.g. --llm openai/gpt-4o-mini, ADVISOR_LLM_TIMEOUT=30)"
        ) from None


class Usage(BaseModel):
    """Tokens and cost of one or more calls. `cost_usd` None = unknown (e.g. a local model), never 0."""

    model_config = ConfigDict(extra="forbid")

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    unknown_cost_calls: int = 0

    def add(self, prompt_tokens: int, completion_tokens: int, cost_usd: float | None) -> None:
        self.calls += 1
        self.prompt_tokens += prompt_tokens or 0
        self.completion_tokens += completion_tokens or 0
        if cost_usd is None:
            self.unknown_cost_calls += 1
        else:
            self.cost_usd = (self.cost_usd or 0.0) + cost_usd

    def merge(self, other: Usage) -> None:
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.unknown_cost_calls += other.unknown_cost_calls
        if other.cost_usd is not None:
            self.cost_usd = (self.cost_usd or 0.0) + other.cost_usd

    def summary(self) -> str:
        """'3 calls, 1,234 tokens, $0.0012 (+1 call of unknown cost)'."""
        tokens = self.prompt_tokens + self.completion_tokens
        if self.cost_usd is None:
            cost = "cost unknown"
        else:
            cost = f"${self.cost_usd:.4f}"
            if self.unknown_cost_calls:
                cost += f" (+{self.unknown_cost_calls} call(s) of unknown cost)"
        return f"{self.calls} call(s), {tokens:,} tokens, {cost}"
