"""Source snapshots under data/sources/ and their parsers.

Each parser checks the columns it needs and fails with `CatalogError` naming the file, the row and
the field. `SNAPSHOTS` is the one table of which file is read and what date it describes.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.errors import CatalogError

DATA_DIR = Path(__file__).resolve().parents[3] / "data"
SOURCES_DIR = DATA_DIR / "sources"


@dataclass(frozen=True)
class Snapshot:
    source: str  # id used in provenance
    path: str  # relative to data/sources/
    as_of: str  # date the data describes


REGISTRY = "snapshots.json"  # source -> {path, as_of}; `advisor data refresh` rewrites it


def snapshots(sources_dir: Path | None = None) -> dict[str, Snapshot]:
    """Which file each source reads and the date it describes (data/sources/snapshots.json)."""
    path = (sources_dir or SOURCES_DIR) / REGISTRY
    raw = read_json(path)
    out = {}
    for source, entry in sorted(raw.items()):
        need(entry, ["path", "as_of"], f"{path}: {source}")
        out[source] = Snapshot(source, entry["path"], entry["as_of"])
    return out


def snapshot_path(source: str, sources_dir: Path | None = None) -> Path:
    return (sources_dir or SOURCES_DIR) / snapshots(sources_dir)[source].path


def read_csv(path: Path, required: list[str]) -> list[dict[str, str]]:
    """Rows as dicts; the header must contain every `required` column."""
    if not path.exists():
        raise CatalogError(f"{path}: snapshot file not found; restore data/sources/ from git.")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise CatalogError(f"{path}: row 1: unknown schema, missing column(s) {', '.join(missing)}")
        rows = list(reader)
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise CatalogError(f"{path}: row {i}: field count does not match the header")
    return rows


def read_json(path: Path) -> Any:
    if not path.exists():
        raise CatalogError(f"{path}: snapshot file not found; restore data/sources/ from git.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise CatalogError(f"{path}: line {err.lineno}: not valid JSON ({err.msg})") from None


def number(value: Any, where: str, field: str, *, scale: float = 1.0) -> float | None:
    """A float from a cell ('' / None -> None); anything else unparsable is an error naming the field."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "N/A", "null")):
        return None
    try:
        out = float(str(value).replace(",", "").replace("$", "").strip()) * scale
    except ValueError:
        raise CatalogError(f"{where}: field {field}: {value!r} is not a number") from None
    if out != out:  # NaN
        raise CatalogError(f"{where}: field {field}: NaN")
    return out


def need(obj: dict, keys: list[str], where: str) -> None:
    if not isinstance(obj, dict):
        raise CatalogError(f"{where}: expected an object, got {type(obj).__name__}")
    missing = [k for k in keys if k not in obj]
    if missing:
        raise CatalogError(f"{where}: unknown schema, missing field(s) {', '.join(missing)}")
