"""Seeded property tests of the memory model (hypothesis, derandomised so every run checks the same cases)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.hardware import estimate, resolve_hardware
from advisor.hardware.memory import QUANTS, WALKS
from advisor.requirements import Hardware

SETTINGS = settings(max_examples=60, derandomize=True, deadline=None)

models = st.builds(
    lambda params, active_share, layer, has_layers: SimpleNamespace(
        id="m",
        params_b=params,
        active_params_b=params * active_share,
        layers=layer[0] if has_layers else None,
        kv_heads=layer[1] if has_layers else None,
        head_dim=layer[2] if has_layers else None,
    ),
    st.floats(0.5, 800),
    st.sampled_from([1.0, 1.0, 0.5, 0.1]),
    st.tuples(st.integers(8, 128), st.integers(1, 64), st.sampled_from([64, 128, 256])),
    st.booleans(),
)
gpus = st.sampled_from(["RTX 3060", "RTX 4090", "2x RTX 3090", "A100 80GB", "Apple M4 Max", "H200"])
engines = st.sampled_from(["llama.cpp", "vllm", "ollama"])


def _engine_ok(gpu: str, engine: str) -> bool:
    return not (engine == "vllm" and gpu.startswith("Apple"))


@SETTINGS
@given(models, gpus, engines, st.integers(1, 200_000), st.integers(1, 200_000))
def test_more_context_never_needs_less_memory(model, gpu, engine, c1, c2):
    if not _engine_ok(gpu, engine):
        return
    lo, hi = sorted((c1, c2))
    profile = resolve_hardware(Hardware(gpu=gpu))
    quant = WALKS[engine][-2]
    small = estimate(model, profile, lo, quant=quant, engine=engine)
    large = estimate(model, profile, hi, quant=quant, engine=engine)
    assert large.memory_gb >= small.memory_gb
    walked_small = estimate(model, profile, lo, engine=engine)
    walked_large = estimate(model, profile, hi, engine=engine)
    if walked_large.fits:  # what fits with more context fits with less, at no worse a quantization
        assert walked_small.fits
        assert (
            QUANTS[walked_small.quantization].bits_per_weight
            >= QUANTS[walked_large.quantization].bits_per_weight
        )


@SETTINGS
@given(models, st.floats(4, 400), st.floats(4, 400), st.integers(512, 131_072), engines)
def test_more_vram_never_turns_a_fit_into_a_miss(model, v1, v2, context, engine):
    lo, hi = sorted((v1, v2))
    small = estimate(model, resolve_hardware(Hardware(gpu="RTX 4090", vram_gb=lo)), context, engine=engine)
    large = estimate(model, resolve_hardware(Hardware(gpu="RTX 4090", vram_gb=hi)), context, engine=engine)
    if small.fits:
        assert large.fits
        assert QUANTS[large.quantization].bits_per_weight >= QUANTS[small.quantization].bits_per_weight


@SETTINGS
@given(models, st.integers(512, 131_072), engines)
def test_higher_quality_quantization_is_never_smaller(model, context, engine):
    profile = resolve_hardware(Hardware(gpu="H200"))
    sizes = [estimate(model, profile, context, quant=q, engine=engine).memory_gb for q in WALKS[engine]]
    assert sizes == sorted(sizes, reverse=True)


@SETTINGS
@given(models, st.integers(1, 7), st.integers(512, 65_536))
def test_more_gpus_never_fit_less(model, count, context):
    few = estimate(model, resolve_hardware(Hardware(gpu="RTX 3090", gpu_count=count)), context)
    more = estimate(model, resolve_hardware(Hardware(gpu="RTX 3090", gpu_count=count + 1)), context)
    assert more.available_gb > few.available_gb
    if few.fits:
        assert more.fits
