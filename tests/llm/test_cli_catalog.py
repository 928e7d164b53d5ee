"""`advisor recommend --catalog FILE --explain --llm …`: grounding checks names against that same catalog."""

from __future__ import annotations

import json

from advisor import llm_context
from advisor.cli import main

from .conftest import CATALOG


def test_explain_grounds_against_the_recommendations_catalog(script, monkeypatch, capsys):
    seen = []
    real = llm_context.known_models

    def spy(catalog=None):
        seen.append(catalog)
        return real(catalog)

    monkeypatch.setattr(llm_context, "known_models", spy)
    script("The engine's ranking stands; see the picks above.")
    argv = ["recommend", "--catalog", CATALOG, "--format", "json", "--explain", "--llm", "openai/gpt-4o-mini"]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert seen == [CATALOG]
    assert out["explanation"]["model"] == "openai/gpt-4o-mini"
    assert {p["model_id"] for p in out["recommendations"]} <= set(real(CATALOG))
