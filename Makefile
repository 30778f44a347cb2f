# Azamat — the two commands that matter: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
LOCAL := AZAMAT_LOCAL=1

.PHONY: run test test-all test-exhaustive lint format pytest coverage pg-test setup content messages superuser clean bench-search bench search-quality

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

## Debian libraries WeasyPrint (PDF downloads) needs, installed when missing (as root, or with sudo).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1
$(VENV)/.system: | $(VENV)/bin/python
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
		$$SUDO apt-get install -y --no-install-recommends $$missing || \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends $$missing; }; \
	fi
	touch $@

$(VENV)/.runtime: requirements.txt $(VENV)/.system | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

## Compile the gettext catalogues (locale/*/LC_MESSAGES/django.po -> .mo) in pure Python.
messages: $(VENV)/.runtime
	$(LOCAL) $(PY) manage.py compile_catalogs

## Database, bundled content, static files and catalogues: everything `run` needs.
setup: messages
	$(LOCAL) $(PY) manage.py migrate --noinput
	$(LOCAL) $(PY) manage.py load_content
	$(LOCAL) $(PY) manage.py collectstatic --noinput --verbosity 0

## Serve the portal with gunicorn on http://$(HOST):$(PORT)/ (SQLite in var/ unless DATABASE_URL is set).
run: setup
	@echo "Azamat: http://$(HOST):$(PORT)/"
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(LOCAL) $(VENV)/bin/gunicorn portal.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

content: $(VENV)/.runtime
	$(LOCAL) $(PY) manage.py load_content

superuser: $(VENV)/.runtime
	$(LOCAL) $(PY) manage.py createsuperuser

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## axe-core and the Nu HTML Checker for the browser checks, when npm is there (else they skip).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: browser accessibility and HTML checks will be skipped"; fi

## Two passes at once: the suite in parallel (pytest-xdist, one worker per core; the browser tests all on
## one worker, which runs the one server and chromium they share), each test rolled back on the bundled
## content; and beside it the few tests that commit for real (marked transactional: concurrent readers,
## writers and exports), one at a time on a database of their own making. That pass is mostly one thread:
## run after the first it left a core idle for 20 s; its output is shown when the first pass ends.
## `make test` leaves out the checks marked exhaustive: a check repeated over every language or variant, or
## run at scale; it keeps one of each (the README's "Tests and CI" lists them). `make test-all` runs them
## too, and so does CI (.ci/run: `make test`, then `make test-exhaustive`).
JOBS ?= auto
PARALLEL = -n $(JOBS) --dist loadgroup
ALL ?=
CHOSEN = $(if $(ALL),,and not exhaustive)
# $(call side_by_side,<first pass>,<transactional pass>): both at once, the second's output after the first's;
# fails if either failed (the second may find no test: PYTEST_ARGS can name files that have none).
define side_by_side
	@mkdir -p var; \
	$(2) > var/transactional.log 2>&1 & apart=$$!; \
	trap 'kill $$apart 2>/dev/null' INT TERM; \
	$(1); first=$$?; \
	wait $$apart; second=$$?; \
	echo "== the tests that commit for real (marked transactional), run alongside:"; cat var/transactional.log; \
	[ $$first = 0 ] && { [ $$second = 0 ] || [ $$second = 5 ]; }
endef
pytest: $(VENV)/.dev messages node_modules/.installed
	$(call side_by_side,$(LOCAL) $(VENV)/bin/pytest $(PARALLEL) -m "not transactional $(CHOSEN)" $(PYTEST_ARGS),\
		AZAMAT_TEST_BUNDLED=0 $(LOCAL) $(VENV)/bin/pytest -m "transactional $(CHOSEN)" $(PYTEST_ARGS))

## Only the exhaustive checks (what `make test` leaves out).
test-exhaustive: $(VENV)/.dev messages node_modules/.installed
	$(LOCAL) $(VENV)/bin/pytest $(PARALLEL) -m "exhaustive and not transactional" $(PYTEST_ARGS)

## The suite's first pass under coverage.py (pytest-cov: pytest-xdist's workers and the processes the tests
## start are measured and combined); report in var/coverage/report.txt. As `make test` chooses (ALL=1: all).
coverage: $(VENV)/.dev messages node_modules/.installed
	rm -rf var/coverage && mkdir -p var/coverage
	$(LOCAL) $(VENV)/bin/pytest $(PARALLEL) -m "not transactional $(CHOSEN)" --cov --cov-report= $(PYTEST_ARGS)
	$(VENV)/bin/coverage report --sort=cover | tee var/coverage/report.txt | tail -n 3

## Lint, then the test suite on SQLite (no services needed), without the exhaustive checks.
test: lint pytest

## Everything `make test` runs, and the exhaustive checks.
test-all:
	$(MAKE) test ALL=1

## The test suite against PostgreSQL (DATABASE_URL, default: local server, user postgres).
## (The browser tests drive their own SQLite server, so this pass leaves them to `make test`.)
PG_URL = $${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/azamat}
pg-test: $(VENV)/.dev messages node_modules/.installed
	$(call side_by_side,DATABASE_URL=$(PG_URL) $(LOCAL) $(VENV)/bin/pytest $(PARALLEL) -m "not browser and not transactional" $(PYTEST_ARGS),\
		DATABASE_URL=$(PG_URL) AZAMAT_TEST_BUNDLED=0 $(LOCAL) $(VENV)/bin/pytest -m "transactional" $(PYTEST_ARGS))

## Performance benchmark: every page type's cache hit against the same bytes as a static file (wrk, gunicorn
## as in production), its cold render, queries and weight, at ×1 and ×100 the bundled content, on SQLite and
## on PostgreSQL with Redis; two instances and a save's propagation. Table in var/bench/results.txt.
bench: $(VENV)/.dev messages
	@command -v wrk >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
		$$SUDO apt-get install -y wrk || { $$SUDO apt-get update && $$SUDO apt-get install -y wrk; }; }
	$(PY) bench/run.py

## Search benchmark: the bundled content plus generated documents up to 10 000, median and p95 per query
## (the natural queries of bench/ and random ones), on SQLite and (if it answers) PostgreSQL on
## 127.0.0.1:5432; results in var/bench/. Uses its own databases.
BENCH_PG ?= postgres://postgres@127.0.0.1:5432/azamat_bench
bench-search: $(VENV)/.dev messages
	mkdir -p var/bench && rm -f var/bench/search.sqlite3
	$(LOCAL) $(PY) manage.py collectstatic --noinput --verbosity 0  # the result pages use hashed static names
	DATABASE_URL=sqlite:///$(CURDIR)/var/bench/search.sqlite3 $(LOCAL) $(PY) bench/search.py
	@if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
		psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS azamat_bench" -c "CREATE DATABASE azamat_bench" && \
		DATABASE_URL=$(BENCH_PG) $(LOCAL) $(PY) bench/search.py; \
	else echo "no PostgreSQL on 127.0.0.1:5432: SQLite only"; fi

## Search quality: hit@1, hit@5 and MRR per language for the natural queries of bench/ (a tuning set and a
## held-out set), on SQLite and (if it answers) PostgreSQL; results in var/bench/search-quality-*.txt.
search-quality: $(VENV)/.dev messages
	mkdir -p var/bench && rm -f var/bench/quality.sqlite3
	DATABASE_URL=sqlite:///$(CURDIR)/var/bench/quality.sqlite3 $(LOCAL) $(PY) bench/search_quality.py
	@if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
		psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS azamat_quality" -c "CREATE DATABASE azamat_quality" && \
		DATABASE_URL=postgres://postgres@127.0.0.1:5432/azamat_quality $(LOCAL) $(PY) bench/search_quality.py; \
	else echo "no PostgreSQL on 127.0.0.1:5432: SQLite only"; fi

clean:
	rm -rf $(VENV) var/static var/portal.sqlite3 locale/*/LC_MESSAGES/*.mo var/test-cache
