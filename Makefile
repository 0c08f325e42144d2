# Steiger. The two commands a newcomer needs: `make run` and `make test`.
# Every target installs what it needs first; stamp files keep repeat runs fast.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# A Python 3.12 to build the venv with; found by scripts/find_python312.sh unless given.
PYTHON ?=
UV_VERSION := 0.13.9
CHROMIUM := /usr/bin/chromium
PYTEST_ARGS ?=
# A test stuck for 5 minutes dumps every thread's traceback, so a hang in CI says where it is.
PYTEST := $(VENV)/bin/pytest -o faulthandler_timeout=300
HOST_PORT := 127.0.0.1:8000

# Stamp files live inside the folders they describe, so `make clean` resets them too.
STAMP_PY := $(VENV)/.stamp-requirements
STAMP_NODE := node_modules/.stamp-npm-ci
STAMP_BUILD := static/build/.stamp-build
STAMP_MESSAGES := var/.stamp-messages

PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po locale_overrides/*/LC_MESSAGES/*.po)
# The CSS build keeps only the component rules that the templates and Python of every
# first-party package use, so those are sources of the build too; the build script itself says
# which files it reads, so a new app's template rebuilds the CSS without an edit here.
STATIC_SOURCES := $(shell node scripts/build_static.mjs --list-sources 2>/dev/null)

# Production settings need a complete environment; these dummies let `check --deploy` judge
# the settings themselves. Nothing connects to these hosts.
DEPLOY_CHECK_ENV := DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=deploy-check-only-8f3Kq2LmZx7Vb1NcR4tYw9PdE6sHjU0aGiO5 \
	ALLOWED_HOSTS=steiger.example \
	DATABASE_URL=postgres://steiger:dummy@db.invalid:5432/steiger \
	EMAIL_URL=smtp+tls://mailer:dummy@mail.invalid:587 \
	CENTRE_NOTIFICATION_EMAIL=advies@steiger.example

.PHONY: help install check-system run test test-fast test-checks test-suite test-postgres lint \
	format bench lock clean require-chromium

help: ## List the targets
	@echo "Steiger: make run serves the demo site, make test runs every check CI runs."
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

# --- Installing ------------------------------------------------------------------------------

install: check-system $(STAMP_PY) $(STAMP_BUILD) $(STAMP_MESSAGES) ## Venv + locked Python deps, npm deps, static build, translations

check-system:
	@scripts/check_system_packages.sh

$(STAMP_PY): requirements.lock
	@if ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then \
		python="$(PYTHON)"; \
		if [ -z "$$python" ]; then python=$$(scripts/find_python312.sh); fi; \
		echo "Creating $(VENV) with $$python"; \
		rm -rf $(VENV); \
		"$$python" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet -r requirements.lock
	@touch $@

ifneq ($(wildcard package.json),)
$(STAMP_NODE): package.json $(wildcard package-lock.json)
	npm ci --no-audit --no-fund
	@touch $@

$(STAMP_BUILD): $(STAMP_NODE) $(STATIC_SOURCES)
	npm run build
	@mkdir -p $(@D) && touch $@
else
$(STAMP_BUILD):
	@echo "note: no package.json yet, so no static build; using static/build as it is"
endif

$(STAMP_MESSAGES): $(PO_FILES) | $(STAMP_PY)
	@mkdir -p $(@D)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0
	@touch $@

# --- Running ---------------------------------------------------------------------------------

run: install ## Serve the demo site at http://127.0.0.1:8000 (SQLite in var/)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(MANAGE) migrate --noinput -v 1
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(MANAGE) load_demo_content
	@echo "Steiger runs at http://$(HOST_PORT)/ (Ctrl-C stops it)"
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(MANAGE) runserver $(HOST_PORT)

# --- Checking --------------------------------------------------------------------------------

test: require-chromium install ## Lint, Django checks, then the whole pytest suite incl. browser tests
	@$(MAKE) test-checks
	@$(MAKE) test-suite

lint: $(STAMP_PY) ## ruff check, ruff format --check, the import contracts (layers)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) scripts/lint_imports.py

format: $(STAMP_PY) ## Fix what ruff can fix and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# makemigrations --check with tests.settings: portal's test settings plus the test-only app
# (tests/workshops), whose migrations must stay in step too.
test-checks: lint
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=tests.settings $(MANAGE) makemigrations --check --dry-run
	$(DEPLOY_CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING

# pytest exits 5 when it collected no test: that is a failure here like any other non-zero.
test-suite: require-chromium
	$(PYTEST) $(PYTEST_ARGS)

test-fast: install ## The inner loop: the pytest suite without the browser tests (no lint)
	$(PYTEST) -m "not e2e" $(PYTEST_ARGS)

# The browser tests run on SQLite only (make test): they check what a page does in a browser,
# which the database does not change, and on PostgreSQL each one's flush and demo-content load
# took 15 to 35 s (30 of the run's 38 minutes). Everything that talks to the database in its
# own way (locks, constraints, search, concurrency) is in the rest of the suite, which runs
# here in full. `make test-postgres POSTGRES_MARKERS=` runs the browser tests too.
POSTGRES_MARKERS ?= not e2e
test-postgres: install ## The pytest suite without the browser tests, on a throwaway PostgreSQL server
	scripts/with_postgres.sh $(PYTEST) $(if $(POSTGRES_MARKERS),-m "$(POSTGRES_MARKERS)") $(PYTEST_ARGS)

require-chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "error: the browser tests drive Debian's chromium at $(CHROMIUM), which is missing."; \
		echo "       Install it with: apt-get install chromium"; \
		echo "       (or scripts/install_system_packages.sh for every system package)"; \
		exit 1; \
	fi

# --- Measuring and maintaining ---------------------------------------------------------------

bench: install ## Serve with gunicorn on 127.0.0.1 and print throughput, latency, page weight
	$(PY) -m bench.run

lock: $(STAMP_PY) ## Regenerate requirements.lock from pyproject.toml
	@$(VENV)/bin/uv --version 2>/dev/null | grep -q ' $(UV_VERSION)' || \
		$(PY) -m pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.12 \
		-o requirements.lock --no-header

clean: ## Remove venv, node_modules, static build, caches (keeps the database in var/)
	rm -rf $(VENV) node_modules static/build var/static var/bench $(STAMP_MESSAGES) \
		.pytest_cache .ruff_cache
	find . -name __pycache__ -type d -not -path './node_modules/*' -prune -exec rm -rf {} +
