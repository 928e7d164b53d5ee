"""Flatten ModelCards into one pandas row per model (for tables and vectorised filters)."""

from __future__ import annotations

from advisor.catalog.card import ApiOffer, ModelCard
from advisor.requirements import CAPABILITIES, TASKS


def blended(offer: ApiOffer) -> float:
    """USD per 1M tokens at a 3:1 input:output mix (Artificial Analysis' convention)."""
    return (3 * offer.input_usd_per_1m + offer.output_usd_per_1m) / 4


def cheapest_offer(card: ModelCard) -> ApiOffer | None:
    """The cheapest offer with a real price (free tiers with 0/0 are skipped); ties -> first party."""
    priced = [o for o in card.offers if o.input_usd_per_1m > 0 or o.output_usd_per_1m > 0]
    return min(priced, key=lambda o: (blended(o), not o.first_party, o.provider), default=None)


def row(card: ModelCard) -> dict:
    offer = cheapest_offer(card)
    out = {
        "id": card.id,
        "name": card.name,
        "organization": card.organization,
        "country": card.country,
        "open_weights": card.open_weights,
        "license": card.license.id,
        "license_name": card.license.name,
        "permissive": card.license.permissive,
        "commercial_use": card.commercial_use,
        "params_b": card.params_b,
        "active_params_b": card.active_params_b,
        "layers": card.layers,
        "kv_heads": card.kv_heads,
        "head_dim": card.head_dim,
        "context_tokens": card.context_tokens,
        "modalities": ",".join(card.modalities),
        "release_date": card.release_date,
        "deprecated": card.deprecated,
        "input_usd_per_1m": offer.input_usd_per_1m if offer else None,
        "output_usd_per_1m": offer.output_usd_per_1m if offer else None,
        "offer_provider": offer.provider if offer else None,
        "regions": ",".join(sorted({r for o in card.offers for r in o.regions})),
        "tokens_per_s": card.speed.output_tokens_per_s if card.speed else None,
        "ttft_s": card.speed.ttft_s if card.speed else None,
    }
    out.update({f"cap_{c}": c in card.capabilities for c in CAPABILITIES})
    for task in TASKS:
        q = card.quality.get(task)
        out[f"q_{task}"] = q.score if q else None
        out[f"q_{task}_low"] = q.low if q else None
        out[f"q_{task}_high"] = q.high if q else None
    return out


def to_frame(cards: list[ModelCard]):
    import pandas as pd

    return pd.DataFrame([row(c) for c in cards]).set_index("id", drop=False)
