"""Memory and speed kernels: pure arithmetic, no validation (advisor/hardware/__init__.py checks the inputs).

Sizes are GiB (2**30 bytes), written "GB" as GPU makers and nvidia-smi do. See docs/hardware.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.errors import InputError

GIB = 2**30


@dataclass(frozen=True)
class Quant:
    name: str
    bits_per_weight: float  # file-average, mixed tensors included
    note: str

    @property
    def bytes_per_param(self) -> float:
        return self.bits_per_weight / 8


# Average bits per weight of whole model files. GGUF K-quants keep some tensors (embeddings, output,
# attention V) at higher precision, so files average more than the block size: Q4_K blocks are 4.5 bits
# (144 bytes / 256 weights) but a Q4_K_M file averages 4.84. Figures: llama.cpp tools/quantize/README.md
# (Llama-2-7B table); Q8_0 = 34 bytes / 32 weights = 8.5 bits exactly.
QUANTS: dict[str, Quant] = {
    q.name: q
    for q in (
        Quant("F16", 16.0, "16-bit GGUF, unquantised"),
        Quant("BF16", 16.0, "16-bit safetensors, unquantised"),
        Quant("FP8", 8.0, "8-bit float weights (vLLM fp8; per-tensor scales are negligible)"),
        Quant("Q8_0", 8.5, "GGUF Q8_0: 34 bytes per 32 weights"),
        Quant("8BIT", 8.5, "MLX 8-bit, group 64 with 16-bit scale and bias"),
        Quant("Q6_K", 6.56, "GGUF Q6_K file average"),
        Quant("6BIT", 6.5, "MLX 6-bit, group 64"),
        Quant("Q5_K_M", 5.68, "GGUF Q5_K_M file average"),
        Quant("Q4_K_M", 4.84, "GGUF Q4_K_M file average (Q4_K blocks 4.5 bits + Q6_K tensors)"),
        Quant("INT4", 4.5, "AWQ/GPTQ 4-bit, group 128, embeddings and head left in 16-bit"),
        Quant("4BIT", 4.5, "MLX 4-bit, group 64 with 16-bit scale and bias"),
        Quant("Q3_K_M", 3.91, "GGUF Q3_K_M file average"),
        Quant("3BIT", 3.5, "MLX 3-bit, group 64"),
        Quant("Q2_K", 3.35, "GGUF Q2_K file average (Q2_K blocks 2.625 bits + Q3_K/Q4_K tensors)"),
    )
}

# Best quality first: the walk tries these in order and keeps the first that fits.
WALKS: dict[str, tuple[str, ...]] = {
    "llama.cpp": ("F16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q3_K_M", "Q2_K"),
    "ollama": ("F16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q3_K_M", "Q2_K"),
    "vllm": ("BF16", "FP8", "INT4"),
    "mlx": ("BF16", "8BIT", "6BIT", "4BIT", "3BIT"),
}
_SYNONYMS = {
    "FP16": "F16",
    "Q8": "Q8_0",
    "Q6": "Q6_K",
    "Q5": "Q5_K_M",
    "Q4": "Q4_K_M",
    "Q3": "Q3_K_M",
    "Q2": "Q2_K",
    "AWQ": "INT4",
    "GPTQ": "INT4",
    "W4A16": "INT4",
    "MLX_8BIT": "8BIT",
    "MLX_4BIT": "4BIT",
}
_SIXTEEN = {"llama.cpp": "F16", "ollama": "F16", "vllm": "BF16", "mlx": "BF16"}


def quant_for(name: str, engine: str) -> Quant:
    """'q4_k_m' -> Q4_K_M; 'FP16' on vLLM -> BF16. Raises InputError naming the engine's formats."""
    key = name.strip().upper().replace("-", "_")
    key = _SYNONYMS.get(key, key)
    if key in ("F16", "BF16"):
        key = _SIXTEEN[engine]
    if key not in WALKS[engine]:
        raise InputError(
            f"quantization '{name}' is not a {engine} format; use one of {', '.join(WALKS[engine])}"
        )
    return QUANTS[key]


def weights_gib(params_b: float, quant: Quant) -> float:
    return params_b * 1e9 * quant.bytes_per_param / GIB


def kv_cache_gib(
    layers: int, kv_heads: int, head_dim: int, context: int, bytes_per_elem: float = 2.0
) -> float:
    """K and V for every layer: 2 × layers × kv_heads × head_dim × context × bytes (GQA-aware: kv_heads, not heads)."""
    return 2 * layers * kv_heads * head_dim * context * bytes_per_elem / GIB


def kv_layout(card) -> tuple[int, str] | None:
    """Cached elements per token (K and V together, all layers) and the formula in words, from a card's
    facts; None when they are missing. GQA: 2 × layers × kv_heads × head_dim. MLA (DeepSeek V2/V3, Kimi K2,
    GLM-5): one latent per layer shared by K and V, layers × (kv_lora_rank + rope_head_dim). Hybrid (Qwen3-Next,
    Qwen3.5, Nemotron-H, MiniMax-01, gpt-oss): only the kv_layers full-attention layers grow with context."""
    get = lambda f: getattr(card, f, None)  # noqa: E731
    layers, kind = get("layers"), get("attention") or "gqa"
    if kind == "mla" and layers and get("kv_lora_rank") and get("rope_head_dim"):
        width = get("kv_lora_rank") + get("rope_head_dim")
        return layers * width, (
            f"{layers} layers × ({get('kv_lora_rank')} latent + {get('rope_head_dim')} RoPE) (MLA: one compressed "
            "latent per layer, shared by K and V)"
        )
    if not (layers and get("kv_heads") and get("head_dim")):
        return None
    heads, dim = get("kv_heads"), get("head_dim")
    if kind == "hybrid" and get("kv_layers"):
        return 2 * get("kv_layers") * heads * dim, (
            f"2 × {get('kv_layers')} attention layers (of {layers}; the others keep no per-token cache) × "
            f"{heads} KV heads × {dim} head dim"
        )
    return 2 * layers * heads * dim, f"2 × {layers} layers × {heads} KV heads × {dim} head dim"


def native_quant(card) -> Quant | None:
    """The official checkpoint's own low-precision format (gpt-oss MXFP4, DeepSeek V3 FP8), if recorded."""
    precision, bits = getattr(card, "native_precision", None), getattr(card, "native_bits_per_weight", None)
    if not precision or not bits:
        return None
    name = precision.upper()
    return Quant(name, float(bits), f"native {name} checkpoint as published, file average")


def with_native(walk: list[Quant], native: Quant | None) -> list[Quant]:
    """vLLM serves a natively low-precision checkpoint as published: bigger formats are upcasts that add no
    quality, so the walk starts at the native format and continues only with smaller ones."""
    if native is None or native.bits_per_weight >= 16:
        return walk
    return [native, *(q for q in walk if q.bits_per_weight < native.bits_per_weight)]


def kv_fallback_gib(params_b: float, context: int, fit: dict) -> float:
    """KV size when layer facts are missing: bytes/token = exp(a) × params_b^b × q75 (fit on official models)."""
    per_token = 2.718281828459045 ** fit["log_a"] * params_b ** fit["b"] * fit["q75_factor"]
    return per_token * context / GIB


def decode_tokens_per_s(read_gib_fast: float, bw_fast: float, read_gib_slow: float, bw_slow: float) -> float:
    """Bandwidth-bound decode: every token reads the active weights once; the slow part (offloaded to RAM)
    adds its own time. Bandwidths in GB/s (1e9 bytes)."""
    seconds = read_gib_fast * GIB / (bw_fast * 1e9)
    if read_gib_slow > 0:
        seconds += read_gib_slow * GIB / (bw_slow * 1e9)
    return 1.0 / seconds if seconds > 0 else float("inf")
