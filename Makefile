# newsdesk: the make targets are the interface. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Prefect keeps its database and settings inside the project, never in $HOME,
# so every run is reproducible and a clean clone starts clean.
export PREFECT_HOME := $(CURDIR)/.state/prefect
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= INFO
export PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL ?= WARNING

.DEFAULT_GOAL := help
.PHONY: help setup browser dump-tools run test test-fast lint format lock schemas bench report server serve clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/$$(PREFECT_PORT)/$(PREFECT_PORT)/' \
		| awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# uv installs the lock's exact set (--no-deps: the lock is the whole resolution) in seconds
# where pip takes minutes; it is itself one pinned wheel from PyPI. Bytecode is compiled at
# install: a process that may not write it (PYTHONDONTWRITEBYTECODE) would otherwise compile
# every module on every start, and each `newsdesk` command would pay ~2 s more.
UV_VERSION := 0.13.9
UV := $(BIN)/uv pip install --python $(BIN)/python --no-deps --compile-bytecode

$(STAMP): requirements.lock pyproject.toml
	@echo "setting up $(VENV): a venv, uv $(UV_VERSION), then the $$(grep -c '==' requirements.lock) packages of requirements.lock"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) -r requirements.lock
	$(UV) --no-build-isolation -e .
	mkdir -p $(PREFECT_HOME)
	@touch $@ && echo "$(VENV) is ready"

setup: $(STAMP) browser ## create .venv, install the locked dependencies and a headless browser

# The report's and Data Docs' browser tests need Debian's Chromium; root installs it here
# (once), anyone else is told how.
browser: ## install Debian's headless Chromium if missing (the browser tests need it)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's chromium (the browser tests need it)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "the browser tests need chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

# The text route's benchmark also reads the dev pages as text browsers dump them: Debian's
# lynx and w3m, installed here by root (once), anyone else is told how.
dump-tools: ## install Debian's lynx and w3m if missing (the dump-layout benchmark uses them)
	@command -v lynx >/dev/null && command -v w3m >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's lynx and w3m (the dump-layout benchmark uses them)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lynx w3m >/dev/null; \
	  else echo "the dump-layout benchmark uses lynx and w3m: sudo apt-get install lynx w3m" >&2; fi; }

run: $(STAMP) ## ingest seeds/ into warehouse/newsdesk.duckdb and print a summary
	$(BIN)/newsdesk ingest
	$(BIN)/newsdesk sql "SELECT * FROM coverage_by_outlet ORDER BY n_articles DESC, outlet"
	$(BIN)/newsdesk sql "SELECT coverage_date, n_articles, n_outlets FROM coverage_by_date ORDER BY 1"

test: $(STAMP) browser ## lint, type-check and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

test-fast: $(STAMP) ## the unit layer only (pure transforms, schema, batch plans, app queries, layering): the edit loop
	$(BIN)/pytest -q tests/transforms tests/test_schema.py tests/test_batch_plans.py tests/test_app_queries.py tests/test_layering.py

PREFECT_PORT ?= 4200
server: $(STAMP) ## start a Prefect server and UI on 127.0.0.1:$(PREFECT_PORT)
	$(BIN)/prefect server start --host 127.0.0.1 --port $(PREFECT_PORT)

serve: $(STAMP) ## serve the ingest deployment on its cron schedule (needs `make server`)
	PREFECT_API_URL=http://127.0.0.1:$(PREFECT_PORT)/api $(BIN)/newsdesk serve

report: $(STAMP) ## write reports/index.html from the warehouse
	$(BIN)/newsdesk report --out reports

bench: $(STAMP) dump-tools ## benchmarks → BENCHMARKS.md (BENCH_SMALL/BENCH_LARGE/BENCH_SCALE/BENCH_XL: corpus sizes)
	$(BIN)/python -m bench.first_run
	$(BIN)/python -m bench.html_route
	$(BIN)/python -m bench.text_route
	$(BIN)/python -m bench.dump_layouts
	$(BIN)/python -m bench.actors
	$(BIN)/python -m bench.pipeline
	$(BIN)/python -m bench.app
	$(BIN)/python -m bench.scale

lint: $(STAMP) ## ruff and mypy only
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP) ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schemas: $(STAMP) ## regenerate transforms/tables.py (the tables' polars schemas) from sql/schema/
	$(BIN)/python -m flows.table_schemas

lock: ## re-resolve the dependency set into requirements.lock (needs the registry)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet wheel -e '.[dev,spacy]'
	{ echo "# Locked dependency set for newsdesk (Python 3.11). Regenerate with: make lock"; \
	  echo "# Installed with --no-deps: this file is the complete resolution."; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -v "^pip=="; } > requirements.lock
	rm -rf .lock-venv

clean: ## stop the background Prefect server; remove the venv, the warehouse and Prefect state
	-@[ -x $(BIN)/newsdesk ] && $(BIN)/newsdesk server stop
	rm -rf $(VENV) .state warehouse/*.duckdb* reports
