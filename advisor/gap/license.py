"""Open vs closed for every Arena row: from its license column, else joined by model name.

`openness(license)` reads one license string ("Proprietary" -> closed, any other named license ->
open weights, blank or "-" -> unknown). Rows from sources without a license column are joined on
`advisor.catalog.names.normalise(name)` (the project's one name rule) to a table built from every
source that has one (`license_table`); Arena keys renamed over time (`gpt-4` -> `gpt-4-0314`) are
listed with their evidence in data/gap_aliases.csv. A name the table does not know stays "unknown": it is
excluded from both frontiers and counted.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Literal

from advisor.catalog.names import normalise
from advisor.errors import CatalogError

Openness = Literal["open", "closed", "unknown"]
_CLOSED = {"proprietary", "propretary"}  # the second is a typo in LMArena's own model table
_UNKNOWN = {"", "-", "n/a", "na", "unknown", "none", "nan", "tbd"}


def openness(license_text: str | None) -> Openness:
    """One license string -> open / closed / unknown. Non-commercial licenses still publish weights: open."""
    text = (license_text or "").strip().lower()
    if text in _UNKNOWN:
        return "unknown"
    return "closed" if text in _CLOSED else "open"


def license_table(rows: list[dict]) -> dict[str, tuple[Openness, str, str]]:
    """normalised name -> (openness, license text, source) from rows that carry a license.

    A name seen as open in one source and closed in another takes the majority; a tie stays
    unknown (so it is excluded rather than guessed). Both `model` and `alt_name` are keys.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    example: dict[tuple[str, Openness], tuple[str, str]] = {}
    for row in rows:
        cls = openness(row["license"])
        if cls == "unknown":
            continue
        for name in (row["model"], row["alt_name"]):
            if name:
                key = normalise(name)
                votes[key][cls] += 1
                example.setdefault((key, cls), (row["license"], row["source"]))
    table: dict[str, tuple[Openness, str, str]] = {}
    for key, count in votes.items():
        (top, n), *rest = count.most_common()
        if rest and rest[0][1] == n:
            table[key] = ("unknown", "conflicting licenses", "")
        else:
            table[key] = (top, *example[(key, top)])
    return table


def classify(
    rows: list[dict], table: dict[str, tuple[Openness, str, str]], aliases: dict[str, str] | None = None
) -> list[dict]:
    """Copies of `rows` with `openness`, `basis` ("license column" | "joined: <key> from <source>" |
    "unknown") and `key` (the join key across snapshots: normalised name, renamed keys resolved).

    The join tries, in order: normalised `model`, normalised `alt_name`, then `aliases` (renamed
    keys, data/gap_aliases.csv) of either.
    """
    aliases = aliases or {}
    out = []
    for row in rows:
        own = normalise(row["model"])
        key = aliases.get(own, own)
        cls = openness(row["license"])
        if cls != "unknown":
            out.append({**row, "openness": cls, "basis": "license column", "key": key})
            continue
        keys = [own, normalise(row["alt_name"]) if row["alt_name"] else ""]
        keys += [aliases.get(k, "") for k in keys]
        hit = next((k for k in keys if k and k in table), None)
        cls, _, source = table[hit] if hit else ("unknown", "", "")
        basis = f"joined: {hit} from {source}" if hit and cls != "unknown" else "unknown"
        out.append({**row, "openness": cls, "basis": basis, "key": key})
    return out


ALIASES_PATH = Path(__file__).resolve().parents[2] / "data" / "gap_aliases.csv"


@lru_cache(maxsize=4)
def load_aliases(path: Path = ALIASES_PATH) -> dict[str, str]:
    """data/gap_aliases.csv: renamed Arena keys -> the name a licensed source uses (normalised both sides)."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != ["name", "joins_as", "evidence"]:
                raise CatalogError(f"{path}: row 1: header must be name,joins_as,evidence")
            rows = list(reader)
    except OSError as err:
        raise CatalogError(f"{path}: cannot read ({err}); restore it from git") from None
    out = {}
    for i, row in enumerate(rows, start=2):
        if not (row["name"] or "").strip() or not (row["joins_as"] or "").strip():
            raise CatalogError(f"{path}: row {i}: fields name and joins_as must not be empty")
        out[normalise(row["name"])] = normalise(row["joins_as"])
    return out
