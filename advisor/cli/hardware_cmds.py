"""`advisor gpus` (the GPU table) and `advisor fit` (memory, fit and speed of one model on given hardware).

`--batch FILE.jsonl` takes one request per line with the same keys as the flags (plus `id`) and prints a
JSON list in order; a bad line stops the run with its line number.
"""

from __future__ import annotations

import json
import os

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from advisor.hardware.memory import WALKS

ENGINES = tuple(WALKS)
DEFAULT_CONTEXT = 8192


class FitRequest(BaseModel):
    """One `advisor fit` request: a catalog model or raw facts, and hardware as in `Requirements.hardware`."""

    model_config = ConfigDict(extra="forbid")

    id: str | int | None = None
    model: str | None = Field(None, description="Catalog id, name or alias.")
    params_b: float | None = Field(None, gt=0, le=10_000)
    active_params_b: float | None = Field(None, gt=0, le=10_000)
    layers: int | None = Field(None, gt=0, le=1000)
    kv_heads: int | None = Field(None, gt=0, le=1000)
    head_dim: int | None = Field(None, gt=0, le=4096)
    gpu: str | None = None
    gpu_count: int = Field(1, ge=1, le=64)
    vram_gb: float | None = Field(None, gt=0, le=4096)
    ram_gb: float | None = Field(None, gt=0, le=16384)
    unified_memory_gb: float | None = Field(None, gt=0, le=1024)
    quant: str | None = None
    context: int = Field(DEFAULT_CONTEXT, ge=1, le=100_000_000)
    engine: str = "llama.cpp"

    @model_validator(mode="after")
    def _check(self) -> FitRequest:
        if (self.model is None) == (self.params_b is None):
            raise ValueError("give exactly one of model (a catalog id) or params_b")
        layer = (self.layers, self.kv_heads, self.head_dim)
        if any(v is not None for v in layer) and not all(v is not None for v in layer):
            raise ValueError("give layers, kv_heads and head_dim together (or none of them)")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}; got {self.engine!r}")
        if not self.gpu and not self.ram_gb:
            raise ValueError("give gpu (e.g. 'RTX 4090') or ram_gb for CPU only")
        return self


def register(sub) -> None:
    g = sub.add_parser("gpus", help="The GPU table: VRAM, bandwidth, FP16 TFLOPS, cloud $/h, source.")
    g.add_argument("--format", choices=["table", "json"], default="table")
    g.set_defaults(handler=_gpus)

    f = sub.add_parser("fit", help="Does a model fit on a GPU, at which quantization, how fast?")
    what = f.add_mutually_exclusive_group()
    what.add_argument(
        "--model", help="catalog id, name or alias (ADVISOR_CATALOG picks another catalog file)"
    )
    what.add_argument("--params-b", type=float, help="total parameters, billions")
    f.add_argument("--active-params-b", type=float, help="active parameters per token (MoE), billions")
    f.add_argument("--layers", type=int)
    f.add_argument("--kv-heads", type=int)
    f.add_argument("--head-dim", type=int)
    f.add_argument("--gpu", help='as people write it: "RTX 4090", "2x3090", "Apple M4 Max", "A100 80GB"')
    f.add_argument("--gpu-count", type=int, default=1)
    f.add_argument("--vram-gb", type=float, help="override VRAM per GPU")
    f.add_argument("--unified-memory-gb", type=float, help="Apple unified memory")
    f.add_argument("--ram-gb", type=float, help="system RAM (CPU only, or CPU offload)")
    f.add_argument("--quant", help="e.g. Q4_K_M, Q8_0, F16, FP8, INT4; default: best that fits")
    f.add_argument("--context", type=int, default=DEFAULT_CONTEXT, help=f"tokens (default {DEFAULT_CONTEXT})")
    f.add_argument("--engine", choices=ENGINES, default="llama.cpp")
    f.add_argument("--batch", metavar="FILE.jsonl", help="one request per line (same keys + id)")
    f.add_argument("--format", choices=["table", "json"], default="table")
    f.set_defaults(handler=_fit)


def _gpus(args) -> int:
    from advisor.hardware import load_gpus

    gpus = load_gpus()
    if args.format == "json":
        print(json.dumps([g.model_dump() for g in gpus], indent=2, ensure_ascii=False))
        return 0
    print(f"{'name':<32} {'kind':<5} {'memory GB':>9} {'GB/s':>7} {'FP16 TF':>8} {'$/h':>6}")
    for g in gpus:
        price = f"{g.cloud_usd_per_hour:.2f}" if g.cloud_usd_per_hour else "-"
        tflops = f"{g.fp16_tflops:g}" if g.fp16_tflops else "-"
        print(f"{g.name:<32} {g.kind:<5} {g.vram_gb:>9g} {g.bandwidth_gbps:>7g} {tflops:>8} {price:>6}")
    return 0


def _fit(args) -> int:
    from advisor.errors import AdvisorError, InputError

    if args.batch:
        if args.model or args.params_b:
            raise InputError("--batch: put the model in each line, not on the command line")
        requests = _read_batch(args.batch)
        results = []
        for number, req in requests:
            try:
                results.append(run(req))
            except AdvisorError as err:
                raise type(err)(f"{args.batch}: line {number}: {err}") from None
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    fields = {k: v for k, v in vars(args).items() if k in FitRequest.model_fields and v is not None}
    result = run(_validate(fields, "--"))
    if args.format == "json":
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        verdict = "fits" if result["fits"] else "does not fit"
        speed = f", ~{result['tokens_per_s']} tokens/s" if result["tokens_per_s"] else ""
        print(f"{result['model']} on {result['hardware']}: {verdict} at {result['quantization']}, "
              f"{result['memory_gb']} GB of {result['available_gb']} GB{speed}")  # fmt: skip
        for line in result["basis"]:
            print(f"  - {line}")
    return 0


def _validate(data: dict, prefix: str = "") -> FitRequest:
    from advisor.errors import InputError

    try:
        return FitRequest.model_validate(data)
    except ValidationError as err:
        e = err.errors()[0]
        loc = ".".join(str(p) for p in e["loc"])
        name = (
            (prefix + loc.replace("_", "-")) if prefix and loc else (loc or ("fit" if prefix else "request"))
        )
        msg = (
            "unknown key (allowed: " + ", ".join(FitRequest.model_fields) + ")"
            if e["type"] == "extra_forbidden"
            else e["msg"]
        )
        raise InputError(f"{name}: {msg.removeprefix('Value error, ')}") from None


def _read_batch(path: str) -> list[tuple[int, FitRequest]]:
    from advisor.errors import InputError

    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as err:
        raise InputError(f"--batch: cannot read {path} ({err.strerror})") from None
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}: line {number}: invalid JSON ({err.msg})") from None
        if not isinstance(data, dict):
            raise InputError(f"{path}: line {number}: expected a JSON object")
        try:
            out.append((number, _validate(data)))
        except InputError as err:
            raise InputError(f"{path}: line {number}: {err}") from None
    return out


def run(req: FitRequest) -> dict:
    """One request -> the estimate as a JSON-ready dict (model facts first, then the FitEstimate)."""
    from advisor.hardware import estimate, resolve_hardware
    from advisor.requirements import Hardware

    facts = _facts(req)
    hw = Hardware(gpu=req.gpu, gpu_count=req.gpu_count, vram_gb=req.vram_gb, ram_gb=req.ram_gb,
                  unified_memory_gb=req.unified_memory_gb)  # fmt: skip
    est = estimate(facts, resolve_hardware(hw), req.context, quant=req.quant, engine=req.engine)
    head = {"id": req.id} if req.id is not None else {}
    return (
        head
        | {"model": facts.id, "params_b": facts.params_b, "active_params_b": facts.active_params_b}
        | est.model_dump()
    )


class _Facts(BaseModel):
    id: str
    params_b: float | None
    active_params_b: float | None = None
    layers: int | None = None
    kv_heads: int | None = None
    head_dim: int | None = None
    attention: str | None = None  # catalog KV layout (MLA / hybrid) and native precision: docs/hardware.md
    kv_lora_rank: int | None = None
    rope_head_dim: int | None = None
    kv_layers: int | None = None
    native_precision: str | None = None
    native_bits_per_weight: float | None = None


def _facts(req: FitRequest) -> _Facts:
    from advisor.errors import InputError

    if req.model is None:
        return _Facts(
            id=f"{req.params_b:g}B model", **req.model_dump(include=set(_Facts.model_fields) - {"id"})
        )
    from advisor.catalog import load_catalog

    card = load_catalog(os.environ.get("ADVISOR_CATALOG") or None).resolve(req.model)
    if card is None:
        raise InputError(
            f"model: '{req.model}' is not in the catalog; see `advisor models` or give --params-b"
        )
    facts = _Facts(**card.model_dump(include=set(_Facts.model_fields)))
    overrides = req.model_dump(
        include={"active_params_b", "layers", "kv_heads", "head_dim"}, exclude_none=True
    )
    if "kv_heads" in overrides:  # explicit GQA facts replace the catalog's layout
        overrides |= {"attention": None, "kv_layers": None}
    return facts.model_copy(update=overrides)
