"""LLM-layer fixtures: a frozen Recommendation, the fixture catalog's names, and scripted litellm responses.

`script(...)` makes each litellm.completion call take the next scripted reply through litellm's own mock path
(`mock_response` = a string or an exception, TIMEOUT = `mock_timeout=True`, BROKEN(text) = a stream that
breaks after its first chunks). Any call that is neither scripted, mocked nor aimed at 127.0.0.1 fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.llm_config import LLMConfig
from advisor.recommendation import Recommendation

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CATALOG = str(ROOT / "tests" / "fixtures" / "catalog_small.jsonl")
TIMEOUT = "<mock timeout>"
SECRET = "sk-test-9f8e7d6c5b4a39281706"


class BROKEN(str):
    """A streamed reply that raises a connection error after its first two chunks."""


@pytest.fixture(scope="session")
def rec() -> Recommendation:
    return Recommendation.model_validate_json((HERE / "fixtures" / "recommendation.json").read_text())


@pytest.fixture
def config() -> LLMConfig:
    """A priced model (litellm knows gpt-4o-mini's prices), fast backoff and timeouts for tests."""
    return LLMConfig(model="openai/gpt-4o-mini", api_key=SECRET, timeout_s=0.3, deadline_s=10, backoff_s=0.01)


@pytest.fixture(scope="session")
def litellm_module():
    from advisor.llm import _litellm

    return _litellm()


def _broken_stream(litellm, real, text: str, kwargs: dict):
    chunks = iter(real(**{**kwargs, "mock_response": text}))
    yield next(chunks)
    yield next(chunks)
    raise litellm.APIConnectionError(message="connection reset by peer", llm_provider="openai", model="x")


@pytest.fixture(autouse=True)
def guard_and_script(monkeypatch, request):
    """Fail any unexpected real call; `script` queues mock replies."""
    litellm = request.getfixturevalue("litellm_module")
    real = litellm.completion
    queue: list = []
    calls: list[dict] = []

    def completion(**kwargs):
        calls.append(kwargs)
        if queue:
            reply = queue.pop(0)
            if reply is TIMEOUT:
                kwargs["mock_timeout"] = True
            elif isinstance(reply, BROKEN):
                return _broken_stream(litellm, real, str(reply), kwargs)
            else:
                kwargs["mock_response"] = reply
        base = str(kwargs.get("api_base") or "")
        mocked = kwargs.get("mock_response") not in (None, "") or kwargs.get("mock_timeout")
        if not (mocked or base.startswith("http://127.0.0.1:")):
            pytest.fail(
                f"unexpected real LLM call to {kwargs.get('model')} (script a reply or start a local server)"
            )
        return real(**kwargs)

    monkeypatch.setattr(litellm, "completion", completion)
    yield queue, calls


@pytest.fixture
def script(guard_and_script):
    queue, calls = guard_and_script

    def push(*replies):
        queue.extend(replies)
        return calls

    push.calls = calls
    return push


@pytest.fixture(scope="session")
def top_sentence(rec) -> str:
    p = rec.recommendations[0]
    return (
        f"{p.name} ranks first with a score of {p.score:.2f} at about ${p.monthly_cost_usd:,.2f}/month "
        f"and {p.quality:.0f} Arena points."
    )


def as_json(data: dict) -> str:
    return json.dumps(data)
