# Every target creates .venv itself when it is missing: `make demo` and `make test` are the whole set-up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/consilience: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

demo: $(BIN)/consilience
	$(BIN)/consilience analyze examples/kursk -o out/kursk --db out/kursk.db

test: $(BIN)/consilience
	$(BIN)/python -m pytest

lint: $(BIN)/consilience
	$(BIN)/ruff check src tests bench

clean:
	rm -rf out .pytest_cache
