"""Architecture facts (data/model_arch.csv + llmfit) on the shipped catalog, and bad rows named clearly."""

from __future__ import annotations

import shutil

import pytest

from advisor.catalog import load_catalog
from advisor.catalog.facts import model_arch
from advisor.catalog.sources import DATA_DIR
from advisor.errors import CatalogError
from advisor.hardware.memory import kv_layout


@pytest.mark.parametrize(
    "model, layers, kv_heads, head_dim, attention, per_token",
    [
        ("llama-3.1-8b", 32, 8, 128, None, 2 * 32 * 8 * 128),
        ("llama-3.3-70b", 80, 8, 128, None, 2 * 80 * 8 * 128),
        ("deepseek-v3.2", 61, None, None, "mla", 61 * 576),
        ("kimi-k2.6", 61, None, None, "mla", 61 * 576),
        ("glm-5", 78, None, None, "mla", 78 * 576),
        ("qwen3.5-397b-a17b", 60, 2, 256, "hybrid", 2 * 15 * 2 * 256),
        ("gpt-oss-120b", 36, 8, 64, "hybrid", 2 * 18 * 8 * 64),
        ("qwen3-235b-a22b", 94, 4, 128, None, 2 * 94 * 4 * 128),  # from llmfit
    ],
)
def test_key_models_have_their_kv_layout(model, layers, kv_heads, head_dim, attention, per_token):
    card = load_catalog().by_id[model]
    assert (card.layers, card.kv_heads, card.head_dim, card.attention) == (
        layers,
        kv_heads,
        head_dim,
        attention,
    )
    assert kv_layout(card)[0] == per_token
    assert card.provenance["layers"].source in ("curated", "llmfit")


def test_most_open_models_can_size_their_kv_cache():
    open_models = [m for m in load_catalog().models if m.open_weights]
    assert sum(kv_layout(m) is not None for m in open_models) / len(open_models) >= 0.75


@pytest.mark.parametrize(
    "model, precision, bits",
    [("gpt-oss-120b", "mxfp4", 4.46), ("deepseek-v3", "fp8", 8.0), ("qwen3-8b", None, None)],
)
def test_native_precision(model, precision, bits):
    card = load_catalog().by_id[model]
    assert (card.native_precision, card.native_bits_per_weight) == (precision, bits)


def test_every_arch_row_cites_a_source_url():
    assert all(f.source_url.startswith("https://") for f in model_arch().values())


@pytest.mark.parametrize(
    "edit, message",
    [
        (
            ("deepseek-v3,61,,,mla,512,64,", "deepseek-v3,61,,,mla,,64,"),
            "row 2: .*attention mla needs kv_lora_rank",
        ),
        (("deepseek-v3,61,,,mla,512,64,", "deepseek-v3,61,128,,mla,512,64,"), "leave kv_heads empty"),
        (("hybrid,,,12,", "hybrid,,,99,"), "kv_layers cannot exceed layers"),
        (("mla,512,64,,fp8,8.0,", "mla,512,64,,fp8,,"), "native_precision and native_bits together"),
        (("mla,512,64,,fp8,8.0,", "mla,512,64,,fp4,8.0,"), "row 2: field native_precision"),
    ],
)
def test_bad_arch_rows_name_file_row_and_field(tmp_path, edit, message):
    text = (DATA_DIR / "model_arch.csv").read_text(encoding="utf-8")
    assert edit[0] in text
    (tmp_path / "model_arch.csv").write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        model_arch(tmp_path)


def test_duplicate_arch_row_is_an_error(tmp_path):
    shutil.copy(DATA_DIR / "model_arch.csv", tmp_path / "model_arch.csv")
    with (tmp_path / "model_arch.csv").open("a", encoding="utf-8") as fh:
        fh.write("phi-4,40,10,128,,,,,,,config.json,https://huggingface.co/microsoft/phi-4,\n")
    with pytest.raises(CatalogError, match="phi-4 is listed twice"):
        model_arch(tmp_path)
