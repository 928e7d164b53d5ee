"""The model catalog: `load_catalog(path=None) -> Catalog` (cached per path).

    cat = load_catalog()                 # data/catalog.jsonl (+ data/catalog.meta.json)
    cat.models, cat.by_id["gpt-5"], cat.resolve("claude-opus-4-6-thinking"), cat.frame
    cat.data_as_of, cat.sources          # freshest snapshot date; source -> snapshot date

A damaged line raises one `CatalogError` naming the file, the line and the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import ValidationError

from advisor.catalog.card import ModelCard
from advisor.catalog.names import normalise
from advisor.errors import CatalogError

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "catalog.jsonl"

__all__ = ["Catalog", "DEFAULT_PATH", "ModelCard", "load_catalog"]


@dataclass
class Catalog:
    models: list[ModelCard]
    data_as_of: str
    sources: dict[str, str]
    path: str = ""
    by_id: dict[str, ModelCard] = field(init=False)
    _names: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {m.id: m for m in self.models}
        names: dict[str, str] = {}
        for m in self.models:  # ids first, then display names, then aliases: earlier wins
            names.setdefault(m.id.lower(), m.id)
        for m in self.models:
            names.setdefault(m.name.lower(), m.id)
        for m in self.models:
            for alias in (a for group in m.aliases.values() for a in group):
                names.setdefault(alias.lower(), m.id)
        for key, mid in list(names.items()):
            names.setdefault(normalise(key), mid)
        self._names = names

    def resolve(self, name: str) -> ModelCard | None:
        """By id, display name or any source alias (case-insensitive, then normalised)."""
        if not name or not name.strip():
            return None
        low = name.strip().lower()
        mid = self._names.get(low) or self._names.get(normalise(low))
        return self.by_id.get(mid) if mid else None

    @cached_property
    def frame(self):
        """One flattened row per model (pandas), for tables and vectorised filters."""
        from advisor.catalog.frame import to_frame

        return to_frame(self.models)


def _parse(path: Path) -> list[ModelCard]:
    if not path.exists():
        raise CatalogError(f"{path}: catalog not found; run `advisor data build`.")
    models = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            models.append(ModelCard.model_validate_json(line))
        except ValidationError as err:
            e = err.errors()[0]
            where = ".".join(str(p) for p in e["loc"]) or "(line)"
            raise CatalogError(
                f"{path}: line {lineno}: field {where}: {e['msg']}. Rebuild with `advisor data build`."
            ) from None
    return models


def _meta(path: Path, models: list[ModelCard]) -> tuple[str, dict[str, str]]:
    meta_path = path.with_suffix(".meta.json")
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return meta["build_date"], {s: v["as_of"] for s, v in sorted(meta["sources"].items())}
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise CatalogError(
                f"{meta_path}: damaged catalog metadata ({err}); run `advisor data build`."
            ) from None
    dates: dict[str, str] = {}
    for m in models:
        for p in m.provenance.values():
            if p.as_of:
                dates[p.source] = max(p.as_of, dates.get(p.source, p.as_of))
    return max(dates.values(), default="unknown"), dict(sorted(dates.items()))


@lru_cache(maxsize=8)
def _load(path: str) -> Catalog:
    p = Path(path)
    models = sorted(_parse(p), key=lambda m: m.id)
    as_of, sources = _meta(p, models)
    return Catalog(models=models, data_as_of=as_of, sources=sources, path=path)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """The catalog at `path` (default data/catalog.jsonl), parsed once per path."""
    return _load(str(Path(path) if path else DEFAULT_PATH))
