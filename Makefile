# The two commands of the README: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONDONTWRITEBYTECODE := 1

$(BIN)/python:
	$(PY) scripts/buat_venv.py $(VENV)

$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

## make demo: install, create the SQLite database, load the demo data, serve at http://127.0.0.1:8000
demo: install
	$(BIN)/kinerja migrate --no-input
	$(BIN)/kinerja demo
	$(BIN)/kinerja serve

## make test: install test tools, then lint, migration check and the whole test suite
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/kinerja makemigrations --check --dry-run
	$(BIN)/pytest

.PHONY: install demo test
