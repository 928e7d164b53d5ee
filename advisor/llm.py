"""The optional LLM layer, the project's only litellm importer (imported lazily: it costs seconds).

The engine decides, the LLM explains and extracts. Public API:

    explain(rec, question=None, model=None, api_base=None, lang="en", ...) -> Explanation
        Grounded explanation of a `Recommendation`. No LLM configured, a failed call, an ungrounded answer
        or an echo of the instructions → the deterministic explanation, with the reasons in `issues`.
    stream_explain(rec, question=None, config=None, lang="en", ...) -> ExplanationStream
        Iterate for text chunks as they arrive; `.result` holds the final, checked `Explanation`.
        Retries before the first token; a stream that breaks after it ends with the deterministic text.
    extract_requirements(text, current, config=None, lang="en", ...) -> ExtractionResult  (advisor/llm_extract.py)

Reliability: tenacity retries transient errors only (rate limit, timeout, connection, unavailable) with
exponential backoff under an overall deadline; litellm's own retries are off (num_retries=0); non-streaming
calls try `config.fallbacks` in turn. Spend: every call adds tokens and cost to a `Usage` (cost None = unknown).
Extra keyword arguments go to litellm.completion unchanged (tests pass `mock_response` / `mock_timeout`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.llm_config import LLMConfig, Usage, resolve_config
from advisor.llm_context import deterministic, explain_messages, verify
from advisor.recommendation import Recommendation

__all__ = [
    "Explanation",
    "ExplanationStream",
    "LLMConfig",
    "LLMError",
    "Usage",
    "explain",
    "extract_requirements",
    "stream_explain",
]


NO_LLM = "no LLM configured (set --llm, ADVISOR_LLM_MODEL or the app's sidebar)"


class LLMError(Exception):
    """The LLM could not answer (retries and fallbacks exhausted, or a non-transient error)."""

    def __init__(self, message: str, attempts: int = 0, usage: Usage | None = None):
        super().__init__(message)
        self.attempts = attempts
        self.usage = usage


class Explanation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: Literal["llm", "deterministic"]
    text: str
    model: str | None = None
    grounded: bool
    issues: list[str] = Field(default_factory=list)
    usage: Usage | None = None


def _litellm():
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    litellm.suppress_debug_info = True
    litellm.drop_params = True
    return litellm


def transient_errors() -> tuple[type[BaseException], ...]:
    lm = _litellm()
    return (lm.RateLimitError, lm.Timeout, lm.APIConnectionError, lm.ServiceUnavailableError)


def is_transient(err: BaseException) -> bool:
    """Rate limit, timeout, connection, unavailable. litellm reports some refused/dropped connections to
    OpenAI-compatible servers as InternalServerError: the cause chain tells them apart from real 500s."""
    kinds = transient_errors()
    import openai

    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, (*kinds, openai.APIConnectionError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def record_usage(response: Any, usage: Usage) -> None:
    """Add one response's tokens and cost; a model litellm can't price stays unknown (None), never 0."""
    lm = _litellm()
    tokens = getattr(response, "usage", None)
    cost = (getattr(response, "_hidden_params", None) or {}).get("response_cost")
    if cost is None:
        try:
            cost = lm.completion_cost(completion_response=response)
        except Exception:  # litellm raises for models it can't price (local, custom)
            cost = None
    usage.add(getattr(tokens, "prompt_tokens", 0) or 0, getattr(tokens, "completion_tokens", 0) or 0, cost)


def _retrying(config: LLMConfig, deadline: float):
    import tenacity

    remaining = max(0.0, deadline - time.monotonic())
    return tenacity.Retrying(
        stop=tenacity.stop_after_attempt(config.max_attempts) | tenacity.stop_before_delay(remaining),
        wait=tenacity.wait_exponential(multiplier=config.backoff_s, max=8),
        retry=tenacity.retry_if_exception(is_transient),
        reraise=True,
    )


def complete(config: LLMConfig, messages: list[dict], usage: Usage, **kwargs: Any) -> tuple[str, str]:
    """One non-streaming answer: (text, model that answered). Retries, then fallbacks; raises LLMError."""
    lm = _litellm()
    deadline = time.monotonic() + config.deadline_s
    attempts, failures = 0, []
    for model in [config.model, *config.fallbacks]:
        if time.monotonic() >= deadline:
            failures.append(f"{model}: deadline of {config.deadline_s:g}s reached")
            break
        try:
            for attempt in _retrying(config, deadline):
                with attempt:
                    attempts += 1
                    timeout = max(0.1, min(config.timeout_s, deadline - time.monotonic()))
                    response = lm.completion(
                        messages=messages,
                        num_retries=0,
                        timeout=timeout,
                        **config.call_kwargs(model),
                        **kwargs,
                    )
            record_usage(response, usage)
            return response.choices[0].message.content or "", model
        except Exception as err:  # noqa: BLE001 - every provider error moves on to the next model
            failures.append(f"{model}: {type(err).__name__}: {_short(err, config)}")
    raise LLMError("; ".join(failures), attempts, usage)


def _short(err: BaseException, config: LLMConfig) -> str:
    text = str(err).splitlines()[0][:200] if str(err) else ""
    for secret in config.secrets():
        text = text.replace(secret, "[redacted]")
    return text


# --- explanation ------------------------------------------------------------------------------------


def _fallback(rec, lang, question, issues, model, usage, catalog=None) -> Explanation:
    return Explanation(
        source="deterministic",
        text=deterministic(rec, lang, question, catalog),
        model=model,
        grounded=True,
        issues=issues,
        usage=usage if usage and usage.calls else None,
    )


def explain(
    rec: Recommendation,
    question: str | None = None,
    model: str | None = None,
    api_base: str | None = None,
    lang: str = "en",
    *,
    config: LLMConfig | None = None,
    usage: Usage | None = None,
    catalog: Any = None,
    on_token: Callable[[str], None] | None = None,
    **kwargs: Any,
) -> Explanation:
    """Grounded explanation; never raises for LLM problems (falls back to the deterministic text).
    `usage`: a session's running total to add to. `on_token`: stream, calling it with each chunk."""
    config = config or resolve_config(model, api_base)
    if config is None:
        return _fallback(rec, lang, question, [NO_LLM], None, None, catalog)
    if on_token is not None:
        stream = stream_explain(rec, question, config, lang, usage=usage, catalog=catalog, **kwargs)
        for chunk in stream:
            on_token(chunk)
        return stream.result
    call_usage = Usage()
    try:
        text, answered = complete(config, explain_messages(rec, question, lang), call_usage, **kwargs)
    except LLMError as err:
        _add(usage, call_usage)
        reason = f"the LLM did not answer: {err}"
        return _fallback(rec, lang, question, [reason], config.model, call_usage, catalog)
    _add(usage, call_usage)
    safe, issues = verify(text, rec, config, lang, question, catalog)
    if issues:
        reason = "grounding check failed: " + "; ".join(issues)
        return _fallback(rec, lang, question, [reason], answered, call_usage, catalog)
    return Explanation(source="llm", text=safe, model=answered, grounded=True, usage=call_usage)


def _add(total: Usage | None, part: Usage) -> None:
    if total is not None:
        total.merge(part)


# --- streaming ---------------------------------------------------------------------------------------


class ExplanationStream:
    """Iterate for the model's text chunks as they arrive; afterwards `.result` is the checked Explanation.

    Display the chunks through `grounding.sanitize`, then replace them with `.result.text`: it is the
    deterministic explanation whenever the LLM failed, broke off mid-stream or wasn't grounded."""

    def __init__(self, rec, question, config, lang, usage, catalog, kwargs):
        self.rec, self.question, self.config, self.lang = rec, question, config, lang
        self.usage, self.catalog, self.kwargs = usage, catalog, kwargs
        self.result: Explanation | None = None
        self.first_token_s: float | None = None  # seconds from the request to the first text

    def _open(self, lm, messages: list[dict], deadline: float) -> tuple[Iterator, list, str]:
        """Start the stream and read up to the first text; transient errors up to here are retried."""
        for attempt in _retrying(self.config, deadline):
            with attempt:
                timeout = max(0.1, min(self.config.timeout_s, deadline - time.monotonic()))
                response = lm.completion(
                    messages=messages,
                    stream=True,
                    stream_options={"include_usage": True},
                    num_retries=0,
                    timeout=timeout,
                    **self.config.call_kwargs(),
                    **self.kwargs,
                )
                chunks_iter, seen = iter(response), []
                for chunk in chunks_iter:
                    seen.append(chunk)
                    text = _delta(chunk)
                    if text:
                        return chunks_iter, seen, text
                return chunks_iter, seen, ""
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    def __iter__(self) -> Iterator[str]:
        rec, question, config, lang = self.rec, self.question, self.config, self.lang
        if config is None:
            self.result = _fallback(rec, lang, question, [NO_LLM], None, None, self.catalog)
            return
        lm = _litellm()
        messages = explain_messages(rec, question, lang)
        call_usage, started = Usage(), time.perf_counter()
        try:
            chunks_iter, seen, first = self._open(lm, messages, time.monotonic() + config.deadline_s)
        except Exception as err:  # noqa: BLE001 - retries exhausted or non-transient: deterministic answer
            reason = f"the LLM did not answer: {type(err).__name__}: {_short(err, config)}"
            self.result = self._fail(reason, None)
            return
        self.first_token_s = time.perf_counter() - started
        parts = [first]
        if first:
            yield first
        try:
            for chunk in chunks_iter:
                seen.append(chunk)
                text = _delta(chunk)
                if text:
                    parts.append(text)
                    yield text
        except Exception as err:  # noqa: BLE001 - after the first token: finish with the deterministic text
            self._account(lm, seen, messages, call_usage)
            reason = f"the stream broke after {sum(map(len, parts))} characters ({type(err).__name__})"
            self.result = self._fail(reason, call_usage)
            return
        self._account(lm, seen, messages, call_usage)
        safe, issues = verify("".join(parts), rec, config, lang, question, self.catalog)
        if issues:
            reason = "grounding check failed: " + "; ".join(issues)
            self.result = self._fail(reason, call_usage)
        else:
            self.result = Explanation(
                source="llm", text=safe, model=config.model, grounded=True, usage=call_usage
            )

    def _fail(self, reason: str, usage: Usage | None) -> Explanation:
        return _fallback(self.rec, self.lang, self.question, [reason], self.config.model, usage, self.catalog)

    def _account(self, lm, chunks: list, messages: list[dict], call_usage: Usage) -> None:
        try:
            record_usage(lm.stream_chunk_builder(chunks, messages=messages), call_usage)
        except Exception:  # noqa: BLE001 - a partial stream may not rebuild: tokens unknown, cost unknown
            call_usage.add(0, 0, None)
        _add(self.usage, call_usage)


def _delta(chunk: Any) -> str:
    choices = getattr(chunk, "choices", None) or []
    delta = getattr(choices[0], "delta", None) if choices else None
    return (getattr(delta, "content", None) or "") if delta is not None else ""


def stream_explain(
    rec: Recommendation,
    question: str | None = None,
    config: LLMConfig | None = None,
    lang: str = "en",
    *,
    usage: Usage | None = None,
    catalog: Any = None,
    **kwargs: Any,
) -> ExplanationStream:
    """A streaming explanation (see `ExplanationStream`). `config` None = from the environment."""
    return ExplanationStream(rec, question, config or resolve_config(), lang, usage, catalog, kwargs)


def extract_requirements(
    text: str, current=None, config: LLMConfig | None = None, lang: str = "en", **kwargs
):
    """Chat text → `ExtractionResult` (see advisor/llm_extract.py); falls back to the rule-based parser."""
    from advisor.llm_extract import extract_requirements as run

    return run(text, current, config, lang, **kwargs)
