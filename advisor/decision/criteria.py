"""Four criteria beyond quality and price (issue 7), per model, each value with the sentence saying where it
came from: catalog facts (offers, open weights, release and retirement dates) and the business terms in
data/providers.csv (curated per organisation: enterprise support / SLA, fine-tuning API, deprecation notice;
their own source column, `terms_source`).

All four are MAX criteria (more is better); scoring.CRITERIA fixes the directions. Unknown = NaN, which the
scoring treats as neutral (median). Method and scales: docs/decision.md.
- lock_in: independent ways to run the model = distinct organisations serving it (OpenRouter only counts
  when nobody else does: it routes to others) + 1 when the weights are downloadable (self-hosting).
- longevity: expected months it stays available. Open weights: OPEN_WEIGHTS_MONTHS (a downloaded copy can't
  be withdrawn). API: months to an announced retirement date; else the vendor's typical API lifespan (its
  record in the catalog) minus the model's age, never below the vendor's notice period; capped at API_HORIZON.
- support: 2 = the vendor offers enterprise support / an SLA; 1 = a provider serving it does; 0 = neither.
- customisation: 2 = downloadable weights (fine-tune it yourself); 1 = a fine-tuning API (vendor or cloud);
  0 = neither.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from advisor.catalog.card import ModelCard

PROVIDERS = Path(__file__).resolve().parents[2] / "data" / "providers.csv"
EXTRA_CRITERIA = ("lock_in", "longevity", "support", "customisation")
OPEN_WEIGHTS_MONTHS = 60.0  # beyond any API horizon: weights you hold don't expire
API_HORIZON_MONTHS = 36.0  # announced dates further out (or litellm's 2098 placeholders) all count as this
DAYS_PER_MONTH = 30.44
ROUTERS = ("openrouter",)
MIN_RECORD = 2  # retirements needed before a vendor's own record is used (else every vendor's median)

Answer = Literal["yes", "no", "unknown"]


class VendorTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organization: str = Field(min_length=1)
    api_providers: str = ""
    enterprise_support: Answer
    fine_tuning_api: Literal["yes", "no", "cloud", "unknown"]
    deprecation_notice_days: int | None = Field(None, ge=0)
    source: str = Field(min_length=1)
    as_of: str
    note: str = ""

    @property
    def providers(self) -> list[str]:
        return [p.strip() for p in self.api_providers.split(";") if p.strip()]


@lru_cache(maxsize=4)
def load_vendor_terms(path: str | Path | None = None) -> dict[str, VendorTerms]:
    """organization -> terms, from the organisations in data/providers.csv that have business terms.

    The catalog's reader validates the file; a bad row raises CatalogError naming the file, row and field.
    """
    from advisor.catalog.facts import read_providers

    rows = read_providers(Path(path or PROVIDERS))
    return {
        p.organization: VendorTerms(
            organization=p.organization,
            api_providers=p.api_providers or "",
            enterprise_support=p.enterprise_support,
            fine_tuning_api=p.fine_tuning_api,
            deprecation_notice_days=p.deprecation_notice_days,
            source=p.terms_source,
            as_of=p.terms_as_of,
            note=p.terms_note or "",
        )
        for p in rows
        if p.enterprise_support is not None
    }


@dataclass(frozen=True)
class Fact:
    value: float  # NaN = unknown
    basis: str


def provider_orgs(terms: dict[str, VendorTerms]) -> dict[str, str]:
    """API provider id (as in catalog offers) -> the organisation running it."""
    return {p: org for org, t in terms.items() for p in t.providers}


def lock_in(card: ModelCard, terms: dict[str, VendorTerms]) -> Fact:
    orgs = provider_orgs(terms)
    hosts = sorted({orgs.get(o.provider, o.provider) for o in card.offers if o.provider not in ROUTERS})
    if not hosts and any(o.provider in ROUTERS for o in card.offers):
        hosts = ["OpenRouter (routed)"]
    n = len(hosts) + (1 if card.open_weights else 0)
    served = f"served by {len(hosts)} organisation(s): {', '.join(hosts)}" if hosts else "no API offer"
    own = "; open weights, so you can also host it yourself" if card.open_weights else "; closed weights"
    return Fact(float(n), f"{n} independent way(s) to run it — {served} (catalog offers){own}")


def _months(start: str, end: str) -> float:
    return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days / DAYS_PER_MONTH


def _date_ok(text: str | None) -> bool:
    try:
        return bool(text) and date.fromisoformat(text[:10]).year < 2090
    except ValueError:
        return False


def deprecation_record(cards: list[ModelCard]) -> dict[str, float]:
    """organization -> median months from release to (announced) retirement of its API models in the catalog;
    key '*' = the median over every vendor."""
    spans: dict[str, list[float]] = {}
    for c in cards:
        if not c.open_weights and _date_ok(c.release_date) and _date_ok(c.deprecation_date):
            span = _months(c.release_date, c.deprecation_date)
            if span > 0:
                spans.setdefault(c.organization, []).append(span)
    every = [s for v in spans.values() for s in v]
    out = {org: statistics.median(v) for org, v in spans.items() if len(v) >= MIN_RECORD}
    out["*"] = statistics.median(every) if every else API_HORIZON_MONTHS / 2
    return out


def longevity(card: ModelCard, terms: dict[str, VendorTerms], record: dict[str, float], as_of: str) -> Fact:
    if card.open_weights:
        return Fact(OPEN_WEIGHTS_MONTHS, "open weights: a downloaded copy can't be withdrawn by the vendor")
    if card.deprecated:
        return Fact(0.0, f"retired by its vendor ({card.deprecation_date or 'date not given'})")
    if card.deprecation_date and _date_ok(card.deprecation_date):
        left = min(API_HORIZON_MONTHS, max(0.0, _months(as_of, card.deprecation_date)))
        return Fact(
            round(left, 1),
            f"retirement announced for {card.deprecation_date[:10]} (catalog "
            f"deprecation_date: OpenRouter expiration_date / litellm deprecation_date): {left:.1f} months left",
        )
    if card.deprecation_date:  # a placeholder far in the future: no retirement planned
        return Fact(
            API_HORIZON_MONTHS, "API; no retirement planned (catalog deprecation_date is a placeholder)"
        )
    t = terms.get(card.organization)
    notice = (t.deprecation_notice_days or 0) / DAYS_PER_MONTH if t else 0.0
    own = card.organization in record
    life = record[card.organization] if own else record["*"]
    whose = f"{card.organization}'s" if own else "API vendors'"
    if _date_ok(card.release_date):
        age = max(0.0, _months(card.release_date, as_of))
        left, how = life - age, f"{whose} typical API lifespan {life:.0f} months − age {age:.0f} months"
    else:
        left, how = life / 2, f"half of {whose} typical API lifespan {life:.0f} months (release date unknown)"
    if t is not None and left < notice:
        left, how = notice, how + f", raised to the {notice:.0f}-month notice period ({t.source})"
    left = min(API_HORIZON_MONTHS, max(0.0, left))
    return Fact(
        round(left, 1), f"API, no retirement announced: {how} (catalog release/retirement dates) = {left:.1f}"
    )


def support(card: ModelCard, terms: dict[str, VendorTerms]) -> Fact:
    own = terms.get(card.organization)
    if own and own.enterprise_support == "yes":
        return Fact(2.0, f"{card.organization} offers enterprise support / an SLA ({own.source})")
    orgs = provider_orgs(terms)
    hosts = sorted({orgs.get(o.provider, o.provider) for o in card.offers})
    sla = [h for h in hosts if h in terms and terms[h].enterprise_support == "yes"]
    if sla:
        return Fact(
            1.0, f"{', '.join(sla)} serve(s) it with an SLA ({'; '.join(terms[h].source for h in sla)})"
        )
    if own and own.enterprise_support == "no":
        return Fact(
            0.0,
            f"{card.organization} publishes no SLA or enterprise support ({own.source}); "
            "no provider serving it is known to",
        )
    return Fact(math.nan, f"unknown: no support terms on file for {card.organization} (data/providers.csv)")


def customisation(card: ModelCard, terms: dict[str, VendorTerms]) -> Fact:
    if card.open_weights:
        where = f" ({card.hf_repo})" if card.hf_repo else ""
        return Fact(2.0, f"weights downloadable{where}: fine-tune, distil or quantise it yourself")
    t = terms.get(card.organization)
    if t is None or t.fine_tuning_api == "unknown":
        return Fact(math.nan, f"unknown: no fine-tuning terms on file for {card.organization}")
    if t.fine_tuning_api == "yes":
        return Fact(1.0, f"{card.organization} offers a fine-tuning API (selected models; {t.source})")
    if t.fine_tuning_api == "cloud":
        return Fact(1.0, f"fine-tuning only through a cloud partner ({t.source})")
    return Fact(0.0, f"closed weights and no fine-tuning API from {card.organization} ({t.source})")


def catalog_as_of(cards: list[ModelCard]) -> str:
    """Freshest snapshot date in the cards: ages and months-left are measured from here (deterministic)."""
    dates = [i.as_of for c in cards for i in (*c.offers, *c.quality.values()) if i.as_of]
    return max(dates, default="2026-01-01")


def facts(
    card: ModelCard, terms: dict[str, VendorTerms], record: dict[str, float], as_of: str
) -> dict[str, Fact]:
    return {
        "lock_in": lock_in(card, terms),
        "longevity": longevity(card, terms, record, as_of),
        "support": support(card, terms),
        "customisation": customisation(card, terms),
    }


def model_columns(cards: list[ModelCard], as_of: str | None = None) -> pd.DataFrame:
    """One row per card (same order): the four values and their `<name>_basis` sentences."""
    terms, record = load_vendor_terms(), deprecation_record(cards)
    as_of = as_of or catalog_as_of(cards)
    rows = [facts(c, terms, record, as_of) for c in cards]
    cols: dict[str, list] = {}
    for name in EXTRA_CRITERIA:
        cols[name] = [r[name].value for r in rows]
        cols[f"{name}_basis"] = [r[name].basis for r in rows]
    return pd.DataFrame(cols, index=pd.RangeIndex(len(cards)))
