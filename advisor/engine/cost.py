"""Cost model (USD per month). Every figure comes with the assumption it rests on.

- API: 30 days × requests/day × (input_tokens × input price + output_tokens × output price) / 1e6,
  prices in USD per 1M tokens; the cheapest offer that meets region and privacy.
- Rented GPUs: $/hour × 730 hours (running all month).
- Owned hardware: electricity only — board power × GPU count × 730 h × USD_PER_KWH (hardware itself is sunk).
"""

from __future__ import annotations

import numpy as np

from advisor.requirements import Workload

DAYS_PER_MONTH = 30
HOURS_PER_MONTH = 730
USD_PER_KWH = 0.15  # typical US commercial electricity price, 2025


def api_monthly(workload: Workload, in_usd_per_1m, out_usd_per_1m):
    """Monthly API cost; works on scalars and numpy arrays alike (vectorised over offers)."""
    per_request = (
        workload.input_tokens * np.asarray(in_usd_per_1m, dtype=float)
        + workload.output_tokens * np.asarray(out_usd_per_1m, dtype=float)
    ) / 1e6
    return DAYS_PER_MONTH * workload.requests_per_day * per_request


def api_basis(workload: Workload, provider: str, in_usd: float, out_usd: float) -> str:
    return (
        f"{DAYS_PER_MONTH} days × {workload.requests_per_day:,.0f} requests/day × "
        f"({workload.input_tokens:,} input tokens × ${in_usd:g} + {workload.output_tokens:,} output tokens × "
        f"${out_usd:g}) per 1M tokens via {provider}"
    )


def rented_monthly(usd_per_hour: float) -> float:
    return usd_per_hour * HOURS_PER_MONTH


def rented_basis(gpu: str, count: int, usd_per_hour: float) -> str:
    return f"rented {count}× {gpu} at ${usd_per_hour:.2f}/hour × {HOURS_PER_MONTH} hours"


def power_monthly(watts: float) -> float:
    return watts / 1000 * HOURS_PER_MONTH * USD_PER_KWH


def power_basis(watts: float, what: str) -> str:
    return (
        f"owned hardware, electricity only: {what} (board power; the rest of the machine and the purchase are "
        f"not counted) × {HOURS_PER_MONTH} h × ${USD_PER_KWH}/kWh, running all month"
    )
