# The README's commands. Each target sets up .venv and the packages it needs by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCALES := tools/courseware/i18n/locale
POT := tools/courseware/i18n/messages.pot

.PHONY: site serve test test-fast lint bench catalogs i18n-extract i18n-update problem-codes clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Interface strings: extract the gettext("...") calls, merge them into every language's .po,
# and compile the .po files the site reads.
i18n-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k gettext -k g -k gettext_noop -k ngettext:1,2 -k plural_forms:2,3 -k N_ --no-location --sort-output --omit-header \
	  -o $(POT) tools/courseware

i18n-update: i18n-extract
	$(BIN)/pybabel update -i $(POT) -d $(LOCALES) -D courseware --no-fuzzy-matching --width 100

catalogs: $(STAMP)
	@if ls $(LOCALES)/*/LC_MESSAGES/courseware.po >/dev/null 2>&1; then \
	  $(BIN)/pybabel compile -d $(LOCALES) -D courseware --statistics; fi

# The problem-code reference (docs/problem-codes.md), generated from the code catalogue.
problem-codes: $(STAMP)
	$(BIN)/python -m courseware.problem_reference .

site: $(STAMP) catalogs
	$(BIN)/courseware build

serve: $(STAMP) catalogs
	$(BIN)/courseware serve

lint: $(STAMP)
	$(BIN)/ruff check tools tests bench labs
	$(BIN)/ruff format --check tools tests bench labs
	$(BIN)/mypy

test: lint catalogs
	$(BIN)/python -m pytest -n 2 --dist loadgroup

# The inner loop while editing: every test that needs no browser, Jupyter kernel or full
# site build (markers "browser" and "slow"); make test stays the whole suite, as CI runs it.
test-fast: catalogs
	$(BIN)/python -m pytest -n 2 -m "not slow and not browser"

bench: $(STAMP) catalogs
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build site .cache
