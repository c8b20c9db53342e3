# marsweb: `make run` serves the seeded site on http://127.0.0.1:8000, `make test` runs
# every test. Both set themselves up on a fresh machine (Python 3.13 from .python-version).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP_RUN := $(VENV)/.installed-runtime
STAMP_DEV := $(VENV)/.installed-dev
CHROMIUM ?= /usr/bin/chromium

.PHONY: bench bench-deps run serve install install-dev migrate seed static test test-quick browser-deps lint format clean superuser

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip 2>&1

$(STAMP_RUN): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt 2>&1
	touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt 2>&1
	touch $@ $(STAMP_RUN)

install: $(STAMP_RUN)
install-dev: $(STAMP_DEV)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed

static: install
	$(PY) manage.py collectstatic --noinput --verbosity 0

## run: install, migrate, seed and serve with gunicorn on http://127.0.0.1:8000
run: seed static
	$(PY) manage.py rehearse perseverance --minutes 30
	$(BIN)/gunicorn -c marsweb/gunicorn.conf.py marsweb.wsgi

## test: install the test tools (and Debian's Chromium for browser tests) and run every test
test: install-dev browser-deps
	$(PY) -m pytest

## test-quick: every test but the browser tests
test-quick: install-dev
	$(PY) -m pytest -m "not browser"

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing at $(CHROMIUM): install it (e.g. apt-get install chromium) or set CHROMIUM=/path/to/chromium" >&2; exit 1; \
	  fi; \
	fi

superuser: migrate
	$(PY) manage.py createsuperuser

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

## bench: load benchmark under gunicorn with production settings (needs Debian's wrk):
## SQLite, then PostgreSQL + Redis if the local ones answer (their bench databases are emptied)
BENCH_ARGS ?= --postgres postgres://postgres@127.0.0.1:5432/marsweb_bench --redis redis://127.0.0.1:6379/15
bench: install bench-deps
	$(PY) tests/load/bench.py $(BENCH_ARGS)

# The load tool: Debian's wrk, installed the way browser-deps installs Chromium.
bench-deps:
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian's wrk for the load benchmark"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "wrk is missing: install it (apt-get install wrk)" >&2; exit 1; \
	  fi; \
	fi
