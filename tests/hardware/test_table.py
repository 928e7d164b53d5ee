"""The GPU table (data/gpus.csv) and GPU names as people write them."""

from __future__ import annotations

import csv

import pytest

from advisor.errors import CatalogError, UnknownGPUError
from advisor.hardware import load_gpus
from advisor.hardware.table import GPUS_CSV, _load, parse_gpu_name


def test_table_has_the_devices_the_issue_lists():
    gpus = load_gpus()
    names = {g.name for g in gpus}
    assert len(gpus) >= 40
    must = {"RTX 2060", "RTX 3090", "RTX 4060 Ti 16GB", "RTX 4090", "RTX 5090", "RX 7900 XT", "RX 7900 XTX",
            "T4", "L4", "A10G", "L40S", "A100 40GB", "A100 80GB", "H100 SXM", "H100 PCIe", "H200", "B200",
            "MI300X", "Apple M1 Pro", "Apple M2 Ultra", "Apple M3 Max", "Apple M4 Max",
            "CPU DDR4-3200 dual-channel", "CPU DDR5-4800 dual-channel"}  # fmt: skip
    assert must <= names
    assert {g.kind for g in gpus} == {"gpu", "apple", "cpu"}


def test_every_row_cites_a_source_and_rented_rows_cite_a_price():
    for g in load_gpus():
        assert g.source.startswith(("https://", "JEDEC")), g.name
        if g.cloud_usd_per_hour is not None:
            assert g.price_source and g.price_source.startswith("https://"), g.name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"vram_gb": "-1"}, "row 3: field 'vram_gb'"),
        ({"kind": "tpu"}, "row 3: field 'kind'"),
        ({"bandwidth_gbps": "fast"}, "row 3: field 'bandwidth_gbps'"),
        ({"aliases": "4090"}, "row 3: field 'aliases': '4090' already names 'RTX 4090'"),
    ],
)
def test_a_bad_row_names_file_row_and_field(tmp_path, change, message):
    rows = list(csv.DictReader(GPUS_CSV.open(encoding="utf-8")))
    good = next(r for r in rows if r["name"] == "RTX 4090")
    bad = next(r for r in rows if r["name"] == "RTX 3090") | change
    path = tmp_path / "gpus.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([good, bad])
    with pytest.raises(CatalogError) as err:
        load_gpus(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_unknown_column_and_missing_file_are_catalog_errors(tmp_path):
    path = tmp_path / "gpus.csv"
    text = GPUS_CSV.read_text(encoding="utf-8").splitlines()
    path.write_text(text[0] + ",colour\n" + text[1] + ",red\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="row 2: field 'colour'"):
        load_gpus(path)
    with pytest.raises(CatalogError, match="not found"):
        _load(str(tmp_path / "missing.csv"))


@pytest.mark.parametrize(
    ("written", "name", "count", "memory"),
    [
        ("RTX 4090", "RTX 4090", None, None),
        ("4090", "RTX 4090", None, None),
        ("NVIDIA GeForce RTX 4090", "RTX 4090", None, None),
        ("rtx-4090", "RTX 4090", None, None),
        ("2x3090", "RTX 3090", 2, None),
        ("2x RTX 3090", "RTX 3090", 2, None),
        ("4 × A100 80GB", "A100 80GB", 4, None),
        ("RTX 3090 x2", "RTX 3090", 2, None),
        ("A100 80GB", "A100 80GB", None, None),
        ("A100 40GB", "A100 40GB", None, None),
        ("A100", "A100 80GB", None, None),
        ("H100", "H100 SXM", None, None),
        ("RTX 4060 Ti 16GB", "RTX 4060 Ti 16GB", None, None),
        ("4060 Ti", "RTX 4060 Ti", None, None),
        ("RTX 3060 12GB", "RTX 3060", None, None),
        ("AMD Radeon RX 7900 XTX", "RX 7900 XTX", None, None),
        ("7900xtx", "RX 7900 XTX", None, None),
        ("MI300X", "MI300X", None, None),
        ("Apple M4 Max", "Apple M4 Max", None, None),
        ("M4 Max", "Apple M4 Max", None, None),
        ("M2 Ultra 192GB", "Apple M2 Ultra", None, 192.0),
        ("Apple M3 Pro 18GB", "Apple M3 Pro", None, 18.0),
        ("DDR5", "CPU DDR5-4800 dual-channel", None, None),
        ("DDR4-3200", "CPU DDR4-3200 dual-channel", None, None),
    ],
)
def test_gpu_names_as_people_write_them(written, name, count, memory):
    parsed = parse_gpu_name(written)
    assert (parsed.gpu.name, parsed.count, parsed.memory_gb) == (name, count, memory)


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("RTX 4090x", "'RTX 4090'"),
        ("RTX 4909", "'RTX 4090'"),
        ("RTX 309", "'RTX 3090'"),
        ("M5 Ultra", "'Apple M3 Ultra'"),
    ],
)
def test_unknown_gpu_suggests_the_closest_names(written, suggestion):
    with pytest.raises(UnknownGPUError) as err:
        parse_gpu_name(written)
    message = str(err.value)
    assert message.startswith(f"Unknown GPU '{written}'") and message.endswith("Known GPUs: `advisor gpus`.")
    if suggestion:
        assert f"did you mean {suggestion}" in message


def test_exact_style_guide_message():
    with pytest.raises(UnknownGPUError) as err:
        parse_gpu_name("RTX 4090x")
    assert str(err.value).startswith("Unknown GPU 'RTX 4090x' — did you mean 'RTX 4090'")


def test_no_suggestion_for_nonsense():
    with pytest.raises(UnknownGPUError) as err:
        parse_gpu_name("Quantum Flux 9000")
    assert str(err.value) == "Unknown GPU 'Quantum Flux 9000'. Known GPUs: `advisor gpus`."
