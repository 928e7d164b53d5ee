"""`advisor models`, `advisor data build|info|refresh`."""

from __future__ import annotations

import json

from advisor.requirements import TASKS

MODEL_FIELDS = [
    "id", "name", "organization", "open_weights", "license", "commercial_use", "params_b",
    "active_params_b", "context_tokens", "capabilities", "input_usd_per_1m", "output_usd_per_1m",
    "quality", "aliases",
]  # fmt: skip


def register(sub) -> None:
    p = sub.add_parser(
        "models", help="List catalog models (cheapest usable offer, quality per task, aliases)."
    )
    p.add_argument("--open-weights", action="store_true", help="only models with downloadable weights")
    p.add_argument("--task", choices=TASKS, help="sort by quality on this task (best first)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=_models)

    data = sub.add_parser("data", help="Build, inspect or refresh the catalog data.")
    dsub = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    b = dsub.add_parser(
        "build", help="Rebuild data/catalog.jsonl from data/sources + aliases + curated facts."
    )
    b.set_defaults(handler=_build)
    i = dsub.add_parser("info", help="Snapshot date and rows used per source; model count and build date.")
    i.add_argument("--format", choices=["table", "json"], default="table")
    i.set_defaults(handler=_info)
    r = dsub.add_parser("refresh", help="Download fresh OpenRouter / LMArena / litellm data (online only).")
    r.add_argument("--source", choices=["openrouter", "lmarena", "litellm"], help="refresh only this source")
    r.set_defaults(handler=_refresh)


def model_row(card) -> dict:
    from advisor.catalog.frame import cheapest_offer

    offer = cheapest_offer(card)
    return {
        "id": card.id,
        "name": card.name,
        "organization": card.organization,
        "open_weights": card.open_weights,
        "license": card.license.id,
        "commercial_use": card.commercial_use,
        "params_b": card.params_b,
        "active_params_b": card.active_params_b,
        "context_tokens": card.context_tokens,
        "capabilities": list(card.capabilities),
        "input_usd_per_1m": offer.input_usd_per_1m if offer else None,
        "output_usd_per_1m": offer.output_usd_per_1m if offer else None,
        "quality": {t: (round(card.quality[t].score, 1) if t in card.quality else None) for t in TASKS},
        "aliases": sorted({a for names in card.aliases.values() for a in names}),
    }


def _models(args) -> int:
    from advisor.catalog import load_catalog

    cards = [c for c in load_catalog().models if c.open_weights or not args.open_weights]
    if args.task:
        cards.sort(
            key=lambda c: (
                args.task not in c.quality,
                -(c.quality[args.task].score if args.task in c.quality else 0),
                c.id,
            )
        )
    rows = [model_row(c) for c in cards]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    task = args.task or "general"
    _table(
        [[r["id"], r["organization"], "yes" if r["open_weights"] else "no", r["license"], _num(r["params_b"]),
          _num(r["input_usd_per_1m"]), _num(r["output_usd_per_1m"]), _num(r["quality"][task])] for r in rows],
        ["id", "organization", "open", "license", "params_b", "in $/1M", "out $/1M", f"q:{task}"],
    )  # fmt: skip
    return 0


def _build(args) -> int:  # noqa: ARG001
    from advisor.catalog.build import build

    meta = build()
    print(f"wrote data/catalog.jsonl: {meta['models']} models, data as of {meta['build_date']}")
    return 0


def info() -> dict:
    from advisor.catalog import DEFAULT_PATH, load_catalog

    cat = load_catalog()
    meta = json.loads(DEFAULT_PATH.with_suffix(".meta.json").read_text(encoding="utf-8"))
    return {
        "catalog": {"models": len(cat.models), "open_weights": sum(m.open_weights for m in cat.models),
                    "build_date": cat.data_as_of, "file": "data/catalog.jsonl"},
        "sources": meta["sources"],
    }  # fmt: skip


def _info(args) -> int:
    data = info()
    if args.format == "json":
        print(json.dumps(data, indent=2))
        return 0
    c = data["catalog"]
    print(
        f"catalog: {c['models']} models ({c['open_weights']} open weights), built from data as of {c['build_date']}"
    )
    _table([[s, v["as_of"], str(v["rows_used"]), v["file"]] for s, v in data["sources"].items()],
           ["source", "as of", "rows used", "file"])  # fmt: skip
    return 0


def _refresh(args) -> int:
    from advisor.catalog.refresh import refresh

    for line in refresh(only=args.source):
        print(line)
    return 0


def _num(x) -> str:
    return "-" if x is None else f"{x:g}"


def _table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    for r in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=False)).rstrip())
