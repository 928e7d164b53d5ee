"""Artificial Analysis model table (2026-04-30): speed, time to first token, prices, params (often wrong)."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.sources import need, number, read_json, snapshot_path
from advisor.errors import CatalogError


def models(sources_dir: Path | None = None) -> list[dict]:
    path = snapshot_path("artificial-analysis", sources_dir)
    payload = read_json(path)
    if not isinstance(payload, list):
        raise CatalogError(f"{path}: expected a list of models")
    out = []
    for i, m in enumerate(payload):
        at = f"{path}: item {i}"
        need(m, ["name", "slug", "organization", "speed_tps", "ttft_s"], at)
        out.append(
            {
                "name": m["name"],
                "slug": m["slug"],
                "organization": m["organization"],
                "speed": number(m["speed_tps"], at, "speed_tps"),
                "ttft": number(m["ttft_s"], at, "ttft_s"),
                "intelligence": number(m.get("intelligence_index"), at, "intelligence_index"),
            }
        )
    return out
