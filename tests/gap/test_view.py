"""The Explore-page gap view: the chart spec (pure) and the rendered page in both languages (AppTest)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from advisor.gap import gap_series
from advisor.ui import gap_view


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_has_both_frontiers_and_the_gap(lang):
    series = gap_series("general")
    spec = gap_view.charts(series, lang).to_dict()
    top, bottom = spec["vconcat"]
    kinds = {row["kind"] for row in spec["datasets"][top["data"]["name"]]}
    assert kinds == {gap_view.TEXT[lang]["open"], gap_view.TEXT[lang]["closed"]}
    assert len(spec["datasets"][bottom["data"]["name"]]) == len(series.series)  # one gap per snapshot


def test_every_string_has_both_languages():
    assert gap_view.TEXT["en"].keys() == gap_view.TEXT["zh"].keys()


def test_summary_states_trend_and_method():
    lines = gap_view.summary(gap_series("general"), "en")
    assert lines[0].startswith("Trend of the gap:") and "arXiv 2504.20879" in lines[-1]
    assert gap_view.summary(gap_series("chinese"), "zh")[0] == gap_view.TEXT["zh"]["one"]


def _page(task: str, lang: str) -> None:
    from advisor.ui.gap_view import render

    render(task, lang)


@pytest.mark.parametrize(("task", "lang", "expect"), [("coding", "en", "For coding"), ("webdev", "zh", "在网页开发"),
                                                      ("agents", "en", "no Arena slice")])  # fmt: skip
def test_render_in_apptest(task, lang, expect):
    at = AppTest.from_function(_page, args=(task, lang), default_timeout=60).run()
    assert not at.exception
    assert expect in at.markdown[0].value.replace("\\", "")
    assert len(at.caption) >= 2
