"""Cold start of `advisor recommend` against `python -c "import pandas, pydantic"` (issue 3: ratio ≤ 1.8).

    .venv/bin/python benchmarks/cold_start.py [--runs 7] [--format json|text]

Each run starts both as fresh processes, interleaved so they see the same machine load; one warm-up pair
first (page cache). Reported: median wall seconds and their ratio, and the same for CPU seconds
(user + sys of the child), which a loaded shared machine disturbs less than wall time; the load average
is printed alongside because the wall figures depend on it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = [sys.executable, "-c", "import pandas, pydantic"]
RECOMMEND = [sys.executable, "-m", "advisor", "recommend", "--task", "coding", "--format", "json"]


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(runs: int) -> dict:
    load_before = os.getloadavg()
    timed(BASELINE), timed(RECOMMEND)  # warm-up: page cache, .pyc files
    base, rec = [], []
    for _ in range(runs):
        base.append(timed(BASELINE))
        rec.append(timed(RECOMMEND))
    b_wall, r_wall = (statistics.median(w for w, _ in xs) for xs in (base, rec))
    b_cpu, r_cpu = (statistics.median(c for _, c in xs) for xs in (base, rec))
    return {
        "baseline_s_median": round(b_wall, 3),
        "recommend_s_median": round(r_wall, 3),
        "ratio": round(r_wall / b_wall, 2),
        "baseline_cpu_s_median": round(b_cpu, 3),
        "recommend_cpu_s_median": round(r_cpu, 3),
        "cpu_ratio": round(r_cpu / b_cpu, 2),
        "runs": runs,
        "loadavg": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--format", choices=["json", "text"], default="json")
    args = parser.parse_args(argv)
    result = measure(args.runs)
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
