"""Each Arena snapshot reader on a tiny file of its real format; bad files name the file and row."""

from __future__ import annotations

import json

import pytest

from advisor.errors import CatalogError
from advisor.gap import sources as gap_sources


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fboulnois_ci_and_old_elo_column(tmp_path):
    p = write(tmp_path / "fb" / "lmarena_text_2024-06-19.csv",
              "rank,model,arena_elo,95_pct_ci,votes,organization,license,knowledge_cutoff,url\n"
              "1,GPT-4o-2024-05-13,1287,+3/-4,42046,OpenAI,Proprietary,2023/10,u\n")  # fmt: skip
    assert gap_sources.read_fboulnois(p) == [
        {"date": "2024-06-19", "model": "GPT-4o-2024-05-13", "alt_name": "", "rating": 1287, "lo": 1283, "hi": 1290,
         "license": "Proprietary"}]  # fmt: skip


def test_table_ci_forms_and_preliminary_scores(tmp_path):
    p = write(tmp_path / "t" / "lmarena_text_2026-02-06.csv",
              'Rank,Rank Spread,Model,Score,95% CI (±),Votes,Organization,License\n'
              '1,1 ◄─► 2,claude-opus-4-6,1496,± 11,"2,829",Anthropic,Proprietary\n'
              '2,1 ◄─► 4,new-model,1452 Preliminary,±8 (Preliminary),"1,000",X,MIT\n')  # fmt: skip
    rows = gap_sources.read_table(p)
    assert [(r["rating"], r["lo"], r["hi"]) for r in rows] == [(1496, 1485, 1507), (1452, 1444, 1460)]


@pytest.mark.parametrize(
    ("reader", "name", "text", "message"),
    [
        ("read_table", "lmarena_text_2026-02-06.csv", "Model,Score,95% CI (±),License\nm,12x4,±5,MIT\n",
         r"lmarena_text_2026-02-06.csv: row 2: field Score is not a number: '12x4'"),
        ("read_table", "lmarena_text_2026-02-06.csv", "Model,Score\nm,1\n",
         r"unknown schema, missing column\(s\) 95% CI \(±\), License"),
        ("read_table", "lmarena_text_2026-02-06.csv", "Model,Score,95% CI (±),License\nm,1,±5\n",
         r"row 2: 3 fields, the header has 4"),
        ("read_table", "no_date.csv", "Model,Score,95% CI (±),License\nm,1,±5,MIT\n",
         r"no_date.csv: no YYYY-MM-DD snapshot date in the file name"),
        ("read_wide", "wide.csv", ",gpt-4\n20230508,1200\nMay 22,1225\n",
         r"wide.csv: row 3: first column must be a date as YYYYMMDD"),
    ],
)  # fmt: skip
def test_bad_files_name_the_file_row_and_field(tmp_path, reader, name, text, message):
    p = write(tmp_path / "src" / name, text)
    with pytest.raises(CatalogError, match=message):
        getattr(gap_sources, reader)(p)


def test_namra_pre_release_keeps_license_but_no_rating(tmp_path):
    head = ("category,model_key,display_name,organization,rank,rank_upper,rank_lower,rating,rating_upper,"
            "rating_lower,votes,input_usd_per_1m,output_usd_per_1m,license,context_length,release_type,model_url\n")  # fmt: skip
    p = write(tmp_path / "n" / "arena_categories_snapshot.csv", head +
              "text,codename-1,gemini-x,Google,1,1,2,1525.4,1534.2,1516.5,4892,,,Proprietary,,pre_release,u\n"
              "text,kimi,kimi-k3-max,Moonshot,2,1,3,1488.1,1492.8,1483.4,9000,,,Kimi K3 license,,,u\n"
              "vision,kimi,kimi-k3-max,Moonshot,2,1,3,1200,1210,1190,9000,,,Kimi K3 license,,,u\n")  # fmt: skip
    rows = gap_sources.read_namra(p, "text")
    assert [(r["model"], r["alt_name"], r["rating"], r["license"]) for r in rows] == [
        ("gemini-x", "codename-1", None, "Proprietary"), ("kimi-k3-max", "kimi", 1488.1, "Kimi K3 license")]  # fmt: skip
    assert {r["date"] for r in rows} == {gap_sources.NAMRA_DATE}


def test_webdev_orgs_drops_hand_entered_rows(tmp_path):
    data = {"source": {"fetched_at": "2026-10-09T04:05:57Z"},
            "models": {"a": {"arena_score": 1500.5, "organization": "X"},
                       "b": {"arena_score": 1400, "organization": "Y", "manual": True}}}  # fmt: skip
    p = write(tmp_path / "w" / "arena_webdev_2026-10-09.json", json.dumps(data))
    rows = gap_sources.read_webdev_orgs(p)
    assert [(r["date"], r["model"], r["rating"]) for r in rows] == [("2026-10-09", "a", 1500.5)]


def test_wide_history_zero_is_absent_and_one_date_per_month(tmp_path):
    p = write(tmp_path / "h" / "wide.csv",
              ",gpt-4,vicuna-13b\n20230508,1200,0.0\n20230522,1225,1054\n20230619,1210,1066\n")  # fmt: skip
    rows = gap_sources.read_wide(p)
    assert [(r["date"], r["model"], r["rating"]) for r in rows] == [
        ("2023-05-22", "gpt-4", 1225), ("2023-05-22", "vicuna-13b", 1054),
        ("2023-06-19", "gpt-4", 1210), ("2023-06-19", "vicuna-13b", 1066)]  # fmt: skip


def test_boards_unknown_board_lists_the_known_ones(tmp_path):
    p = write(tmp_path / "r" / "arena_ai_boards_2026-02-10.json",
              json.dumps({"scraped_at": "2026-02-10T05:05Z", "categories": {"text": {"models": []}}}))  # fmt: skip
    with pytest.raises(CatalogError, match=r"board 'code' not found \(has text\)"):
        gap_sources.read_boards(p, "code")


def test_load_missing_file_says_how_to_fix(tmp_path):
    snap = gap_sources.Snapshot("general", "nowhere/*.csv", "table")
    with pytest.raises(CatalogError, match="no file matches; restore data/sources/"):
        gap_sources.load((snap,), tmp_path)


def test_every_registered_snapshot_reads_from_shipped_data():
    rows = gap_sources.load(gap_sources.SNAPSHOTS)
    assert {r["task"] for r in rows} >= {"general", "coding", "math", "creative_writing", "instruction_following",
                                         "chinese", "webdev", "vision"}  # fmt: skip
    assert all(700 < r["rating"] < 2000 for r in rows if r["rating"] is not None)
    assert all(r["source"].startswith("lmarena-") for r in rows)
