"""litellm's bundled price map (USD per token -> per 1M): chat and responses-API text models."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.sources import need, number, read_json, snapshot_path
from advisor.errors import CatalogError


def parse(payload: dict, where: str) -> dict[str, dict]:
    if not isinstance(payload, dict):
        raise CatalogError(f"{where}: expected a JSON object of model entries")
    out = {}
    for key, entry in sorted(payload.items()):
        if (
            key == "sample_spec"
            or not isinstance(entry, dict)
            or entry.get("mode") not in ("chat", "responses")
        ):
            continue
        at = f"{where}: entry {key!r}"
        need(entry, ["litellm_provider"], at)
        out[key] = {
            "key": key,
            "provider": entry["litellm_provider"],
            "input": number(entry.get("input_cost_per_token"), at, "input_cost_per_token", scale=1e6),
            "output": number(entry.get("output_cost_per_token"), at, "output_cost_per_token", scale=1e6),
            "cache_read": number(
                entry.get("cache_read_input_token_cost"), at, "cache_read_input_token_cost", scale=1e6
            ),
            "context": entry.get("max_input_tokens")
            if isinstance(entry.get("max_input_tokens"), int)
            else None,
            "tools": bool(entry.get("supports_function_calling")),
            "vision": bool(entry.get("supports_vision")),
            "structured": bool(entry.get("supports_response_schema")),
            "reasoning": bool(entry.get("supports_reasoning")),
            "deprecation_date": entry.get("deprecation_date"),
            "url": entry.get("source"),
        }
    return out


def models(sources_dir: Path | None = None) -> dict[str, dict]:
    path = snapshot_path("litellm", sources_dir)
    return parse(read_json(path), str(path))
