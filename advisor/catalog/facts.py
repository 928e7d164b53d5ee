"""Curated facts as data: data/providers.csv, data/licenses.csv, data/model_facts.csv, data/model_arch.csv.

Each row is validated (pydantic, extra="forbid"); a bad cell fails with file, row and field.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

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
    """One organisation (model vendor or API host), two fact groups, each with its own source.

    Identity, regions and data use (`source_url`, `note`): country, names in the sources, where its API is
    usable, whether it trains on API data by default. Business terms (`terms_source`, `terms_as_of`,
    `terms_note`; read by advisor/decision/criteria.py): the offer providers it runs (`api_providers`, as in
    catalog offers), enterprise support / SLA, fine-tuning API, deprecation notice.
    """

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
    api_providers: str | None = None
    enterprise_support: Literal["yes", "no", "unknown"] | None = None
    fine_tuning_api: Literal["yes", "no", "cloud", "unknown"] | None = None
    deprecation_notice_days: int | None = Field(None, ge=0)
    terms_source: str | None = None
    terms_as_of: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    terms_note: str | None = None

    @field_validator("api_regions")
    @classmethod
    def _known_regions(cls, v: str | None) -> str | None:
        bad = [r for r in (v or "").split(";") if r and r not in Region.__args__]  # type: ignore[attr-defined]
        if bad:
            raise ValueError(f"unknown region(s) {bad}; use {';'.join(Region.__args__)}")  # type: ignore[attr-defined]
        return v

    @model_validator(mode="after")
    def _terms_complete(self):
        group = ("enterprise_support", "fine_tuning_api", "terms_source", "terms_as_of")
        given = [
            f for f in (*group, "api_providers", "deprecation_notice_days", "terms_note") if getattr(self, f)
        ]
        missing = [f for f in group if getattr(self, f) is None]
        if given and missing:
            raise ValueError(
                f"business terms need {', '.join(missing)} too (or leave the terms columns empty)"
            )
        return self

    def regions(self) -> list[Region]:
        return [r for r in (self.api_regions or "").split(";") if r]  # type: ignore[misc]

    def names(self) -> list[str]:
        return [self.organization, *(n for n in (self.other_names or "").split(";") if n)]

    def offer_providers(self) -> list[str]:
        return [p.strip() for p in (self.api_providers or "").split(";") if p.strip()]


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
    name: str | None = None
    release_date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: str
    source_url: str | None = None
    note: str | None = None


class ArchFact(_Row):
    """Architecture facts for KV-cache sizing (config.json of the official repo) and the native precision."""

    model_id: str
    layers: int | None = Field(None, gt=0)
    kv_heads: int | None = Field(None, gt=0)
    head_dim: int | None = Field(None, gt=0)
    attention: Literal["gqa", "mla", "hybrid"] | None = None
    kv_lora_rank: int | None = Field(None, gt=0)
    rope_head_dim: int | None = Field(None, gt=0)
    kv_layers: int | None = Field(None, gt=0)
    native_precision: Literal["fp8", "mxfp4", "int4"] | None = None
    native_bits: float | None = Field(None, gt=0, le=16)
    source: str
    source_url: str
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self):
        kind = self.attention or "gqa"
        need = {
            "gqa": ("layers", "kv_heads", "head_dim"),
            "hybrid": ("layers", "kv_heads", "head_dim", "kv_layers"),
            "mla": ("layers", "kv_lora_rank", "rope_head_dim"),
        }[kind]
        has_arch = any(
            getattr(self, f) for f in ("layers", "kv_heads", "head_dim", "kv_layers", "kv_lora_rank")
        )
        missing = [f for f in need if getattr(self, f) is None]
        if has_arch and missing:
            raise ValueError(f"attention {kind} needs {', '.join(missing)}")
        if kind == "mla" and self.kv_heads:
            raise ValueError("attention mla caches one latent per layer: leave kv_heads empty")
        if self.kv_layers and self.layers and self.kv_layers > self.layers:
            raise ValueError("kv_layers cannot exceed layers")
        if (self.native_precision is None) != (self.native_bits is None):
            raise ValueError("give native_precision and native_bits together")
        return self


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
                where = f"field {field}: " if field else ""
                raise CatalogError(f"{path}: row {i}: {where}{e['msg']}") from None
    return rows


def providers(data_dir: Path = DATA_DIR) -> list[Provider]:
    return read_providers(data_dir / "providers.csv")


def read_providers(path: Path) -> list[Provider]:
    """data/providers.csv, validated; an organisation listed twice is an error."""
    rows = _read(path, Provider)
    seen: set[str] = set()
    for i, p in enumerate(rows, start=2):
        if p.organization in seen:
            raise CatalogError(f"{path}: row {i}: field organization: {p.organization} is listed twice")
        seen.add(p.organization)
    return rows


def licenses(data_dir: Path = DATA_DIR) -> list[LicenseFact]:
    return _read(data_dir / "licenses.csv", LicenseFact)


def model_facts(data_dir: Path = DATA_DIR) -> dict[str, ModelFact]:
    return {f.model_id: f for f in _read(data_dir / "model_facts.csv", ModelFact)}


def model_arch(data_dir: Path = DATA_DIR) -> dict[str, ArchFact]:
    path = data_dir / "model_arch.csv"
    out: dict[str, ArchFact] = {}
    for i, f in enumerate(_read(path, ArchFact), start=2):
        if f.model_id in out:
            raise CatalogError(f"{path}: row {i}: field model_id: {f.model_id} is listed twice")
        out[f.model_id] = f
    return out


def license_for(text: str | None, table: list[LicenseFact]) -> LicenseFact | None:
    """Normalise a published license string ('Apache 2.0', 'Llama 3.1 Community', …)."""
    if not text:
        return None
    low = text.strip().lower()
    for lic in table:
        if low == lic.license_id or low in lic.matches.split(";"):
            return lic
    return None
