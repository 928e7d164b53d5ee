"""`advisor data refresh`: download fresh public data, store it as a dated snapshot, rebuild, report.

The only runtime code that touches the network. `fetch(url) -> bytes` is injectable: tests pass a
fetcher that replays recorded responses (tests/catalog/fixtures/) or raises (offline). A download or
validation failure changes nothing: files are written only after every requested source validated.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from advisor.catalog.sources import REGISTRY, SOURCES_DIR, litellm, openrouter, read_json
from advisor.errors import CatalogError, OfflineError

Fetch = Callable[[str], bytes]
OPENROUTER_URL = "https://openrouter.ai/api/v1/models"
LITELLM_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
LMARENA_URL = (
    "https://datasets-server.huggingface.co/rows?dataset=lmarena-ai/leaderboard-dataset"
    "&config=text_style_control&split=latest&offset={offset}&length=100"
)
JSON_SOURCES = {  # registry source -> (url, validating parser, dated file, what it counts)
    "openrouter": (OPENROUTER_URL, openrouter.parse, "openrouter/openrouter_models_{day}.json", "models"),
    "litellm": (
        LITELLM_URL,
        litellm.parse,
        "litellm/model_prices_and_context_window_{day}.json",
        "chat entries",
    ),
}
NAMRA_HEADER = [
    "category", "model_key", "display_name", "organization", "rank", "rank_upper", "rank_lower", "rating",
    "rating_upper", "rating_lower", "votes", "input_usd_per_1m", "output_usd_per_1m", "license",
    "context_length", "release_type", "model_url",
]  # fmt: skip


def http_get(url: str) -> bytes:  # pragma: no cover - real network
    req = urllib.request.Request(url, headers={"User-Agent": "model-advisor-refresh"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.read()


def _json(fetch: Fetch, url: str):
    try:
        raw = fetch(url)
    except OSError as err:  # URLError, timeouts, DNS: all OSError
        raise OfflineError(
            f"cannot reach {url.split('?')[0]} ({err}). `advisor data refresh` needs the internet; "
            "nothing was changed — the shipped catalog still works offline."
        ) from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as err:
        raise CatalogError(f"{url}: response is not JSON (line {err.lineno}); nothing was changed.") from None


def _lmarena_csv(fetch: Fetch) -> tuple[bytes, int]:
    """LMArena's published leaderboard (text, style control, latest) in the namra7x CSV layout."""
    rows, offset = [], 0
    while True:
        page = _json(fetch, LMARENA_URL.format(offset=offset))
        if not isinstance(page, dict) or "rows" not in page:
            raise CatalogError(f"{LMARENA_URL.split('?')[0]}: unknown schema, missing field rows")
        batch = [r.get("row", {}) for r in page["rows"]]
        rows += batch
        offset += len(batch)
        if not batch or offset >= int(page.get("num_rows_total", offset)):
            break
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(NAMRA_HEADER)
    for i, r in enumerate(rows):
        missing = [k for k in ("model_name", "rating", "category") if k not in r]
        if missing:
            raise CatalogError(f"lmarena response row {i}: unknown schema, missing field {missing[0]}")
        cat = "text" if r["category"] in ("overall", "text") else f"text_{r['category']}"
        w.writerow([cat, r["model_name"], r["model_name"], r.get("organization", ""), r.get("rank", ""), "", "",
                    r["rating"], r.get("rating_upper", ""), r.get("rating_lower", ""), r.get("vote_count", ""),
                    "", "", r.get("license", ""), "", "", ""])  # fmt: skip
    return out.getvalue().encode(), len(rows)


def refresh(only: str | None = None, fetch: Fetch | None = None, sources_dir: Path = SOURCES_DIR,
            today: str | None = None, rebuild: Callable | None = None) -> list[str]:  # fmt: skip
    """Download, validate, store dated snapshots, rebuild; return the report lines."""
    fetch = fetch or http_get
    day = today or datetime.now(UTC).strftime("%Y-%m-%d")
    staged: dict[str, tuple[str, bytes, str]] = {}  # registry source -> (relative path, bytes, summary)
    for source, (url, parse, path, unit) in JSON_SOURCES.items():
        if only in (None, source):
            payload = _json(fetch, url)
            n = len(parse(payload, url))
            staged[source] = (path.format(day=day), json.dumps(payload).encode(), f"{n} {unit}")
    if only in (None, "lmarena"):
        data, n = _lmarena_csv(fetch)
        staged["lmarena-namra7x"] = (f"lmarena-hf/arena_text_{day}.csv", data, f"{n} leaderboard rows")
    before = _snapshot_view(sources_dir)
    registry_path = sources_dir / REGISTRY
    registry = read_json(registry_path)
    for source, (rel, data, _summary) in staged.items():
        target = sources_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        registry[source] = {"path": rel, "as_of": day}
    registry_path.write_text(json.dumps(registry, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    lines = [f"stored {rel} ({summary})" for rel, _data, summary in staged.values()]
    after = (rebuild or _rebuild)(sources_dir)
    return lines + diff(before, after)


def _snapshot_view(sources_dir: Path) -> dict[str, dict]:
    """The catalog built next to `sources_dir` (data/catalog.jsonl for data/sources), summarised."""
    from advisor.catalog import _parse

    path = sources_dir.parent / "catalog.jsonl"
    return {c.id: _view(c) for c in _parse(path)} if path.exists() else {}


def _rebuild(sources_dir: Path) -> dict[str, dict]:
    from advisor.catalog.build import build

    build(out_dir=sources_dir.parent, sources_dir=sources_dir)
    return _snapshot_view(sources_dir)


def _view(card) -> dict:
    from advisor.catalog.frame import cheapest_offer

    offer = cheapest_offer(card)
    q = card.quality.get("general")
    return {"price": (offer.input_usd_per_1m, offer.output_usd_per_1m) if offer else None,
            "general": round(q.score) if q else None}  # fmt: skip


def diff(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """What changed: new / gone models, price changes, general-quality moves of >= 5 points."""
    out = [f"new model: {m}" for m in sorted(set(after) - set(before))]
    out += [f"gone: {m}" for m in sorted(set(before) - set(after))]
    for m in sorted(set(before) & set(after)):
        b, a = before[m], after[m]
        if b["price"] != a["price"]:
            out.append(f"price {m}: {b['price']} -> {a['price']} (USD per 1M in/out)")
        if b["general"] and a["general"] and abs(a["general"] - b["general"]) >= 5:
            out.append(f"quality {m}: {b['general']} -> {a['general']}")
    return out or ["no changes"]
