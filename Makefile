# The two commands of the README's quick start:
#   make serve   serve the site on http://127.0.0.1:8000, rebuilding on every saved change
#   make test    the whole check suite CI runs: strict build of both languages, lint, pytest
# Both first create or update the environment ($(VENV)) from the stack's lock, when it changed.

SHELL := /bin/bash
SITE_DIR ?= site
# The first interpreter new enough for one of the two stacks below (Python 3.10 or newer).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11 python3.10; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null \
	&& { echo $$p; break; }; done)
# Two stacks, each pinned in its own lock:
#   SQLALCHEMY=2.1  requirements.lock: the published site (SQLAlchemy 2.1, Material 9.8);
#                   Python 3.11.5 or newer. The default where PYTHON allows it.
#   SQLALCHEMY=2.0  requirements-sqlalchemy20.lock: SQLAlchemy 2.0 and the newest Material,
#                   markdown-exec and pymdown-extensions that still run on Python 3.10.
SQLALCHEMY ?= $(shell $(PYTHON) -c 'import sys; print("2.1" if sys.version_info >= (3, 11, 5) else "2.0")' 2>/dev/null)
ifeq ($(SQLALCHEMY),2.0)
LOCK := requirements-sqlalchemy20.lock
VENV ?= .venv-sqlalchemy20
else
LOCK := requirements.lock
VENV ?= .venv
endif
BIN := $(VENV)/bin
# With SQLAlchemy 2.1, make test also reruns every example under the last SQLAlchemy 2.0, in
# an environment from requirements-sqlalchemy20.lock (PYTHON20 may be older than PYTHON).
VENV20 ?= .venv-sqlalchemy20
PYTHON20 ?= $(PYTHON)
# Zensical, Material's successor, for the non-blocking check of make zensical-check.
VENVZ ?= .venv-zensical
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-sqlalchemy20 lint update-examples translations check-language bench matrix zensical-check lock clean vendor-browser-runtime

# Create (or update) a virtual environment from a lock file. The project's own tooling
# (sessionguide/) is imported from the checkout through a .pth file, not installed.
define make-venv
	@test -n "$(3)" || { echo "error: no Python 3.10 or newer found (tried python3, python3.13, python3.12, python3.11, python3.10). Install one, or run: make PYTHON=/path/to/python3.x" >&2; exit 1; }
	@test "$(2)" != requirements.lock || $(3) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || { echo "error: $(3) is older than 3.11.5, which SQLAlchemy 2.1 and Material 9.8 need. Use a newer PYTHON=..., or SQLALCHEMY=2.0 for the stack that runs on Python 3.10" >&2; exit 1; }
	@test -x $(1)/bin/python || $(3) -m venv $(1)
	$(1)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(2)
	$(1)/bin/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "sessionguide.pth").write_text("$(CURDIR)\n")'
	@touch $(1)/.installed
endef

$(VENV)/.installed: $(LOCK)
	$(call make-venv,$(VENV),$(LOCK),$(PYTHON))

ifneq ($(abspath $(VENV)),$(abspath $(VENV20)))
$(VENV20)/.installed: requirements-sqlalchemy20.lock
	$(call make-venv,$(VENV20),requirements-sqlalchemy20.lock,$(PYTHON20))
endif

$(VENVZ)/.installed: requirements-zensical.lock
	$(call make-venv,$(VENVZ),requirements-zensical.lock,$(PYTHON))

# What a reader installs to run the examples, and nothing of the project's (no sessionguide
# .pth file): tests/browser/ runs every copied example in it.
VENVR ?= .venv-reader
$(VENVR)/.installed: requirements-reader.lock
	@test -x $(VENVR)/bin/python || $(PYTHON) -m venv $(VENVR)
	$(VENVR)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-reader.lock
	@touch $(VENVR)/.installed

# The browser's Python, which runs an example when a reader clicks Run: Pyodide and the wheels
# the examples import, pinned with their hashes in requirements-browser.lock.json, checked and
# written to build/pyodide/ (downloaded once into build/downloads/: the package indexes are
# needed the first time only; then it takes milliseconds). The build copies it into the site
# (site/pyodide/) and fails without it; fixture builds of the tests find it through this variable.
export SESSIONGUIDE_BROWSER_RUNTIME := $(CURDIR)/build/pyodide
vendor-browser-runtime: $(VENV)/.installed
	$(BIN)/python -m sessionguide vendor-browser-runtime --quiet

# Without the search index by default, so that a saved change shows within about a second;
# make serve SEARCH=true builds it too.
SEARCH ?= false
# On 127.0.0.1:$(PORT); a port already in use is reported in one line, before any building.
PORT ?= 8000
serve: $(VENV)/.installed vendor-browser-runtime
	SESSIONGUIDE_SEARCH=$(SEARCH) $(BIN)/python -m sessionguide serve --port $(PORT)

# Moved into place only when the strict build succeeded: a failed build never leaves a site,
# with its error messages, where it could be published.
# CACHE: on reuses the example runs kept in build/cache/runs/ from earlier builds while nothing
# they depend on changed; refresh runs every example again (make test's build without ONLY,
# whose runs the tests then check); off keeps nothing.
CACHE ?= on
build: $(VENV)/.installed vendor-browser-runtime
	SESSIONGUIDE_CACHE=$(CACHE) $(BIN)/python -m sessionguide build $(SITE_DIR)

lint: $(VENV)/.installed
	$(BIN)/ruff check sessionguide tests snippets

# make test builds from a fresh run of every example (CACHE=refresh applies to its build), and
# runs each copied example in the reader's environment ($(VENVR)). The tests run in JOBS
# pytest-xdist workers (both cores); the ones that read the visits of one batch of pages
# share a worker, which makes those visits once (tests/conftest.py's scheduler).
JOBS ?= 2
# BROWSER=no leaves out tests/browser/, saying so: .ci/run runs it once per stack (lock), not
# again for the same stack under another Python. From the command line only: the environment's
# BROWSER is the user's web browser (sensible-browser's w3m, firefox), not this setting.
ifneq ($(origin BROWSER),command line)
BROWSER := yes
endif
ifneq ($(filter-out yes no,$(BROWSER)),)
$(error BROWSER is '$(BROWSER)': use BROWSER=yes (the default) or BROWSER=no)
endif
# ONLY=<pytest -k expression>: only the tests whose ids match it (ONLY=isolation: that page's
# visits, examples and per-page checks, in both languages; not the site-wide checks nor the
# SQLAlchemy 2.0 rerun), on a build that reuses the cached example runs: a contributor's loop
# after a small change. Not what CI runs, and it says so. Taken from the command line only: an
# ONLY exported in a shell or a CI job must not narrow the make test that publishes the site.
ifneq ($(origin ONLY),command line)
ONLY :=
endif
PYTEST_ARGS = -n $(JOBS) --dist loadgroup $(if $(filter no,$(BROWSER)),--ignore=tests/browser) $(if $(ONLY),-k "$(ONLY)")
BROWSER_NOTE = @$(if $(filter no,$(BROWSER)),echo "make test: tests/browser/ left out (BROWSER=no)",true)$(if $(ONLY),; echo "make test ONLY=$(ONLY): only the tests whose ids match (on a build with CACHE=$(CACHE)); CI runs make test without ONLY")
# pytest exits 5 when no test ran: with ONLY set, ONLY matched no test's name.
PYTEST = $(BIN)/pytest $(PYTEST_ARGS)$(if $(ONLY), || { status=$$?; [ $$status != 5 ] || echo "make test: no test selected by ONLY='$(ONLY)' (pytest -k; tests/browser/ is left out with BROWSER=no or without Chromium); try a page or an example (ONLY=isolation)" >&2; exit $$status; })
test: CACHE = $(if $(ONLY),on,refresh)
ifeq ($(SQLALCHEMY),2.0)
# Nothing to rerun the examples under: this is the 2.0 stack (tests/test_sqlalchemy20.py skips).
test: build lint vendor-browser-runtime $(VENVR)/.installed
	$(BROWSER_NOTE)
	SITE_DIR=$(abspath $(SITE_DIR)) $(PYTEST)
else
test: build lint vendor-browser-runtime $(VENVR)/.installed $(VENV20)/.installed
	$(BROWSER_NOTE)
	SITE_DIR=$(abspath $(SITE_DIR)) SQLALCHEMY20_PYTHON=$(abspath $(VENV20))/bin/python $(PYTEST)
endif

# Only the rerun of every example under SQLAlchemy 2.0 (part of test).
test-sqlalchemy20: $(VENV)/.installed $(VENV20)/.installed
	SQLALCHEMY20_PYTHON=$(abspath $(VENV20))/bin/python $(BIN)/pytest tests/test_sqlalchemy20.py

# make test under Python 3.10 to 3.13, with each SQLAlchemy stack the Python runs.
matrix: $(VENV)/.installed
	$(BIN)/python -m sessionguide matrix

# Non-blocking: how the English site builds with Zensical, and what it does not run.
zensical-check: build $(VENVZ)/.installed
	$(BIN)/python -m sessionguide zensical-check $(abspath $(VENVZ))/bin/zensical $(abspath $(SITE_DIR))

update-examples: $(VENV)/.installed
	$(BIN)/python -m sessionguide update-examples

# Build and serve timings, with their targets (see sessionguide/dev/bench.py). Not part of test.
bench: $(VENV)/.installed vendor-browser-runtime
	$(BIN)/python -m sessionguide bench

# For translators: missing and outdated pages, with what changed in English since.
translations: $(VENV)/.installed
	$(BIN)/python -m sessionguide translations --diff

# For translators: the language checks alone, in seconds (spelling, glossary terms and usage,
# anchors, examples, translation status, and the words of an already built site).
check-language: $(VENV)/.installed
	SITE_DIR=$(abspath $(SITE_DIR)) $(BIN)/python -m sessionguide check-language

# Re-pin every dependency after editing pyproject.toml's list or a requirements-*.in (needs the
# package index): see sessionguide/dev/lock.py.
lock: $(VENV)/.installed
	$(BIN)/python -m sessionguide lock

clean:
	rm -rf .venv $(VENV) $(VENV20) $(VENVZ) $(VENVR) .venv-py3.* $(SITE_DIR) build .pytest_cache
