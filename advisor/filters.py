"""Hard rules. Each rule is a row of `RULES`: when it applies, which candidates fail it (vectorised), the
sentence saying why (with the numbers) and the single change that would admit the candidate (near misses).

A candidate is one way to run one model: `kind` = api (cheapest suitable offer), api_none (no offer),
owned (your hardware), rented (cloud GPUs) or self_none (open weights but no hardware given).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from advisor.requirements import CAPABILITIES, Requirements

GPU_SIZES_GB = (8, 12, 16, 20, 24, 32, 40, 48, 80, 96, 141, 192, 256, 288)  # common memory sizes per GPU
MEMORY_SIZES_GB = (8, 16, 24, 32, 36, 48, 64, 96, 128, 192, 256, 512, 1024)  # RAM / unified memory
API_KINDS = ("api", "api_none")
REGIONS = ("cn", "eu", "us", "global")

SELF_KINDS = ("owned", "rented", "self_none")


def tokens(n: float) -> str:
    """131072 → '128K', 1048576 → '1M', 4000 → '4K'."""
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{int(n) // (1024 * 1024)}M"
    if n >= 1000:
        return f"{n / 1024:.0f}K" if n % 1024 == 0 else f"{n / 1000:.0f}K"
    return f"{int(n)}"


def _regions(row) -> str:
    return ", ".join(r for r in REGIONS if row[f"reg_{r}"]) or "none listed"


def _round_up(need: float, sizes: tuple[int, ...]) -> int | None:
    return next((size for size in sizes if size >= need), None)


def _gpu_change(row, req: Requirements) -> str | None:
    """The memory that would fit it, rounded up to a common size: more RAM or unified memory, a bigger GPU,
    or (beyond the biggest GPU) more GPUs of a common size."""
    need = row["memory_gb"]
    if not need or math.isnan(need):
        return None
    if row["device_kind"] in ("cpu", "apple"):
        size = _round_up(need, MEMORY_SIZES_GB) or math.ceil(need)
        return f"{size:,} GB of {'RAM' if row['device_kind'] == 'cpu' else 'unified memory'}"
    count = int(row["gpu_count"]) if row["gpu_count"] == row["gpu_count"] else 1
    for n in dict.fromkeys((count, 2, 4, 8, 16)):
        size = _round_up(need / n, GPU_SIZES_GB) if n >= count else None
        if size:
            return f"a {size} GB GPU" if n == 1 else f"{n} GPUs with {size} GB each"
    return f"{math.ceil(need):,} GB of GPU memory"


@dataclass(frozen=True)
class Rule:
    name: str
    applies: Callable[[Requirements], bool]
    fails: Callable[[dict[str, np.ndarray], Requirements], np.ndarray]
    reason: Callable[[Row, Requirements], str]
    change: Callable[[Row, Requirements], str | None]
    reads: tuple[str, ...] = ()  # the columns `reason` reads: equal values share one sentence (memoised)


def _is(c: dict[str, np.ndarray], *kinds: str) -> np.ndarray:
    return np.isin(c["kind"], kinds)


def _missing_caps(row, req: Requirements) -> list[str]:
    return [cap for cap in required_capabilities(req) if not row[f"cap_{cap}"]]


def required_capabilities(req: Requirements) -> list[str]:
    """Capabilities asked for, plus those a task implies (the vision task needs image input)."""
    return sorted(set(req.capabilities) | ({"vision"} if "vision" in req.tasks else set()))


def _commercial_fails(c, req):
    if req.license == "commercial":
        return c["commercial_use"] == "no"
    return ~c["permissive"].astype(bool)


def _license_reason(row, req):
    if req.license == "commercial":
        return f"license {row['license_name']} forbids commercial use"
    return f"license {row['license_name']} is not OSI-permissive (Apache-2.0, MIT, BSD)"


def _license_change(row, req):
    if req.license == "permissive" and not row["open_weights"] and row["commercial_use"] != "no":
        return "allow proprietary models (license: commercial)"
    if req.license == "permissive" and row["commercial_use"] != "no":
        return f"accept the {row['license_name']} license (license: commercial)"
    return "allow non-commercial license (license: any)"


def _privacy_fails(c, req):
    api = _is(c, "api")
    if req.privacy == "self_hosted":
        return _is(c, *API_KINDS)
    return api & (np.nan_to_num(c["trains"], nan=1.0) != 0)


def _privacy_reason(row, req):
    if req.privacy == "self_hosted":
        via = f"{row['provider']}'s API" if row["provider"] else "an API"
        return f"would send your data to {via}; your privacy rule keeps data on your own infrastructure"
    says = (
        "trains on API data by default" if row["trains"] == 1 else "doesn't say whether it trains on API data"
    )
    return f"{row['provider']} {says}; you need a provider that doesn't train on your data"


def _privacy_change(row, req):
    if req.privacy == "self_hosted" and row["kind"] == "api":
        ok = row["trains"] == 0
        return (
            "allow APIs that don't train on your data (privacy: no_training)"
            if ok
            else "allow APIs (privacy: any)"
        )
    if req.privacy == "no_training":
        return "allow providers that may train on your data (privacy: any)"
    return None


def _context_reason(row, req):
    if np.isnan(row["context_tokens"]):
        return "context length unknown; you need at least " + tokens(req.min_context_tokens)
    return f"context {tokens(row['context_tokens'])} tokens < the {tokens(req.min_context_tokens)} you need"


def _hardware_reason(row, req):
    if row["kind"] == "rented":
        if np.isnan(row["memory_gb"]):
            return "no rentable GPU configuration in our price list fits it"
        return f"no rentable GPU configuration fits it (needs {row['memory_gb']:.1f} GB)"
    return (
        f"needs {row['memory_gb']:.1f} GB at {row['quantization']} with {tokens(row['ctx_used'])} context; "
        f"you have {row['available_gb']:.0f} GB"
    )


def _deployment_reason(row, req):
    kind = row["kind"]
    if kind == "api_none":
        return "no API offer in the catalog" + (
            "; weights are not downloadable" if not row["open_weights"] else ""
        )
    if kind == "self_none":
        return (
            "no API offer; to self-host it, give your hardware or set deployment: self_hosted (rented GPUs)"
        )
    if row["open_weights"]:
        return f"served through {row['provider']}'s API; you asked to self-host"
    return "API only (closed weights); you asked to self-host"


def _deployment_change(row, req):
    if row["kind"] == "self_none":
        return "set deployment: self_hosted (rented cloud GPUs) or give your hardware"
    if row["kind"] == "api" and req.privacy != "self_hosted":
        return "allow API use (deployment: any)"
    return None


RULES: list[Rule] = [
    Rule(
        "deprecated",
        lambda r: True,
        lambda c, r: c["deprecated"].astype(bool),
        lambda row, r: (
            "deprecated by its vendor"
            + (f" (retired {row['deprecation_date']})" if row["deprecation_date"] else "")
        ),
        lambda row, r: None,
        reads=("deprecation_date",),
    ),
    Rule(
        "quality_data",
        lambda r: True,
        lambda c, r: np.isnan(c["quality"]),
        lambda row, r: f"no quality score for {', '.join(r.tasks)} (nor a general one)",
        lambda row, r: None,
        reads=(),
    ),
    Rule(
        "open_weights",
        lambda r: r.open_weights,
        lambda c, r: ~c["open_weights"].astype(bool),
        lambda row, r: "weights are not downloadable (closed model); you asked for open weights",
        lambda row, r: "allow closed, API-only models (open_weights: false)",
        reads=(),
    ),
    Rule(
        "deployment",
        lambda r: True,
        lambda c, r: _is(c, "api_none", "self_none") | (_is(c, "api") & (r.deployment == "self_hosted")),
        _deployment_reason,
        _deployment_change,
        reads=("kind", "open_weights", "provider"),
    ),
    Rule(
        "license",
        lambda r: r.license != "any",
        _commercial_fails,
        _license_reason,
        _license_change,
        reads=("license_name", "commercial_use", "open_weights"),
    ),
    Rule(
        "capability",
        lambda r: bool(required_capabilities(r)),
        lambda c, r: ~np.all([c[f"cap_{k}"].astype(bool) for k in required_capabilities(r)], axis=0),
        lambda row, r: "lacks " + ", ".join(_missing_caps(row, r)),
        lambda row, r: "drop the " + " and ".join(_missing_caps(row, r)) + " requirement",
        reads=tuple(f"cap_{c}" for c in CAPABILITIES),
    ),
    Rule(
        "context",
        lambda r: r.min_context_tokens is not None,
        lambda c, r: ~(np.nan_to_num(c["context_tokens"].astype(float)) >= r.min_context_tokens),
        _context_reason,
        lambda row, r: (
            None if np.isnan(row["context_tokens"]) else f"accept a {tokens(row['context_tokens'])} context"
        ),
        reads=("context_tokens",),
    ),
    Rule(
        "region",
        lambda r: r.region != "any",
        lambda c, r: _is(c, "api") & ~c["ok_region"].astype(bool),
        lambda row, r: f"no API offer usable in {r.region.upper()} (offers: {_regions(row)})",
        lambda row, r: "allow a service outside " + r.region.upper() + " (region: any)",
        reads=tuple(f"reg_{r}" for r in REGIONS),
    ),
    Rule(
        "privacy",
        lambda r: r.privacy != "any",
        _privacy_fails,
        _privacy_reason,
        _privacy_change,
        reads=("kind", "provider", "trains"),
    ),
    Rule(
        "hardware",
        lambda r: True,
        lambda c, r: _is(c, "owned", "rented") & ~(c["fits"] == 1),
        _hardware_reason,
        lambda row, r: _gpu_change(row, r) if row["kind"] == "owned" else None,
        reads=("kind", "memory_gb", "quantization", "ctx_used", "available_gb", "device_kind", "gpu_count"),
    ),
    Rule(
        "speed",
        lambda r: r.min_tokens_per_s is not None,
        lambda c, r: c["tokens_per_s"] < r.min_tokens_per_s,
        lambda row, r: f"about {row['tokens_per_s']:.0f} tokens/s < the {r.min_tokens_per_s:g} you need",
        lambda row, r: f"accept {math.floor(row['tokens_per_s'])} tokens/s",
        reads=("tokens_per_s",),
    ),
    Rule(
        "budget",
        lambda r: r.budget_usd_per_month is not None,
        lambda c, r: c["monthly_cost_usd"] > r.budget_usd_per_month + 1e-9,
        lambda row, r: f"${row['monthly_cost_usd']:,.2f}/month > your ${r.budget_usd_per_month:,.2f} budget",
        lambda row, r: f"+${math.ceil(row['monthly_cost_usd'] - r.budget_usd_per_month):,}/month",
        reads=("monthly_cost_usd",),
    ),
]
RULE_NAMES = [rule.name for rule in RULES]
NO_CHANGE_RULES = ("deprecated", "quality_data")  # no single change of requirements admits these


def apply_rules(cand: dict[str, np.ndarray], req: Requirements) -> np.ndarray:
    """Boolean matrix: one row per candidate, one column per rule in RULES order (True = fails it)."""
    n = len(cand["mi"])
    out = np.zeros((n, len(RULES)), dtype=bool)
    for j, rule in enumerate(RULES):
        if n and rule.applies(req):
            out[:, j] = rule.fails(cand, req)
    return out


class Rows:
    """Rows `index` of column arrays, read one by one without building a pandas Series per row."""

    def __init__(self, cols: dict[str, np.ndarray], index: np.ndarray):
        self.cols, self.index = cols, index

    def __getitem__(self, i: int) -> Row:
        return Row(self.cols, self.index[i])


class Row:
    __slots__ = ("cols", "i")

    def __init__(self, cols: dict, i: int):
        self.cols, self.i = cols, i

    def __getitem__(self, key: str):
        return self.cols[key][self.i]


def rule_texts(
    fn: Callable, rule: Rule, cols: dict[str, np.ndarray], rows: np.ndarray, req: Requirements
) -> list:
    """`fn` (a rule's `reason` or `change`) for candidate rows `rows`. Rows with equal `rule.reads` values
    share one result, so a 100,000-model catalog formats each distinct case once."""
    keys = (
        zip(*(cols[c][rows].tolist() for c in rule.reads), strict=True) if rule.reads else ((),) * len(rows)
    )
    memo: dict = {}
    out = []
    for key, i in zip(keys, rows, strict=True):
        if key not in memo:
            memo[key] = fn(Row(cols, i), req)
        out.append(memo[key])
    return out
