# Two commands: `make run` starts the app, `make test` runs every test.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
# Empty: only this computer (127.0.0.1, or $CXAUDIT_ADDRESS). `make run ADDRESS=0.0.0.0` serves the
# network, where without sign-in anyone who reaches the address sees every client (README).
ADDRESS ?=

.PHONY: run test test-fast bench check venv clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changes.
$(VENV)/.stamp-run: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-test: requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.stamp-run

venv: $(VENV)/.stamp-run

run: $(VENV)/.stamp-run
	$(PY) -m checklists
	$(if $(ADDRESS),CXAUDIT_ADDRESS=$(ADDRESS)) $(PY) -m ui.serve --server.port $(PORT) --browser.gatherUsageStats false

test: $(VENV)/.stamp-test
	bash scripts/ensure-system-deps.sh
	$(PY) -m checklists
	$(PY) -m ruff check .
	$(PY) -m pytest -q

# Unit and page tests only (no browser).
test-fast: $(VENV)/.stamp-test
	$(PY) -m ruff check .
	$(PY) -m pytest -q -m "not e2e"

bench: $(VENV)/.stamp-test
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache
