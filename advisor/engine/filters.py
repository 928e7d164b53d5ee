"""Hard rules. Each rule is a row of `RULES`: when it applies, which candidates fail it (vectorised), the
sentence saying why (with the numbers) and the single change that would admit the candidate (near misses).

A candidate is one way to run one model: `kind` = api (cheapest suitable offer), api_none (no offer),
owned (your hardware) or rented (cloud GPUs).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from advisor.i18n import ids, label, t
from advisor.requirements import CAPABILITIES, Requirements

GPU_SIZES_GB = (8, 12, 16, 20, 24, 32, 40, 48, 80, 96, 141, 192, 256, 288)  # common memory sizes per GPU
MEMORY_SIZES_GB = (8, 16, 24, 32, 36, 48, 64, 96, 128, 192, 256, 512, 1024)  # RAM / unified memory
API_KINDS = ("api", "api_none")
REGIONS = ("cn", "eu", "us", "global")

SELF_KINDS = ("owned", "rented")


def tokens(n: float) -> str:
    """131072 → '128K', 1048576 → '1M', 4000 → '4K'."""
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{int(n) // (1024 * 1024)}M"
    if n >= 1000:
        return f"{n / 1024:.0f}K" if n % 1024 == 0 else f"{n / 1000:.0f}K"
    return f"{int(n)}"


def _regions(row, lang: str) -> str:
    return ids("value", [r for r in REGIONS if row[f"reg_{r}"]], lang) or t("e_none_listed", lang)


def _region(req: Requirements, lang: str) -> str:
    return req.region.upper() if lang == "en" else label("value", req.region, lang)


def _round_up(need: float, sizes: tuple[int, ...]) -> int | None:
    return next((size for size in sizes if size >= need), None)


def _gpu_change(row, req: Requirements, lang: str = "en") -> str | None:
    """The memory that would fit it, rounded up to a common size: more RAM or unified memory, a bigger GPU,
    or (beyond the biggest GPU) more GPUs of a common size."""
    need = row["memory_gb"]
    if not need or math.isnan(need):
        return None
    if row["device_kind"] in ("cpu", "apple"):
        size = _round_up(need, MEMORY_SIZES_GB) or math.ceil(need)
        return t("c_memory_ram" if row["device_kind"] == "cpu" else "c_memory_unified", lang, gb=size)
    count = int(row["gpu_count"]) if row["gpu_count"] == row["gpu_count"] else 1
    for n in dict.fromkeys((count, 2, 4, 8, 16)):
        size = _round_up(need / n, GPU_SIZES_GB) if n >= count else None
        if size:
            return t("c_gpu", lang, gb=size) if n == 1 else t("c_gpus", lang, n=n, gb=size)
    return t("c_gpu_memory", lang, gb=math.ceil(need))


@dataclass(frozen=True)
class Rule:
    name: str
    applies: Callable[[Requirements], bool]
    fails: Callable[[dict[str, np.ndarray], Requirements], np.ndarray]
    reason: Callable[..., str]  # (row, requirements, lang="en") -> sentence with the numbers
    change: Callable[..., str | None]  # (row, requirements, lang="en") -> the single change that admits it
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


def _license_reason(row, req, lang="en"):
    key = "x_license_commercial" if req.license == "commercial" else "x_license_permissive"
    return t(key, lang, license=row["license_name"])


def _license_change(row, req, lang="en"):
    if req.license == "permissive" and not row["open_weights"] and row["commercial_use"] != "no":
        return t("c_proprietary", lang)
    if req.license == "permissive" and row["commercial_use"] != "no":
        return t("c_accept_license", lang, license=row["license_name"])
    return t("c_non_commercial", lang)


def _privacy_fails(c, req):
    api = _is(c, "api")
    if req.privacy == "self_hosted":
        return _is(c, *API_KINDS)
    return api & (np.nan_to_num(c["trains"], nan=1.0) != 0)


def _privacy_reason(row, req, lang="en"):
    if req.privacy == "self_hosted":
        via = (
            t("x_privacy_api", lang, provider=row["provider"])
            if row["provider"]
            else t("x_privacy_any_api", lang)
        )
        return t("x_privacy_self", lang, via=via)
    says = t("e_trains_default" if row["trains"] == 1 else "e_trains_unknown_short", lang)
    return t("x_privacy_trains", lang, provider=row["provider"], says=says)


def _privacy_change(row, req, lang="en"):
    if req.privacy == "self_hosted" and row["kind"] == "api":
        return t("c_no_training_api" if row["trains"] == 0 else "c_any_api", lang)
    if req.privacy == "no_training":
        return t("c_may_train", lang)
    return None


def _context_reason(row, req, lang="en"):
    if np.isnan(row["context_tokens"]):
        return t("x_context_unknown", lang, need=tokens(req.min_context_tokens))
    return t("x_context", lang, have=tokens(row["context_tokens"]), need=tokens(req.min_context_tokens))


def _hardware_reason(row, req, lang="en"):
    if row["kind"] == "rented":
        if np.isnan(row["memory_gb"]):
            return t("x_rent_unknown", lang)
        return t("x_rent", lang, gb=row["memory_gb"])
    return t(
        "x_hardware",
        lang,
        gb=row["memory_gb"],
        quant=row["quantization"],
        ctx=tokens(row["ctx_used"]),
        have=row["available_gb"],
    )


def _deployment_reason(row, req, lang="en"):
    kind = row["kind"]
    if kind == "api_none":
        return t("x_no_api_offer", lang) + ("" if row["open_weights"] else t("x_not_downloadable", lang))
    if row["open_weights"]:
        return t("x_served_api", lang, provider=row["provider"])
    return t("x_api_only", lang)


def _deployment_change(row, req, lang="en"):
    if row["kind"] == "api" and req.privacy != "self_hosted":
        return t("c_allow_api", lang)
    return None


RULES: list[Rule] = [
    Rule(
        "deprecated",
        lambda r: True,
        lambda c, r: c["deprecated"].astype(bool),
        lambda row, r, lang="en": (
            t("x_deprecated", lang)
            + (t("x_retired", lang, date=row["deprecation_date"]) if row["deprecation_date"] else "")
        ),
        lambda row, r, lang="en": None,
        reads=("deprecation_date",),
    ),
    Rule(
        "quality_data",
        lambda r: True,
        lambda c, r: np.isnan(c["quality"]),
        lambda row, r, lang="en": t("x_quality_data", lang, tasks=ids("task", r.tasks, lang)),
        lambda row, r, lang="en": None,
        reads=(),
    ),
    Rule(
        "open_weights",
        lambda r: r.open_weights,
        lambda c, r: ~c["open_weights"].astype(bool),
        lambda row, r, lang="en": t("x_open_weights", lang),
        lambda row, r, lang="en": t("c_open_weights", lang),
        reads=(),
    ),
    Rule(
        "deployment",
        lambda r: True,
        lambda c, r: _is(c, "api_none") | (_is(c, "api") & (r.deployment == "self_hosted")),
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
        lambda row, r, lang="en": t(
            "x_capability", lang, caps=ids("capability", _missing_caps(row, r), lang)
        ),
        lambda row, r, lang="en": t(
            "c_capability", lang, caps=ids("capability", _missing_caps(row, r), lang, sep=" and ")
        ),
        reads=tuple(f"cap_{c}" for c in CAPABILITIES),
    ),
    Rule(
        "context",
        lambda r: r.min_context_tokens is not None,
        lambda c, r: ~(np.nan_to_num(c["context_tokens"].astype(float)) >= r.min_context_tokens),
        _context_reason,
        lambda row, r, lang="en": (
            None
            if np.isnan(row["context_tokens"])
            else t("c_context", lang, ctx=tokens(row["context_tokens"]))
        ),
        reads=("context_tokens",),
    ),
    Rule(
        "region",
        lambda r: r.region != "any",
        lambda c, r: _is(c, "api") & ~c["ok_region"].astype(bool),
        lambda row, r, lang="en": t("x_region", lang, region=_region(r, lang), regions=_regions(row, lang)),
        lambda row, r, lang="en": t("c_region", lang, region=_region(r, lang)),
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
        lambda row, r, lang="en": _gpu_change(row, r, lang) if row["kind"] == "owned" else None,
        reads=("kind", "memory_gb", "quantization", "ctx_used", "available_gb", "device_kind", "gpu_count"),
    ),
    Rule(
        "speed",
        lambda r: r.min_tokens_per_s is not None,
        lambda c, r: c["tokens_per_s"] < r.min_tokens_per_s,
        lambda row, r, lang="en": t("x_speed", lang, tps=row["tokens_per_s"], need=r.min_tokens_per_s),
        lambda row, r, lang="en": t("c_speed", lang, tps=math.floor(row["tokens_per_s"])),
        reads=("tokens_per_s",),
    ),
    Rule(
        "budget",
        lambda r: r.budget_usd_per_month is not None,
        lambda c, r: c["monthly_cost_usd"] > r.budget_usd_per_month + 1e-9,
        lambda row, r, lang="en": t(
            "x_budget", lang, usd=row["monthly_cost_usd"], budget=r.budget_usd_per_month
        ),
        lambda row, r, lang="en": t(
            "c_budget", lang, usd=math.ceil(row["monthly_cost_usd"] - r.budget_usd_per_month)
        ),
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
    fn: Callable,
    rule: Rule,
    cols: dict[str, np.ndarray],
    rows: np.ndarray,
    req: Requirements,
    lang: str = "en",
) -> list:
    """`fn` (a rule's `reason` or `change`) in `lang` for candidate rows `rows`. Rows with equal `rule.reads`
    values share one result, so a 100,000-model catalog formats each distinct case once."""
    keys = (
        zip(*(cols[c][rows].tolist() for c in rule.reads), strict=True) if rule.reads else ((),) * len(rows)
    )
    memo: dict = {}
    out = []
    for key, i in zip(keys, rows, strict=True):
        if key not in memo:
            memo[key] = fn(Row(cols, i), req, lang)
        out.append(memo[key])
    return out
