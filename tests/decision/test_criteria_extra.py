"""lock_in, longevity, support, customisation: direction (more is better, fixed once) and source per value."""

from __future__ import annotations

import math

import pytest

from advisor.catalog.card import ApiOffer, License, ModelCard
from advisor.decision import criteria as ce
from advisor.errors import CatalogError

AS_OF = "2026-11-22"


def card(id="m", org="OpenAI", open_weights=False, offers=("openai",), **kw) -> ModelCard:
    lic = (
        License(id="apache-2.0", name="Apache 2.0", permissive=True)
        if open_weights
        else License(id="proprietary", name="Proprietary")
    )
    return ModelCard(
        id=id,
        name=id,
        organization=org,
        open_weights=open_weights,
        license=lic,
        commercial_use="yes",
        offers=[ApiOffer(provider=p, input_usd_per_1m=1, output_usd_per_1m=2, source="test") for p in offers],
        **kw,
    )


TERMS = ce.load_vendor_terms()
RECORD = {"OpenAI": 16.0, "*": 14.0}


def facts(c):
    return ce.facts(c, TERMS, RECORD, AS_OF)


@pytest.mark.parametrize(
    ("criterion", "better", "worse", "source"),
    [
        (
            "lock_in",
            card(org="DeepSeek", open_weights=True, offers=("together", "fireworks", "deepinfra")),
            card(offers=("openai", "openrouter")),
            "catalog offers",
        ),
        (
            "longevity",
            card(org="Meta", open_weights=True),
            card(deprecation_date="2026-12-11"),
            "deprecation_date",
        ),
        ("longevity", card(release_date="2026-10-01"), card(release_date="2024-01-01"), "release/retirement"),
        ("support", card(), card(org="DeepSeek", offers=("deepseek",)), "openai.com/enterprise"),
        (
            "support",
            card(org="Meta", open_weights=True, offers=("groq",)),
            card(org="Meta", open_weights=True, offers=("together",)),
            "console.groq.com",
        ),
        ("customisation", card(org="Meta", open_weights=True), card(), "downloadable"),
        ("customisation", card(), card(org="SpaceXAI", offers=("xai",)), "fine-tuning API"),
    ],
)
def test_direction_and_source(criterion, better, worse, source):
    assert criterion in ce.EXTRA_CRITERIA
    hi, lo = facts(better)[criterion], facts(worse)[criterion]
    assert hi.value > lo.value
    assert source in hi.basis + " | " + lo.basis  # every value says where it came from


def test_directions_are_fixed_in_scoring_when_registered():
    from advisor.engine import scoring

    for name in ce.EXTRA_CRITERIA:
        if name in scoring.CRITERIA:
            assert scoring.CRITERIA[name].direction == "max"


def test_lock_in_counts_organisations_not_provider_ids_and_openrouter_only_alone():
    assert facts(card(org="SpaceXAI", offers=("xai", "spacexai", "openrouter")))["lock_in"].value == 1
    only_router = facts(card(org="Aion Labs", offers=("openrouter",)))["lock_in"]
    assert only_router.value == 1 and "OpenRouter" in only_router.basis
    assert facts(card(org="Meta", open_weights=True, offers=()))["lock_in"].value == 1  # self-hosting only


def test_longevity_scale():
    assert facts(card(org="Meta", open_weights=True))["longevity"].value == ce.OPEN_WEIGHTS_MONTHS
    assert facts(card(deprecation_date="2098-12-31"))["longevity"].value == ce.API_HORIZON_MONTHS
    assert facts(card(deprecated=True))["longevity"].value == 0
    # OpenAI record 16 months − age 2 months (2026-09-22 → 2026-11-22) ≈ 14
    assert facts(card(release_date="2026-09-22"))["longevity"].value == pytest.approx(14.0, abs=0.1)
    # old model: floored at OpenAI's 90-day notice
    assert facts(card(release_date="2023-01-01"))["longevity"].value == pytest.approx(90 / 30.44, abs=0.1)


def test_unknown_is_nan_with_a_basis():
    f = facts(card(org="Nobody Labs", offers=("nobody",)))
    assert math.isnan(f["support"].value) and "unknown" in f["support"].basis
    assert math.isnan(f["customisation"].value)


def test_deprecation_record_uses_the_catalog():
    cards = [
        card("a", release_date="2024-01-01", deprecation_date="2025-01-01"),
        card("b", release_date="2024-01-01", deprecation_date="2026-01-01"),
        card("c", org="Z", release_date="2024-01-01", deprecation_date="2024-07-01"),
    ]
    rec = ce.deprecation_record(cards)
    assert rec["OpenAI"] == pytest.approx(18.0, abs=0.1)  # median of 12 and 24 months
    assert "Z" not in rec  # one retirement is not a record


def test_every_vendor_terms_row_has_a_source():
    assert TERMS and all(t.source.strip() and t.as_of for t in TERMS.values())


def test_bad_vendor_terms_row_names_file_row_and_field(tmp_path):
    bad = tmp_path / "providers.csv"
    bad.write_text(
        "organization,source,api_providers,enterprise_support,fine_tuning_api,terms_source,terms_as_of\n"
        "X,curated,x,maybe,no,https://x,2026-01-01\n"
    )
    with pytest.raises(CatalogError, match=r"providers.csv: row 2: field enterprise_support"):
        ce.load_vendor_terms(bad)


def test_half_filled_terms_are_refused(tmp_path):
    bad = tmp_path / "providers.csv"
    bad.write_text("organization,source,enterprise_support\nX,curated,yes\n")
    with pytest.raises(CatalogError, match=r"row 2: .*fine_tuning_api, terms_source, terms_as_of"):
        ce.load_vendor_terms(bad)


def test_model_columns_on_the_real_catalog():
    from advisor.catalog import load_catalog

    cat = load_catalog()
    cols = ce.model_columns(cat.models)
    assert len(cols) == len(cat.models)
    for name in ce.EXTRA_CRITERIA:
        assert cols[f"{name}_basis"].str.len().min() > 0
    open_rows = cols[[c.open_weights for c in cat.models]]
    assert (open_rows["longevity"] == ce.OPEN_WEIGHTS_MONTHS).all()
    assert (open_rows["customisation"] == 2).all()
