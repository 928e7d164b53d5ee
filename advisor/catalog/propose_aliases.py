"""Propose rows for data/aliases.csv (semi-automatic; the committed file is the source of truth).

    python -m advisor.catalog.propose_aliases            # print proposals for names not yet aliased
    python -m advisor.catalog.propose_aliases --write    # append them to data/aliases.csv

Which models are "worth choosing": the Arena text board (all of the top 100; below that, generally
available models ranked <= 200 or also sold on OpenRouter), OpenRouter's text chat models, and the
most-downloaded instruct models of the official open-weights orgs in llmfit. Other sources only
attach names to those models. Existing rows are kept as they are (hand curation wins), data/aliases_excluded.csv lists
source names deliberately left out (with the reason); the script
only adds names it can join through `names.normalise` plus two proposal-time heuristics
(an Arena `-max` effort name joins its base model; AA's `Claude 4 Opus` word order).
Review every proposal before committing it.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from advisor.catalog.aliases import ALIASES_PATH, HEADER, build_index, excluded, parse_rows
from advisor.catalog.names import normalise
from advisor.catalog.sources import aa, arena, litellm, llmfit, modelsdev, openrouter

TOP_ALWAYS = 100
TOP_GA = 200
MIN_DOWNLOADS = 100_000
FIRST_PARTY_LITELLM = {
    "openai", "anthropic", "gemini", "deepseek", "xai", "mistral", "moonshot", "dashscope", "zai",
    "minimax", "together_ai", "fireworks_ai", "groq", "deepinfra", "cohere_chat", "perplexity",
}  # fmt: skip
VENDOR_LITELLM = {"openai", "anthropic", "gemini", "xai", "meta", "deepseek", "moonshot", "zai", "dashscope"}
_CLAUDE_OLD = re.compile(r"^claude-(\d(?:\.\d)?)-(opus|sonnet|haiku)")


def _aa_key(name: str) -> str:
    return _CLAUDE_OLD.sub(r"claude-\2-\1", normalise(name))


def propose(sources_dir: Path | None = None) -> list[tuple[str, str, str]]:
    groups: dict[str, list[tuple[str, str]]] = {}

    def add(key: str, source: str, name: str) -> None:
        groups.setdefault(key, [])
        if (source, name) not in groups[key]:
            groups[key].append((source, name))

    orm = [m for m in openrouter.models(sources_dir) if openrouter.is_chat_model(m)]
    lite = litellm.models(sources_dir)
    or_keys = {normalise(m["id"]) for m in orm}
    bases = or_keys | {normalise(k) for k, m in lite.items() if m["provider"] in VENDOR_LITELLM}
    for r in arena.board("text", sources_dir):
        key = normalise(r["name"])
        if key.endswith("-max") and (key[:-4] in bases or key[:-4] in groups):
            key = key[:-4]
        experimental = r["pre_release"] or "experimental" in key or key.endswith("-exp")
        if r["rank"] <= TOP_ALWAYS or (not experimental and (r["rank"] <= TOP_GA or key in or_keys)):
            add(key, "arena", r["key"])
            add(key, "arena_name", r["name"])
    for m in orm:
        add(normalise(m["id"]), "openrouter", m["id"].split(":")[0])
        if m["hf"]:
            add(normalise(m["id"]), "hf", m["hf"])
    for hf, m in llmfit.models(sources_dir).items():
        org = hf.split("/")[0]
        key = normalise(hf)
        official = org in llmfit.OFFICIAL_ORGS and m["pipeline"] in ("text-generation", "image-text-to-text")
        base = key.endswith("-base") or (org == "meta-llama" and "instruct" not in hf.lower())
        if not official or base:
            continue
        if key in groups or m["downloads"] >= MIN_DOWNLOADS:
            add(key, "hf", hf)
    # attach-only sources
    for key, m in lite.items():
        if m["provider"] in FIRST_PARTY_LITELLM and normalise(key) in groups and "/" not in key:
            add(normalise(key), "litellm", key)
    for key in modelsdev.models(sources_dir):
        if normalise(key) in groups:
            add(normalise(key), "modelsdev", key)
    for m in aa.models(sources_dir):
        for src, name in (("aa", m["name"]), ("aa_slug", m["slug"])):
            if _aa_key(name) in groups:
                add(_aa_key(name), src, name)
    for r in arena.table_2026(sources_dir):
        if normalise(r["name"]) in groups:
            add(normalise(r["name"]), "arena", r["name"])
    return _unambiguous(groups)


def _unambiguous(groups: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str, str]]:
    """Drop (and report) names that would also resolve to another group; first claim wins."""
    owner: dict[str, str] = {}
    rows = []
    for key in sorted(groups):
        for source, name in groups[key]:
            claims = {name.lower(), normalise(name)}
            clash = {owner.get(c) for c in claims} | {c for c in claims if c in groups}
            clash -= {None, key}
            if clash:
                print(f"skip {source} {name!r} for {key}: also {sorted(clash)}", file=sys.stderr)
                continue
            owner.update({c: key for c in claims})
            rows.append((key, source, name))
    return rows


def merge(existing: list[tuple[str, str, str]], proposed: list[tuple[str, str, str]]):
    """Proposed rows whose (source, name) is not aliased yet and which keep the index unambiguous."""
    have = {(s, n.lower()) for _, s, n in existing} | {(s, n.lower()) for s, n in excluded()}
    known = build_index(existing) if existing else None
    skip_ids = {normalise(n) for _s, n in excluded()}
    new = []
    for mid, source, name in proposed:
        if mid in skip_ids:
            continue
        if (source, name.lower()) in have:
            continue
        target = known.resolve(name) if known else None
        new.append((target or mid, source, name))
        have.add((source, name.lower()))
    return new


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="append the proposals to data/aliases.csv")
    ap.add_argument("--path", type=Path, default=ALIASES_PATH)
    args = ap.parse_args(argv)
    existing = parse_rows(args.path) if args.path.exists() else []
    new = merge(existing, propose())
    rows = sorted(set(existing) | set(new), key=lambda r: (r[0], r[1], r[2].lower()))
    build_index(rows, where=f"{args.path} + proposals")  # refuses ambiguity
    if args.write:
        with args.path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(HEADER)
            w.writerows(rows)
    else:
        csv.writer(sys.stdout, lineterminator="\n").writerows(new)
    print(f"{len(new)} new alias rows; {len({r[0] for r in rows})} models", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
