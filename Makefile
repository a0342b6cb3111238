# The two commands a newcomer needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test venv lint e2e-deps clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $$(scripts/python.sh) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

## run: install, migrate, load the demo data and serve the app on http://127.0.0.1:8000/
run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST)

# axe-core, for the accessibility checks of the browser tests, when npm is at hand.
e2e-deps:
	@if command -v npm >/dev/null 2>&1 && [ ! -f node_modules/axe-core/axe.min.js ]; then \
		npm ci --no-audit --no-fund --loglevel=error; fi

## test: install the test dependencies and run the whole suite
test: venv e2e-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules
