# Every target creates .venv itself when it is missing: `make demo` and `make test` are the whole set-up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean browser

$(BIN)/consilience: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

demo: $(BIN)/consilience
	$(BIN)/consilience analyze examples/kursk -o out/kursk --db out/kursk.db

test: $(BIN)/consilience browser
	$(BIN)/python -m pytest

# The report test drives Debian's Chromium; installed here when missing and we may (root), else that test skips.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    for try in 1 2 3; do \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 && break; \
	      DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1; sleep 5; \
	    done; \
	    test -x /usr/bin/chromium || echo "warning: could not install chromium; the browser test will not run"; \
	  else echo "note: no /usr/bin/chromium, so the browser test will be skipped (sudo apt-get install chromium)"; fi; }
