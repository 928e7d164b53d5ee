"""Model aliases as data: data/aliases.csv maps each canonical model id to its names in every source.

File format (CSV, header `model_id,source,name`), one row per (model, source, name):

    claude-opus-4.6,arena,claude-opus-4-6-thinking
    claude-opus-4.6,openrouter,anthropic/claude-opus-4.6

Sources: arena (Arena model key), arena_name (Arena display name), aa (Artificial Analysis name),
aa_slug, openrouter (slug), litellm (key), hf (Hugging Face repo id), modelsdev (`lab/id`).
The set of model ids in this file is the set of models in the catalog.

Resolution (`AliasIndex.resolve`): the exact name (case-insensitive) for that source, then the exact
name in any source, then `names.normalise(name)` against the normalised form of every alias and id.
Two models whose aliases normalise to the same key are an error: the file must stay unambiguous.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from advisor.catalog.names import normalise
from advisor.errors import CatalogError

ALIASES_PATH = Path(__file__).resolve().parents[2] / "data" / "aliases.csv"
EXCLUDED_PATH = ALIASES_PATH.with_name("aliases_excluded.csv")
SOURCES = ("arena", "arena_name", "aa", "aa_slug", "openrouter", "litellm", "hf", "modelsdev")
HEADER = ["model_id", "source", "name"]


@dataclass
class AliasIndex:
    rows: list[tuple[str, str, str]]
    by_source: dict[tuple[str, str], str] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)
    loose: dict[str, str] = field(default_factory=dict)

    @property
    def model_ids(self) -> list[str]:
        return sorted({r[0] for r in self.rows})

    def names_of(self, model_id: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for mid, source, name in self.rows:
            if mid == model_id:
                out.setdefault(source, []).append(name)
        return out

    def resolve(self, name: str | None, source: str | None = None) -> str | None:
        """Canonical id for `name` (as written in `source`, if given), or None."""
        if not name or not str(name).strip():
            return None
        low = str(name).strip().lower()
        if source is not None and (source, low) in self.by_source:
            return self.by_source[(source, low)]
        return self.exact.get(low) or self.loose.get(normalise(low))

    __call__ = resolve


def parse_rows(path: Path) -> list[tuple[str, str, str]]:
    if not path.exists():
        raise CatalogError(f"{path}: alias file not found; restore it from git (it is the source of truth).")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != HEADER:
            raise CatalogError(f"{path}: row 1: header must be {','.join(HEADER)}, got {header}")
        rows = []
        for lineno, rec in enumerate(reader, start=2):
            if len(rec) != 3:
                raise CatalogError(f"{path}: row {lineno}: expected 3 fields, got {len(rec)}")
            mid, source, name = (x.strip() for x in rec)
            if not mid or mid != mid.lower() or " " in mid:
                raise CatalogError(
                    f"{path}: row {lineno}: field model_id {mid!r} must be lowercase, no spaces"
                )
            if source not in SOURCES:
                raise CatalogError(f"{path}: row {lineno}: field source {source!r} is not one of {SOURCES}")
            if not name:
                raise CatalogError(f"{path}: row {lineno}: field name is empty")
            rows.append((mid, source, name))
    return rows


def build_index(rows: list[tuple[str, str, str]], where: str = "aliases") -> AliasIndex:
    idx = AliasIndex(rows)
    ids = {r[0] for r in rows}

    def claim(table: dict, key, mid: str, what: str) -> None:
        other = table.setdefault(key, mid)
        if other != mid:
            raise CatalogError(f"{where}: {what} {key!r} points at both {other!r} and {mid!r}")

    for mid in sorted(ids):
        claim(idx.exact, mid, mid, "model id")
    for mid, source, name in rows:
        claim(idx.by_source, (source, name.lower()), mid, f"{source} name")
        claim(idx.exact, name.lower(), mid, "alias")
    for mid in sorted(ids):
        claim(idx.loose, normalise(mid), mid, "normalised id")
    for mid, _source, name in rows:
        claim(idx.loose, normalise(name), mid, f"normalised alias of {name!r} =")
    return idx


@lru_cache(maxsize=8)
def _load(path: str) -> AliasIndex:
    return build_index(parse_rows(Path(path)), where=path)


def load_aliases(path: str | Path | None = None) -> AliasIndex:
    """The alias index (cached per path). Raises CatalogError naming file, row and field."""
    return _load(str(path or ALIASES_PATH))


def resolver(path: str | Path | None = None):
    """`resolve(name) -> canonical id | None`, the callable the quality scale takes."""
    return load_aliases(path).resolve


def excluded(path: Path = EXCLUDED_PATH) -> dict[tuple[str, str], str]:
    """(source, name) -> why a model that a source lists is deliberately not in the catalog."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for i, r in enumerate(rows, start=2):
        if not (r.get("source") in SOURCES and r.get("name") and r.get("reason")):
            raise CatalogError(f"{path}: row {i}: fields source, name and reason are all required")
    return {(r["source"], r["name"]): r["reason"] for r in rows}
