# The two commands a newcomer needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test venv lint e2e-deps clean lock

# Installs exactly what requirements/dev.txt pins, hashes checked (`make lock` renews it).
$(VENV)/.installed: requirements/dev.txt
	test -x $(PY) || $$(scripts/python.sh) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
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
	rm -rf $(VENV) $(LOCK_VENV) db.sqlite3 staticfiles node_modules

# lock: pin every package, with hashes, from pyproject.toml (pip-tools in a throwaway venv).
# dev.txt is resolved first and constrains base.txt, so both hold the same versions.
LOCK_VENV := .venv-lock
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	--no-emit-find-links
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || ($$(scripts/python.sh) -m venv $(LOCK_VENV) \
		&& $(LOCK_VENV)/bin/pip install --quiet pip-tools)
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) --extra dev -o requirements/dev.txt pyproject.toml
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) -c requirements/dev.txt -o requirements/base.txt \
		pyproject.toml
