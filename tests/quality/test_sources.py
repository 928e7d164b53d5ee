"""Readers of the quality boards: what they keep, what they skip, and errors that name file, row, field."""

from __future__ import annotations

import json

import pytest

from advisor.catalog import quality_sources as qs
from advisor.errors import CatalogError

NAMRA_HEADER = "category,model_key,display_name,rating,rating_upper,rating_lower\n"


def _resolve(known: set[str]):
    return lambda name: name.lower() if name.lower() in known else None


def _write(tmp_path, rel: str, text: str):
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_namra_resolves_key_or_display_name_and_observations_keep_best_variant(tmp_path, monkeypatch):
    _write(tmp_path, "lmarena-namra7x/arena_categories_snapshot.csv", NAMRA_HEADER
           + "text,codename-1,gpt-x,1400,1410,1390\n"
           + "text,gpt-x-high,gpt-x,1420,1426,1414\n"
           + "text,mystery,mystery-model,1300,1305,1295\n"
           + "text_to_image,gpt-x,gpt-x,1000,1001,999\n")  # fmt: skip
    rows = qs._namra(_resolve({"gpt-x"}), tmp_path)
    models = sorted((m, c, s, h) for m, c, s, h, _ in rows)
    assert models == [("gpt-x", "namra:text", 1400.0, 10.0), ("gpt-x", "namra:text", 1420.0, 6.0),
                      ("~mystery-model", "namra:text", 1300.0, 5.0)]  # fmt: skip
    monkeypatch.setattr(qs, "LOADERS", (qs._namra,))
    obs = qs.observations(_resolve({"gpt-x"}), tmp_path)
    assert obs[["model", "score", "name"]].values.tolist() == [
        ["gpt-x", 1420.0, "gpt-x"],
        ["~mystery-model", 1300.0, "mystery-model"],
    ]


def test_bad_number_names_file_row_and_field(tmp_path):
    path = _write(tmp_path, "lmarena-namra7x/arena_categories_snapshot.csv",
                  NAMRA_HEADER + "text,gpt-x,gpt-x,14O0,1410,1390\n")  # fmt: skip
    with pytest.raises(CatalogError, match=r"arena_categories_snapshot\.csv: row 2: field rating: '14O0'"):
        qs._namra(_resolve({"gpt-x"}), tmp_path)
    assert path.exists()  # nothing deleted or rewritten


def test_missing_column_and_missing_file_are_clear_errors(tmp_path):
    _write(tmp_path, "lmarena-namra7x/arena_categories_snapshot.csv", "category,model_key\ntext,a\n")
    with pytest.raises(CatalogError, match="row 1: unknown schema, missing column"):
        qs._namra(_resolve(set()), tmp_path)
    with pytest.raises(CatalogError, match="snapshot file not found"):
        qs._cat25(_resolve(set()), tmp_path)


def test_fboulnois_ci_strings_and_elo_column(tmp_path):
    for board in qs.FBOULNOIS:
        folder = "lmarena-fboulnois" if board.as_of == "2025-08-04" else "lmarena-fboulnois/history"
        score_col = "arena_elo" if board.as_of == "2024-06-19" else "arena_score"
        _write(tmp_path, f"{folder}/lmarena_text_{board.as_of}.csv",
               f"model,{score_col},95_pct_ci\nGPT-X,1300,+6/-4\n")  # fmt: skip
    rows = qs._fboulnois(_resolve({"gpt-x"}), tmp_path)
    assert {(c, s, h) for _, c, s, h, _ in rows} == {(f"{b.prefix}:text", 1300.0, 5.0) for b in qs.FBOULNOIS}


def test_webdev_skips_hand_typed_rows(tmp_path):
    payload = {"models": {"gpt-x": {"arena_score": 1500.5}, "typed": {"arena_score": 1400, "manual": True}}}
    _write(tmp_path, "lmarena-webdev-jasonqin6/arena_webdev_2026-10-09.json", json.dumps(payload))
    rows = qs._webdev(_resolve({"gpt-x", "typed"}), tmp_path)
    assert [(m, c, s) for m, c, s, _, _ in rows] == [("gpt-x", "webdev26:webdev", 1500.5)]


def test_aa_march_table_accepts_estimates_and_skips_unrated(tmp_path):
    _write(tmp_path, "artificial-analysis/aa_indexes_top_models_2026-02-07_rakium.json", '{"models": []}')
    _write(tmp_path, "artificial-analysis/aa_models_with_params_2026-04-30_anfredette.json", "[]")
    _write(tmp_path, "artificial-analysis/aa_models_leaderboard_2026-03-30.csv",
           "Model,Artificial Analysis Intelligence Index\nGPT-X,42 E\nGPT-Y,--\n")  # fmt: skip
    rows = qs._aa(_resolve({"gpt-x", "gpt-y"}), tmp_path)
    assert [(m, c, s) for m, c, s, _, _ in rows] == [("gpt-x", "aa0330:intelligence_index", 42.0)]


def test_agent_board_reads_avg_score(tmp_path):
    board = {"agent_overall": {"contenders/gpt-x-agent": {
        "displayName": "GPT X (High)", "metadata": {"avgScore": {"value": 0.05, "ci": 0.01}}}}}  # fmt: skip
    _write(tmp_path, "lmarena-namra7x/category_snapshot.min.json", json.dumps(board))
    rows = qs._namra_agents(_resolve({"gpt-x"}), tmp_path)
    assert [(m, c, s, h) for m, c, s, h, _ in rows] == [("gpt-x", "namra:agent_overall", 0.05, 0.01)]


def test_optional_boards_are_skipped_when_absent_and_read_when_shipped(tmp_path):
    assert qs._yfedoseev(_resolve({"gpt-x"}), tmp_path) == []
    assert qs._open_llm(_resolve({"gpt-x"}), tmp_path) == []
    cols = [f"evaluations_{b}_normalized_score" for b in qs.OPEN_LLM_BENCHMARKS]
    _write(tmp_path, "open-llm-leaderboard/open_llm_leaderboard_v2_2025-03-21.csv",
           "model_name,features_is_official_provider," + ",".join(cols) + "\n"
           + "org/GPT-X,TRUE,70,50,30,10,12,40\n"
           + "someone/GPT-X-merge,FALSE,99,99,99,99,99,99\n")  # fmt: skip
    rows = qs._open_llm(_resolve({"org/gpt-x"}), tmp_path)
    assert {(c, s) for m, c, s, _, _ in rows if m == "org/gpt-x"} == {
        ("ollb:ifeval", 70.0), ("ollb:bbh", 50.0), ("ollb:math", 30.0),
        ("ollb:gpqa", 10.0), ("ollb:musr", 12.0), ("ollb:mmlu_pro", 40.0),
    }  # fmt: skip
    assert not [r for r in rows if "merge" in r[0]]  # community merges are not evidence
