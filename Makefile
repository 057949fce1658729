# The README's commands. Each target sets up .venv and the packages it needs by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test lint bench catalogs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

catalogs: $(STAMP)
	@true

site: $(STAMP) catalogs
	$(BIN)/courseware build

serve: $(STAMP) catalogs
	$(BIN)/courseware serve

lint: $(STAMP)
	$(BIN)/ruff check tools tests bench
	$(BIN)/ruff format --check tools tests bench
	$(BIN)/mypy

test: lint catalogs
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(STAMP) catalogs
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build site .cache
