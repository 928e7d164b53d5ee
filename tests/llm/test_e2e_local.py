"""End to end with a real model, offline: llama.cpp's OpenAI-compatible server with SmolLM2-135M on 127.0.0.1,
reached through litellm as `openai/smollm2`. The tiny model's prose is poor: these tests check the wiring —
the CLI, streaming, the grounding verdict, spend accounting and the deterministic fallback when the server dies.
Needs `make llm` (scripts/setup-llm.sh); a missing install is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor import llm
from advisor.llm_config import Usage, resolve_config
from advisor.llm_local import LocalServer

from .conftest import CATALOG, ROOT

pytestmark = [pytest.mark.llm_e2e, pytest.mark.xdist_group("llm")]
ARTIFACTS = ROOT / "tests" / "artifacts"
FALLBACK_WITHIN_S = 30


@pytest.fixture(autouse=True)
def patient(monkeypatch):
    """A 2-core machine shared by parallel tests: let a slow first prompt finish rather than time out."""
    monkeypatch.setenv("ADVISOR_LLM_TIMEOUT", "300")


@pytest.fixture(scope="session")
def server():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    running = LocalServer()
    running.log = ARTIFACTS / f"llm-server-{running.port}.log"  # one per session: others may run tests too
    with running:
        yield running


def cli(*args: str, timeout: float = 900) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
    cmd = [
        sys.executable,
        "-m",
        "advisor",
        "recommend",
        "--catalog",
        CATALOG,
        "--budget",
        "50",
        "--top-k",
        "3",
        *args,
    ]
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    return done, time.monotonic() - started


def requests_seen(log: Path) -> int:
    return log.read_text(errors="replace").count("POST /v1/chat/completions")


def test_cli_explain_through_the_local_model(server):
    before = requests_seen(server.log)
    plain, _ = cli("--format", "json")
    done, _ = cli(
        "--format",
        "json",
        "--explain",
        "--question",
        "Why is the top pick first?",
        "--llm",
        server.model,
        "--api-base",
        server.api_base,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    explanation = out.pop("explanation")
    assert out["recommendations"] == json.loads(plain.stdout)["recommendations"]  # the LLM never re-ranks
    assert requests_seen(server.log) == before + 1  # it really asked the model
    assert explanation["model"] == server.model and explanation["grounded"] is True
    if explanation["source"] == "llm":
        assert explanation["text"].strip() and explanation["issues"] == []
    else:  # the model answered but the answer failed the check: the engine's text, and why
        assert explanation["source"] == "deterministic"
        assert explanation["issues"][0].startswith("grounding check failed"), explanation["issues"]
        assert out["recommendations"][0]["name"] in explanation["text"]


def test_streaming_from_the_local_model(server, rec):
    usage = Usage()
    stream = llm.stream_explain(
        rec, "Why not GPT-5?", resolve_config(server.model, server.api_base), usage=usage, catalog=CATALOG
    )
    chunks = list(stream)
    assert len(chunks) > 3, "expected the answer in several chunks"
    assert stream.first_token_s is not None  # its size is benchmarks/llm.py's business, not a test's
    result = stream.result
    assert result.source in ("llm", "deterministic")
    if result.source == "deterministic":
        assert result.issues[0].startswith("grounding check failed"), result.issues
    assert usage.calls == 1 and usage.prompt_tokens > 100 and usage.completion_tokens > 0
    assert usage.cost_usd is None  # a local model has no known price: unknown, not $0


def test_extraction_through_the_local_model(server):
    config = resolve_config(server.model, server.api_base)
    result = llm.extract_requirements(
        "We write Chinese contracts; data can't leave our network.", None, config
    )
    assert result.source in ("llm", "rules")
    assert result.usage is not None and result.usage.calls >= 1  # the model was asked at least once
    if result.source == "rules":  # a 135M model rarely produces valid JSON: re-asked, then the rules
        assert "rule-based parser" in result.issues[0]
        assert result.requirements.privacy == "self_hosted"


def test_server_killed_mid_session_falls_back_within_30s(rec, tmp_path):
    with LocalServer(log=tmp_path / "server.log") as dying:
        config = resolve_config(dying.model, dying.api_base)
        config.max_tokens = 2000
        stream = llm.stream_explain(
            rec, "Explain every pick, every exclusion and every figure in detail.", config, catalog=CATALOG
        )
        chunks = iter(stream)
        first = next(chunks)
        assert first
        dying.kill()
        started = time.monotonic()
        rest = list(chunks)
        assert time.monotonic() - started < FALLBACK_WITHIN_S
        assert stream.result.source == "deterministic"
        assert stream.result.issues[0].startswith("the stream broke after"), (stream.result.issues, len(rest))

        # the next requests of the session find no server at all: in process, timed, and through the CLI
        started = time.monotonic()
        result = llm.explain(rec, "And now?", config=config, catalog=CATALOG)
        assert time.monotonic() - started < FALLBACK_WITHIN_S
        assert result.source == "deterministic" and "did not answer" in result.issues[0]
        done, _ = cli("--format", "json", "--explain", "--llm", dying.model, "--api-base", dying.api_base)
    assert done.returncode == 0, done.stderr
    explanation = json.loads(done.stdout)["explanation"]
    assert explanation["source"] == "deterministic" and "did not answer" in explanation["issues"][0]
