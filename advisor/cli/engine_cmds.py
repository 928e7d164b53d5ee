"""`advisor recommend` and `advisor schema`.

Flags override keys of the --requirements file; every value is validated by `Requirements` (one line per
problem naming the field). Heavy modules are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from advisor.errors import InputError

# flag dest -> (requirements path, is a list)
FLAG_KEYS = {
    "task": (("tasks",), True),
    "language": (("languages",), True),
    "capability": (("capabilities",), True),
    "deployment": (("deployment",), False),
    "privacy": (("privacy",), False),
    "license": (("license",), False),
    "region": (("region",), False),
    "budget": (("budget_usd_per_month",), False),
    "min_context": (("min_context_tokens",), False),
    "min_tokens_per_s": (("min_tokens_per_s",), False),
    "priority": (("priority",), False),
    "top_k": (("top_k",), False),
    "requests_per_day": (("workload", "requests_per_day"), False),
    "input_tokens": (("workload", "input_tokens"), False),
    "output_tokens": (("workload", "output_tokens"), False),
    "gpu": (("hardware", "gpu"), False),
    "gpu_count": (("hardware", "gpu_count"), False),
    "vram_gb": (("hardware", "vram_gb"), False),
    "ram_gb": (("hardware", "ram_gb"), False),
    "unified_memory_gb": (("hardware", "unified_memory_gb"), False),
}


def register(sub) -> None:
    p = sub.add_parser("recommend", help="rank models for your requirements and say why")
    p.add_argument(
        "--requirements",
        metavar="FILE.json",
        help="requirements JSON (see `advisor schema`); '-' reads standard input, e.g. the output of "
        "`advisor parse TEXT --format json`",
    )
    p.add_argument("--format", default="table", choices=["json", "table", "markdown"])
    p.add_argument(
        "--catalog", metavar="FILE.jsonl", help="catalog file (default: the shipped data/catalog.jsonl)"
    )
    for flag in ("task", "language", "capability"):
        p.add_argument(f"--{flag}", action="append", help=f"add a {flag} (repeatable)")
    for flag in ("deployment", "privacy", "license", "region", "priority"):
        p.add_argument(f"--{flag}")
    p.add_argument("--budget", metavar="USD", help="monthly budget in USD")
    p.add_argument("--open-weights", action="store_true", help="weights must be downloadable")
    p.add_argument("--min-context", metavar="TOKENS")
    p.add_argument("--min-tokens-per-s", metavar="N")
    p.add_argument("--top-k", metavar="N")
    p.add_argument("--requests-per-day", metavar="N")
    p.add_argument("--input-tokens", metavar="N")
    p.add_argument("--output-tokens", metavar="N")
    p.add_argument("--gpu", help='e.g. "RTX 4090", "A100 80GB", "Apple M4 Max"')
    p.add_argument("--gpu-count", metavar="N")
    p.add_argument("--vram-gb", metavar="GB")
    p.add_argument("--ram-gb", metavar="GB")
    p.add_argument("--unified-memory-gb", metavar="GB")
    p.add_argument(
        "--weight", action="append", metavar="CRITERION=W", help="override a weight, e.g. cost=0.5"
    )
    p.add_argument(
        "--explain", action="store_true", help="add an explanation (LLM if configured, else rule-based)"
    )
    p.add_argument("--question", help="a question for the explanation to answer")
    p.add_argument("--llm", metavar="MODEL", help="litellm model name for --explain")
    p.add_argument("--api-base", metavar="URL", help="OpenAI-compatible server for --explain")
    p.add_argument(
        "--lang",
        default="en",
        choices=["en", "zh"],
        help="language of every sentence in the output (default en)",
    )
    p.set_defaults(handler=run_recommend)

    s = sub.add_parser("schema", help="print the JSON Schema of the requirements")
    s.set_defaults(handler=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    from advisor.requirements import Requirements

    print(json.dumps(Requirements.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def read_requirements_file(path: str) -> dict:
    """The requirements object in `path` ('-' = standard input). The output of `advisor parse --format json`
    ({requirements, understood, missing, …}) is unwrapped to its requirements; any other shape is returned
    as is, so unknown keys are still reported by `Requirements`."""
    name = "standard input" if path == "-" else path
    file = Path(path)
    if path != "-" and not file.is_file():
        raise InputError(f"--requirements: file {path} not found; give a JSON file (see `advisor schema`)")
    try:
        text = sys.stdin.buffer.read().decode("utf-8") if path == "-" else file.read_text(encoding="utf-8")
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: invalid JSON at line {err.lineno} column {err.colno}: {err.msg}") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text; save it as UTF-8 JSON") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: expected a JSON object of requirements, got {type(data).__name__}")
    if isinstance(data.get("requirements"), dict):
        from advisor.parse import ParseResult

        if set(data) <= set(ParseResult.model_fields):
            return data["requirements"]
    return data


def requirements_from_args(args: argparse.Namespace) -> dict:
    data = read_requirements_file(args.requirements) if args.requirements else {}
    for dest, (path, many) in FLAG_KEYS.items():
        value = getattr(args, dest, None)
        if value is None:
            continue
        node = data
        for key in path[:-1]:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[path[-1]] = list(value) if many else value
    if args.open_weights:
        data["open_weights"] = True
    for item in args.weight or []:
        name, sep, number = item.partition("=")
        try:
            weight = float(number)
        except ValueError:
            weight = None
        if not sep or weight is None:
            raise InputError(f"--weight: expected CRITERION=NUMBER (e.g. cost=0.5), got {item!r}")
        data.setdefault("weights", {})[name.strip()] = weight
    return data


def run_recommend(args: argparse.Namespace) -> int:
    from advisor.engine import recommend, validate

    req = validate(requirements_from_args(args))
    rec = recommend(req, catalog=args.catalog, lang=args.lang)
    out = rec.model_dump(mode="json")
    explanation = _explain(rec, args) if args.explain else None
    if explanation is not None:
        out["explanation"] = explanation
    if args.format == "json":
        print(json.dumps(out, indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        try:
            from advisor.export import to_markdown
        except ImportError:
            raise InputError(
                "--format markdown: the export module is not available; use json or table"
            ) from None
        print(to_markdown(rec, lang=args.lang))
    else:
        print(render_table(rec, explanation))
    return 0


def _explain(rec, args: argparse.Namespace) -> dict | None:
    """LLM explanation (advisor.llm falls back to the rule-based text itself); the rule-based text when the
    LLM layer is not installed."""
    try:
        from advisor.llm import explain
    except ImportError:
        explain = None
    if explain is not None:
        result = explain(  # the recommendation's own catalog, so grounding knows exactly its models
            rec,
            question=args.question,
            model=args.llm,
            api_base=args.api_base,
            lang=args.lang,
            catalog=args.catalog,
        )
        return result.model_dump(mode="json") if hasattr(result, "model_dump") else dict(result)
    from advisor.explain import explain as rule_explain

    text = rule_explain(rec, lang=args.lang, question=args.question, catalog=args.catalog)
    return {"source": "rules", "text": text, "model": None, "grounded": True, "issues": []}


def render_table(rec, explanation: dict | None = None) -> str:
    """Plain-text view: the ranking, then near misses, warnings and the explanation."""
    lines = [
        f"Data as of {rec.data_as_of}. Weights: "
        + ", ".join(f"{k} {v:.2f}" for k, v in rec.weights.items() if v > 0)
    ]
    head = f"{'#':>2}  {'model':<32} {'how':<28} {'$/month':>10} {'quality':>7} {'score':>5}  tied with"
    lines += ["", head, "-" * len(head)]
    for p in rec.recommendations:
        how = (
            f"API: {p.provider}"
            if p.deployment == "api"
            else f"{p.gpu_count or ''}× {p.gpu or 'CPU'} {p.quantization or ''}"
        )
        usd = "?" if p.monthly_cost_usd is None else f"{p.monthly_cost_usd:,.2f}"
        quality = "?" if p.quality is None else f"{p.quality:.0f}"
        lines.append(
            f"{p.rank:>2}  {p.name[:32]:<32} {how[:28]:<28} {usd:>10} {quality:>7} {p.score:5.2f}  {', '.join(p.tied_with)}"
        )
    if not rec.recommendations:
        lines.append("   (no model meets all the constraints)")
    lines.append(f"\n{len(rec.excluded)} models excluded (see --format json for every reason).")
    if rec.stability:
        lines.append(f"Stability: {rec.stability.note}")
    for n in rec.near_misses:
        lines.append(
            f"Near miss: {n.name} ({n.rule}) — {n.change}"
            + (f" → would rank #{n.would_rank}" if n.would_rank else "")
        )
    lines += [f"Warning: {w}" for w in rec.warnings]
    if explanation:
        lines += ["", str(explanation.get("text", ""))]
    return "\n".join(lines)
