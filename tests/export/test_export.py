"""Exports: golden files per format × language, determinism, escaping of hostile values, no secrets.

Regenerate the golden files after an intended change with:  UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/export
"""

from __future__ import annotations

import csv
import io
import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from advisor import export
from advisor.explain import explain
from tests.export.sample import sample_recommendation

GOLDEN = Path(__file__).parent / "golden"
FORMATS = {
    "md": export.to_markdown,
    "json": export.to_json_record,
    "csv": export.to_csv,
    "html": export.to_html,
}
HOSTILE_TOP = "<script>alert('x')</script> [click](javascript:alert(1)) | # Bad"
HOSTILE_EXCLUDED = '=HYPERLINK("http://evil.example","click")'


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt, lang):
    check_golden(f"recommendation_{lang}.{fmt}", FORMATS[fmt](sample_recommendation(), lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_golden_explanation(lang):
    check_golden(f"explain_{lang}.md", explain(sample_recommendation(), lang))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_deterministic_and_language_specific(fmt):
    rec = sample_recommendation()
    assert FORMATS[fmt](rec, "en") == FORMATS[fmt](rec, "en")
    if fmt != "json":
        assert FORMATS[fmt](rec, "en") != FORMATS[fmt](rec, "zh")


def test_json_record_contents():
    rec = sample_recommendation()
    data = json.loads(export.to_json_record(rec, "zh"))
    assert data["generated_at"] == rec.data_as_of == data["data"]["as_of"]
    assert data["data"]["sources"] == rec.data_sources
    assert data["advisor_version"] == rec.advisor_version
    assert data["requirements"] == rec.requirements.model_dump(mode="json")
    assert data["weights"] == rec.weights
    assert [p["model_id"] for p in data["shortlist"]] == ["qwen3-32b", "glm-4.5-air", "mistral-small-3.2"]
    top = data["shortlist"][0]["criteria"]["quality"]
    assert top["contribution"] == pytest.approx(top["normalized"] * top["weight"])
    assert {e["model_id"]: e["rule"] for e in data["excluded"]}["command-r-plus"] == "license"
    assert data["assumptions"] == rec.assumptions and data["summary"].startswith("首选")


def test_csv_rows_and_numbers():
    rec = sample_recommendation()
    rows = list(csv.reader(io.StringIO(export.to_csv(rec, "en"))))
    header = rows[0]
    assert len(rows) == 1 + len(rec.recommendations) + len(rec.excluded)
    first = dict(zip(header, rows[1], strict=True))
    assert first["Model ID"] == "qwen3-32b" and float(first["Score"]) == pytest.approx(
        rec.recommendations[0].score
    )
    assert float(first["quality contribution"]) == pytest.approx(0.36)
    assert [r[0] for r in rows[1:]].count("excluded") == len(rec.excluded)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("  =1+2", "'  =1+2"),
        ("-3.5", "-3.5"),
        ("-12", "-12"),
        (-3.5, -3.5),
        (7, 7),
        (True, "true"),
        (None, ""),
        ("plain", "plain"),
    ],
)
def test_csv_cells_are_safe_from_formula_injection(value, expected):
    assert export.safe_cell(value) == expected


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs |= {name for name, _ in attrs}

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_names_are_escaped_everywhere(lang):
    rec = sample_recommendation(top_name=HOSTILE_TOP, excluded_name=HOSTILE_EXCLUDED)
    page = export.to_html(rec, lang)
    parser = _Tags()
    parser.feed(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li", "table", "thead",
               "tbody", "tr", "th", "td", "section", "div", "span", "hr"}  # fmt: skip
    assert parser.tags <= allowed and not any(a.startswith("on") for a in parser.attrs)
    assert "<script" not in page and HOSTILE_TOP in "".join(parser.text)  # shown as text, not run
    md = export.to_markdown(rec, lang)
    assert "<script>" not in md and "\\<script\\>" in md and "\\[click\\]" in md
    assert "](javascript:" not in md.replace("\\]", "")
    for row in csv.reader(io.StringIO(export.to_csv(rec, lang))):
        assert not any(cell[:1] in ("=", "+", "@") for cell in row)
        assert HOSTILE_EXCLUDED not in row
    assert "'" + HOSTILE_EXCLUDED in export.to_csv(rec, lang).replace('""', '"')
    text = explain(rec, lang)
    assert "<script>" not in text


def test_no_secrets_from_the_environment(monkeypatch):
    secret = "sk-proj-" + "A1b2C3d4" * 6
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    rec = sample_recommendation()
    rec.warnings.append(f"provider said: key {secret} rejected")  # even if one slipped into the data
    rec.recommendations[0].reasons.append(f"key {secret}")
    for fmt, func in FORMATS.items():
        out = func(rec, "en")
        assert secret not in out, fmt
        assert "[redacted]" in out, fmt


def test_long_exclusion_lists_are_cut_in_markdown_and_html_only(monkeypatch):
    monkeypatch.setattr(export, "MAX_EXCLUDED_ROWS", 2)
    rec = sample_recommendation()
    assert "… and 2 more" in export.to_markdown(rec, "en")
    assert "另有 2 个" in export.to_html(rec, "zh")
    assert "Command R+" not in export.to_markdown(rec, "en").split("## Excluded")[1]
    assert len(json.loads(export.to_json_record(rec, "en"))["excluded"]) == 4
    assert export.to_csv(rec, "en").count("\nexcluded,") == 4
