"""Engine benchmarks: warm ranking time on the shipped catalog, on synthetic catalogs up to 100,000 models,
and the cold start of `advisor recommend` against `python -c "import pandas, pydantic"`.

    .venv/bin/python benchmarks/engine.py --format json

Synthetic catalogs resample the shipped catalog's real cards (seeded) with quality shifted by N(0, 40) points
and prices scaled by 2^N(0, 1), so filters, offers and scores keep a realistic spread. "Warm" = the catalog's
feature frames are built (they are cached per catalog); that one-off build is reported separately.
`rank_ms` times `recommend` without the add-ons attached after ranking (gap note, open-or-closed decision);
`with_addons_ms` / `catalog_recommend_with_addons_ms_p50` time the full call as the product makes it.
Targets (issue 3): catalog p50 ≤ 20 ms, 100k ≤ 1,000 ms, cold start ≤ 1.8×.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor.catalog import load_catalog  # noqa: E402
from advisor.engine import recommend  # noqa: E402
from advisor.engine.features import _CACHE as feature_cache  # noqa: E402
from advisor.engine.features import CatalogView, features  # noqa: E402

SCENARIOS = {
    "api_coding": {"tasks": ["coding"]},
    "budget_privacy": {"tasks": ["general"], "budget_usd_per_month": 50, "privacy": "no_training"},
    "own_gpu": {"tasks": ["coding"], "hardware": {"gpu": "RTX 4090"}, "privacy": "self_hosted"},
}


def ms(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


@contextmanager
def engine_only():
    """Switch off the add-ons `recommend` attaches after ranking (gap note, issue 6; open-or-closed
    decision, issue 7) to time the engine itself."""
    import advisor.engine as eng

    saved = eng.ADDONS
    eng.ADDONS = ()
    try:
        yield
    finally:
        eng.ADDONS = saved


def synthetic(cards, n: int, seed: int = 7) -> CatalogView:
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(cards), n)
    shifts, scales = rng.normal(0, 40, n), 2.0 ** rng.normal(0, 1, n)
    out = []
    for i, (k, d, s) in enumerate(zip(picks, shifts, scales, strict=True)):
        c = cards[k]
        quality = {
            t: q.model_construct(**{**q.__dict__, "score": q.score + d, "low": q.low + d, "high": q.high + d})
            for t, q in c.quality.items()
        }
        offers = [
            o.model_construct(
                **{
                    **o.__dict__,
                    "input_usd_per_1m": o.input_usd_per_1m * s,
                    "output_usd_per_1m": o.output_usd_per_1m * s,
                }
            )
            for o in c.offers
        ]
        out.append(
            c.model_construct(**{**c.__dict__, "id": f"{c.id}~{i}", "quality": quality, "offers": offers})
        )
    return CatalogView(models=out, data_as_of="synthetic")


def rank_ms(catalog, req: dict, repeat: int) -> tuple[float, float]:
    """(median warm ranking ms, one-off feature build ms)."""
    start = time.perf_counter()
    features(catalog)
    build = (time.perf_counter() - start) * 1000
    recommend(req, catalog=catalog)  # warm-up (hardware estimates are cached per architecture)
    return statistics.median(ms(lambda: recommend(req, catalog=catalog), repeat)), build


def cold_start(repeat: int = 5) -> dict:
    """`advisor recommend` as a fresh process vs `python -c "import pandas, pydantic"` (median wall ms);
    also the same command with the add-ons switched off, to separate the engine's share."""
    base = [sys.executable, "-c", "import pandas, pydantic"]
    cmd = [str(Path(sys.executable).parent / "advisor"), "recommend", "--task", "coding", "--format", "json"]
    core = [
        sys.executable,
        "-c",
        "import advisor.engine as e; e.ADDONS = (); from advisor.cli import main; "
        "main(['recommend', '--task', 'coding', '--format', 'json'])",
    ]

    def wall(argv):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=ROOT)
        return (time.perf_counter() - start) * 1000

    for argv in (base, cmd, core):  # page cache
        wall(argv)
    b, c, e = (statistics.median(wall(argv) for _ in range(repeat)) for argv in (base, cmd, core))
    return {
        "import_pandas_pydantic_ms": round(b, 1),
        "advisor_recommend_ms": round(c, 1),
        "ratio": round(c / b, 2),
        "advisor_recommend_without_addons_ms": round(e, 1),
        "ratio_without_addons": round(e / b, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=["json", "text"], default="text")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic catalog sizes")
    parser.add_argument("--no-cold-start", action="store_true")
    args = parser.parse_args(argv)

    catalog = load_catalog()
    full, core = {}, {}
    for name, req in SCENARIOS.items():
        recommend(req, catalog=catalog)
        full[name] = round(statistics.median(ms(lambda req=req: recommend(req, catalog=catalog), 31)), 2)
        with engine_only():
            core[name] = round(statistics.median(ms(lambda req=req: recommend(req, catalog=catalog), 31)), 2)
    scaling = []
    for n in [int(x) for x in args.sizes.split(",")]:
        cat = synthetic(catalog.models, n)
        with engine_only():
            warm, build = rank_ms(cat, SCENARIOS["api_coding"], repeat=3 if n >= 50_000 else 7)
        with_addons, _ = rank_ms(cat, SCENARIOS["api_coding"], repeat=1 if n >= 50_000 else 3)
        scaling.append(
            {
                "models": n,
                "rank_ms": round(warm, 1),
                "with_addons_ms": round(with_addons, 1),
                "features_build_ms": round(build, 1),
            }
        )
        del cat
        feature_cache.clear()  # don't keep 100k-model frames alive for the next size
    result = {
        "catalog_models": len(catalog.models),
        "catalog_rank_ms_p50": core["api_coding"],
        "catalog_rank_ms_p50_by_scenario": core,
        "catalog_recommend_with_addons_ms_p50": full,
        "synthetic_100k_rank_ms": next((s["rank_ms"] for s in scaling if s["models"] == 100_000), None),
        "scaling": scaling,
        "cold_start": None if args.no_cold_start else cold_start(),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
