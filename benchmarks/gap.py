"""Open-vs-closed gap benchmarks: the one-off computation per process and the per-recommendation note.

    .venv/bin/python benchmarks/gap.py --format json

"cold" runs a fresh interpreter that has already imported pandas and pydantic (as the engine has) and
times `advisor.gap._computed()` (all tasks, read from data/gap_series.json: what a process pays), then
"compute" times `advisor.gap.compute_all()` (all tasks, from data/sources/: what
`python -m advisor.gap.store` pays): wall and CPU time, median of N runs.
"note" is `gap_note(task, pick)` once the series are cached (what every recommendation pays).
Target (issue 6): compute ≤ 200 ms CPU on an idle machine; note ≤ 0.1 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = (
    "import time, json, pandas, pydantic\n"
    "import advisor.catalog.names\n"
    "w, c = time.perf_counter(), time.process_time()\n"
    "from advisor import gap\n"
    "gap._computed()\n"
    "w2, c2 = time.perf_counter(), time.process_time()\n"
    "gap.compute_all()\n"
    "w3, c3 = time.perf_counter(), time.process_time()\n"
    "print(json.dumps([w2 - w, c2 - c, w3 - w2, c3 - c2]))\n"
)


def cold(runs: int) -> dict[str, float]:
    names = ("cold_wall_ms_p50", "cold_cpu_ms_p50", "compute_wall_ms_p50", "compute_cpu_ms_p50")
    runs_ms = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD], capture_output=True, text=True, check=True, cwd=ROOT
        )
        runs_ms.append([x * 1000 for x in json.loads(out.stdout)])
    return {name: statistics.median(r[i] for r in runs_ms) for i, name in enumerate(names)}


def note(calls: int) -> dict[str, float]:
    from advisor.gap import GAP_TASKS, gap_note

    gap_note("coding", None)  # warm
    start = time.perf_counter()
    for i in range(calls):
        gap_note(GAP_TASKS[i % len(GAP_TASKS)], "GLM-5", lang="zh" if i % 2 else "en")
    return {"note_ms_mean": (time.perf_counter() - start) * 1000 / calls}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=["json", "text"], default="text")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = {**cold(args.runs), **note(2000)}
    if args.format == "json":
        print(json.dumps({k: round(v, 3) for k, v in result.items()}, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:>20}: {v:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
