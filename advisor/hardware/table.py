"""The GPU table (data/gpus.csv): validated rows and name lookup "as people write them".

One row per GPU / Apple chip / CPU memory profile. Every row is a `GPU` (pydantic, extra="forbid");
a bad row raises `CatalogError` naming the file, the row number and the field.
"""

from __future__ import annotations

import csv
import difflib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from advisor.errors import CatalogError, UnknownGPUError

GPUS_CSV = Path(__file__).resolve().parents[2] / "data" / "gpus.csv"
Kind = Literal["gpu", "apple", "cpu"]
Arch = Literal[
    "volta", "turing", "ampere", "ada", "hopper", "blackwell", "rdna3", "rdna4", "cdna3", "apple", "cpu"
]

# Words people add that do not change which device they mean.
_NOISE = re.compile(r"\b(nvidia|geforce|amd|radeon|apple|tesla|instinct|graphics|card|gpu)\b")
_COUNT_PREFIX = re.compile(r"^\s*(\d{1,2})\s*[x×*]\s*", re.IGNORECASE)  # "2x RTX 3090", "2x3090"
_COUNT_SUFFIX = re.compile(r"\s*[x×*]\s*(\d{1,2})\s*$", re.IGNORECASE)  # "RTX 3090 x2", "A100x8"
_MEMORY = re.compile(r"(\d+(?:\.\d+)?)\s*(?:gb|gib|g)\b", re.IGNORECASE)


class GPU(BaseModel):
    """One row of data/gpus.csv. For `kind=apple` `vram_gb` is the largest unified-memory option;
    for `kind=cpu` it is the RAM assumed when the user gives none."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    vendor: Literal["nvidia", "amd", "apple", "generic"]
    kind: Kind
    arch: Arch = Field(description="Chip generation; decides e.g. whether vLLM has FP8 kernels for it.")
    vram_gb: float = Field(gt=0, le=1024)
    bandwidth_gbps: float = Field(gt=0, le=20_000, description="Peak memory bandwidth, GB/s.")
    fp16_tflops: float | None = Field(None, gt=0, description="Peak dense FP16 (tensor) TFLOPS.")
    board_power_w: float = Field(
        gt=0, le=5000, description="Board power (TDP; Apple/CPU: package power under load), W."
    )
    cloud_usd_per_hour: float | None = Field(None, gt=0, description="Typical on-demand $/h per GPU.")
    source: str = Field(min_length=5)
    price_source: str | None = None

    @field_validator("aliases", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(a.strip() for a in value.split("|") if a.strip())
        return value

    @field_validator("fp16_tflops", "cloud_usd_per_hour", "price_source", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value


def normalise(name: str) -> str:
    """'NVIDIA GeForce RTX 4090' -> 'rtx4090'; 'Apple M4 Max' -> 'm4max'."""
    return re.sub(r"[^a-z0-9.]", "", _NOISE.sub(" ", name.lower())).replace(".", "")


def parse_rows(rows: list[dict], path: Path | str) -> list[GPU]:
    """Validate CSV rows (row numbers count the header as row 1, like a spreadsheet)."""
    gpus: list[GPU] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(rows, start=2):
        if None in raw:
            raise CatalogError(f"{path}: row {number}: more values than columns (check commas)")
        row = {k: (v or "").strip() for k, v in raw.items()}
        try:
            gpu = GPU.model_validate(row)
        except ValidationError as err:
            first = err.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "row"
            raise CatalogError(f"{path}: row {number}: field '{field}': {first['msg']}") from None
        for key in {normalise(gpu.name), *(normalise(a) for a in gpu.aliases)}:
            if key in seen and seen[key] != gpu.name:
                raise CatalogError(
                    f"{path}: row {number}: field 'aliases': '{key}' already names '{seen[key]}'"
                )
            seen[key] = gpu.name
        gpus.append(gpu)
    if not gpus:
        raise CatalogError(f"{path}: no rows")
    return gpus


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[GPU, ...]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        raise CatalogError(f"{path}: GPU table not found (reinstall or restore data/gpus.csv)") from None
    return tuple(parse_rows(rows, path))


def load_gpus(path: str | Path | None = None) -> list[GPU]:
    """The GPU table, validated once per path."""
    return list(_load(str(path or GPUS_CSV)))


@lru_cache(maxsize=4)
def _index(path: str) -> dict[str, GPU]:
    index: dict[str, GPU] = {}
    for gpu in _load(path):
        for alias in (gpu.name, *gpu.aliases):
            index[normalise(alias)] = gpu
    return index


class ParsedName(BaseModel):
    gpu: GPU
    count: int | None = None
    memory_gb: float | None = Field(None, description="A memory size written in the name ('M2 Ultra 192GB').")


def parse_gpu_name(text: str, path: str | Path | None = None) -> ParsedName:
    """'2x RTX 3090' -> (RTX 3090, 2); 'A100 80GB' -> A100 80GB; 'M2 Ultra 192GB' -> (M2 Ultra, 192 GB)."""
    index = _index(str(path or GPUS_CSV))
    rest, count = text.strip(), None
    for pattern in (_COUNT_PREFIX, _COUNT_SUFFIX):
        match = pattern.search(rest)
        if match:
            count = int(match.group(1))
            rest = (rest[: match.start()] + rest[match.end() :]).strip()
    key = normalise(rest)
    if key in index:
        return ParsedName(gpu=index[key], count=count)
    memory = _MEMORY.search(rest)
    if memory:
        base = normalise(rest[: memory.start()] + rest[memory.end() :])
        if base in index:
            return ParsedName(gpu=index[base], count=count, memory_gb=float(memory.group(1)))
    raise UnknownGPUError(_unknown_message(text, key, index))


def _unknown_message(text: str, key: str, index: dict[str, GPU]) -> str:
    close = difflib.get_close_matches(key, list(index), n=6, cutoff=0.6)
    names = list(dict.fromkeys(index[c].name for c in close))[:3]
    hint = " — did you mean " + " or ".join(f"'{n}'" for n in names) + "?" if names else "."
    return f"Unknown GPU '{text}'{hint} Known GPUs: `advisor gpus`."
