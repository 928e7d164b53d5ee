"""Why self-hosting is out names an example model with the rule's own reason, in each language."""

from __future__ import annotations

import re

from advisor.catalog import load_catalog
from advisor.decision import _why_no_self, text
from advisor.engine import rank, validate
from tests.conftest import ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_example_reason_is_written_in_both_languages():
    catalog = load_catalog(ROOT / "tests" / "fixtures" / "catalog_small.jsonl")
    req = {"tasks": ["general"], "min_context_tokens": 2_000_000, "deployment": "self_hosted"}
    w = _why_no_self(rank(validate(req), catalog))
    assert w["code"] == "rule" and w["rule"] == "context", w
    en, zh = text.why(w, "en"), text.why(w, "zh")
    assert "; e.g. " in en and not CJK.search(w["example"]), en
    assert "例如" in zh and CJK.search(w["example_zh"].split("：", 1)[1]), zh
    assert w["example"].split(":")[0] == w["example_zh"].split("：")[0]  # the same model
