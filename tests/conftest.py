"""Shared test set-up: no test reaches the network or a real LLM unless it starts the server itself."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"


@pytest.fixture(autouse=True)
def _no_unexpected_llm_calls(monkeypatch):
    """Unit tests must pass `mock_response` or start a local server; a stray real call fails loudly."""
    for var in (
        "OPENAI_API_KEY",
        "ANTHROPIC_API_KEY",
        "GEMINI_API_KEY",
        "DEEPSEEK_API_KEY",
        "ADVISOR_LLM_MODEL",
    ):
        monkeypatch.delenv(var, raising=False)
    yield
