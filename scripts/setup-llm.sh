#!/usr/bin/env bash
# Local LLM for end-to-end tests: llama-cpp-python's OpenAI-compatible server + SmolLM2-135M (GGUF shipped on PyPI).
# Filled in by the LLM-layer work (issue 5).
set -euo pipefail
exit 0
