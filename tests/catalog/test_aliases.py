"""data/aliases.csv: unambiguous, complete for the sources we use, and covering the Arena top 100."""

from __future__ import annotations

import pytest

from advisor.catalog.aliases import ALIASES_PATH, build_index, excluded, load_aliases, parse_rows
from advisor.catalog.names import normalise
from advisor.catalog.sources import arena, openrouter
from advisor.errors import CatalogError


@pytest.fixture(scope="module")
def idx():
    return load_aliases()


def test_no_alias_points_at_two_models():
    rows = parse_rows(ALIASES_PATH)
    owner: dict[str, str] = {}
    for mid, _source, name in rows:
        for key in (name.lower(), normalise(name)):
            assert owner.setdefault(key, mid) == mid, f"{name!r} -> {owner[key]} and {mid}"


def test_an_ambiguous_file_is_refused():
    rows = [("gpt-5", "arena", "gpt-5-high"), ("gpt-5.1", "arena", "gpt-5-high")]
    with pytest.raises(CatalogError, match="gpt-5-high"):
        build_index(rows)


def test_bad_rows_name_file_row_and_field(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("model_id,source,name\ngpt-5,arena,gpt-5\ngpt-5,nowhere,x\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"aliases.csv: row 3: field source"):
        parse_rows(bad)
    bad.write_text("id,source,name\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="row 1: header"):
        parse_rows(bad)


def test_freshest_arena_text_top_100_all_resolve(idx):
    top = arena.board("text")[:100]
    assert len(top) == 100
    missing = [
        r["key"] for r in top if not (idx.resolve(r["key"], "arena") or idx.resolve(r["name"], "arena_name"))
    ]
    assert missing == []


def test_every_arena_row_we_use_resolves_to_the_same_model_by_key_and_by_display_name(idx):
    for r in arena.board("text"):
        by_key = idx.resolve(r["key"], "arena")
        if by_key:
            assert idx.resolve(r["name"], "arena_name") == by_key, r


def test_every_openrouter_chat_model_resolves_or_is_excluded_with_a_reason(idx):
    skip = excluded()
    chat = sorted({m["id"].split(":")[0] for m in openrouter.models() if openrouter.is_chat_model(m)})
    assert [m for m in chat if not idx.resolve(m) and ("openrouter", m) not in skip] == []
    # an excluded name may normalise onto a model (that is why it is excluded), never be one's explicit alias
    assert [(s, n) for s, n in skip if (s, n.lower()) in idx.by_source] == []


def test_proposer_adds_nothing_to_the_curated_file():
    from advisor.catalog.propose_aliases import merge, propose

    new = merge(parse_rows(ALIASES_PATH), propose())
    assert len(new) < 40, new  # the committed file is curated; proposals are only stragglers


@pytest.mark.parametrize(
    ("source", "name", "model"),
    [
        ("arena", "claude-opus-4-6-thinking", "claude-opus-4.6"),
        ("arena", "barium-bb-wlqc-text", "gemini-4-argon"),  # pre-release codename, top 1
        ("openrouter", "anthropic/claude-opus-4.6", "claude-opus-4.6"),
        ("openrouter", "deepseek/deepseek-chat", "deepseek-v3"),  # hand-curated
        ("hf", "deepseek-ai/DeepSeek-V3.2", "deepseek-v3.2"),
        ("aa", "GPT-5.4 (xhigh)", "gpt-5.4"),
        (None, "Kimi K2.6", "kimi-k2.6"),
        (None, "no-such-model-xyz", None),
        (None, "", None),
    ],
)
def test_resolve(idx, source, name, model):
    assert idx.resolve(name, source) == model


def test_every_alias_source_is_known_and_each_model_has_an_arena_openrouter_or_hf_name(idx):
    for mid in idx.model_ids:
        names = idx.names_of(mid)
        assert {"arena", "openrouter", "hf"} & set(names), mid


# Franri3008's hand-made LMArena <-> Artificial Analysis crosswalk: an independent check of our joins.
CROSSWALK_DISAGREEMENTS = {
    ("qwen3-max-2025-09-23", "Qwen3 235B A22B 2507"),  # the crosswalk pairs two different models
    ("grok-4.20-beta1", "Grok 4.20 Beta 0309"),  # two Arena entries; we keep them apart
    ("kimi-k2-thinking-turbo", "Kimi K2 Thinking"),  # turbo serving is listed separately
    ("gemini-2.5-flash", "Gemini 2.5 Flash (Sep)"),  # AA's (Sep) is the 09-2025 preview, its own Arena entry
}


def test_independent_crosswalk_agrees_wherever_both_names_resolve(idx):
    import json

    from advisor.catalog.sources import SOURCES_DIR

    entries = json.loads(
        (SOURCES_DIR / "crosswalks" / "franri3008_tracking_lma_aa_livebench.json").read_text()
    )
    both = [
        (e["lma_lookup"], e["aa_lookup"])
        for e in entries
        if e["lma_lookup"] and e["aa_lookup"] and idx.resolve(e["lma_lookup"]) and idx.resolve(e["aa_lookup"])
    ]
    assert len(both) >= 25
    assert [
        p for p in both if idx.resolve(p[0]) != idx.resolve(p[1]) and p not in CROSSWALK_DISAGREEMENTS
    ] == []
