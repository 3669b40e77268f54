# The two commands of the README: `make serve` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

export NO_MKDOCS_2_WARNING := 1
# Python keeps compiled modules (and pytest its rewritten test modules) in __pycache__/, so a run
# does not compile them again: 1.5 s of every quick-tier run where the environment turned it off.
unexport PYTHONDONTWRITEBYTECODE
# Dates in the build (sitemap) come from the last commit, so two builds are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve test check build lint bench clean
AXE := node_modules/axe-core/axe.min.js

# Where torch comes from. Unset, pip takes requirements.txt's torch from the default index (on our
# machines a CPU build on disk). GitHub's workflow names PyTorch's CPU wheel index here, because the
# default index's Linux torch is a CUDA build that brings several GB of CUDA libraries.
TORCH_INDEX_URL ?=

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3
	$(if $(TORCH_INDEX_URL),$(BIN)/python -m pip install --quiet --index-url $(TORCH_INDEX_URL) \
	  "$$(grep '^torch==' requirements.txt)")
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# axe-core for the browser suite's accessibility checks (npm); without npm that suite is skipped.
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the browser suite will be skipped"; fi

## serve: create .venv, install, build and serve the site on http://$(HOST)/
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST)

## build: build both languages into site/ (fails on any warning); the tests reuse it
build: $(STAMP)
	$(BIN)/python -m tests.site

lint: $(STAMP)
	$(BIN)/ruff check hooks snippets tests tools
	$(BIN)/ruff format --check hooks snippets tests tools

## test: the full tier, every check — lint, strict build, snippets, pages, notebooks, built site,
## browser sweep, cold reproducible build, bad input; no cached verdict is trusted
## (PYTEST_ARGS selects a part, as GitHub's parallel jobs do)
test: $(STAMP) $(AXE)
	$(BIN)/ruff check hooks snippets tests tools
	$(BIN)/ruff format --check hooks snippets tests tools
	$(BIN)/python tools/timed.py build -- $(BIN)/python -m tests.site
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## check: the quick tier for the inner loop — rebuild what changed while pytest collects, then
## run only the checks whose inputs changed since they last passed (tests/verdicts.py,
## tests/quick.py); no cold reproducible build
check: $(STAMP) $(AXE)
	$(BIN)/ruff check hooks snippets tests tools
	$(BIN)/python -m tests.quick

## bench: measure build and test times, page weights; writes bench/results.md
bench: $(STAMP)
	$(BIN)/python tools/bench.py

clean:
	rm -rf site .cache
