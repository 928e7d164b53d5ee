"""Source parsers: an unknown schema or corrupt row fails with file, row and field named."""

from __future__ import annotations

import json
import shutil

import pytest

from advisor.catalog import facts
from advisor.catalog.sources import SOURCES_DIR, arena, litellm, openrouter, snapshots
from advisor.errors import CatalogError


@pytest.fixture()
def sources(tmp_path):
    """A private copy of the registry + the namra7x CSV (the rest is not needed here)."""
    shutil.copy(SOURCES_DIR / "snapshots.json", tmp_path / "snapshots.json")
    (tmp_path / "lmarena-namra7x").mkdir()
    return tmp_path


def _write_namra(sources, text: str) -> None:
    (sources / "lmarena-namra7x" / "arena_categories_snapshot.csv").write_text(text, encoding="utf-8")


def test_registry_lists_existing_files():
    for snap in snapshots().values():
        assert (SOURCES_DIR / snap.path).exists(), snap


def test_unknown_schema_names_the_missing_column(sources):
    _write_namra(sources, "category,model_key\ntext,x\n")
    with pytest.raises(
        CatalogError, match=r"arena_categories_snapshot.csv: row 1: unknown schema, missing column"
    ):
        arena.board("text", sources)


def test_corrupt_number_names_row_and_field(sources):
    header = (SOURCES_DIR / "lmarena-namra7x" / "arena_categories_snapshot.csv").read_text().splitlines()[0]
    good = "text,m1,m1,Org,1,1,2,1500.0,1505,1495,100,1,2,MIT,1000,,"
    bad = "text,m2,m2,Org,2,1,3,fifteen,1505,1495,100,1,2,MIT,1000,,"
    _write_namra(sources, "\n".join([header, good, bad]) + "\n")
    with pytest.raises(CatalogError, match=r"row 3: field rating: 'fifteen' is not a number"):
        arena.board("text", sources)


def test_openrouter_payload_without_pricing_is_refused():
    with pytest.raises(CatalogError, match=r"data\[0\]: unknown schema, missing field\(s\) pricing"):
        openrouter.parse(
            {
                "data": [
                    {
                        "id": "a/b",
                        "name": "B",
                        "context_length": 1,
                        "architecture": {},
                        "supported_parameters": [],
                    }
                ]
            },
            "resp",
        )


def test_litellm_bad_price_is_refused():
    with pytest.raises(CatalogError, match=r"entry 'x': field input_cost_per_token"):
        litellm.parse(
            {"x": {"mode": "chat", "litellm_provider": "openai", "input_cost_per_token": "free"}}, "resp"
        )


def test_real_snapshots_parse():
    assert len(arena.board("text")) == 414
    assert sum(map(openrouter.is_chat_model, openrouter.models())) > 350


def test_curated_files_validate_and_bad_cells_name_the_field(tmp_path):
    assert facts.providers() and facts.licenses() and facts.model_facts()
    (tmp_path / "licenses.csv").write_text(
        "license_id,name,permissive,commercial_use,restriction,matches,source_url\nx,X,maybe,yes,,x,\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match=r"licenses.csv: row 2: field permissive"):
        facts.licenses(tmp_path)


def test_license_table_covers_every_license_string_of_the_models_we_ship():
    from advisor.catalog.aliases import load_aliases

    idx, table = load_aliases(), facts.licenses()
    rows = [r for r in arena.board("text") + arena.table_2026() if r["license"] and idx.resolve(r["name"])]
    assert rows
    assert sorted({r["license"] for r in rows if not facts.license_for(r["license"], table)}) == []


def test_json_registry_damage_is_reported(tmp_path):
    (tmp_path / "snapshots.json").write_text(json.dumps({"openrouter": {"path": "x"}}), encoding="utf-8")
    with pytest.raises(CatalogError, match="missing field"):
        snapshots(tmp_path)
