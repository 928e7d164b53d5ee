"""The alignment and imputation maths on small hand-made tables (no data files)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from advisor.catalog.quality import _add_multilingual, _scale_agents, alignment, task_values
from advisor.catalog.quality_fit import Z95
from advisor.catalog.quality_impute import MIN_TRAIN, Imputer, holdout

IDS = [f"m{i:02d}" for i in range(30)]


def _boards() -> tuple[pd.DataFrame, pd.DataFrame]:
    """30 models. Fresh board (namra) has m00..m24; the 2025-12 board (cat25) has all 30.

    cat25:full = namra:text - 20 exactly, so the overall line is new = old + 20 with zero residual.
    cat25:coding = namra:text_coding - 20 + (+3, 0, -3, +3, ...): the overall line misses the coding
    counterpart by a median 3 points; that drift is charged to categories with no counterpart.
    """
    i = np.arange(30.0)
    fresh = i < 25
    score = pd.DataFrame(index=IDS)
    score["namra:text"] = np.where(fresh, 1200 + 10 * i, np.nan)
    score["cat25:full"] = 1180 + 10 * i
    score["namra:text_coding"] = np.where(fresh, 1250 + 8 * i, np.nan)
    score["cat25:coding"] = 1230 + 8 * i + np.array([3.0, 0.0, -3.0])[i.astype(int) % 3]
    score["cat25:chinese"] = 1100 + 12 * i
    score.loc["m00", "cat25:full"] = 999.0  # disagrees with the fresh board: the fresh one must win
    half = pd.DataFrame(5.0, index=IDS, columns=score.columns)
    return score, half


def test_overall_line_is_exact_and_counterpart_line_is_used_for_coding():
    score, _ = _boards()
    general = alignment(score, "cat25:full", "namra:text")
    assert (round(general.slope, 6), round(general.intercept, 6), general.resid_sd) == (1.0, 20.0, 0.0)
    coding = alignment(score, "cat25:coding", "namra:text_coding")
    assert coding.slope == pytest.approx(1.0)
    assert coding.resid_sd == pytest.approx(1.4826 * 3, rel=1e-6)  # MAD of (+3, 0, -3) residuals


def test_category_without_counterpart_uses_overall_line_with_pooled_drift():
    score, _ = _boards()
    line = alignment(score, "cat25:chinese", None)
    assert line.intercept == pytest.approx(20.0) and line.slope == pytest.approx(1.0)
    assert line.resid_sd == pytest.approx(1.4826 * 3.0)  # |coding_new - (coding_old + 20)| = 3


def test_task_values_direct_aligned_and_newer_wins():
    score, half = _boards()
    values = task_values(score, half)
    general = values["general"]
    assert general.loc["m00", ["score", "evidence"]].tolist() == [1200.0, "direct"]  # not 999 + 20
    assert general.loc["m27", "evidence"] == "aligned"
    assert general.loc["m27", "score"] == pytest.approx(1180 + 270 + 20)
    assert general.loc["m27", "half"] == pytest.approx(5.0)  # slope 1, zero residual
    chinese = values["chinese"].loc["m03"]
    assert chinese["score"] == pytest.approx(1100 + 36 + 20)
    assert chinese["half"] == pytest.approx(np.hypot(5.0, Z95 * 1.4826 * 3.0))
    assert (chinese["source"], chinese["as_of"]) == ("lmarena-arena-catalog:chinese", "2025-12-11")


def test_multilingual_needs_three_languages():
    score = pd.DataFrame({"cat25:french": [1300.0, 1300.0], "cat25:german": [1310.0, 1310.0],
                          "cat25:spanish": [1320.0, np.nan]}, index=["a", "b"])  # fmt: skip
    half = pd.DataFrame(6.0, index=score.index, columns=score.columns)
    _add_multilingual(score, half)
    assert score.loc["a", "cat25:multilingual"] == 1310.0
    assert half.loc["a", "cat25:multilingual"] == pytest.approx(np.sqrt(3 * 36) / 3)
    assert np.isnan(score.loc["b", "cat25:multilingual"])


def test_agent_signal_is_put_on_the_coding_scale_by_mean_and_sd():
    score = pd.DataFrame({"namra:agent_overall": [-0.1, 0.0, 0.1, 0.2],
                          "namra:text_coding": [1400.0, 1450.0, 1500.0, np.nan]}, index=list("abcd"))  # fmt: skip
    half = pd.DataFrame(
        {"namra:agent_overall": [0.01] * 4, "namra:text_coding": [5.0] * 4}, index=list("abcd")
    )
    _scale_agents(score, half)
    # shared a..c: sd(coding)/sd(agent) = 50/0.1 = 500; mean maps to 1450
    assert score["namra:agent_overall"].tolist() == pytest.approx([1400.0, 1450.0, 1500.0, 1550.0])
    assert half["namra:agent_overall"].tolist() == pytest.approx([5.0] * 4)


def _table(n: int = 40) -> pd.DataFrame:
    """target = 100 + 2 f exactly for n models; `thin` is known for too few models to be used."""
    f = np.arange(n, dtype=float) * 3
    table = pd.DataFrame(
        {"target": 100 + 2 * f, "f": f, "thin": np.nan}, index=[f"x{i:02d}" for i in range(n)]
    )
    table.loc[table.index[: MIN_TRAIN - 1], "thin"] = 1.0
    table.loc["new"] = [np.nan, 50.0, 1.0]
    table.loc["empty"] = [np.nan, np.nan, 1.0]
    return table


def test_imputer_predicts_from_the_fit_and_skips_thin_features():
    imp = Imputer(_table(), "target")
    assert imp.order == ["f"]  # `thin` has MIN_TRAIN - 1 training rows
    score, half, feats = imp.predict("new")
    assert (round(score, 1), feats) == (200.0, ("f",))
    assert 0 < half < 1  # exact data: tiny held-out error
    assert imp.predict("empty") is None  # no usable evidence -> nothing, never a guess


def test_holdout_hides_each_known_value_once():
    res = holdout(_table(), "target")
    assert len(res) == 40 and res["model"].is_unique
    assert np.abs(res["predicted"] - res["observed"]).max() < 1
