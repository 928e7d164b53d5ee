"""Memory, fit and speed worked by hand; the numbers in each docstring are the working.

GB here are GiB (2**30 bytes). Calibrated constants (runtime overhead, efficiencies) are read from
data/hardware_calibration.json so the arithmetic around them is what is pinned.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from advisor.errors import InputError
from advisor.hardware import cheapest_cloud, estimate, load_calibration, load_gpus, resolve_hardware
from advisor.hardware.profile import gpu_profile
from advisor.requirements import Hardware

LLAMA_8B = SimpleNamespace(
    id="llama-3.1-8b", params_b=8.03, active_params_b=8.03, layers=32, kv_heads=8, head_dim=128
)
LLAMA_70B = SimpleNamespace(
    id="llama-3.1-70b", params_b=70.6, active_params_b=None, layers=80, kv_heads=8, head_dim=128
)
QWEN_MOE = SimpleNamespace(
    id="qwen3-30b-a3b", params_b=30.5, active_params_b=3.3, layers=48, kv_heads=4, head_dim=128
)
QWEN_DENSE = SimpleNamespace(
    id="dense-30b", params_b=30.5, active_params_b=None, layers=48, kv_heads=4, head_dim=128
)
NO_LAYERS = SimpleNamespace(
    id="mystery-14b", params_b=14.0, active_params_b=None, layers=None, kv_heads=None, head_dim=None
)


def hw(**kw):
    return resolve_hardware(Hardware(**kw))


def fixed_overhead() -> float:
    return load_calibration()["overhead"]["llamacpp_fixed_gb"]


def eff(key: str) -> float:
    return load_calibration()["decode_efficiency"][key]["efficiency"]


def test_llama_8b_q4_k_m_8k_on_rtx_3060():
    """weights = 8.03e9 × 4.84 bits / 8 = 4.858e9 B = 4.525 GB
    KV = 2 × 32 layers × 8 KV heads × 128 × 8192 tokens × 2 B = 2**30 B = 1.000 GB
    memory = 4.525 + 1.000 + overhead (≈0.94, fitted) ≈ 6.46 GB ≤ 12 GB → fits
    speed = 360 GB/s × eff(llama.cpp/gpu/dense) / 4.858 GB per token."""
    est = estimate(LLAMA_8B, hw(gpu="RTX 3060"), 8192, quant="Q4_K_M")
    assert est.weights_gb == pytest.approx(4.525, abs=0.01)
    assert est.kv_cache_gb == pytest.approx(1.000, abs=0.01)
    assert est.memory_gb == pytest.approx(4.525 + 1.0 + fixed_overhead(), abs=0.01)
    assert est.fits and not est.offload and est.available_gb == 12
    assert est.tokens_per_s == pytest.approx(360e9 * eff("llama.cpp/gpu/dense") / 4.858e9, rel=0.01)
    assert any(line.startswith("KV cache: 2 × 32 layers × 8 KV heads") for line in est.basis)


def test_70b_on_24gb_walks_down_and_still_does_not_fit():
    """Q4_K_M: 70.6e9 × 4.84 / 8 = 42.71e9 B = 39.78 GB > 24 GB. The walk ends at Q2_K:
    70.6e9 × 3.35 / 8 = 29.56e9 B = 27.53 GB, + KV 2 × 80 × 8 × 128 × 8192 × 2 B = 2.5 GB → 30.7 GB > 24."""
    gpu = hw(gpu="RTX 4090")
    q4 = estimate(LLAMA_70B, gpu, 8192, quant="Q4_K_M")
    assert not q4.fits and q4.weights_gb == pytest.approx(39.78, abs=0.01) and q4.tokens_per_s is None
    walked = estimate(LLAMA_70B, gpu, 8192)
    assert (walked.fits, walked.quantization) == (False, "Q2_K")
    assert walked.memory_gb == pytest.approx(27.53 + 2.5 + fixed_overhead(), abs=0.01)
    assert "Does not fit" in walked.basis[-1]


def test_70b_on_24gb_with_64gb_ram_offloads_at_q4_k_m_and_is_slow():
    """Spill = 39.78 + 2.5 + overhead − 24 ≈ 19.2 GB ≤ 0.8 × 64 GB RAM → fits with offload."""
    est = estimate(LLAMA_70B, hw(gpu="RTX 4090", ram_gb=64), 8192)
    assert (est.fits, est.offload, est.quantization) == (True, True, "Q4_K_M")
    assert est.offload_gb == pytest.approx(39.78 + 2.5 + fixed_overhead() - 24, abs=0.02)
    all_gpu = estimate(LLAMA_70B, hw(gpu="2x RTX 4090"), 8192, quant="Q4_K_M")
    assert all_gpu.fits and est.tokens_per_s < all_gpu.tokens_per_s / 5
    assert any("much slower" in line for line in est.basis)


def test_two_3090s_add_vram_but_not_bandwidth_in_llama_cpp():
    """48 GB total; Q4_K_M 39.78 + 2.5 + 2 × overhead fits; speed uses one card's 936 GB/s."""
    est = estimate(LLAMA_70B, hw(gpu="2x3090"), 8192, quant="Q4_K_M")
    assert est.fits and est.available_gb == 48
    assert est.overhead_gb == pytest.approx(2 * fixed_overhead(), abs=0.01)
    assert est.tokens_per_s == pytest.approx(936e9 * eff("llama.cpp/gpu/dense") / 42.71e9, rel=0.01)


def test_vllm_reserves_90_percent_and_walks_bf16_to_fp8():
    """A100 80GB: available 0.9 × 80 = 72 GB. BF16 70.6e9 × 2 B = 131.5 GB: no. FP8 65.75 + 2.5 + 1.5 = 69.75: yes."""
    est = estimate(LLAMA_70B, hw(gpu="A100 80GB"), 8192, engine="vllm")
    assert (est.fits, est.quantization, est.available_gb) == (True, "FP8", 72.0)
    assert est.memory_gb == pytest.approx(65.75 + 2.5 + 1.5, abs=0.01)


@pytest.mark.parametrize(
    ("hardware", "available"),
    [
        ({"gpu": "Apple M4 Max"}, 0.75 * 128),
        ({"gpu": "Apple M3 Pro", "unified_memory_gb": 36}, 0.67 * 36),
        ({"gpu": "M2 Ultra 192GB"}, 0.75 * 192),
        ({"gpu": None, "ram_gb": 32}, 0.8 * 32),
        ({"gpu": "RTX 4090", "vram_gb": 48}, 48),
        ({"gpu": "RTX 3090", "gpu_count": 4}, 96),
    ],
)
def test_available_memory(hardware, available):
    assert estimate(LLAMA_8B, hw(**hardware), 4096).available_gb == pytest.approx(available, abs=0.01)


def test_cpu_only_speed_uses_ram_bandwidth():
    est = estimate(LLAMA_8B, hw(gpu=None, ram_gb=32), 4096, quant="Q4_K_M")
    assert est.tokens_per_s == pytest.approx(76.8e9 * eff("llama.cpp/cpu/dense") / 4.858e9, rel=0.01)


def test_moe_memory_uses_total_params_and_speed_uses_active_params():
    moe = estimate(QWEN_MOE, hw(gpu="RTX 5090"), 8192, quant="Q4_K_M")
    dense = estimate(QWEN_DENSE, hw(gpu="RTX 5090"), 8192, quant="Q4_K_M")
    assert moe.memory_gb == dense.memory_gb
    weights_bytes = 30.5e9 * 4.84 / 8
    expected = 1792e9 * eff("llama.cpp/gpu/moe") / (weights_bytes * 3.3 / 30.5)
    assert moe.tokens_per_s == pytest.approx(expected, rel=0.01)
    assert moe.tokens_per_s > 3 * dense.tokens_per_s
    assert any("MoE: 3.3B of 30.5B" in line for line in moe.basis)


def test_missing_layer_facts_use_the_documented_fallback():
    """bytes/token = exp(log_a) × 14^b × q75; × 8192 tokens."""
    fit = load_calibration()["kv_fallback"]
    per_token = 2.718281828459045 ** fit["log_a"] * 14 ** fit["b"] * fit["q75_factor"]
    est = estimate(NO_LAYERS, hw(gpu="RTX 4090"), 8192, quant="Q4_K_M")
    assert est.kv_cache_gb == pytest.approx(per_token * 8192 / 2**30, abs=0.01)
    assert any("estimated from its parameter count" in line for line in est.basis)


def test_walk_takes_the_best_quality_that_fits():
    assert estimate(LLAMA_8B, hw(gpu="RTX 4090"), 8192).quantization == "F16"
    assert estimate(LLAMA_8B, hw(gpu="RTX 3060"), 8192).quantization == "Q8_0"
    # RTX 2060 (6 GB): Q4_K_M 4.52 + KV 0.25 (2K) + 0.94 = 5.71 fits; with 8K context (KV 1.0) 6.46 does not.
    assert estimate(LLAMA_8B, hw(gpu="RTX 2060"), 2048).quantization == "Q4_K_M"
    assert estimate(LLAMA_8B, hw(gpu="RTX 2060"), 8192).quantization == "Q3_K_M"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"quant": "Q4_K_M", "engine": "vllm"}, "not a vllm format"),
        ({"quant": "Q9_X"}, "quantization 'Q9_X'"),
        ({"engine": "mlx"}, "only on Apple"),
        ({"engine": "tgi"}, "engine 'tgi' is unknown"),
    ],
)
def test_bad_estimate_input_is_an_input_error(kwargs, message):
    with pytest.raises(InputError, match=message):
        estimate(LLAMA_8B, hw(gpu="RTX 4090"), 8192, **kwargs)


def test_fp8_needs_a_gpu_with_fp8_kernels():
    with pytest.raises(InputError, match="no FP8 kernels for T4"):
        estimate(LLAMA_8B, hw(gpu="T4"), 8192, quant="FP8", engine="vllm")
    assert estimate(LLAMA_8B, hw(gpu="T4"), 2048, engine="vllm").quantization == "INT4"


def test_unknown_params_is_an_input_error():
    closed = SimpleNamespace(
        id="gpt-5", params_b=None, active_params_b=None, layers=None, kv_heads=None, head_dim=None
    )
    with pytest.raises(InputError, match="gpt-5: parameter count unknown"):
        estimate(closed, hw(gpu="RTX 4090"), 8192)


def test_cheapest_cloud_is_the_cheapest_fitting_configuration():
    plan = cheapest_cloud(LLAMA_70B, 32768)
    assert plan is not None and plan.estimate.fits
    assert plan.monthly_usd == pytest.approx(plan.usd_per_hour * 730, abs=0.01)
    for gpu in load_gpus():  # nothing cheaper in the table fits
        if gpu.kind != "gpu" or gpu.cloud_usd_per_hour is None or gpu.arch in ("turing", "volta", "rdna3"):
            continue
        for count in (1, 2, 4, 8):
            if gpu.cloud_usd_per_hour * count < plan.usd_per_hour - 1e-9:
                assert not estimate(
                    LLAMA_70B, gpu_profile(gpu, count), 32768, quant="FP8", engine="vllm"
                ).fits


def test_cheapest_cloud_none_when_nothing_fits():
    huge = SimpleNamespace(
        id="huge", params_b=5000, active_params_b=None, layers=None, kv_heads=None, head_dim=None
    )
    assert cheapest_cloud(huge, 8192) is None
