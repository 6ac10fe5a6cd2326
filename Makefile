# The two commands a user needs: `make run` and `make test`. Both create .venv when missing.
SHELL := /bin/bash
VENV ?= .venv
ifndef PYTHON
PYTHON := $(shell for p in python3.13 python3.12 python3.11 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; \
	then echo $$p; break; fi; done)
endif
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench eval lock clean model

$(STAMP): pyproject.toml requirements.lock tools/cardcheck/package-lock.json
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11, python3.12 or python3.13 on PATH)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# Microsoft's adaptivecards parser for the Teams card test (skipped with a reason when npm is missing).
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/cardcheck --no-audit --no-fund --silent || echo "warning: npm ci in tools/cardcheck failed"; \
	else echo "note: npm not found; the Adaptive Card check with Microsoft's parser will be skipped"; fi
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/smm serve

test: $(STAMP) lint typecheck
	$(BIN)/pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check bot handlers tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Train the learned review layer from corpus/review (seeded; a few minutes on 2 cores).
model: $(STAMP)
	$(BIN)/python -m bot.review.learned.train

bench: $(STAMP)
	$(BIN)/python -m bench

eval: $(STAMP)
	$(BIN)/python ../shared/eval/score.py

lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
