"""The open-vs-closed series precomputed into data/gap_series.json, so a recommendation reads a small file
instead of parsing ~22 MB of Arena snapshots (≈0.2 s) on every cold start.

    python -m advisor.gap.store           # rewrite data/gap_series.json from data/sources/
    python -m advisor.gap.store --check   # exit 1 if the committed file differs from a recomputation

Deterministic: same inputs, same bytes. The file records a fingerprint of its inputs: every snapshot file
`advisor.gap.sources` reads, with its size (hashing ~22 MB would cost more than it saves), and the sha256
of data/gap_aliases.csv and of the code (`CODE`). `read()` returns None when the files on disk no longer
match it (a refresh added, removed or resized a snapshot; the method changed), and `advisor.gap` then
recomputes: results are never stale, only slower until the file is rewritten. A snapshot edit that keeps
the file's size is caught by `--check` and tests/perf/test_gap_store.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
STORE = PACKAGE.parent / "data" / "gap_series.json"
FORMAT = 1
# the code the series depend on (names.py: `normalise`, the join key of every Arena row)
CODE = ("gap/__init__.py", "gap/calc.py", "gap/license.py", "gap/sources.py", "catalog/names.py")


def fingerprint() -> dict:
    """What the shipped series were computed from: snapshot files with their sizes, aliases and code hashes."""
    from advisor.gap import license as gap_license
    from advisor.gap import sources as gap_sources

    base = gap_sources.SOURCES_DIR
    files = {
        str(p.relative_to(base)): p.stat().st_size
        for snap in gap_sources.SNAPSHOTS + gap_sources.LICENSE_ONLY
        for p in base.glob(snap.pattern)
    }
    code = hashlib.sha256(b"".join((PACKAGE / name).read_bytes() for name in CODE)).hexdigest()
    aliases = hashlib.sha256(gap_license.ALIASES_PATH.read_bytes()).hexdigest()
    return {
        "format": FORMAT,
        "sources": dict(sorted(files.items())),
        "gap_aliases_sha256": aliases,
        "code_sha256": code,
    }


def dumps(computed: dict) -> str:
    """The file's text for `advisor.gap.compute_all()`'s result."""
    tasks = {
        task: {
            "series": series.model_dump(mode="json"),
            "lookup": {name: list(hit) for name, hit in sorted(lookup.items())},
        }
        for task, (series, lookup) in computed.items()
    }
    payload = {"fingerprint": fingerprint(), "tasks": tasks}
    return json.dumps(payload, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def read(path: Path = STORE) -> dict | None:
    """The stored series as `advisor.gap.compute_all()` returns them; None if missing, damaged or stale."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload["fingerprint"] != fingerprint():
            return None
        from advisor.gap import GapSeries

        return {
            task: (GapSeries.model_validate(v["series"]), {k: tuple(hit) for k, hit in v["lookup"].items()})
            for task, v in payload["tasks"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # recomputing from data/sources/ is always correct, only slower


def _changed() -> str:
    """Which inputs differ from the stored fingerprint, for the --check message."""
    try:
        stored = json.loads(STORE.read_text(encoding="utf-8"))["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        return "missing or unreadable"
    now = fingerprint()
    changed = [key for key in now if stored.get(key) != now[key]]
    return "changed: " + ", ".join(changed) if changed else "same inputs, different output"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is stale")
    args = parser.parse_args(argv)
    from advisor.gap import compute_all

    text = dumps(compute_all())
    if args.check:
        same = STORE.exists() and STORE.read_text(encoding="utf-8") == text
        print(
            "gap series up to date"
            if same
            else f"{STORE} is stale ({_changed()}); run `python -m advisor.gap.store`"
        )
        return 0 if same else 1
    STORE.write_text(text, encoding="utf-8")
    print(f"wrote {STORE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
