"""The shipped series (real data in data/sources/), the recommendation line and the CLI shape."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from pydantic import ValidationError

from advisor import gap
from advisor.cli import main
from advisor.errors import InputError
from advisor.requirements import TASKS


def span_days(task):
    dates = [pd.Timestamp(p.date) for p in gap.gap_series(task).series]
    return (max(dates) - min(dates)).days, len(dates)


def test_general_spans_at_least_two_years_and_coding_two_dates():
    assert span_days("general")[0] >= 2 * 365
    assert span_days("coding")[1] >= 2
    for task in ("math", "creative_writing", "instruction_following", "webdev", "vision"):
        assert span_days(task)[1] >= 2, task
    assert span_days("chinese")[1] >= 1


@pytest.mark.parametrize("task", gap.GAP_TASKS)
def test_every_point_is_consistent(task):
    s = gap.gap_series(task)
    assert s.series == sorted(s.series, key=lambda p: p.date)
    for p in s.series:
        assert p.gap_points == pytest.approx(p.best_closed - p.best_open, abs=0.11)
        if p.gap_ci:
            assert p.gap_ci[0] <= p.gap_points <= p.gap_ci[1]
        if p.months_behind is not None:
            assert p.months_behind >= 0
            if p.months_behind_range and not p.months_behind_censored:
                assert p.months_behind_range[0] - 0.11 <= p.months_behind <= p.months_behind_range[1] + 0.11
    assert s.series[0].months_behind is None  # nothing earlier to compare with
    assert s.unknown_excluded == sum(p.n_unknown for p in s.series)


def test_renamed_2023_keys_join_so_gpt4_leads_the_first_closed_frontier():
    first = gap.gap_series("general").series[0]
    assert first.best_closed_model == "gpt-4" and first.n_unknown == 0


def test_series_json_shape_is_the_contract():
    data = json.loads(gap.gap_series("coding").model_dump_json())
    assert set(data) >= {"task", "series", "trend"}
    assert set(data["series"][0]) >= {"date", "best_open", "best_open_model", "best_closed", "best_closed_model",
                                      "gap_points", "months_behind"}  # fmt: skip
    with pytest.raises(ValidationError):
        gap.GapSeries.model_validate({**data, "surprise": 1})


def test_unknown_task_lists_the_tasks():
    with pytest.raises(InputError, match="use one of: general, coding"):
        gap.gap_series("poetry")


def test_note_english_and_chinese_name_both_frontiers():
    last = gap.gap_series("coding").series[-1]
    en = gap.gap_note("coding", None)
    zh = gap.gap_note("coding", None, lang="zh")
    for text in (en, zh):
        assert last.best_open_model in text and last.best_closed_model in text and last.date in text
    assert en.startswith("For coding, the best open-weights model") and "none of your top picks" in en
    assert zh.startswith("在编程上") and "落后" in zh


def test_note_places_the_top_open_pick_on_the_latest_board():
    last = gap.gap_series("general").series[-1]
    on_board = gap.gap_note("general", last.best_open_model)
    assert f"your top open pick, {last.best_open_model}, is {last.gap_points:.0f} points behind" in on_board
    assert "not rated on this board" in gap.gap_note("general", "my-private-finetune-7b")


@pytest.mark.parametrize("task", TASKS)
def test_note_works_for_every_requirement_task(task):
    text = gap.gap_note(task, None, lang="zh")
    assert text and "Arena" in text


def test_note_falls_back_to_general_and_says_so():
    assert "(no Arena slice for agents; overall text shown)" in gap.gap_note("agents", None)


def test_note_rejects_unknown_language_and_task():
    with pytest.raises(InputError, match="unknown language 'fr'"):
        gap.gap_note("coding", None, lang="fr")
    with pytest.raises(InputError, match="unknown task"):
        gap.gap_note("poetry", None)


def test_cli_json(capsys):
    assert main(["gap", "--task", "coding", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["task"] == "coding" and len(data["series"]) >= 2 and "trend" in data


def test_cli_table(capsys):
    assert main(["gap", "--task", "general"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].split() == ["date", "best", "open", "best", "closed", "gap", "[95%", "CI]",
                                           "months", "behind", "unknown"]  # fmt: skip
    assert "trend (gap points):" in out and "2023-05" in out


def test_cli_unknown_task_exits_2_with_the_list(capsys):
    assert main(["gap", "--task", "poetry"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("advisor: error: unknown task 'poetry'") and "webdev" in err


def _rows(date, source, ci=True, license="MIT"):
    return [{"date": date, "source": source, "lo": 1.0 if ci else None, "license": license}]


def test_repeat_snapshots_within_a_week_keep_the_richer_one():
    rows = _rows("2026-10-08", "namra", ci=True) + _rows("2026-10-09", "copy", ci=False, license="")
    rows += _rows("2026-02-06", "franri") + _rows("2026-02-10", "rakium") + _rows("2026-03-31", "joie")
    kept, dropped = gap._snapshots(rows)
    assert [src for _, src, _ in kept] == ["franri", "joie", "namra"]  # equal information: the earlier stays
    assert dropped == ["rakium (2026-02-10): same board as franri (2026-02-06)",
                       "copy (2026-10-09): same board as namra (2026-10-08)"]  # fmt: skip


def test_org_only_webdev_copy_joins_licenses_and_repeats_the_namra_board():
    """jasonqin6 (no license column) joins by name; its scores equal namra's code_webdev: one publication.

    (136 of 137 shared models agree to the rounding; `gpt-5.3-codex (codex-harness)` differs.)
    """
    from advisor.gap import license as gap_license
    from advisor.gap import sources as gap_sources

    snaps = [s for s in gap_sources.SNAPSHOTS if s.task == "webdev"]
    rows = gap_sources.load(tuple(snaps))
    table = gap_license.license_table(rows)
    copy = gap_license.classify(
        [r for r in rows if "jasonqin6" in r["source"]], table, gap_license.load_aliases()
    )
    joined = [r for r in copy if r["basis"].startswith("joined: ")]
    unknown = [r["model"] for r in copy if r["openness"] == "unknown"]
    assert len(joined) >= 0.9 * len(copy) and len(unknown) <= 5
    namra = {r["model"]: r["rating"] for r in rows if "namra" in r["source"] and r["rating"] is not None}
    shared = [(namra[r["model"]], r["rating"]) for r in copy if r["model"] in namra]
    same = [abs(a - b) <= 0.006 for a, b in shared]  # the copy rounds to 2 decimals
    assert len(shared) >= 50 and sum(same) >= 0.95 * len(shared)
    assert any("jasonqin6" in s for s in gap.gap_series("webdev").superseded)


def _gp(date, gap_points, months=None, censored=False):
    return gap.GapPoint(
        date=date, source="s", best_open=1000.0, best_open_model="o", best_open_ci=None, best_closed=1000 + gap_points,
        best_closed_model="c", best_closed_ci=None, gap_points=gap_points, gap_ci=None, months_behind=months,
        months_behind_range=None, months_behind_censored=censored, open_on_latest_scale=None,
        closed_on_latest_scale=None, anchor_shift=None, anchor_se=None, anchor_shared=0, n_open=1, n_closed=1,
        n_unknown=0,
    )  # fmt: skip


def test_trend_dates_the_zero_crossing_and_skips_censored_months():
    """Gaps 60, 40, 20 365 days apart: -20 per 365 days = -20.01/year, no residuals; zero 365 days after the last."""
    pts = [_gp("2025-01-01", 60, 9, censored=True), _gp("2026-01-01", 40, 6), _gp("2027-01-01", 20, 3)]
    t = gap.trend_of(pts, "gap_points")
    assert (t.n_points, t.value_now, t.crosses_zero) == (3, 20.0, True)
    assert t.slope_per_year == -20.01 and t.slope_per_year_ci == (-20.01, -20.01)
    assert t.zero_date == "2028-01-01"
    assert gap.trend_of(pts, "months_behind") is None  # two uncensored dates: too few for a trend
    widening = gap.trend_of([_gp("2025-01-01", 10), _gp("2026-01-01", 30), _gp("2027-01-01", 50)], "gap_points")  # fmt: skip
    assert not widening.crosses_zero and widening.zero_date is None and "not closing" in widening.note


@pytest.mark.parametrize("n", [0, 1, 2])
def test_fewer_than_three_dates_give_no_trend_and_no_zero_crossing(n):
    """A line through two points always "crosses zero" somewhere and has no uncertainty: report none."""
    pts = [_gp(f"{2024 + i}-01-01", 60 - 20 * i) for i in range(n)]
    assert gap.trend_of(pts, "gap_points") is None


def test_three_points_on_two_dates_are_still_too_few():
    same_day = [_gp("2025-01-01", 40), _gp("2025-01-01", 30), _gp("2026-01-01", 20)]
    assert gap.trend_of(same_day, "gap_points") is None


def test_cli_says_too_few_dates_instead_of_a_two_point_crossing(capsys):
    """Coding has two dated snapshots (2025-12-11, 2026-10-08): no trend line, no zero date."""
    assert main(["gap", "--task", "coding"]) == 0
    out = capsys.readouterr().out
    assert "trend (gap points): too few dates (a trend needs at least 3)" in out
    assert "reaches zero" not in out
    assert main(["gap", "--task", "coding", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["trend"] is None and len(data["series"]) == 2


def test_help_shows_a_plain_percent_sign(capsys):
    with pytest.raises(SystemExit):
        main(["gap", "--help"])
    out = capsys.readouterr().out
    assert "95% interval" in out and "%%" not in out


def test_every_gap_task_has_snapshots_and_labels_in_both_languages():
    from advisor.gap.sources import SNAPSHOTS

    assert set(gap.GAP_TASKS) == {s.task for s in SNAPSHOTS}
    assert set(gap.GAP_TASKS) <= set(TASKS)  # each is also a requirement task
    assert all(en and zh for en, zh in gap.TASK_LABELS.values())
