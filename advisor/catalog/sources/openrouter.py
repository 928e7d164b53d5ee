"""OpenRouter `GET /api/v1/models` response: prices, context, modalities, tool / structured-output support."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.sources import need, number, read_json, snapshot_path
from advisor.errors import CatalogError

FIELDS = ["id", "name", "context_length", "architecture", "pricing", "supported_parameters"]


def parse(payload: dict, where: str) -> list[dict]:
    """Validate a models-API payload (a snapshot or a fresh download)."""
    need(payload, ["data"], where)
    if not isinstance(payload["data"], list):
        raise CatalogError(f"{where}: field data must be a list")
    out = []
    for i, m in enumerate(payload["data"]):
        at = f"{where}: data[{i}]"
        need(m, FIELDS, at)
        arch, pricing = m["architecture"] or {}, m["pricing"] or {}
        need(arch, ["input_modalities", "output_modalities"], f"{at}.architecture")
        need(pricing, ["prompt", "completion"], f"{at}.pricing")
        params = m["supported_parameters"] or []
        bench = ((m.get("benchmarks") or {}).get("artificial_analysis")) or {}
        out.append(
            {
                "id": m["id"],
                "name": m["name"].split(": ", 1)[-1],
                "hf": m.get("hugging_face_id") or None,
                "created": m.get("created"),
                "context": int(m["context_length"]) if m["context_length"] else None,
                "inputs": sorted(arch["input_modalities"] or []),
                "outputs": sorted(arch["output_modalities"] or []),
                "input": number(pricing["prompt"], at, "pricing.prompt", scale=1e6),
                "output": number(pricing["completion"], at, "pricing.completion", scale=1e6),
                "cache_read": number(
                    pricing.get("input_cache_read"), at, "pricing.input_cache_read", scale=1e6
                ),
                "tools": "tools" in params,
                "structured": "structured_outputs" in params or "response_format" in params,
                "reasoning": "reasoning" in params or bool(m.get("reasoning")),
                "expiration": m.get("expiration_date"),
                "aa": {k: bench.get(k) for k in ("intelligence_index", "coding_index", "agentic_index")},
            }
        )
    return out


def models(sources_dir: Path | None = None) -> list[dict]:
    path = snapshot_path("openrouter", sources_dir)
    return parse(read_json(path), str(path))


def is_chat_model(m: dict) -> bool:
    """Text out, a real price, not a router (`openrouter/*`) or moving alias (`~…`)."""
    return (
        m["outputs"] == ["text"]
        and not m["id"].startswith(("openrouter/", "~"))
        and m["input"] is not None
        and m["input"] >= 0
    )
