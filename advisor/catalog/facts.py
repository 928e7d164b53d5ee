"""Curated facts as data: data/providers.csv, data/licenses.csv, data/model_facts.csv.

Each row is validated (pydantic, extra="forbid"); a bad cell fails with file, row and field.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from advisor.catalog.sources import DATA_DIR
from advisor.errors import CatalogError

Region = Literal["cn", "eu", "us", "global"]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, v):
        return None if v == "" else v


class Provider(_Row):
    organization: str
    country: str | None = None
    openrouter_prefixes: str | None = None
    hf_orgs: str | None = None
    litellm_provider: str | None = None
    api_regions: str | None = None
    trains_on_data: bool | None = None
    source: str
    source_url: str | None = None
    note: str | None = None
    other_names: str | None = None

    def regions(self) -> list[Region]:
        return [r for r in (self.api_regions or "").split(";") if r]  # type: ignore[misc]

    def names(self) -> list[str]:
        return [self.organization, *(n for n in (self.other_names or "").split(";") if n)]


class LicenseFact(_Row):
    license_id: str
    name: str
    permissive: bool
    commercial_use: Literal["yes", "no", "restricted"]
    restriction: str | None = None
    matches: str
    source_url: str | None = None


class ModelFact(_Row):
    model_id: str
    params_b: float | None = None
    active_params_b: float | None = None
    open_weights: bool | None = None
    license_id: str | None = None
    source: str
    source_url: str | None = None
    note: str | None = None


def _read(path: Path, model: type[_Row]) -> list:
    if not path.exists():
        raise CatalogError(f"{path}: curated file not found; restore it from git.")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = []
        for i, raw in enumerate(reader, start=2):
            if None in raw:
                raise CatalogError(f"{path}: row {i}: more fields than the header")
            try:
                rows.append(model(**raw))
            except ValidationError as err:
                e = err.errors()[0]
                field = ".".join(str(p) for p in e["loc"])
                raise CatalogError(f"{path}: row {i}: field {field}: {e['msg']}") from None
    return rows


def providers(data_dir: Path = DATA_DIR) -> list[Provider]:
    return _read(data_dir / "providers.csv", Provider)


def licenses(data_dir: Path = DATA_DIR) -> list[LicenseFact]:
    return _read(data_dir / "licenses.csv", LicenseFact)


def model_facts(data_dir: Path = DATA_DIR) -> dict[str, ModelFact]:
    return {f.model_id: f for f in _read(data_dir / "model_facts.csv", ModelFact)}


def license_for(text: str | None, table: list[LicenseFact]) -> LicenseFact | None:
    """Normalise a published license string ('Apache 2.0', 'Llama 3.1 Community', …)."""
    if not text:
        return None
    low = text.strip().lower()
    for lic in table:
        if low == lic.license_id or low in lic.matches.split(";"):
            return lic
    return None
