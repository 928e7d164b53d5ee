"""The committed catalog is exactly what `advisor data build` produces, and meets the Done-when counts."""

from __future__ import annotations

import json

import pytest

from advisor.catalog import DEFAULT_PATH, load_catalog
from advisor.catalog.assemble import size_from_name
from advisor.catalog.build import build
from advisor.catalog.sources import arena


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("catalog")
    build(out_dir=out)
    return out


def test_rebuild_is_byte_identical_to_the_committed_catalog(rebuilt):
    assert (rebuilt / "catalog.jsonl").read_bytes() == DEFAULT_PATH.read_bytes(), "run `advisor data build`"
    assert (rebuilt / "catalog.meta.json").read_bytes() == DEFAULT_PATH.with_suffix(".meta.json").read_bytes()


def test_rows_are_sorted_by_id_and_carry_no_build_time():
    ids = [json.loads(line)["id"] for line in DEFAULT_PATH.read_text(encoding="utf-8").splitlines()]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    meta = json.loads(DEFAULT_PATH.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["build_date"] == max(s["as_of"] for s in meta["sources"].values())


def test_done_when_counts():
    cat = load_catalog()
    open_w = [m for m in cat.models if m.open_weights]
    closed = [m for m in cat.models if not m.open_weights]
    assert len(cat.models) >= 250
    assert len(open_w) >= 80
    assert [m.id for m in open_w if not m.params_b] == []
    priced = [m for m in closed if any(o.input_usd_per_1m > 0 for o in m.offers)]
    assert len(priced) / len(closed) >= 0.90


def test_every_model_of_the_freshest_arena_top_100_is_in_the_catalog():
    cat = load_catalog()
    assert [
        r["key"] for r in arena.board("text")[:100] if not (cat.resolve(r["key"]) or cat.resolve(r["name"]))
    ] == []


@pytest.mark.parametrize(
    ("model", "params", "active", "license_id", "commercial"),
    [
        ("kimi-k2.6", 1000, 32, "modified-mit", "restricted"),  # llmfit/AA are wrong here
        ("deepseek-v3.2", 671, 37, "mit", "yes"),
        ("gpt-oss-120b", 117, 5.1, "apache-2.0", "yes"),
        ("llama-3.3-70b", 70, 70, "llama-3.3", "restricted"),
        ("qwen3.5-397b-a17b", 403.4, 17, "apache-2.0", "yes"),  # llmfit counts the vision tower too
        ("command-a", 111, 111, "cc-by-nc-4.0", "no"),
    ],
)
def test_key_open_weights_facts(model, params, active, license_id, commercial):
    card = load_catalog().by_id[model]
    assert (card.params_b, card.active_params_b) == (params, active)
    assert (card.license.id, card.commercial_use) == (license_id, commercial)
    assert card.open_weights and "fine_tuning" in card.capabilities


def test_llama_restriction_names_the_monthly_active_user_cap():
    card = load_catalog().by_id["llama-3.3-70b"]
    assert "700M monthly active users" in (card.commercial_restriction or "")


def test_closed_frontier_model_has_a_first_party_offer_with_policy_and_regions():
    card = load_catalog().by_id["claude-opus-4.6"]
    first = [o for o in card.offers if o.first_party]
    assert first and first[0].provider == "anthropic" and first[0].trains_on_data is False
    assert "cn" not in first[0].regions and card.country == "US"
    assert not card.open_weights and card.params_b is None


def test_chinese_vendor_api_is_usable_in_china():
    card = load_catalog().by_id["deepseek-v3.2"]
    assert card.country == "CN"
    assert any("cn" in o.regions for o in card.offers if o.first_party)


def test_provenance_says_where_values_came_from():
    card = load_catalog().by_id["kimi-k2.6"]
    assert card.provenance["params_b"].source == "curated"
    assert (
        card.provenance["license"].source.startswith("lmarena")
        or card.provenance["license"].source == "curated"
    )
    assert card.speed is None or card.speed.source == "artificial-analysis"


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("qwen3.5-397b-a17b", (397, 17)),
        ("l3.3-euryale-70b", (70, None)),
        ("qwen3.8-2.4t-a95b", (2400, 95)),
        ("gpt-5", None),
    ],
)
def test_size_from_name(name, size):
    assert size_from_name(name) == size
