"""Chat → `Requirements` through the LLM, validated by pydantic; the rule-based parser is the fallback.

    extract_requirements(text, current, config=None, lang="en", usage=None, **litellm_kwargs) -> ExtractionResult

The model answers one JSON object: {"status": "ok", "requirements": {...changes...}} or
{"status": "need_more_info", "question": "..."}. The changes are merged into `current` and validated with
`Requirements` (extra="forbid": an injected key such as "rank_first" is a validation error, not a ranking
change). A reply that fails validation is re-asked with the error, at most twice. Anything else — no LLM,
call failure, three bad replies — falls back to `advisor.parse` (rules) with the reason in `issues`.
The result lists the `changed` fields so the UI can show them for confirmation.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advisor import prompts
from advisor.llm import LLMError, complete
from advisor.llm_config import LLMConfig, Usage, resolve_config
from advisor.llm_context import clean_question
from advisor.requirements import Requirements, format_validation_error

REASKS = 2


class ExtractionResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: Literal["llm", "rules"]
    requirements: Requirements
    changed: list[str] = Field(default_factory=list, description="Dotted fields that differ from `current`.")
    question: str | None = Field(None, description="The one follow-up question when more info is needed.")
    issues: list[str] = Field(default_factory=list)
    model: str | None = None
    usage: Usage | None = None


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["ok", "need_more_info"]
    requirements: dict[str, Any] | None = None
    question: str | None = Field(None, max_length=500)


def _untitled(node: Any) -> Any:
    """The JSON Schema without its auto-generated titles (noise in a small model's context)."""
    if isinstance(node, dict):
        return {k: _untitled(v) for k, v in node.items() if k != "title"}
    if isinstance(node, list):
        return [_untitled(v) for v in node]
    return node


def merge(current: dict, changes: dict) -> dict:
    """Deep-merge `changes` into `current` (dicts merge, everything else replaces)."""
    out = dict(current)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def changed_fields(before: dict, after: dict, prefix: str = "") -> list[str]:
    out = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if isinstance(a, dict) and isinstance(b, dict):
            out += changed_fields(a, b, f"{prefix}{key}.")
        elif a != b:
            out.append(prefix + key)
    return out


def parse_reply(text: str, current: Requirements) -> tuple[Requirements | None, str | None]:
    """(merged requirements, None) or (None, follow-up question); raises ValueError naming what's wrong."""
    body = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", text.strip())
    try:
        data = json.loads(body)
    except json.JSONDecodeError as err:
        raise ValueError(f"not valid JSON ({err.msg} at character {err.pos})") from None
    try:
        reply = _Reply.model_validate(data)
    except ValidationError as err:
        raise ValueError("; ".join(format_validation_error(err))) from None
    if reply.status == "need_more_info":
        if not (reply.question or "").strip():
            raise ValueError("status need_more_info needs a 'question'")
        return None, reply.question.strip()
    try:
        return Requirements.model_validate(merge(current.model_dump(), reply.requirements or {})), None
    except ValidationError as err:
        raise ValueError("requirements: " + "; ".join(format_validation_error(err))) from None


def rules(
    text: str, current: Requirements, lang: str, issues: list[str], usage: Usage | None
) -> ExtractionResult:
    """The rule-based parser (advisor/parse/__init__.py, the parser engineer's), merged into `current`."""
    from advisor.parse import parse_text

    parsed = parse_text(text, base=current, default_lang=lang)
    req = parsed.requirements
    return ExtractionResult(
        source="rules",
        requirements=req,
        changed=changed_fields(current.model_dump(), req.model_dump()),
        question=parsed.follow_up,
        issues=issues,
        usage=usage if usage and usage.calls else None,
    )


def extract_requirements(
    text: str,
    current: Requirements | None = None,
    config: LLMConfig | None = None,
    lang: str = "en",
    *,
    usage: Usage | None = None,
    **kwargs: Any,
) -> ExtractionResult:
    """Requirements from a chat message; never raises for LLM problems (falls back to the rules)."""
    current = current or Requirements()
    config = config or resolve_config()
    if config is None:
        return rules(text, current, lang, ["no LLM configured: used the rule-based parser"], None)
    schema = json.dumps(
        _untitled(Requirements.model_json_schema()), ensure_ascii=False, separators=(",", ":")
    )
    messages = [
        {
            "role": "system",
            "content": prompts.render(
                "extract.system", lang, schema=schema, current=current.model_dump_json()
            ),
        },
        {"role": "user", "content": prompts.render("extract.user", lang, message=clean_question(text))},
    ]
    call_usage, problems, model = Usage(), [], config.model
    for _ in range(1 + REASKS):
        try:
            reply, model = complete(
                config, messages, call_usage, response_format={"type": "json_object"}, **kwargs
            )
        except LLMError as err:
            problems.append(f"the LLM did not answer: {err}")
            break
        try:
            req, question = parse_reply(reply, current)
        except ValueError as err:
            problems.append(str(err))
            messages += [
                {"role": "assistant", "content": reply[:4000]},
                {"role": "user", "content": prompts.render("extract.retry", lang, error=str(err))},
            ]
            continue
        if usage is not None:
            usage.merge(call_usage)
        return ExtractionResult(
            source="llm",
            requirements=req or current,
            changed=changed_fields(current.model_dump(), req.model_dump()) if req else [],
            question=question,
            issues=problems,
            model=model,
            usage=call_usage,
        )
    if usage is not None:
        usage.merge(call_usage)
    reason = "LLM extraction failed (" + " | ".join(problems) + "): used the rule-based parser"
    return rules(text, current, lang, [reason], call_usage)
