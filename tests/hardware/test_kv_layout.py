"""KV-cache layouts (GQA, MLA, hybrid) and natively low-precision checkpoints, worked by hand.

GB are GiB (2**30 bytes); the cache is FP16 (2 bytes per element).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from advisor.errors import InputError
from advisor.hardware import cheapest_cloud, estimate, resolve_hardware
from advisor.hardware.memory import kv_layout
from advisor.requirements import Hardware

GIB = 2**30


def facts(**kw):
    base = dict(id="m", params_b=10.0, active_params_b=None, layers=None, kv_heads=None, head_dim=None)
    return SimpleNamespace(**(base | kw))


DEEPSEEK_V3 = facts(id="deepseek-v3", params_b=671, active_params_b=37, layers=61, attention="mla",
                    kv_lora_rank=512, rope_head_dim=64, native_precision="fp8", native_bits_per_weight=8.0)  # fmt: skip
QWEN3_NEXT = facts(id="qwen3-next", params_b=80, active_params_b=3, layers=48, kv_heads=2, head_dim=256,
                   attention="hybrid", kv_layers=12)  # fmt: skip
GPT_OSS_120B = facts(id="gpt-oss-120b", params_b=117, active_params_b=5.1, layers=36, kv_heads=8, head_dim=64,
                     attention="hybrid", kv_layers=18, native_precision="mxfp4", native_bits_per_weight=4.46)  # fmt: skip


@pytest.mark.parametrize(
    "card, elements_per_token",
    [
        (facts(layers=32, kv_heads=8, head_dim=128), 2 * 32 * 8 * 128),  # Llama-3.1-8B: 65,536
        (facts(layers=32, kv_heads=8, head_dim=128, attention="gqa"), 2 * 32 * 8 * 128),
        (DEEPSEEK_V3, 61 * (512 + 64)),  # one latent per layer: 35,136, not 2 × 61 × 128 × 56 = 1,748,992
        (QWEN3_NEXT, 2 * 12 * 2 * 256),  # only the 12 full-attention layers: 12,288
        (
            facts(layers=48, kv_heads=2, head_dim=256, attention="hybrid"),
            2 * 48 * 2 * 256,
        ),  # no kv_layers: all
        (facts(layers=61, attention="mla"), None),  # MLA without the latent width: unknown
        (facts(layers=32, kv_heads=8), None),
    ],
)
def test_kv_elements_per_token(card, elements_per_token):
    layout = kv_layout(card)
    assert (layout[0] if layout else None) == elements_per_token


def test_mla_kv_cache_at_32k_is_the_latent_not_per_head_kv():
    """61 × 576 elements × 32,768 tokens × 2 bytes = 2.14 GB (full heads would be 53.4 GB)."""
    fit = estimate(DEEPSEEK_V3, resolve_hardware(Hardware(gpu="8x H200")), 32_768, engine="vllm")
    assert (
        fit.kv_cache_gb
        == pytest.approx(61 * 576 * 32_768 * 2 / GIB, abs=0.01)
        == pytest.approx(2.14, abs=0.01)
    )
    assert "MLA" in " ".join(fit.basis)


def test_hybrid_kv_cache_counts_only_attention_layers():
    """2 × 12 × 2 × 256 × 32,768 × 2 bytes = 0.75 GB (all 48 layers would be 3.0 GB)."""
    fit = estimate(QWEN3_NEXT, resolve_hardware(Hardware(gpu="H100")), 32_768, engine="vllm")
    assert fit.kv_cache_gb == pytest.approx(0.75, abs=0.005)
    assert "12 attention layers (of 48" in " ".join(fit.basis)


def test_vllm_serves_a_native_fp8_checkpoint_as_published_not_upcast_to_bf16():
    fit = estimate(DEEPSEEK_V3, resolve_hardware(Hardware(gpu="8x B200")), 8192, engine="vllm")
    assert fit.quantization == "FP8" and "native FP8" in " ".join(fit.basis)  # BF16 (1.25 TB) also fits
    without = estimate(facts(**{**vars(DEEPSEEK_V3), "native_precision": None}),
                       resolve_hardware(Hardware(gpu="8x B200")), 8192, engine="vllm")  # fmt: skip
    assert without.quantization == "BF16"


def test_native_mxfp4_is_the_vllm_walk_and_the_cloud_format():
    """gpt-oss-120b: 117e9 × 4.46 / 8 bytes = 60.75 GB of weights instead of 108.96 GB at FP8."""
    fit = estimate(GPT_OSS_120B, resolve_hardware(Hardware(gpu="H100")), 32_768, engine="vllm")
    assert (fit.quantization, fit.fits) == ("MXFP4", True)
    assert fit.weights_gb == pytest.approx(117e9 * 4.46 / 8 / GIB, abs=0.01)
    plan = cheapest_cloud(GPT_OSS_120B, 32_768)
    assert plan.estimate.quantization == "MXFP4"
    fp8 = cheapest_cloud(GPT_OSS_120B, 32_768, quant="FP8")
    assert plan.monthly_usd < fp8.monthly_usd


def test_native_format_is_only_for_vllm_and_needs_kernels():
    llama_cpp = estimate(GPT_OSS_120B, resolve_hardware(Hardware(gpu="H100")), 8192)
    assert llama_cpp.quantization != "MXFP4"
    turing = resolve_hardware(Hardware(gpu="RTX 2080 Ti"))
    assert estimate(GPT_OSS_120B, turing, 8192, engine="vllm").quantization != "MXFP4"
    with pytest.raises(InputError, match="MXFP4"):
        estimate(GPT_OSS_120B, turing, 8192, quant="MXFP4", engine="vllm")
