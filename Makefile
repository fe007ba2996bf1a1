# Two entry points: `make demo` (set up, then ingest the bundled corpus) and
# `make test` (set up, then run the test suite).  CI runs `make test`.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= plans.db

.PHONY: setup system-deps demo test bench corpus clean

$(BIN)/planextract: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

setup: $(BIN)/planextract

# Tesseract with Swedish data (OCR of scanned PDFs), Chromium (browser test)
# and poppler-utils; installed with apt when missing and we are root.
system-deps:
	@bash scripts/install-system-deps

demo: setup
	$(BIN)/planextract ingest corpus/pdf --db $(DB)
	$(BIN)/planextract check --db $(DB) --format table || true

test: setup system-deps
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/ingest.py

corpus: setup
	$(BIN)/python corpus/generate.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm test-artifacts
