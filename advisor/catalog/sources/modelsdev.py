"""models.dev provider-agnostic model facts: release date, open weights, modalities, capabilities."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.sources import need, read_json, snapshot_path
from advisor.errors import CatalogError


def models(sources_dir: Path | None = None) -> dict[str, dict]:
    path = snapshot_path("models.dev", sources_dir)
    payload = read_json(path)
    if not isinstance(payload, dict):
        raise CatalogError(f"{path}: expected an object keyed by lab/id")
    out = {}
    for key, m in sorted(payload.items()):
        at = f"{path}: {key}"
        need(m, ["name", "release_date", "open_weights"], at)
        out[key] = {
            "id": key,
            "name": m["name"],
            "release_date": m.get("release_date"),
            "open_weights": bool(m.get("open_weights")),
            "reasoning": bool(m.get("reasoning")),
            "tools": bool(m.get("tool_call")),
            "structured": bool(m.get("structured_output")),
            "inputs": sorted((m.get("modalities") or {}).get("input") or []),
            "context": (m.get("limit") or {}).get("context"),
        }
    return out
