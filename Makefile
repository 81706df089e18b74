# smallboats: two commands do everything on a fresh machine.
#   make run   installs what is needed, builds the store from the bundled data (only when it
#              changed) and starts the web dashboard and HTTP API on 127.0.0.1:8000
#   make test  installs what is needed and runs the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export SMALLBOATS_DB ?= $(HOME)/.local/share/smallboats/smallboats.duckdb
DATA_FILES := $(shell find data/homeoffice data/iom -type f 2>/dev/null)

.PHONY: run test install install-test browser bench build clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# (byte-compiled once, as a non-editable install is: where PYTHONDONTWRITEBYTECODE is set, every
# command would otherwise compile the package's sources again)
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m compileall -q smallboats
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test browser

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# The store is brought up to date only when the bundled data changed (build adds new files only).
$(SMALLBOATS_DB): $(DATA_FILES) | $(VENV)/.installed
	@mkdir -p $(dir $@)
	$(BIN)/smallboats --db $@ build
	@touch $@

build: $(SMALLBOATS_DB)

run: $(VENV)/.installed $(SMALLBOATS_DB)
	@echo "smallboats: http://$(HOST):$(PORT)/  (API: http://$(HOST):$(PORT)/api/v1/, docs: http://$(HOST):$(PORT)/docs)"
	$(BIN)/smallboats --db $(SMALLBOATS_DB) serve --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/python -m pytest -n 2 -q

bench: install-test $(SMALLBOATS_DB)
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
