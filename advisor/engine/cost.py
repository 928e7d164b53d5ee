"""Cost model (USD per month). Every figure comes with the assumption it rests on.

- API: 30 days × requests/day × (input_tokens × input price + output_tokens × output price) / 1e6,
  prices in USD per 1M tokens; the cheapest offer that meets region and privacy.
- Rented GPUs: $/hour × 730 hours (running all month).
- Owned hardware: electricity only — board power × GPU count × 730 h × USD_PER_KWH (hardware itself is sunk).
"""

from __future__ import annotations

import numpy as np

from advisor.i18n import Msg, msg
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


def api_basis(workload: Workload, provider: str, in_usd: float, out_usd: float) -> Msg:
    """The basis of an API cost, as a Msg: `str()` is the English text, `.render(lang)` any language."""
    return msg("cost_api", days=DAYS_PER_MONTH, rpd=workload.requests_per_day, inp=workload.input_tokens,
               out=workload.output_tokens, in_usd=in_usd, out_usd=out_usd, provider=provider)  # fmt: skip


def rented_monthly(usd_per_hour: float) -> float:
    return usd_per_hour * HOURS_PER_MONTH


def rented_basis(gpu: str, count: int, usd_per_hour: float) -> Msg:
    return msg("cost_rented", count=count, gpu=gpu, usd=usd_per_hour, hours=HOURS_PER_MONTH)


def power_monthly(watts: float) -> float:
    return watts / 1000 * HOURS_PER_MONTH * USD_PER_KWH


def power_basis(watts: float, label: str) -> Msg:
    what = msg("cost_power_what", label=label, watts=watts)
    return msg("cost_power", what=what, hours=HOURS_PER_MONTH, kwh=USD_PER_KWH)
