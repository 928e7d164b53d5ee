"""resolve_hardware: names, counts, overrides, CPU-only, and the errors that say what to do."""

from __future__ import annotations

import pytest

from advisor.errors import InputError, UnknownGPUError
from advisor.hardware import resolve_hardware
from advisor.requirements import Hardware


@pytest.mark.parametrize(
    ("hardware", "kind", "label", "count", "memory", "bandwidth"),
    [
        ({"gpu": "RTX 4090"}, "gpu", "RTX 4090", 1, 24, 1008),
        ({"gpu": "2x RTX 3090"}, "gpu", "2× RTX 3090", 2, 24, 936),
        ({"gpu": "RTX 3090", "gpu_count": 2}, "gpu", "2× RTX 3090", 2, 24, 936),
        ({"gpu": "A100 80GB"}, "gpu", "A100 80GB", 1, 80, 2039),
        ({"gpu": "RTX 4090 48GB"}, "gpu", "RTX 4090", 1, 48, 1008),
        ({"gpu": "RTX 4090", "vram_gb": 20}, "gpu", "RTX 4090", 1, 20, 1008),
        ({"gpu": "Apple M4 Max"}, "apple", "Apple M4 Max (128 GB)", 1, 128, 546),
        ({"gpu": "Apple M4 Max", "unified_memory_gb": 64}, "apple", "Apple M4 Max (64 GB)", 1, 64, 546),
        ({"gpu": "M2 Ultra 192GB"}, "apple", "Apple M2 Ultra (192 GB)", 1, 192, 800),
        ({"gpu": None, "ram_gb": 64}, "cpu", "CPU only (CPU DDR5-4800 dual-channel, 64 GB RAM)", 1, 64, 76.8),
        (
            {"gpu": "DDR4", "ram_gb": 32},
            "cpu",
            "CPU only (CPU DDR4-3200 dual-channel, 32 GB RAM)",
            1,
            32,
            51.2,
        ),
    ],
)
def test_resolve(hardware, kind, label, count, memory, bandwidth):
    p = resolve_hardware(Hardware(**hardware))
    assert (p.kind, p.label, p.gpu_count, p.memory_per_device_gb, p.bandwidth_gbps) == (
        kind, label, count, memory, bandwidth,
    )  # fmt: skip


def test_assumptions_are_stated():
    assert "assumed the largest Apple M4 Max, 128 GB" in resolve_hardware(Hardware(gpu="M4 Max")).notes[0]
    assert "VRAM set to 48 GB" in resolve_hardware(Hardware(gpu="RTX 4090 48GB")).notes[0]
    assert resolve_hardware(Hardware(gpu="RTX 4090")).notes == []


def test_ram_is_kept_for_offload():
    assert resolve_hardware(Hardware(gpu="RTX 4090", ram_gb=64)).ram_gb == 64
    assert resolve_hardware(Hardware(gpu="RTX 4090")).ram_gb is None


@pytest.mark.parametrize(
    ("hardware", "message"),
    [
        ({"gpu": None}, "give a gpu"),
        ({"gpu": None, "unified_memory_gb": 64}, "name the Apple chip"),
        ({"gpu": "Apple M4 Pro", "unified_memory_gb": 128}, "at most 64 GB"),
        ({"gpu": "Apple M4 Max", "gpu_count": 2}, "counts as one device"),
        ({"gpu": "2x3090", "gpu_count": 4}, "disagrees"),
    ],
)
def test_bad_hardware(hardware, message):
    with pytest.raises(InputError, match=message):
        resolve_hardware(Hardware(**hardware))


def test_unknown_gpu():
    with pytest.raises(UnknownGPUError, match="did you mean 'RTX 4090'"):
        resolve_hardware(Hardware(gpu="RTX 4090x"))
