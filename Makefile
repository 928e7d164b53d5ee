# Model Advisor — two commands on a fresh machine:
#   make run    start the app on http://127.0.0.1:8501 (no API key needed)
#   make test   every check: lint, unit, AppTest, real-browser and local-LLM end-to-end tests
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q
export LITELLM_LOCAL_MODEL_COST_MAP := True
# pip's machine-wide extra indexes point at folders that may not exist; don't let them add noise.
export PIP_EXTRA_INDEX_URL :=

.PHONY: install install-dev browser llm run test lint lock bench bench-ui bench-llm clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.installed-run: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock $(VENV)/.installed-run
	$(PIP) install --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed-run

install-dev: $(VENV)/.installed-dev

browser:
	bash scripts/setup-browser.sh

llm: install-dev
	bash scripts/setup-llm.sh

run: install
	$(BIN)/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port 8501 \
	  --server.headless true --browser.gatherUsageStats false

lint: install-dev
	$(BIN)/ruff check advisor tests benchmarks streamlit_app.py
	$(BIN)/ruff format --check advisor tests benchmarks streamlit_app.py

test: install-dev browser llm lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup

# Benchmarks print figures (JSON); they are measurements, not pass/fail tests.
bench: install-dev
	$(BIN)/python benchmarks/engine.py --format json
	$(BIN)/python benchmarks/cold_start.py --format json
	$(BIN)/python benchmarks/hardware.py
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/gap.py

bench-ui: install-dev browser
	$(BIN)/python benchmarks/ui.py

bench-llm: llm
	$(BIN)/python benchmarks/llm.py

# Re-pin dependencies (needs network to PyPI). Never litellm 1.107.x, 1.82.7 or 1.82.8.
lock:
	$(PY) -m pip install -q uv
	$(PY) -m uv pip compile -q --generate-hashes --python-version 3.11 requirements.in -o requirements.lock
	$(PY) -m uv pip compile -q --generate-hashes --python-version 3.11 requirements-dev.in -o requirements-dev.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
