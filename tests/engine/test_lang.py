"""The engine speaks the user's language: `recommend(..., lang="zh")` writes every sentence in 简体中文 from the
templates in advisor/i18n_engine.py, and changes no number, rank or rule."""

from __future__ import annotations

import json
import re
import string

import numpy as np
import pytest

from advisor import i18n, i18n_engine
from advisor.catalog import load_catalog
from advisor.cli import main
from advisor.engine import filters, rank, reasons, recommend, scoring, validate
from advisor.errors import InputError
from tests.engine.conftest import FIXTURE

CJK = re.compile(r"[\u4e00-\u9fff]")

SCENARIOS = {
    # the browser journey: a law firm, contracts must stay in-house, one RTX 3090
    "law_firm_rtx3090": {"tasks": ["chinese"], "languages": ["zh"], "privacy": "self_hosted",
                         "license": "commercial", "hardware": {"gpu": "RTX 3090"}},
    "api_budget": {"tasks": ["coding"], "deployment": "api", "budget_usd_per_month": 30, "privacy": "no_training"},
    "api_any_provider": {"tasks": ["general"], "region": "cn", "license": "permissive", "min_context_tokens": 100_000},
    "rented_gpus": {"tasks": ["coding"], "deployment": "self_hosted", "min_tokens_per_s": 30},
    "cpu_only": {"tasks": ["general"], "privacy": "self_hosted", "hardware": {"gpu": None, "ram_gb": 32},
                 "capabilities": ["tool_calling"]},
    "impossible": {"tasks": ["coding"], "privacy": "self_hosted", "license": "permissive", "open_weights": True,
                   "hardware": {"gpu": "RTX 3060"}, "min_context_tokens": 1_000_000, "budget_usd_per_month": 1},
}  # fmt: skip


def _fields(s: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(s) if name is not None)


def test_engine_templates_have_both_languages_and_the_same_placeholders():
    for key, pair in i18n_engine.ENGINE_STRINGS.items():
        assert isinstance(pair, tuple) and len(pair) == 2 and all(pair), key
        en, zh = pair
        assert _fields(en) == _fields(zh), key
        assert i18n.STRINGS[key] == pair, f"{key} collides with an advisor.i18n entry"
        if key != "e_list_sep":
            assert CJK.search(zh), f"{key}: the Chinese template has no Chinese"


def test_engine_keys_do_not_shadow_the_other_strings():
    from advisor import i18n_engine as mod

    base = {k for k in i18n.STRINGS if k not in mod.ENGINE_STRINGS}
    assert len(base) + len(mod.ENGINE_STRINGS) == len(i18n.STRINGS)


def test_every_stability_weight_change_is_translated():
    """scoring.perturbed_weights writes 'weigh <criterion> 20% more|less'; reasons.weight_change must parse
    every one of them (else the English label would leak into Chinese output)."""
    weights = {name: 1 / len(scoring.CRITERIA) for name in scoring.CRITERIA}
    for change, _ in scoring.perturbed_weights(weights):
        assert reasons.weight_change(change, "en") == change
        zh = reasons.weight_change(change, "zh")
        assert CJK.search(zh) and "weigh" not in zh, zh


def _sentences(rec) -> dict[str, list[str]]:
    return {
        "reasons": [s for p in rec.recommendations for s in p.reasons],
        "basis": [s for p in rec.recommendations for s in p.basis],
        "cost_basis": [p.cost_basis for p in rec.recommendations if p.cost_basis],
        "excluded": [s for e in rec.excluded for s in e.reasons],
        "near_misses": [n.change for n in rec.near_misses],
        "stability": [rec.stability.note] if rec.stability else [],
        "what_would_change": [x for w in rec.what_would_change for x in (w.change, w.effect)],
        "warnings": list(rec.warnings),
        "assumptions": list(rec.assumptions),
        "gap_note": [rec.gap_note] if rec.gap_note else [],
    }


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def any_catalog(request, catalog):
    return catalog if request.param == "fixture" else load_catalog()


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_chinese_recommendation_has_no_english_sentence(any_catalog, name):
    rec = recommend(SCENARIOS[name], catalog=any_catalog, lang="zh")
    assert rec.lang == "zh"
    texts = _sentences(rec)
    assert texts["reasons"] or texts["warnings"], name
    for field, lines in texts.items():
        for line in lines:
            assert CJK.search(line), f"{name} {field}: {line!r}"
    if name == "impossible":
        assert rec.recommendations == [] and rec.warnings


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_language_changes_words_not_the_answer(catalog, name):
    en, zh = (recommend(SCENARIOS[name], catalog=catalog, lang=lang) for lang in ("en", "zh"))
    assert en.lang == "en" and zh.lang == "zh"
    assert [(p.model_id, p.score, p.monthly_cost_usd, p.tied_with) for p in en.recommendations] == [
        (p.model_id, p.score, p.monthly_cost_usd, p.tied_with) for p in zh.recommendations
    ]
    assert [(e.model_id, e.rule, len(e.reasons)) for e in en.excluded] == [
        (e.model_id, e.rule, len(e.reasons)) for e in zh.excluded
    ]
    assert [(n.model_id, n.would_rank) for n in en.near_misses] == [
        (n.model_id, n.would_rank) for n in zh.near_misses
    ]
    assert len(en.warnings) == len(zh.warnings) and len(en.assumptions) == len(zh.assumptions)
    for a, b in zip(_sentences(en)["excluded"], _sentences(zh)["excluded"], strict=True):
        assert sorted(re.findall(r"\d+(?:\.\d+)?", a)) == sorted(re.findall(r"\d+(?:\.\d+)?", b)), (a, b)


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_rule_reason_and_change_exists_in_chinese(catalog, name):
    """Every failing row of every rule (not only the closest row per model) gets a Chinese sentence."""
    r = rank(validate(SCENARIOS[name]), catalog)
    cols, fails, req = r["columns"], r["fails"], r["requirements"]
    for j, rule in enumerate(filters.RULES):
        rows = np.flatnonzero(fails[:, j])
        for fn in (rule.reason, rule.change):
            for text in filters.rule_texts(fn, rule, cols, rows, req, "zh"):
                assert text is None or CJK.search(text), (rule.name, text)


def test_english_sentences_are_unchanged(catalog):
    rec = recommend(SCENARIOS["impossible"], catalog=catalog)
    assert rec.lang == "en"
    assert rec.warnings[0].startswith("No model meets all your constraints; the ")
    assert rec.assumptions[0] == (
        "Workload: 1,000 requests/day × (1,000 input + 300 output tokens), 30 days/month."
    )


def test_unknown_language_is_a_clear_error(catalog):
    with pytest.raises(InputError, match="lang"):
        recommend({"tasks": ["coding"]}, catalog=catalog, lang="fr")


def test_python_api_passes_the_language(catalog):
    import advisor

    assert advisor.recommend({"tasks": ["coding"]}, catalog=catalog, lang="zh").lang == "zh"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cli_recommend_lang(capsys, lang):
    code = main(
        ["recommend", "--catalog", str(FIXTURE), "--task", "coding", "--format", "json", "--lang", lang]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["lang"] == lang
    has_cjk = bool(CJK.search(data["recommendations"][0]["reasons"][0]))
    assert has_cjk == (lang == "zh")


@pytest.mark.parametrize(
    ("source", "top_k"), [("fixture", 5), ("fixture", 10), ("shipped", 5), ("shipped", 40)]
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_training_data_warning_names_the_shortlisted_picks(catalog, source, top_k, lang):
    """Providers that train on API data (or don't say) give ONE warning for the shortlist, not one per pick:
    the first reasons.TRAINS_NAMED picks named with their provider, the rest counted."""
    cat = catalog if source == "fixture" else load_catalog()
    req = {"tasks": ["coding"], "top_k": top_k}
    rec = recommend(req, catalog=cat, lang=lang)
    r = rank(validate(req), cat)
    trains = r["columns"]["trains"][r["ranked"]]
    risky = [p for p in rec.recommendations if p.deployment == "api" and trains[p.rank - 1] != 0]
    marker = "may train on your data" if lang == "en" else "可能用你的数据训练"
    found = [w for w in rec.warnings if marker in w]
    if not risky:
        assert found == []
        return
    (warning,) = found
    assert warning.startswith(f"{len(risky)} of {len(rec.recommendations)} picks" if lang == "en" else "")
    named, rest = risky[: reasons.TRAINS_NAMED], risky[reasons.TRAINS_NAMED :]
    for p in named:
        assert p.name in warning and p.provider in warning
    for p in rest:
        assert p.name not in warning
    more = (f"and {len(rest)} more" if lang == "en" else f"另有 {len(rest)} 个") if rest else None
    assert (more in warning) if more else ("more" not in warning and "另有" not in warning)
    assert sum(w.count(" via ") + w.count("（经 ") for w in rec.warnings) == len(named)
    if source == "shipped" and top_k == 40:
        assert rest, "the shipped catalog should shortlist more risky API picks than are named"


def test_no_training_privacy_drops_the_training_data_warning(catalog):
    rec = recommend({"tasks": ["coding"], "top_k": 10, "privacy": "no_training"}, catalog=catalog)
    assert not any("may train on your data" in w for w in rec.warnings)


@pytest.mark.parametrize(
    "req",
    [
        SCENARIOS["law_firm_rtx3090"],
        SCENARIOS["rented_gpus"],
        SCENARIOS["cpu_only"],
        {"tasks": ["coding"], "privacy": "self_hosted", "hardware": {"gpu": "2x RTX 3090"}},
    ],
)
def test_basis_lines_follow_the_language_and_english_matches_advisor_fit(catalog, req):
    """Pick.basis and Pick.cost_basis come from one computation told in two languages: the English is the
    text `advisor fit` prints, the Chinese a line-for-line translation with the same numbers."""
    en, zh = (recommend(req, catalog=catalog, lang=lang) for lang in ("en", "zh"))
    assert en.recommendations
    for a, b in zip(en.recommendations, zh.recommendations, strict=True):
        assert a.basis and len(a.basis) == len(b.basis)
        for x, y in zip([*a.basis, a.cost_basis], [*b.basis, b.cost_basis], strict=True):
            assert not CJK.search(x) and CJK.search(y), (x, y)
            assert sorted(re.findall(r"\d+(?:\.\d+)?", x)) == sorted(re.findall(r"\d+(?:\.\d+)?", y)), (x, y)
    top = en.recommendations[0]
    if top.gpu_rented is False:  # owned hardware: the same estimate `advisor fit` makes, word for word
        from advisor import hardware
        from advisor.engine.candidates import context_for_estimates

        v = validate(req)
        ctx = min(context_for_estimates(v), top.context_tokens or context_for_estimates(v))
        fit = hardware.estimate(catalog.by_id[top.model_id], hardware.resolve_hardware(v.hardware), int(ctx))
        assert top.basis == fit.basis
