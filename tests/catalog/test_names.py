"""The normalisation rules, one spec line per case."""

from __future__ import annotations

import pytest

from advisor.catalog.names import normalise


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("claude-opus-4-6-thinking", "claude-opus-4.6"),  # effort suffix + version dashes
        ("anthropic/claude-opus-4.6:batch", "claude-opus-4.6"),  # provider prefix + variant tag
        ("GPT-5.4 (xhigh)", "gpt-5.4"),  # parenthesised effort
        ("claude-opus-4-5-20251101-thinking-32k", "claude-opus-4.5"),  # date stamp + budget
        ("claude-sonnet-4-5-20250929-high-32k", "claude-sonnet-4.5"),
        ("gemini-3-flash (thinking-minimal)", "gemini-3-flash"),
        ("deepseek-v4-pro-high-20260813-text", "deepseek-v4-pro"),
        ("fireworks_ai/accounts/fireworks/models/kimi-k2p5", "kimi-k2.5"),
        ("qwen3-235b-a22b-instruct-2507", "qwen3-235b-a22b-2507"),  # release tags stay
        ("Qwen/Qwen3-235B-A22B", "qwen3-235b-a22b"),
        ("qwen/qwen-2.5-72b-instruct", "qwen2.5-72b"),
        ("nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", "nemotron-3-nano-30b-a3b"),
        ("qwen3-235b-a22b-no-thinking", "qwen3-235b-a22b"),
        ("mimo-v2-flash (non-thinking)", "mimo-v2-flash"),
        ("gpt-5-5", "gpt-5.5"),  # AA slug
        ("~anthropic/claude-opus-latest", "claude-opus"),
        ("deepseek-r1-0528", "deepseek-r1-0528"),  # 4-digit release tag kept
        ("qwen3-max", "qwen3-max"),  # -max names a model
        ("gpt-5.4-mini-high", "gpt-5.4-mini"),
        ("Mistral Medium", "mistral-medium"),  # a size tier, not an effort level: no version before it
        ("mistralai/mistral-medium-latest", "mistral-medium"),
        ("gpt-5-medium", "gpt-5"),  # after a versioned name it is an effort level
    ],
)
def test_normalise(name, key):
    assert normalise(name) == key


def test_normalise_is_idempotent():
    for name in ("claude-opus-4-6-thinking", "GPT-5.4 (xhigh)", "Qwen/Qwen3-235B-A22B-Instruct-2507"):
        assert normalise(normalise(name)) == normalise(name)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PARTS = st.sampled_from(
    ["gpt", "claude", "opus", "4", "6", "5.5", "high", "thinking", "32k", "preview", "20250514", "(xhigh)",
     "instruct", "2507", "a22b", "235b", "max", "p", "qwen", "/", ":free", " ", "_", "-"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_PARTS, min_size=1, max_size=8))
def test_normalise_is_idempotent_and_lowercase(parts):
    name = "-".join(parts)
    key = normalise(name)
    assert normalise(key) == key
    assert key == key.lower() and " " not in key
