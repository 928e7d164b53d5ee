"""load_catalog: cached per path, resolves any alias, damaged lines give one clear error."""

from __future__ import annotations

import shutil

import pytest

from advisor.catalog import DEFAULT_PATH, load_catalog
from advisor.errors import CatalogError


def test_loader_api():
    cat = load_catalog()
    assert cat is load_catalog(DEFAULT_PATH) is load_catalog(str(DEFAULT_PATH))
    assert cat.by_id["gpt-5"].id == "gpt-5"
    assert cat.data_as_of == max(cat.sources.values())
    assert {"openrouter", "lmarena-namra7x", "litellm"} <= set(cat.sources)
    frame = cat.frame
    assert len(frame) == len(cat.models) and frame.index.is_unique
    assert {"input_usd_per_1m", "q_coding", "cap_tool_calling", "params_b"} <= set(frame.columns)


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("claude-opus-4-6-thinking", "claude-opus-4.6"),
        ("Claude Opus 4.6", "claude-opus-4.6"),
        ("anthropic/claude-opus-4.6", "claude-opus-4.6"),
        ("DEEPSEEK-AI/DeepSeek-V3.2", "deepseek-v3.2"),
        ("gpt-5.4 (xhigh)", "gpt-5.4"),
        ("not-a-model", None),
    ],
)
def test_resolve(name, model):
    card = load_catalog().resolve(name)
    assert (card.id if card else None) == model


def test_damaged_line_names_file_line_and_field(tmp_path):
    path = tmp_path / "catalog.jsonl"
    lines = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"open_weights":', '"open_weightz":', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"catalog.jsonl: line 3: field (open_weights|open_weightz)"):
        load_catalog(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="line 1"):
        load_catalog(str(path) + "")  # a different str key would still be cached per path


def test_missing_catalog_says_how_to_fix(tmp_path):
    with pytest.raises(CatalogError, match="advisor data build"):
        load_catalog(tmp_path / "nope.jsonl")


def test_catalog_without_meta_file_takes_dates_from_provenance(tmp_path):
    shutil.copy(DEFAULT_PATH, tmp_path / "catalog.jsonl")
    cat = load_catalog(tmp_path / "catalog.jsonl")
    assert cat.sources and cat.data_as_of == max(cat.sources.values())
