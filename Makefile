# Two commands: `make maps` builds the data set and maps, `make test` runs every check.
# Both create .venv if missing and install the project with the versions in constraints.txt.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.compoundmap-installed

.PHONY: maps test lint typecheck pytest browser-deps system-deps venv compiled bench lock clean notebook docs

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt | system-deps
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test,notebooks,online,scan]"
	@touch $(STAMP)

# The geocoder compiled with mypyc (tools/compile_geocoder.py): rebuilt when one of its
# sources changes; without a C compiler it warns and compoundmap runs from source. `make
# test` does not wait for it: the suite tests whichever build is current (a stale one is
# never used) and tests/test_compiled.py checks a current build against the sources.
COMPILED := src/compoundmap/_compiled.json
GEOCODER_SRC := $(wildcard src/compoundmap/geocode/*.py) src/compoundmap/_cleantext.py src/compoundmap/normalize.py \
	src/compoundmap/_compiled.py tools/compile_geocoder.py pyproject.toml

compiled: $(COMPILED)

$(COMPILED): $(GEOCODER_SRC) | $(STAMP)
	@$(PY) tools/compile_geocoder.py || echo "warning: the geocoder was not compiled; it runs from source (slower, same answers)"

maps: $(STAMP) compiled
	$(VENV)/bin/compoundmap build

# Build tools for the one test dependency that compiles (PyICU, needed by followthemoney,
# which checks the FollowTheMoney export): ICU headers, pkg-config, a C++ compiler.
system-deps:
	@if ! pkg-config --exists icu-uc 2>/dev/null || ! command -v g++ >/dev/null; then \
	  echo "installing libicu-dev, pkg-config and g++ (apt)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libicu-dev pkg-config g++; \
	fi

# Headless Chromium for the real-browser map tests (Debian packages; needs root or sudo).
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "installing chromium and chromium-driver (apt)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks notebooks tools
	$(VENV)/bin/ruff format --check src tests benchmarks notebooks tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP) browser-deps
	$(VENV)/bin/pytest

test: lint typecheck pytest

# Start Jupyter Lab in the project venv on the analyst notebooks.
notebook: $(STAMP) compiled
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP) compiled
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done
	echo "== benchmarks/eval_geocode.py"; $(PY) benchmarks/eval_geocode.py
	COMPOUNDMAP_SLOW_TESTS=1 $(VENV)/bin/pytest -m slow tests/test_install.py

# Record the versions the suite passed with; `make` installs from this file.
lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable | grep -v '^compoundmap' > constraints.txt

# Regenerate the generated part of docs/data.md (the data dictionary) from the code.
docs: $(STAMP)
	$(PY) -c "import pathlib; from compoundmap.fields import data_dictionary as d; p = pathlib.Path('docs/data.md'); t = p.read_text(); p.write_text(t[: t.index('## \`reports.csv\`')] + d() + '\n')"

clean:
	rm -rf data/processed/* maps/* .pytest_cache .mypy_cache .ruff_cache $(COMPILED)
	find src -name "*.so" -delete
	touch data/processed/.gitkeep maps/.gitkeep
