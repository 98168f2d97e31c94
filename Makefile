# Two commands from a fresh clone: `make map` and `make test`.
# Both set up a local virtualenv (.venv) with argmap installed, and Graphviz;
# `make test` also Chromium, for the interactive page's browser tests.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE := examples/ukraine-talks
MAP := $(EXAMPLE)/map.svg

.PHONY: setup graphviz chromium map test bench parser clean

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

# The browser tests open the interactive HTML page in Debian's Chromium
# (Playwright drives it; its own browser download is never used). Installed
# with apt-get when missing and we are root; otherwise we say how.
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Chromium with apt-get (for the browser tests)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Chromium is missing; the browser tests need it. Install it, then run make test again:"; \
		echo "  Debian: sudo apt-get install chromium    Ubuntu: sudo apt-get install chromium-browser"; \
		echo "  Fedora: sudo dnf install chromium"; \
		exit 1; \
	fi

map: setup
	$(BIN)/argmap check --strict $(EXAMPLE)/*.argmap
	$(BIN)/argmap render $(EXAMPLE)/*.argmap --overview -o $(EXAMPLE)/overview.svg
	$(BIN)/argmap render $(EXAMPLE)/*.argmap -o $(MAP)
	$(BIN)/argmap render $(EXAMPLE)/*.argmap -o $(EXAMPLE)/map.html
	@echo $(EXAMPLE)/overview.svg
	@echo $(MAP)
	@echo $(EXAMPLE)/map.html

test: setup chromium
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/parse_bench.py

# After editing grammar/argmap.lark: make the parser module again from it with
# Lark's standalone generator (the module is committed; a test fails when it is stale).
parser: setup
	$(BIN)/python -m argmap.parse.make_standalone

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
