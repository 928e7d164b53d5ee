"""data/gap_series.json: the committed file is what `advisor.gap` computes from data/sources/ today, reading
it gives the same series, and a missing, damaged or stale file is ignored (the series are recomputed)."""

from __future__ import annotations

import json

import pytest

from advisor import gap
from advisor.gap import store as gap_store


@pytest.fixture(scope="module")
def computed():
    return gap.compute_all()


def test_committed_file_equals_a_recomputation(computed):
    same = gap_store.STORE.read_text(encoding="utf-8") == gap_store.dumps(computed)
    assert same, f"data/gap_series.json is stale ({gap_store._changed()}): run `python -m advisor.gap.store`"


def test_reading_the_file_gives_the_computed_series(computed):
    assert gap_store.read() == computed
    assert gap._computed() == computed


def _with(tmp_path, change) -> object:
    payload = json.loads(gap_store.STORE.read_text(encoding="utf-8"))
    change(payload)
    path = tmp_path / "gap_series.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return gap_store.read(path)


def _resize_a_source(payload):
    name = next(iter(payload["fingerprint"]["sources"]))
    payload["fingerprint"]["sources"][name] += 1


def _drop_a_source(payload):
    payload["fingerprint"]["sources"].popitem()


def _other_aliases(payload):
    payload["fingerprint"]["gap_aliases_sha256"] = "0" * 64


def _bad_series(payload):
    payload["tasks"]["coding"]["series"]["surprise"] = 1


@pytest.mark.parametrize("change", [_resize_a_source, _drop_a_source, _other_aliases, _bad_series])
def test_a_stale_or_damaged_file_is_ignored(tmp_path, change):
    assert _with(tmp_path, change) is None


def test_an_unchanged_copy_is_read(tmp_path):
    assert _with(tmp_path, lambda payload: None) is not None


@pytest.mark.parametrize("text", ["", "{", "[]", '{"fingerprint": {}}'])
def test_missing_or_unreadable_file_is_ignored(tmp_path, text):
    assert gap_store.read(tmp_path / "absent.json") is None
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    assert gap_store.read(tmp_path / "bad.json") is None


def test_check_reports_up_to_date(capsys):
    assert gap_store.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_code_changes_invalidate_the_file(tmp_path):
    def other_code(payload):
        payload["fingerprint"]["code_sha256"] = "0" * 64

    assert _with(tmp_path, other_code) is None
