# Conventions follow pelican-quickstart's Makefile: html, clean, serve, publish.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUTPUTDIR ?= output
CONFFILE ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT ?= 8000
VNU := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: help venv html publish serve validate translations catalogs clean test lint typecheck

help:
	@echo 'make serve      build the sample site and serve it on http://127.0.0.1:$(PORT)'
	@echo 'make html       build the site into $(OUTPUTDIR)/ (the old site stays if the build fails)'
	@echo 'make publish    build with $(PUBLISHCONF) (absolute URLs)'
	@echo 'make validate   check every record, page and press release'
	@echo 'make translations  list every record text not yet translated into az, ru or en'
	@echo 'make catalogs   extract the interface strings and update the az, ru and en catalogs'
	@echo 'make test       ruff, mypy and the test suite'
	@echo 'make clean      remove $(OUTPUTDIR)/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

$(VNU): package.json
	npm install --no-audit --no-fund --silent
	touch $(VNU)

html: venv
	$(BIN)/ngo-directory build -s $(CONFFILE) -o $(OUTPUTDIR)

publish: venv
	$(BIN)/ngo-directory build -s $(PUBLISHCONF) -o $(OUTPUTDIR)

serve: html
	@echo 'Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)'
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUTDIR)

validate: venv
	$(BIN)/ngo-directory validate

translations: venv
	$(BIN)/ngo-directory translations

CATALOGS := src/ngo_directory/translations
catalogs: venv
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --project ngo-directory \
		-o $(CATALOGS)/messages.pot .
	$(BIN)/pybabel update -i $(CATALOGS)/messages.pot -d $(CATALOGS) --no-fuzzy-matching \
		--ignore-obsolete

clean:
	rm -rf $(OUTPUTDIR) .$(OUTPUTDIR).building-* .$(OUTPUTDIR).old-*

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv
	$(BIN)/mypy

test: venv $(VNU) lint typecheck
	$(BIN)/python -m pytest
