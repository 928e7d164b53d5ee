"""`advisor data build`: snapshots + aliases + curated facts -> data/catalog.jsonl (+ catalog.meta.json).

Deterministic: rows sorted by id, keys in model order, no "now" anywhere. The build date is the
freshest snapshot date. Same inputs -> byte-identical files (a test rebuilds and compares).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from advisor.catalog import facts
from advisor.catalog.aliases import ALIASES_PATH, AliasIndex, excluded, load_aliases
from advisor.catalog.assemble import Context, Gathered, card_for
from advisor.catalog.card import ModelCard, QualityScore
from advisor.catalog.sources import (
    DATA_DIR,
    SOURCES_DIR,
    aa,
    arena,
    litellm,
    llmfit,
    modelsdev,
    openrouter,
    snapshots,
)
from advisor.errors import CatalogError

CATALOG_PATH = DATA_DIR / "catalog.jsonl"
META_PATH = DATA_DIR / "catalog.meta.json"


def gather(idx: AliasIndex, sources_dir: Path) -> tuple[dict[str, Gathered], dict[str, int]]:
    """Parse every snapshot and file each row under the model it resolves to."""
    found: dict[str, Gathered] = {mid: Gathered() for mid in idx.model_ids}
    used: dict[str, int] = {}

    skip = excluded()

    def resolve(*names: tuple[str, str]) -> str | None:
        """The model a source row names; None when any of its names is in data/aliases_excluded.csv."""
        if any((s, n) in skip or (s, n.split(":")[0]) in skip for s, n in names if n):
            return None
        return next((mid for s, n in names if (mid := idx.resolve(n, s))), None)

    def put(source: str, attr: str, mid: str | None, row: dict) -> None:
        if mid in found:
            getattr(found[mid], attr).append(row)
            used[source] = used.get(source, 0) + 1

    for r in arena.board("text", sources_dir):
        put("lmarena-namra7x", "arena", resolve(("arena", r["key"]), ("arena_name", r["name"])), r)
    for r in arena.table_2026(sources_dir):
        put("lmarena-2026-03-31", "arena26", resolve(("arena", r["name"])), r)
    for m in openrouter.models(sources_dir):
        if openrouter.is_chat_model(m):
            put("openrouter", "openrouter", resolve(("openrouter", m["id"])), m)
    for key, m in litellm.models(sources_dir).items():
        put("litellm", "litellm", resolve(("litellm", key)), m)
    for key, m in modelsdev.models(sources_dir).items():
        put("models.dev", "modelsdev", resolve(("modelsdev", key)), m)
    fits = llmfit.models(sources_dir)
    for mid in idx.model_ids:  # llmfit: only the HF repos the aliases name (no loose joins)
        for hf in idx.names_of(mid).get("hf", []):
            if hf in fits:
                put("llmfit", "llmfit", mid, fits[hf])
    for m in aa.models(sources_dir):
        put("artificial-analysis", "aa", resolve(("aa", m["name"]), ("aa_slug", m["slug"])), m)
    return found, used


def quality_for(idx: AliasIndex, sources_dir: Path) -> dict[str, dict[str, QualityScore]]:
    """The QUALITY engineer's scale, if advisor/catalog/quality.py is present; else no quality."""
    if importlib.util.find_spec("advisor.catalog.quality") is None:
        return {}
    from advisor.catalog.quality import compute_quality

    return compute_quality(idx.resolve, sources_dir)


def build_cards(
    sources_dir: Path = SOURCES_DIR, data_dir: Path = DATA_DIR, aliases_path: Path = ALIASES_PATH
):
    idx = load_aliases(aliases_path)
    found, used = gather(idx, sources_dir)
    snaps = snapshots(sources_dir)
    dates = {s: snap.as_of for s, snap in snaps.items()}
    ctx = Context(dates, facts.providers(data_dir), facts.licenses(data_dir), facts.model_facts(data_dir),
                  facts.model_arch(data_dir))  # fmt: skip
    for name, rows in (("model_facts.csv", ctx.facts), ("model_arch.csv", ctx.arch)):
        unknown = sorted(set(rows) - set(found))
        if unknown:
            raise CatalogError(f"{data_dir / name}: field model_id: unknown model(s) {unknown}")
    licenses = {lic.license_id for lic in ctx.licenses}
    bad = sorted(f.model_id for f in ctx.facts.values() if f.license_id and f.license_id not in licenses)
    if bad:
        raise CatalogError(f"{data_dir / 'model_facts.csv'}: field license_id: not in licenses.csv for {bad}")
    quality = quality_for(idx, sources_dir)
    cards = []
    for mid in sorted(found):
        card = card_for(mid, found[mid], idx.names_of(mid), ctx)
        if mid in quality:
            card.quality = dict(sorted(quality[mid].items()))
        cards.append(card)
    if quality:  # last resort for models no quality source mentions (docs/quality.md)
        from advisor.catalog.quality_facts import fill_from_facts

        fill_from_facts(cards)
    meta = {
        "build_date": max(dates.values()),
        "models": len(cards),
        "quality": bool(quality),
        "sources": {
            s: {"as_of": dates[s], "file": snaps[s].path, "rows_used": used.get(s, 0)} for s in sorted(dates)
        },
    }
    return cards, meta


def _load_cache_clear() -> None:
    from advisor.catalog import _load

    _load.cache_clear()


def dump(
    cards: list[ModelCard], meta: dict, catalog_path: Path = CATALOG_PATH, meta_path: Path | None = None
) -> None:
    lines = [json.dumps(c.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) for c in cards]
    catalog_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta_path = meta_path or catalog_path.with_suffix(".meta.json")
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def build(out_dir: Path | None = None, sources_dir: Path = SOURCES_DIR) -> dict:
    """Build and write the catalog (into `out_dir`, default data/). Returns the meta."""
    cards, meta = build_cards(sources_dir)
    _load_cache_clear()
    target = (out_dir or DATA_DIR) / "catalog.jsonl"
    dump(cards, meta, target)
    return meta
