"""`advisor data refresh` against recorded responses (never the network), and offline."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from advisor.catalog import DEFAULT_PATH, _parse
from advisor.catalog.refresh import LITELLM_URL, OPENROUTER_URL, diff, refresh
from advisor.catalog.sources import SOURCES_DIR
from advisor.cli import main
from advisor.errors import OfflineError

FIXTURES = Path(__file__).parent / "fixtures"


def replay(url: str) -> bytes:
    if url == OPENROUTER_URL:
        return (FIXTURES / "openrouter_models_response.json").read_bytes()
    if url == LITELLM_URL:
        return (FIXTURES / "litellm_prices_response.json").read_bytes()
    if url.startswith("https://datasets-server.huggingface.co/rows"):
        return (FIXTURES / "lmarena_rows_response.json").read_bytes()
    raise AssertionError(f"unexpected URL {url}")


def offline(url: str) -> bytes:
    raise OSError("[Errno -3] Temporary failure in name resolution")


@pytest.fixture()
def data_dir(tmp_path):
    """tmp/sources mirrors data/sources with per-file symlinks (writes never reach the real tree)."""
    for path in SOURCES_DIR.rglob("*"):
        if path.is_file():
            target = tmp_path / "sources" / path.relative_to(SOURCES_DIR)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.name == "snapshots.json":
                shutil.copy(path, target)
            else:
                os.symlink(path, target)
    shutil.copy(DEFAULT_PATH, tmp_path / "catalog.jsonl")
    return tmp_path


def test_refresh_openrouter_stores_a_dated_snapshot_rebuilds_and_reports_price_changes(data_dir):
    lines = refresh(only="openrouter", fetch=replay, sources_dir=data_dir / "sources", today="2026-12-01")
    assert lines[0].startswith("stored openrouter/openrouter_models_2026-12-01.json")
    registry = json.loads((data_dir / "sources" / "snapshots.json").read_text())
    assert registry["openrouter"] == {
        "path": "openrouter/openrouter_models_2026-12-01.json",
        "as_of": "2026-12-01",
    }
    assert any(line.startswith("price ") for line in lines)  # models that lost their OpenRouter offer
    opus = next(c for c in _parse(data_dir / "catalog.jsonl") if c.id == "claude-opus-4.6")
    offer = next(o for o in opus.offers if o.provider == "openrouter")
    assert (offer.input_usd_per_1m, offer.output_usd_per_1m, offer.as_of) == (4.0, 20.0, "2026-12-01")
    meta = json.loads((data_dir / "catalog.meta.json").read_text())
    assert meta["sources"]["openrouter"]["as_of"] == "2026-12-01"
    assert DEFAULT_PATH.read_bytes() != (data_dir / "catalog.jsonl").read_bytes()


def test_refresh_all_three_sources(data_dir):
    lines = refresh(fetch=replay, sources_dir=data_dir / "sources", today="2026-12-01")
    assert [line.split()[1].split("/")[0] for line in lines[:3]] == ["openrouter", "litellm", "lmarena-hf"]
    assert (data_dir / "sources" / "lmarena-hf" / "arena_text_2026-12-01.csv").read_text().count("\n") == 4


def test_offline_says_so_and_changes_nothing(data_dir):
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(OfflineError, match="needs the internet; nothing was changed"):
        refresh(fetch=offline, sources_dir=data_dir / "sources", today="2026-12-01")
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


def test_cli_offline_is_one_line_not_a_traceback(monkeypatch, capsys):
    import advisor.catalog.refresh as mod

    monkeypatch.setattr(mod, "http_get", offline)
    assert main(["data", "refresh", "--source", "litellm"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("advisor: error: cannot reach") and "Traceback" not in err


def test_bad_response_is_refused_before_anything_is_written(data_dir):
    registry = (data_dir / "sources" / "snapshots.json").read_bytes()
    with pytest.raises(Exception, match="missing field"):
        refresh(
            only="openrouter",
            fetch=lambda url: b'{"data": [{"id": "x/y"}]}',
            sources_dir=data_dir / "sources",
        )
    assert (data_dir / "sources" / "snapshots.json").read_bytes() == registry


def test_diff_reports_new_gone_price_and_quality_moves():
    before = {"a": {"price": (1.0, 2.0), "general": 1400}, "b": {"price": None, "general": None}}
    after = {"a": {"price": (1.0, 3.0), "general": 1410}, "c": {"price": None, "general": None}}
    assert diff(before, after) == [
        "new model: c",
        "gone: b",
        "price a: (1.0, 2.0) -> (1.0, 3.0) (USD per 1M in/out)",
        "quality a: 1400 -> 1410",
    ]
    assert diff(before, before) == ["no changes"]
