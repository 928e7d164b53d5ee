"""LMArena boards: the freshest per-category snapshot (namra7x, ~2026-10-08) and the 2026-03-31 table."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.sources import number, read_csv, snapshot_path
from advisor.errors import CatalogError

NAMRA_COLUMNS = [
    "category", "model_key", "display_name", "organization", "rank", "rating", "rating_upper",
    "rating_lower", "votes", "input_usd_per_1m", "output_usd_per_1m", "license", "context_length",
    "release_type", "model_url",
]  # fmt: skip


def board(category: str = "text", sources_dir: Path | None = None) -> list[dict]:
    """Rows of one namra7x category, sorted by rank; numbers parsed and checked."""
    path = snapshot_path("lmarena-namra7x", sources_dir)
    out = []
    for i, row in enumerate(read_csv(path, NAMRA_COLUMNS), start=2):
        if row["category"] != category:
            continue
        where = f"{path}: row {i}"
        if not row["model_key"].strip():
            raise CatalogError(f"{where}: field model_key is empty")
        rank = number(row["rank"], where, "rank")
        if rank is None:
            raise CatalogError(f"{where}: field rank is empty")
        ctx = number(row["context_length"], where, "context_length")
        out.append(
            {
                "key": row["model_key"].strip(),
                "name": row["display_name"].strip() or row["model_key"].strip(),
                "organization": row["organization"].strip(),
                "rank": int(rank),
                "rating": number(row["rating"], where, "rating"),
                "input": number(row["input_usd_per_1m"], where, "input_usd_per_1m"),
                "output": number(row["output_usd_per_1m"], where, "output_usd_per_1m"),
                "license": row["license"].strip(),
                "context": int(ctx) if ctx else None,
                "pre_release": row["release_type"].strip() == "pre_release",
                "url": row["model_url"].strip(),
                "row": i,
            }
        )
    return sorted(out, key=lambda r: (r["rank"], r["key"]))


def table_2026(sources_dir: Path | None = None) -> list[dict]:
    """The 2026-03-31 overall table: Arena public names with organization and license."""
    path = snapshot_path("lmarena-2026-03-31", sources_dir)
    rows = read_csv(path, ["Rank", "Model", "Score", "Organization", "License"])
    out = []
    for i, row in enumerate(rows, start=2):
        where = f"{path}: row {i}"
        if not row["Model"].strip():
            raise CatalogError(f"{where}: field Model is empty")
        out.append(
            {
                "name": row["Model"].strip(),
                "rank": int(number(row["Rank"], where, "Rank") or 0),
                "organization": row["Organization"].strip(),
                "license": row["License"].strip(),
                "row": i,
            }
        )
    return out
