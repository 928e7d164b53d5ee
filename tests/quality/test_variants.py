"""Same-weights variants inherit their base's quality (advisor/catalog/quality_variants.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from advisor.catalog.aliases import load_aliases
from advisor.catalog.card import QualityScore
from advisor.catalog.quality_variants import (
    HEADER,
    SameWeights,
    inherit,
    load_same_weights,
    setting_margin,
)
from advisor.errors import CatalogError


def test_shipped_pairs_name_catalog_models():
    ids = set(load_aliases().model_ids)
    pairs = load_same_weights()
    assert len(pairs) >= 10
    assert [(p.model_id, p.base_id) for p in pairs if not {p.model_id, p.base_id} <= ids] == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("model_id,base,kind,reason\n", "row 1: header"),
        ("a,b,effort\n", "row 2: expected 4 fields"),
        ("a,b,fine-tune,same family\n", "row 2: field kind"),
        ("a,b,effort,\n", "row 2: field reason is empty"),
        (",b,effort,x\n", "row 2: field model_id is empty"),
        ("a,b,effort,x\nb,c,effort,y\n", "no chains"),
    ],
)
def test_bad_rows_name_file_row_and_field(tmp_path, body, message):
    path = tmp_path / "same.csv"
    text = body if body.startswith("model_id,base,") else ",".join(HEADER) + "\n" + body
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=message) as err:
        load_same_weights(path)
    assert str(path) in str(err.value)


def _q(score: float, half: float, evidence: str = "direct") -> QualityScore:
    return QualityScore(
        score=score, low=score - half, high=score + half, evidence=evidence, source="s", as_of="2026-10-08"
    )


def test_inherit_fills_gaps_replaces_wider_guesses_keeps_measurements_and_skips_vision():
    quality = {
        "base": {"general": _q(1400, 4), "coding": _q(1450, 6), "math": _q(1420, 8), "vision": _q(1300, 5)},
        "var": {"coding": _q(1300, 9), "math": _q(1380, 100, "imputed")},
        "var2": {"general": _q(1390, 20, "imputed")},
    }
    pairs = [SameWeights("var", "base", "effort", "r"), SameWeights("var2", "base", "serving", "r")]
    out = inherit(quality, pairs, margin=30.0, resolve=lambda n: n)
    general = out["var"]["general"]
    assert (general.score, general.evidence, general.source) == (1400, "imputed", "imputed:same-weights:base")
    assert general.high - general.score == pytest.approx(round(math.hypot(4, 30), 1))
    assert out["var"]["coding"] == quality["var"]["coding"]  # its own measurement wins
    assert out["var"]["math"].score == 1420  # a wider guess of its own is replaced
    assert out["var2"]["general"] == quality["var2"]["general"]  # a narrower guess of its own stays
    assert "vision" not in out["var"] and "vision" not in out["var2"]
    assert quality["var"]["coding"].score == 1300 and "general" not in quality["var"]  # input untouched
    unknown = inherit(quality, pairs, margin=30.0, resolve=lambda n: None if n == "base" else n)
    assert unknown == quality


def test_setting_margin_is_the_95th_percentile_of_best_minus_second_setting():
    rows = []
    for i in range(40):
        gap = float(i)  # gaps 0..39 -> 95th percentile 37.05
        rows += [(f"m{i}", "namra:text", 1400 + gap, "hi"), (f"m{i}", "namra:text", 1400.0, "lo")]
    rows += [("~shadow", "namra:text", 2000.0, "a"), ("~shadow", "namra:text", 1000.0, "b")]
    rows += [("solo", "namra:text", 1300.0, "x"), ("m0", "cat25:full", 999.0, "old")]
    frame = pd.DataFrame(rows, columns=["model", "column", "score", "name"])
    frame = frame.sort_values(["model", "column", "score"], ascending=[True, True, False])
    assert setting_margin(frame) == pytest.approx(37.05)
    with pytest.raises(CatalogError, match="need 20"):
        setting_margin(frame.head(10))
