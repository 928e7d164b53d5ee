"""llmfit's Hugging Face model facts: params, active params (MoE), layers, KV heads, head dim."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.sources import need, number, read_json, snapshot_path
from advisor.errors import CatalogError

OFFICIAL_ORGS = (
    "deepseek-ai", "Qwen", "meta-llama", "moonshotai", "zai-org", "MiniMaxAI", "openai", "google",
    "mistralai", "microsoft", "nvidia", "allenai", "ibm-granite", "CohereLabs", "tencent",
    "XiaomiMiMo", "stepfun-ai", "baidu", "inclusionAI", "LGAI-EXAONE", "tiiuae", "HuggingFaceTB",
)  # fmt: skip


def models(sources_dir: Path | None = None) -> dict[str, dict]:
    path = snapshot_path("llmfit", sources_dir)
    payload = read_json(path)
    if not isinstance(payload, list):
        raise CatalogError(f"{path}: expected a list of models")
    out = {}
    for i, m in enumerate(payload):
        at = f"{path}: item {i}"
        need(m, ["name", "parameters_raw"], at)
        raw = number(m["parameters_raw"], at, "parameters_raw")
        active = number(m.get("active_parameters"), at, "active_parameters")
        out[m["name"]] = {
            "hf": m["name"],
            "params_b": round(raw / 1e9, 2) if raw else None,
            "active_params_b": round(active / 1e9, 2) if active else None,
            "layers": m.get("num_hidden_layers") or None,
            "kv_heads": m.get("num_key_value_heads") or None,
            "head_dim": m.get("head_dim") or _head_dim(m),
            "context": m.get("context_length"),
            "release_date": m.get("release_date"),
            "downloads": m.get("hf_downloads") or 0,
            "pipeline": m.get("pipeline_tag"),
            "capabilities": m.get("capabilities") or [],
        }
    return out


def _head_dim(m: dict) -> int | None:
    """config.json leaves head_dim out when it is hidden_size / num_attention_heads."""
    heads, hidden = m.get("num_attention_heads"), m.get("hidden_size")
    return hidden // heads if heads and hidden and hidden % heads == 0 else None
