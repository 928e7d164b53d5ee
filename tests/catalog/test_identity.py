"""What a demanding user sees first: clean unique names, one model per row, real prices, honest regions."""

from __future__ import annotations

import pytest

from advisor.catalog import facts, load_catalog
from advisor.catalog.names import clean_name, pretty_id
from advisor.errors import CatalogError

CN_VENDORS = ("DeepSeek", "Alibaba", "Moonshot", "Z.ai", "MiniMax", "Baidu", "Tencent", "Bytedance")
HOSTS = ("openrouter", "together", "fireworks", "groq", "deepinfra")


@pytest.fixture(scope="module")
def cat():
    return load_catalog()


def test_names_are_clean_human_and_unique(cat):
    names = [m.name for m in cat.models]
    assert [n for n in names if n != n.strip() or "  " in n] == []
    assert [n for n in names if "(free)" in n.lower() or ": " in n] == []
    assert len({n.lower() for n in names}) == len(names), "two models share a display name"
    assert [
        m.id for m in cat.models if m.name == m.id and not m.id.startswith(("o1", "o3", "o4", "gpt-oss"))
    ] == []


@pytest.mark.parametrize(
    ("model", "name"),
    [
        ("glm-5.3-flash", "GLM-5.3 Flash"),  # no human name in any source: prettified id
        ("mimo-v2.6-pro", "MiMo-V2.6 Pro"),
        ("deepseek-v4.1-flash-max", "DeepSeek-V4.1 Flash Max"),
        ("ernie-5.0-0110", "ERNIE 5.0 0110"),
        ("gemma-4-26b-a4b", "Gemma 4 26B A4B"),  # OpenRouter's trailing space trimmed
        ("dots-3-note", "Dots3-Note Preview"),  # "(free)" dropped
        ("claude-opus-5.5", "Claude Opus 5.5"),  # not the Arena key `claude-opus-5.5-high`
        ("gpt-oss-120b", "gpt-oss-120b"),  # curated: OpenAI writes it in lowercase
        ("mistral-large-3", "Mistral Large 3"),
    ],
)
def test_display_names(cat, model, name):
    assert cat.by_id[model].name == name


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Google: Gemma 4 26B A4B  (free)", "Gemma 4 26B A4B"),
        ("GPT-5 Chat (latest)", "GPT-5 Chat"),
        ("Kimi K2.5 (Reasoning)", "Kimi K2.5"),
        ("   ", None),
        (None, None),
    ],
)
def test_clean_name(text, clean):
    assert clean_name(text) == clean


@pytest.mark.parametrize(
    ("model_id", "name"),
    [
        ("qwen2.5-max", "Qwen2.5 Max"),
        ("phi-3-mini-4k", "Phi-3 Mini 4K"),
        ("gemini-2.5-flash-preview-09-2025", "Gemini 2.5 Flash Preview 09-2025"),
        ("kimi-k2-thinking-turbo", "Kimi K2 Thinking Turbo"),
        ("o1-pro", "o1-pro"),
    ],
)
def test_pretty_id(model_id, name):
    assert pretty_id(model_id) == name


def test_no_free_tier_offers(cat):
    """$0 in and out = a rate-limited free tier (Gemini's trains on your data) or a `:free` variant: not offers."""
    free = [
        (m.id, o.provider)
        for m in cat.models
        for o in m.offers
        if not (o.input_usd_per_1m or o.output_usd_per_1m)
    ]
    assert free == []
    gemma = cat.by_id["gemma-4-26b-a4b"]
    assert gemma.offers and min(o.input_usd_per_1m for o in gemma.offers) > 0


def test_one_model_per_row(cat):
    assert "mistral-large-2512" not in cat.by_id  # merged into Mistral Large 3
    large3 = cat.by_id["mistral-large-3"]
    assert cat.resolve("mistralai/mistral-large-2512") is large3 and large3.release_date == "2025-12-02"
    large2 = cat.by_id["mistral-large"]  # Large 2.1 (2411): no price of the moving `mistral-large-latest`
    assert [o.provider for o in large2.offers if o.first_party] == []
    assert "mistral/mistral-large-latest" not in sum(large2.aliases.values(), [])
    assert "qwen/qwen-plus-2025-07-28" not in cat.by_id["qwen-plus"].aliases.get("openrouter", [])


def test_excluded_names_apply_to_every_source():
    """`openai/gpt-3.5-turbo-instruct` normalises to `gpt-3.5-turbo`; its exclusion row keeps it out."""
    from advisor.catalog.aliases import excluded, load_aliases
    from advisor.catalog.build import gather
    from advisor.catalog.sources import SOURCES_DIR

    found, _ = gather(load_aliases(), SOURCES_DIR)
    joined = {
        (s, r.get("id") or r.get("key"))
        for g in found.values()
        for s in ("openrouter", "litellm")
        for r in getattr(g, s)
    }
    assert [name for name in excluded() if name in joined] == []
    assert "openai/gpt-3.5-turbo-instruct" not in [m["id"] for m in found["gpt-3.5-turbo"].openrouter]
    assert "mistral/mistral-large-latest" not in [m["key"] for m in found["mistral-large"].litellm]


def test_chinese_first_party_apis_serve_mainland_china_and_us_ones_do_not(cat):
    first = [(m, o) for m in cat.models for o in m.offers if o.first_party]
    cn = {m.organization for m, o in first if m.organization in CN_VENDORS and "cn" in o.regions}
    assert {"DeepSeek", "Alibaba", "Moonshot", "Z.ai", "MiniMax", "Baidu"} <= cn
    assert [(m.id, o.provider) for m, o in first if m.country == "CN" and "cn" not in o.regions] == []
    assert [(m.id, o.provider) for m, o in first if m.country == "US" and "cn" in o.regions] == []
    for org in CN_VENDORS:  # even where we have no priced offer (Tencent, ByteDance), the fact is on file
        assert "cn" in next(p for p in facts.providers() if p.organization == org).regions()


def test_third_party_hosts_are_never_marked_mainland_china(cat):
    hosted = [
        (m.id, o.provider) for m in cat.models for o in m.offers if o.provider in HOSTS and "cn" in o.regions
    ]
    assert hosted == []


def test_providers_file_refuses_duplicates_unknown_regions_and_half_filled_terms(tmp_path):
    head = "organization,source,api_regions,enterprise_support,fine_tuning_api,terms_source,terms_as_of\n"
    cases = [
        ("X,curated,us,,,,\nX,curated,eu,,,,\n", r"row 3: field organization: X is listed twice"),
        ("X,curated,us;mars,,,,\n", r"row 2: field api_regions: .*mars"),
        ("X,curated,us,yes,,,\n", r"row 2: .*fine_tuning_api, terms_source, terms_as_of"),
    ]
    for body, message in cases:
        (tmp_path / "providers.csv").write_text(head + body, encoding="utf-8")
        with pytest.raises(CatalogError, match=message):
            facts.providers(tmp_path)
