"""The UI's pure parts: the strings table, escaping, formatting and the Pareto frontier."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.requirements import CAPABILITIES, TASKS
from advisor.ui import fmt
from advisor.ui.explore import pareto
from advisor.ui.i18n import EN, STRINGS, ZH, option, t
from advisor.ui.safe import md_escape


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_both_languages_have_the_same_keys_and_placeholders():
    assert set(EN) == set(ZH)
    for key in EN:
        assert EN[key].strip() and ZH[key].strip(), key
        assert fields(EN[key]) == fields(ZH[key]), key


def test_chinese_strings_are_translated():
    same = {k for k in EN if EN[k] == ZH[k]}
    assert same <= {
        "export.md",
        "export.json",
        "export.csv",
        "export.html",
        "opt.deployment.api",
        "form.gpu",
    }, same


@pytest.mark.parametrize("lang", list(STRINGS))
def test_every_option_value_has_a_label(lang):
    for task in TASKS:
        assert option(lang, "task", task)
    for cap in CAPABILITIES:
        assert option(lang, "cap", cap)
    assert option(lang, "privacy", "any") == t(lang, "opt.any")


def test_every_key_the_code_uses_exists():
    import pathlib

    used = set()
    others = {"llm_panel.py", "gap_view.py"}  # other engineers' views keep their own strings
    for path in (p for p in pathlib.Path("advisor/ui").glob("*.py") if p.name not in others):
        used |= set(re.findall(r't\(lang, ["\']([a-z_.]+)["\'][,)]', path.read_text(encoding="utf-8")))
    assert used and used <= set(EN), used - set(EN)
    dynamic = [f"decision.verdict.{v}" for v in ("open", "closed", "either")]
    dynamic += [f"results.commercial_{v}" for v in ("yes", "no", "restricted")]
    dynamic += [f"export.{k}" for k in ("md", "json", "csv", "html")] + [
        f"export.{k}.help" for k in ("md", "json", "csv", "html")
    ]
    assert set(dynamic) <= set(EN)


@given(st.text(max_size=300))
def test_md_escape_leaves_no_live_markup(text):
    out = md_escape(text)
    assert not re.search(r"(?<!\\)[<>\[\]()!`*_#|]", out.replace("\\\\", ""))
    assert re.sub(r"\\(.)", r"\1", out.replace("  \n", "\n")) == text


@pytest.mark.parametrize(
    "value, money, tokens",
    [
        (None, "—", "—"),
        (0.5, "$0.50", "0"),
        (1234.4, "$1,234", "1.23K"),
        (128000, "$128,000", "128K"),
        (1_048_576, "$1,048,576", "1.05M"),
    ],
)
def test_formatting(value, money, tokens):
    assert fmt.money(value) == money
    assert fmt.tokens(value if value is None else int(value)) == tokens


def test_pareto_keeps_only_undominated_models():
    frame = pd.DataFrame(
        {
            "name": ["cheap-weak", "cheap-better", "mid-dominated", "pricey-best", "no-price"],
            "monthly": [1.0, 1.0, 5.0, 50.0, None],
            "quality": [1200, 1250, 1240, 1400, 1500],
        }
    )
    assert pareto(frame)["name"].tolist() == ["cheap-better", "pricey-best"]


def test_a_missing_chromium_fails_instead_of_skipping(monkeypatch):
    from tests.ui import live

    monkeypatch.setattr(live, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(RuntimeError, match="make browser"):
        live.launch_browser(playwright=None)
