"""What the explainer sees and how its answer is checked. Pure Python (no litellm).

`explain_messages` builds the prompt from the `Recommendation` only (picks, scores, contributions, exclusions,
near misses, data dates, the open-or-closed decision) plus the user's question, fenced as data. `verify` sanitises the answer and lists
why it can't be shown: grounding problems, an echo of the instructions, a leaked key, no text.
"""

from __future__ import annotations

import json
from typing import Any

from advisor import grounding, prompts
from advisor.llm_config import LLMConfig
from advisor.recommendation import Recommendation

MAX_QUESTION_CHARS = 2000
MAX_EXCLUDED_IN_PROMPT = 20


def _compact(node: Any) -> Any:
    """Drop empty values (None, [], {}, "") so a small model's context holds only facts."""
    if isinstance(node, dict):
        kept = {k: _compact(v) for k, v in node.items()}
        return {k: v for k, v in kept.items() if v not in (None, [], {}, "")}
    if isinstance(node, list):
        return [_compact(v) for v in node]
    return node


def _money(value: Any) -> float | None:
    return round(value, 2) if isinstance(value, (int, float)) else None


def decision_view(decision: dict | None, lang: str = "en") -> dict | None:
    """The open-or-closed verdict (issue 7) as grounded facts: both picks, both monthly costs, break-even."""
    if not decision:
        return None
    zh = lang == "zh"

    def pick(side: str) -> dict | None:
        p = decision.get(f"{side}_pick")
        if not isinstance(p, dict):
            return None
        keys = (
            "name",
            "provider",
            "gpu",
            "gpu_count",
            "gpu_rented",
            "quantization",
            "quality",
            "tokens_per_s",
        )
        return {**{k: p.get(k) for k in keys}, "monthly_cost_usd": _money(p.get("monthly_usd"))}

    return {
        "verdict": decision.get("verdict"),
        "api_monthly_cost_usd": _money(decision.get("api_monthly_usd")),
        "self_hosted_monthly_cost_usd": _money(decision.get("self_hosted_monthly_usd")),
        "break_even_requests_per_day": decision.get("break_even_requests_per_day"),
        "requests_per_day": decision.get("requests_per_day"),
        "api_pick": pick("api"),
        "self_hosted_pick": pick("self_hosted"),
        "reasons": decision.get("reasons_zh" if zh else "reasons"),
        "paragraph": decision.get("paragraph_zh" if zh else "paragraph_en"),
    }


def prompt_view(rec: Recommendation, lang: str = "en") -> dict:
    """What the model sees: the engine's picks, scores, contributions, exclusions, near misses, data dates
    and the open-or-closed decision (verdict, both monthly costs, break-even, its paragraph)."""
    picks = [
        {
            "rank": p.rank,
            "model": p.name,
            "deployment": p.deployment,
            "provider": p.provider,
            "open_weights": p.open_weights,
            "license": p.license,
            "score": round(p.score, 3),
            "quality": p.quality,
            "monthly_cost_usd": None if p.monthly_cost_usd is None else round(p.monthly_cost_usd, 2),
            "tokens_per_s": p.tokens_per_s,
            "context_tokens": p.context_tokens,
            "gpu": p.gpu,
            "gpu_count": p.gpu_count,
            "quantization": p.quantization,
            "contributions": {k: round(c.contribution, 3) for k, c in p.criteria.items()},
            "tied_with": p.tied_with,
            "reasons": p.reasons,
        }
        for p in rec.recommendations
    ]
    return _compact(
        {
            "data_as_of": rec.data_as_of,
            "weights": {k: round(v, 3) for k, v in rec.weights.items()},
            "recommendations": picks,
            "excluded": [
                {"model": e.name, "rule": e.rule, "reason": e.reasons[0] if e.reasons else ""}
                for e in rec.excluded[:MAX_EXCLUDED_IN_PROMPT]
            ],
            "near_misses": [n.model_dump(exclude={"model_id"}) for n in rec.near_misses],
            "what_would_change": [w.model_dump() for w in rec.what_would_change],
            "open_or_closed": decision_view(rec.decision, lang),
            "stability": rec.stability.note if rec.stability else None,
            "warnings": rec.warnings,
        }
    )


def clean_question(question: str | None) -> str:
    text = (question or "").replace("<<<", "").replace(">>>", "").strip()[:MAX_QUESTION_CHARS]
    return text or "Why is the top pick recommended, and what would change the answer?"


def explain_messages(rec: Recommendation, question: str | None, lang: str) -> list[dict]:
    view = json.dumps(prompt_view(rec, lang), ensure_ascii=False, separators=(",", ":"))
    system = prompts.render("explain.system", lang, data_as_of=rec.data_as_of, recommendation=view)
    user = prompts.render("explain.user", lang, question=clean_question(question))
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def deterministic(
    rec: Recommendation, lang: str = "en", question: str | None = None, catalog: Any = None
) -> str:
    """The engine's own explanation (advisor/explain.py), answering `question` where it can."""
    from advisor.explain import explain

    return explain(rec, lang=lang, question=question, catalog=catalog)


def known_models(catalog: Any = None) -> dict[str, set[str]]:
    """model id -> id, display name and aliases, for the whole catalog (empty when it can't be loaded)."""
    try:
        from advisor.engine.features import as_catalog

        models = as_catalog(catalog).models
    except Exception:  # noqa: BLE001 - grounding then knows only the recommendation's own models
        return {}
    return {m.id: {m.id, m.name, *(a for names in m.aliases.values() for a in names)} for m in models}


def verify(
    text: str, rec: Recommendation, config: LLMConfig | None, lang: str, question: str | None, catalog: Any
):
    """(sanitised text, issues): grounding, echo of the instructions, leaked keys."""
    safe = grounding.sanitize(text)
    issues = []
    if not safe.strip():
        issues.append("the model returned no text")
    if config and any(secret in text for secret in config.secrets()):
        issues.append("the answer contained an API key")
    if grounding.markup_found(text):
        issues.append("the answer contained images, HTML or script links")
    if grounding.echoes(text, prompts.static_text("explain.system", lang)):
        issues.append("the answer repeated the system instructions")
    issues += grounding.check(safe, rec, known_models(catalog), question)
    return safe, issues
