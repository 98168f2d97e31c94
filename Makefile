# Two commands from a fresh clone: `make map` and `make test`.
# Both set up a local virtualenv (.venv) with argmap installed, and Graphviz.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/ukraine-talks
MAP := $(EXAMPLE)/map.svg

.PHONY: setup graphviz map test bench clean

setup: $(STAMP) graphviz

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "argmap needs Python 3.11 or newer; set PYTHON=python3.12 (or similar)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $(STAMP)

# Graphviz's `dot` lays out the maps. Installed with apt-get when missing and
# we are root; otherwise we say how.
graphviz:
	@if command -v dot >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Graphviz (dot) with apt-get..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	else \
		echo "Graphviz's 'dot' is missing. Install it, then run make again:"; \
		echo "  Debian/Ubuntu: sudo apt-get install graphviz"; \
		echo "  Fedora: sudo dnf install graphviz    macOS: brew install graphviz"; \
		exit 1; \
	fi

map: setup
	$(BIN)/argmap check --strict $(EXAMPLE)/*.argmap
	$(BIN)/argmap render $(EXAMPLE)/*.argmap -o $(MAP)
	@echo $(MAP)

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/parse_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
