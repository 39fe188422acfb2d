# Quick start: `make demo` (install + run the demo) and `make test` (install + run the tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench bench-full clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/parkwatch demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python bench/extraction_quality.py --limit 40
	$(BIN)/python bench/tagging_speed.py --megabytes 0.5 --repeat 1
	$(BIN)/python bench/throughput.py --pages 60 --repeat 1
	$(BIN)/python bench/crawl_speed.py --articles 300

bench-full: $(STAMP)
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/tagging_speed.py --megabytes 1
	$(BIN)/python bench/throughput.py --pages 300 --repeat 2
	$(BIN)/python bench/crawl_speed.py --articles 5000
	$(BIN)/python bench/fuzz_inputs.py --count 10000

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
