# Two commands: `make run` starts the app, `make test` runs every test.
# Both create .venv and install what they need on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

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
	$(PY) -m ui.serve --server.port $(PORT) --browser.gatherUsageStats false

test: $(VENV)/.stamp-test
	bash scripts/ensure-system-deps.sh
	$(PY) -m checklists
	$(PY) -m pytest -q

# Unit and page tests only (no browser).
test-fast: $(VENV)/.stamp-test
	$(PY) -m pytest -q -m "not e2e"

bench: $(VENV)/.stamp-test
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache
