"""Catalog → numeric frames for vectorised filtering and scoring (built once per catalog, cached).

`Features.models`: one row per ModelCard (same order as `cards`); `Features.offers`: one row per priced API
offer (free tiers are skipped: `is_priced`), `mi` = row of its model. Quality per task is flattened into
q_<task>, lo_<task>, hi_<task>, ev_<task>.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from advisor.catalog.card import ModelCard
from advisor.requirements import CAPABILITIES, TASKS

EVIDENCE_RANK = {"direct": 0, "aligned": 1, "imputed": 2}
EVIDENCE_NAME = {v: k for k, v in EVIDENCE_RANK.items()}
REGIONS = ("cn", "eu", "us", "global")


@dataclass
class CatalogView:
    """What the engine needs from a catalog (the catalog package's `Catalog` has these attributes too)."""

    models: list[ModelCard]
    data_as_of: str = ""
    sources: dict[str, str] = field(default_factory=dict)


@dataclass
class Features:
    cards: list[ModelCard]
    models: pd.DataFrame
    offers: pd.DataFrame
    data_as_of: str
    sources: dict[str, str]
    regions: pd.DataFrame  # per model: reg_<region> = some offer is usable there
    fit_cache: dict = field(default_factory=dict)  # hardware estimates, keyed by architecture + hardware
    arrays: dict = field(default_factory=dict)  # column -> numpy array of `models` (filled on first use)
    arch: dict = field(default_factory=dict)  # model row -> (ModelFacts, its cache key) (filled on first use)

    def column(self, name: str) -> np.ndarray:
        if name not in self.arrays:
            self.arrays[name] = self.models[name].to_numpy()
        return self.arrays[name]


def is_priced(offer) -> bool:
    """$0 in and out is a rate-limited free tier (Gemma via gemini, OpenRouter ":free"), not a price you can
    build on: such offers are left out of cost, regions and the API route."""
    return offer.input_usd_per_1m > 0 or offer.output_usd_per_1m > 0


def _dates(cards: list[ModelCard]) -> dict[str, str]:
    """source -> freshest snapshot date seen in the cards (used when the catalog doesn't say)."""
    out: dict[str, str] = {}
    for card in cards:
        items = [*card.quality.values(), *card.offers, *([card.speed] if card.speed else [])]
        for item in items:
            if item.as_of and item.as_of > out.get(item.source, ""):
                out[item.source] = item.as_of
    return out


def as_catalog(catalog: Any = None) -> Any:
    """None → the shipped catalog; a path → that catalog file; a list of ModelCards → wrapped;
    anything with `.models` (a `Catalog`) → itself."""
    if catalog is not None and hasattr(catalog, "models"):
        return catalog
    if isinstance(catalog, list):
        return CatalogView(models=catalog)
    from advisor.catalog import load_catalog

    return load_catalog(catalog)


_CACHE: dict[int, tuple[Any, Features]] = {}


def features(catalog: Any) -> Features:
    """Numeric frames for `catalog`, cached per catalog object (the cache keeps the object alive)."""
    key = id(catalog)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is catalog:
        return hit[1]
    feats = build_features(list(catalog.models))
    sources = dict(getattr(catalog, "sources", None) or feats.sources)
    feats.sources = sources
    feats.data_as_of = getattr(catalog, "data_as_of", "") or max(sources.values(), default="")
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (catalog, feats)
    return feats


def build_features(cards: list[ModelCard]) -> Features:
    cols: dict[str, list] = {
        k: []
        for k in (
            "id name organization country open_weights license_id license_name permissive commercial_use "
            "commercial_restriction params_b active_params_b layers kv_heads head_dim context_tokens "
            "deprecated deprecation_date speed_tps n_offers"
        ).split()
    }
    caps = {c: [] for c in CAPABILITIES}
    qual = {f"{p}_{t}": [] for t in TASKS for p in ("q", "lo", "hi", "ev")}
    offers: dict[str, list] = {k: [] for k in ("mi provider in_usd out_usd trains first_party".split())}
    offers.update({f"region_{r}": [] for r in REGIONS})
    nan = float("nan")
    for i, c in enumerate(cards):
        for k, v in (
            ("id", c.id),
            ("name", c.name),
            ("organization", c.organization),
            ("country", c.country),
            ("open_weights", c.open_weights),
            ("license_id", c.license.id),
            ("license_name", c.license.name),
            ("permissive", c.license.permissive),
            ("commercial_use", c.commercial_use),
            ("commercial_restriction", c.commercial_restriction),
            ("params_b", c.params_b or nan),
            ("active_params_b", c.active_params_b or c.params_b or nan),
            ("layers", c.layers or nan),
            ("kv_heads", c.kv_heads or nan),
            ("head_dim", c.head_dim or nan),
            ("context_tokens", c.context_tokens or nan),
            ("deprecated", c.deprecated),
            ("deprecation_date", c.deprecation_date),
            ("speed_tps", (c.speed.output_tokens_per_s if c.speed else None) or nan),
            ("n_offers", len(priced := [o for o in c.offers if is_priced(o)])),
        ):
            cols[k].append(v)
        have = set(c.capabilities) | ({"vision"} if "image" in c.modalities else set())
        for cap in CAPABILITIES:
            caps[cap].append(cap in have)
        for t in TASKS:
            q = c.quality.get(t)
            qual[f"q_{t}"].append(q.score if q else nan)
            qual[f"lo_{t}"].append(q.low if q else nan)
            qual[f"hi_{t}"].append(q.high if q else nan)
            qual[f"ev_{t}"].append(EVIDENCE_RANK[q.evidence] if q else nan)
        for o in priced:
            for k, v in (
                ("mi", i),
                ("provider", o.provider),
                ("in_usd", o.input_usd_per_1m),
                ("out_usd", o.output_usd_per_1m),
                ("trains", nan if o.trains_on_data is None else float(o.trains_on_data)),
                ("first_party", o.first_party),
            ):
                offers[k].append(v)
            for r in REGIONS:
                offers[f"region_{r}"].append(r in o.regions)
    models = pd.DataFrame({**cols, **{f"cap_{k}": v for k, v in caps.items()}, **qual})
    from advisor.decision.criteria import model_columns  # issue 7: lock_in, longevity, support, customisation

    models = pd.concat([models, model_columns(cards)], axis=1)
    offer_frame = pd.DataFrame(offers).astype({"mi": np.int64})
    regions = pd.DataFrame(False, index=models.index, columns=[f"reg_{r}" for r in REGIONS])
    if len(offer_frame):
        union = offer_frame.groupby("mi")[[f"region_{r}" for r in REGIONS]].max()
        regions.loc[union.index] = union.to_numpy()
    return Features(cards, models, offer_frame, "", _dates(cards), regions)
