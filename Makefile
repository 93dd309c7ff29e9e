# ramping — two commands do everything: `make run` and `make test`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format migrate demo clean chromium programs screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamp files: a second `make run` reinstalls nothing unless the lock files changed.
$(VENV)/.runtime: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

migrate: $(VENV)/.runtime
	$(MANAGE) migrate --noinput -v0

demo: migrate
	$(MANAGE) demo --jika-kosong

# --- Safe defaults and production server (#14, items 1–2; docs/deploy.md) -----------------
# RAMPING_DEBUG defaults to false (production). The development targets turn it on for
# themselves and their prerequisites, so `make run`'s migrate and demo steps run in dev mode.
run migrate demo: export RAMPING_DEBUG = true

# The production server: `ramping serve` (migrations checked, collectstatic, gunicorn). Needs
# the production environment (RAMPING_SECRET_KEY, RAMPING_ALLOWED_HOSTS, …), see docs/deploy.md.
# `make serve BIND=0.0.0.0:8000`; `ramping serve --workers N` overrides the count from the cores.
BIND ?= 127.0.0.1:8000
.PHONY: serve
serve: $(VENV)/.runtime
	$(MANAGE) serve --bind $(BIND)
# --- end of safe defaults and production server ---------------------------------------------

# Job queue (issue #14 item 3): the worker runs beside the dev server in a session of its own
# (setsid: its process group id is its pid), and the trap stops that whole group, autoreload
# child included, however runserver ends: Ctrl+C, an error, or this shell being terminated.
run: demo
	@echo "ramping berjalan di http://127.0.0.1:$(PORT)/  (Ctrl+C untuk berhenti)"
	@RAMPING_DEBUG=true setsid $(MANAGE) worker -v0 & pekerja=$$!; \
	trap 'kill -TERM -$$pekerja 2>/dev/null; wait $$pekerja 2>/dev/null' EXIT INT TERM; \
	RAMPING_DEBUG=true $(MANAGE) runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# `$(call apt,PROGRAM,PACKAGE)`: install the Debian package (as root) when PROGRAM is missing.
apt = command -v $(1) >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null)

# Browser tests drive Debian's Chromium (never a downloaded browser); install it when missing.
chromium:
	@$(call apt,chromium,chromium)

# Every other program the tests run (tests/test_program.py checks the code against this list).
programs:
	@$(call apt,pdftotext,poppler-utils)
	@$(call apt,pdftoppm,poppler-utils)
	@$(call apt,pdfinfo,poppler-utils)

# pytest-xdist: one worker per CPU (WORKERS=0 runs in this process). A test file stays on one
# worker (loadfile) and files keep pytest-django's order (--no-loadscope-reorder in pyproject):
# the tests that read the session's demo agency run before the browser tests, whose flush
# empties the database.
WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(WORKERS) --dist loadfile

test: lint chromium programs
	$(PYTEST)
	$(BIN)/python scripts/with_postgres.py $(PYTEST) --ignore=tests/aturan

# PNGs of the main pages of the demo agency for the README and the user guide.
screenshots: $(VENV)/.dev chromium
	$(BIN)/python scripts/screenshots.py --keluaran docs/screenshots

clean:
	rm -rf $(VENV) ramping.sqlite3 ramping.sqlite3-* staticfiles penyimpanan
