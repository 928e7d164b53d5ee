"""Open vs closed: the license reading, the license table and the explicit name join."""

from __future__ import annotations

import pytest

from advisor.errors import CatalogError
from advisor.gap import license as gap_license


@pytest.mark.parametrize(
    ("license_text", "expected"),
    [
        ("Proprietary", "closed"),
        ("Propretary", "closed"),  # LMArena's own typo
        (" proprietary ", "closed"),
        ("Apache 2.0", "open"),
        ("MIT", "open"),
        ("Llama 3.1 Community", "open"),
        ("CC-BY-NC-4.0", "open"),  # non-commercial, but the weights are published
        ("Other", "open"),  # e.g. InternLM's own license
        ("", "unknown"),
        ("-", "unknown"),
        (None, "unknown"),
        ("N/A", "unknown"),
    ],
)
def test_openness(license_text, expected):
    assert gap_license.openness(license_text) == expected


def frame(rows):
    return [dict(zip(["model", "alt_name", "license", "source"], r, strict=True)) for r in rows]


def test_license_table_keys_on_normalised_names_and_alt_names():
    table = gap_license.license_table(
        frame(
            [
                ("GPT-4o-2024-05-13", "", "Proprietary", "fb.csv"),
                ("Llama-3.1-405B-Instruct", "", "Llama 3.1 Community", "fb.csv"),
                ("kimi-k3-max", "moonshot-codename-x", "Kimi K3 license", "namra.csv"),
                ("mystery", "", "", "fb.csv"),  # no license: not in the table
            ]
        )
    )
    assert table["gpt-4o"] == ("closed", "Proprietary", "fb.csv")
    assert table["llama-3.1-405b"][0] == "open"
    assert table["moonshot-codename-x"][0] == "open"
    assert "mystery" not in table


def test_license_table_majority_and_tie():
    rows = [("m", "", "Proprietary", "a"), ("m", "", "Proprietary", "b"), ("m", "", "MIT", "c"),
            ("t", "", "Proprietary", "a"), ("t", "", "MIT", "b")]  # fmt: skip
    table = gap_license.license_table(frame(rows))
    assert table["m"][0] == "closed"
    assert table["t"] == ("unknown", "conflicting licenses", "")


@pytest.mark.parametrize(
    ("model", "alt", "license_text", "openness", "basis"),
    [
        ("Some-Model", "", "MIT", "open", "license column"),  # own column wins
        ("gpt-4o-2024-05-13", "", "", "closed", "joined: gpt-4o from fb.csv"),  # key -> display name
        (
            "codename-7",
            "Llama-3.1-405B-Instruct",
            "",
            "open",
            "joined: llama-3.1-405b from fb.csv",
        ),  # alt name
        ("gpt-4", "", "", "closed", "joined: gpt-4-0314 from fb.csv"),  # renamed key, via the alias table
        ("never-seen", "", "", "unknown", "unknown"),  # stays unknown
        ("conflicted", "", "", "unknown", "unknown"),  # a tie in the table is not guessed
    ],
)
def test_classify_join(model, alt, license_text, openness, basis):
    table = {
        "gpt-4o": ("closed", "Proprietary", "fb.csv"),
        "llama-3.1-405b": ("open", "Llama 3.1 Community", "fb.csv"),
        "gpt-4-0314": ("closed", "Proprietary", "fb.csv"),
        "conflicted": ("unknown", "conflicting licenses", ""),
    }
    rows = [{"model": model, "alt_name": alt, "license": license_text}]
    (out,) = gap_license.classify(rows, table, {"gpt-4": "gpt-4-0314"})
    assert (out["openness"], out["basis"]) == (openness, basis)
    assert out["key"] == (
        "gpt-4-0314" if model == "gpt-4" else out["key"]
    )  # renamed keys join across snapshots


def test_shipped_aliases_load_and_are_normalised():
    aliases = gap_license.load_aliases()
    assert aliases["gpt-4"] == "gpt-4-0314"
    assert aliases["early-grok-3"] == "grok-3-preview-02-24"


def test_alias_file_with_wrong_header_names_the_file(tmp_path):
    bad = tmp_path / "gap_aliases.csv"
    bad.write_text("name,target\ngpt-4,GPT-4-0314\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"gap_aliases.csv: row 1: header"):
        gap_license.load_aliases(bad)


def test_alias_file_with_empty_field_names_the_row(tmp_path):
    bad = tmp_path / "gap_aliases.csv"
    bad.write_text("name,joins_as,evidence\ngpt-4,,why\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"row 2: fields name and joins_as"):
        gap_license.load_aliases(bad)
