"""The deterministic explanation and "why not X?" answers, in English and 中文."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from advisor import i18n
from advisor.explain import explain, find_model, md, why_not
from tests.export.sample import sample_recommendation


class FakeCatalog:
    """Just enough of `Catalog.resolve` for the 'ranked below the shortlist' answer."""

    def __init__(self, **cards):
        self.cards = {k.lower(): SimpleNamespace(id=v, name=k) for k, v in cards.items()}

    def resolve(self, name):
        return self.cards.get(name.strip().lower())


NO_CATALOG = FakeCatalog()


@pytest.mark.parametrize(
    "model, lang, expected",
    [
        ("Qwen3 32B", "en", ["is the top pick", "#1", "0.840"]),
        ("glm-4.5-air", "en", ["#2", "0.820", "0.020 less than Qwen3 32B", "speed −0.040"]),
        ("Mistral Small 3.2 24B", "zh", ["排第 3 名", "0.480", "比 Qwen3 32B 低 0.360"]),
        ("GPT-5", "en", ["excluded by the privacy rule", "closed weights"]),
        ("Llama 3.1 405B", "en", ["hardware rule", "231.5 GB", "a 256 GB GPU setup"]),
        ("command-r-plus", "zh", ["许可证规则", "CC-BY-NC-4.0"]),
        ("Foo Model 9000", "en", ["'Foo Model 9000' is not in the catalog"]),
        ("Foo Model 9000", "zh", ["目录中没有“Foo Model 9000”"]),
    ],
)
def test_why_not(model, lang, expected):
    text = why_not(sample_recommendation(), model, lang, catalog=NO_CATALOG)
    for part in expected:
        assert part in text


def test_why_not_a_catalog_model_below_the_shortlist():
    catalog = FakeCatalog(**{"Gemma 3 27B": "gemma-3-27b"})
    assert "ranked below the 3 models shown" in why_not(
        sample_recommendation(), "Gemma 3 27B", "en", catalog=catalog
    )


def test_why_not_without_any_catalog_never_raises():
    broken = SimpleNamespace(resolve=lambda name: 1 / 0)
    assert "not in the catalog" in why_not(sample_recommendation(), "Nope", "en", catalog=broken)


@pytest.mark.parametrize(
    "question, lang, expected",
    [
        ("Why not GPT-5?", "en", "excluded by the privacy rule"),
        ("为什么不是 Command R+？", "zh", "许可证规则"),
        ("why not glm 4.5 air", "en", "#2"),
        ("why not Foo 9000?", "en", "'Foo 9000' is not in the catalog"),
        ("为什么不用 Claude 9？", "zh", "目录中没有“Claude 9”"),
    ],
)
def test_questions_naming_a_model_are_answered(question, lang, expected):
    text = explain(sample_recommendation(), lang, question, catalog=NO_CATALOG)
    assert expected in text and "2026-11-22" in text


def test_a_question_without_a_model_gets_the_full_explanation():
    rec = sample_recommendation()
    assert explain(rec, "en", "what drives the cost?", catalog=NO_CATALOG) == explain(rec, "en")


def test_longest_name_wins():
    rec = sample_recommendation()
    assert find_model(rec, "is mistral small 3.2 24b any good") == "mistral-small-3.2"
    assert find_model(rec, "nothing here") is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explanation_uses_only_recommendation_numbers(lang):
    rec = sample_recommendation()
    text = explain(rec, lang)
    for must in ("Qwen3 32B", "0.840", "GLM-4.5-Air", "Llama 3.1 405B", "2026-11-22", rec.gap_note):
        assert must in text
    top = rec.recommendations[0]
    for c in top.criteria.values():
        assert f"{c.contribution:.3f}" in text


def test_no_picks():
    rec = sample_recommendation().model_copy(
        update={"recommendations": [], "warnings": ["budget removed the most (14 models)"]}
    )
    for lang, words in (("en", "No model meets every constraint"), ("zh", "没有模型满足全部约束")):
        text = explain(rec, lang)
        assert words in text and "budget removed the most" in text


def test_markdown_escaping():
    assert md("<b>x</b> | [a](b) *c*") == "\\<b\\>x\\</b\\> \\| \\[a\\](b) \\*c\\*"
    assert md("Q4_K_M") == "Q4_K_M" and md("_x_") == "\\_x\\_"
    assert md("# heading") == "\\# heading" and md("1. item") == "1\\. item" and md("-5 °C") == "-5 °C"


def test_every_string_has_both_languages_with_the_same_placeholders():
    for key, (en, zh) in i18n.STRINGS.items():
        assert en and zh, key
        assert set(re.findall(r"{(\w+)}", en)) == set(re.findall(r"{(\w+)}", zh)), key
    for group, values in i18n.LABELS.items():
        for value, pair in values.items():
            assert len(pair) == 2 and all(pair), (group, value)
    assert i18n.label("rule", "something_new", "zh") == "something_new"
    assert i18n.norm_lang("zh-CN") == "zh" and i18n.norm_lang(None) == "en"


def _variant():
    """The sample with an API pick, a CPU-only self-hosted pick, no stability check and CPU-only requirements."""
    rec = sample_recommendation()
    p1, p2, p3 = rec.recommendations
    p2 = p2.model_copy(
        update={"deployment": "api", "provider": None, "quantization": None, "gpu": None, "gpu_rented": None}
    )
    p3 = p3.model_copy(update={"gpu": None, "gpu_count": None, "gpu_rented": None, "monthly_cost_usd": None})
    p1.criteria["speed"] = p1.criteria["speed"].model_copy(update={"value": None})
    req = rec.requirements.model_copy(
        update={"hardware": rec.requirements.hardware.model_copy(update={"gpu": None, "ram_gb": 64})}
    )
    return rec.model_copy(update={"recommendations": [p1, p2, p3], "stability": None, "requirements": req})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_api_and_cpu_picks_and_missing_values(lang):
    from advisor import export

    rec = _variant()
    text = explain(rec, lang)
    assert "n/a" in text  # the top pick's unknown speed
    assert "### Stability" not in text and "### 稳定性" not in text
    md = export.to_markdown(rec, lang)
    assert ("CPU only, RAM 64 GB" in md) or ("仅 CPU, RAM 64 GB" in md)
    assert (
        "| 2 | GLM-4.5-Air | API |" in md and "| 3 | Mistral Small 3.2 24B | " in md and " — |" in md
    )  # unknown monthly cost shows as a dash


def test_why_not_through_a_catalog_alias():
    catalog = FakeCatalog(**{"gpt5": "gpt-5", "qwen 3 32b": "qwen3-32b"})
    rec = sample_recommendation()
    assert "privacy" in why_not(rec, "gpt5", "en", catalog=catalog)
    assert "is the top pick" in why_not(rec, "qwen 3 32b", "en", catalog=catalog)
