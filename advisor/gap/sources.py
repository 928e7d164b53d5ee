"""Dated Arena snapshots for the open-vs-closed gap: which file feeds which task, and their readers.

Every reader returns rows (dicts) of one shape (`COLUMNS`): one per (snapshot date, model), with the
rating, its 95% interval when the source has one, and the raw license text ("" when the source has
no license column; `gap_license` joins those). `SNAPSHOTS` is the one table of what is read; files
are globbed, so a newer file of the same family is picked up without a code change.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from advisor.errors import CatalogError

SOURCES_DIR = Path(__file__).resolve().parents[2] / "data" / "sources"
NAMRA_DATE = "2026-10-08"  # the file has no timestamp; estimated (±2 days) in lmarena-namra7x/PROVENANCE.md
COLUMNS = ["date", "model", "alt_name", "rating", "lo", "hi", "license"]  # + task, source from load()
_DATE_IN_NAME = re.compile(r"(20\d{2}-\d{2}-\d{2})")
_PLUS_MINUS = re.compile(r"^\+\s*(\d+(?:\.\d+)?)\s*/\s*-\s*(\d+(?:\.\d+)?)$")  # "+5/-4"
_PRELIMINARY = re.compile(r"\s*\(?preliminary\)?\s*$", re.I)  # "1452 Preliminary"
_PM = re.compile(r"±\s*(\d+(?:\.\d+)?)")  # "±6", "± 11", "±8 (Preliminary)"


@dataclass(frozen=True)
class Snapshot:
    task: str
    pattern: str  # glob under data/sources/
    reader: str  # key of READERS
    board: str = ""  # category / board inside the file, if any


LONG = "lmarena-arena-catalog/lmarena_text_by_category_*_long.csv"  # 2025-12-11, 29 categories
NAMRA = "lmarena-namra7x/arena_categories_snapshot.csv"  # ~2026-10-08, 32 categories
RAKIUM = "lmarena-rakium/arena_ai_boards_*.json"  # 2026-02-10, 8 boards

# task -> (2025-12-11 category, ~2026-10-08 category or "" when there is none)
CATEGORIES = {
    "coding": ("coding", "text_coding"),
    "math": ("math", "text_math"),
    "reasoning": ("hard_6", "text_hard_prompts"),
    "creative_writing": ("creative_writing", "text_creative_writing"),
    "instruction_following": ("if", "text_instruction_following"),
    "chinese": ("chinese", ""),
    "long_context": ("long_user", ""),
    "multi_turn": ("multiturn", ""),
}

# fboulnois 2024 files overlap the denser nakasyou history: they serve as license tables only.
SNAPSHOTS: tuple[Snapshot, ...] = (
    Snapshot("general", "lmarena-nakasyou-history/lmarena_overall_elo_by_date_wide_*.csv", "wide"),
    Snapshot("general", "lmarena-fboulnois/history/lmarena_text_2025-*.csv", "fboulnois"),
    Snapshot("general", "lmarena-fboulnois/lmarena_text_*.csv", "fboulnois"),
    Snapshot("general", LONG, "long", "full"),
    Snapshot("general", "lmarena-joie-zhang-bargain/lmarena_text_overall_*.csv", "table"),
    Snapshot("general", "lmarena-franri3008/lmarena_text_*_with_org_license.csv", "table"),
    Snapshot("general", RAKIUM, "boards", "text"),
    Snapshot("general", NAMRA, "namra", "text"),
    *(Snapshot(task, LONG, "long", old) for task, (old, _) in CATEGORIES.items()),
    *(Snapshot(task, NAMRA, "namra", new) for task, (_, new) in CATEGORIES.items() if new),
    Snapshot("webdev", RAKIUM, "boards", "code"),
    Snapshot("webdev", NAMRA, "namra", "code_webdev"),
    Snapshot("webdev", "lmarena-webdev-jasonqin6/arena_webdev_*.json", "webdev_orgs"),
    Snapshot("vision", "lmarena-fboulnois/lmarena_vision_*.csv", "fboulnois"),
    Snapshot("vision", "lmarena-arena-catalog/leaderboard-vision_*.json", "category_json", "full"),
    Snapshot("vision", RAKIUM, "boards", "vision"),
    Snapshot("vision", NAMRA, "namra", "vision"),
)

# Files read only for their license column (model -> license), never as gap points.
LICENSE_ONLY: tuple[Snapshot, ...] = (
    Snapshot("", "lmarena-fboulnois/history/lmarena_text_2024-*.csv", "fboulnois"),
    Snapshot("", "lmarena-arena-catalog/scatterplot-data_*.json", "scatterplot"),
)


Rows = list[dict]


def _checked(rows: Rows, path: Path) -> Rows:
    if not rows:
        raise CatalogError(
            f"{path}: no rated models found; check the file against data/sources/PROVENANCE.md"
        )
    return rows


def _row(date: str, model: str, rating: float | None, lo=None, hi=None, license="", alt="") -> dict:
    """One reader row; `load` adds `task` and `source` (the file under data/sources/)."""
    return {
        "date": date,
        "model": model,
        "alt_name": alt,
        "rating": rating,
        "lo": lo,
        "hi": hi,
        "license": license,
    }


def _num(value, path: Path, row: int, field: str) -> float | None:
    text = _PRELIMINARY.sub("", str(value).replace(",", "")).strip()
    if text in ("", "nan", "None", "N/A", "-"):
        return None
    try:
        return float(text)
    except ValueError:
        raise CatalogError(f"{path}: row {row}: field {field} is not a number: {value!r}") from None


def _date_of(path: Path) -> str:
    m = _DATE_IN_NAME.search(path.name)
    if not m:
        raise CatalogError(f"{path}: no YYYY-MM-DD snapshot date in the file name")
    return m.group(1)


@lru_cache(maxsize=32)
def _csv(path: Path) -> tuple[list[str], list[list[str]]]:
    """(header, raw rows) of a source CSV; cached, since several tasks read one file. Do not mutate."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            header, *rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as err:
        raise CatalogError(f"{path}: cannot read CSV ({err}); restore data/sources/ from git") from None
    for i, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise CatalogError(f"{path}: row {i}: {len(row)} fields, the header has {len(header)}")
    return header, rows


def _table(path: Path, required: list[str], where: tuple[str, str] | None = None) -> list[tuple[int, dict]]:
    """(row number, row as dict) for the rows whose `where` column equals its value (all rows if None)."""
    header, rows = _csv(path)
    missing = [c for c in [*required, *(where[:1] if where else [])] if c not in header]
    if missing:
        raise CatalogError(f"{path}: unknown schema, missing column(s) {', '.join(missing)}")
    numbered = _grouped(path, where[0])[where[1]] if where else list(enumerate(rows, start=2))
    return [(i, dict(zip(header, row, strict=True))) for i, row in numbered]


@lru_cache(maxsize=32)
def _grouped(path: Path, column: str) -> defaultdict[str, list[tuple[int, list[str]]]]:
    """Raw rows of a CSV grouped by one column (the per-category files are read once for all boards)."""
    header, rows = _csv(path)
    col = header.index(column)
    out: defaultdict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for i, row in enumerate(rows, start=2):
        out[row[col]].append((i, row))
    return out


@lru_cache(maxsize=32)
def _json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CatalogError(f"{path}: cannot read JSON ({err}); restore data/sources/ from git") from None


def read_fboulnois(path: Path, board: str = "") -> Rows:
    """fboulnois CSVs: display names, `arena_score` (2024-06: `arena_elo`), CI as "+5/-4", license."""
    score = "arena_score" if "arena_score" in _csv(path)[0] else "arena_elo"
    rows, date = [], _date_of(path)
    for i, r in _table(path, ["model", score, "95_pct_ci", "license"]):
        rating = _num(r[score], path, i, score)
        if rating is None:
            continue
        m = _PLUS_MINUS.match(r["95_pct_ci"].strip())
        lo, hi = (rating - float(m.group(2)), rating + float(m.group(1))) if m else (None, None)
        rows.append(_row(date, r["model"], rating, lo, hi, r["license"]))
    return _checked(rows, path)


def read_table(path: Path, board: str = "") -> Rows:
    """joie-zhang / franri3008 tables: `Model, Score, 95% CI (±), License` (CI "±6"; "Preliminary" tags)."""
    rows, date = [], _date_of(path)
    for i, r in _table(path, ["Model", "Score", "95% CI (±)", "License"]):
        rating = _num(r["Score"], path, i, "Score")
        if rating is None:
            continue
        m = _PM.search(r["95% CI (±)"])
        half = float(m.group(1)) if m else None
        lo, hi = (None, None) if half is None else (rating - half, rating + half)
        rows.append(_row(date, r["Model"], rating, lo, hi, r["License"]))
    return _checked(rows, path)


def read_long(path: Path, board: str) -> Rows:
    """arena-catalog long CSV (per category); style control on, as the 2026 boards; no license."""
    need = ["snapshot", "style_control", "category", "model", "rating", "rating_q025", "rating_q975"]
    rows = [
        _row(r["snapshot"], r["model"], _num(r["rating"], path, i, "rating"),
             _num(r["rating_q025"], path, i, "rating_q025"), _num(r["rating_q975"], path, i, "rating_q975"))
        for i, r in _table(path, need, where=("category", board))
        if r["style_control"].lower() == "true"
    ]  # fmt: skip
    return _checked(rows, path)


def read_category_json(path: Path, board: str) -> Rows:
    """arena-catalog leaderboard JSON `{category: {model_key: {rating, rating_q025, rating_q975}}}`."""
    data = _json(path)
    if board not in data:
        raise CatalogError(f"{path}: category {board!r} not found (has {', '.join(sorted(data))})")
    date = _date_of(path)
    rows = [_row(date, key, float(v["rating"]), v.get("rating_q025"), v.get("rating_q975"))
            for key, v in data[board].items()]  # fmt: skip
    return _checked(rows, path)


def read_boards(path: Path, board: str) -> Rows:
    """rakium arena.ai boards: `{categories: {board: {models: [{name, rating, ci, license}]}}}`."""
    data = _json(path)
    boards = data.get("categories", {})
    if board not in boards:
        raise CatalogError(f"{path}: board {board!r} not found (has {', '.join(sorted(boards))})")
    date = str(data.get("scraped_at", ""))[:10] or _date_of(path)
    rows = []
    for m in boards[board]["models"]:
        rating, ci = float(m["rating"]), m.get("ci")
        lo, hi = (None, None) if ci is None else (rating - ci, rating + ci)
        rows.append(_row(date, m["name"], rating, lo, hi, m.get("license") or ""))
    return _checked(rows, path)


def read_namra(path: Path, board: str) -> Rows:
    """namra7x per-category CSV (~2026-10-08); pre-release models get no rating (not available)."""
    need = ["category", "model_key", "display_name", "rating", "rating_lower", "rating_upper", "license",
            "release_type"]  # fmt: skip
    rows = []
    for i, r in _table(path, need, where=("category", board)):
        # A pre-release model is not available: no rating (so it joins no frontier), but its license counts.
        rating = None if r["release_type"] == "pre_release" else _num(r["rating"], path, i, "rating")
        rows.append(_row(NAMRA_DATE, r["display_name"] or r["model_key"], rating,
                         _num(r["rating_lower"], path, i, "rating_lower"),
                         _num(r["rating_upper"], path, i, "rating_upper"), r["license"], alt=r["model_key"]))  # fmt: skip
    return _checked(rows, path)


def read_webdev_orgs(path: Path, board: str = "") -> Rows:
    """jasonqin6 WebDev board: `{models: {name: {arena_score, organization, manual?}}}`; hand-entered rows dropped."""
    data = _json(path)
    date = str(data.get("source", {}).get("fetched_at", ""))[:10] or _date_of(path)
    rows = [_row(date, name, float(v["arena_score"]))
            for name, v in data.get("models", {}).items() if not v.get("manual") and v.get("arena_score")]  # fmt: skip
    return _checked(rows, path)


def read_wide(path: Path, board: str = "") -> Rows:
    """nakasyou wide history (YYYYMMDD x API key, 0.0 = absent); the last date of each month is kept."""
    header = _csv(path)[0]
    by_month: dict[str, tuple[str, dict]] = {}
    for i, r in _table(path, header[:1]):
        day = r[header[0]].strip()
        if not re.fullmatch(r"20\d{6}", day):
            raise CatalogError(f"{path}: row {i}: first column must be a date as YYYYMMDD, got {day!r}")
        if day[:6] not in by_month or day > by_month[day[:6]][0]:
            by_month[day[:6]] = (day, r)
    rows = []
    for day, r in sorted(by_month.values(), key=lambda item: item[0]):
        date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
        for model in header[1:]:
            rating = _num(r[model], path, 0, model)
            if rating:  # 0.0 = not on the leaderboard that day
                rows.append(_row(date, model, rating))
    return _checked(rows, path)


def read_scatterplot(path: Path, board: str = "") -> Rows:
    """arena-catalog model table (license by `model_api_name`); a license source, not ratings."""
    rows = [_row("", m["model_api_name"], None, license=m.get("license") or "", alt=m.get("name", ""))
            for m in _json(path)]  # fmt: skip
    return _checked(rows, path)


READERS = {
    "fboulnois": read_fboulnois,
    "table": read_table,
    "long": read_long,
    "category_json": read_category_json,
    "boards": read_boards,
    "namra": read_namra,
    "webdev_orgs": read_webdev_orgs,
    "wide": read_wide,
    "scatterplot": read_scatterplot,
}


def load(snapshots: tuple[Snapshot, ...], sources_dir: Path | None = None) -> Rows:
    """All rows of these snapshots (each glob must match at least one file), with `task` and `source` set."""
    base = sources_dir or SOURCES_DIR
    out = []
    for snap in snapshots:
        paths = sorted(base.glob(snap.pattern))
        if not paths:
            raise CatalogError(f"{base / snap.pattern}: no file matches; restore data/sources/ from git")
        for p in paths:
            source = str(p.relative_to(base))
            out.extend(
                {**row, "task": snap.task, "source": source} for row in READERS[snap.reader](p, snap.board)
            )
    return out
