# The whole set-up is `make run` (develop) or `make test` (check). See `make help`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?=
SECRET_FILE := .secret_key
# The Spanish catalog, compiled from its .po by the set-up itself (no gettext tools needed).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

.PHONY: help run check test lint serve bench lighthouse mutation clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(STAMP)
	$(BIN)/python manage.py compile_translations --verbosity 0

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(DEV_STAMP)

run: $(STAMP) $(CATALOGS) ## Develop: migrate, load starter entries, sync content, serve with live reload at http://$(HOST):$(PORT)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_starter
	DJANGO_DEBUG=1 $(BIN)/python manage.py sync_content
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

check: $(STAMP) $(CATALOGS) ## For staff: check the Markdown in CONTENT_DIR (default content/); changes no page
	@$(BIN)/python manage.py migrate --noinput --verbosity 0
	@$(BIN)/python manage.py load_starter --verbosity 0
	$(BIN)/python manage.py check_content

lint: $(DEV_STAMP) ## Style and lint checks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(DEV_STAMP) $(CATALOGS) lint ## Run the whole test suite (lint included)
	$(BIN)/python -m pytest

$(SECRET_FILE):
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_FILE)

serve: $(STAMP) $(CATALOGS) $(SECRET_FILE) ## Production mode on loopback: debug off, whitenoise, gunicorn (gthread)
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))} $(BIN)/python manage.py migrate --noinput
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))} $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))} $(BIN)/python manage.py load_starter
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))} $(BIN)/python manage.py sync_content
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))} HOST=$(HOST) PORT=$(PORT) $(if $(WEB_CONCURRENCY),WEB_CONCURRENCY=$(WEB_CONCURRENCY)) \
		$(BIN)/gunicorn --config deploy/gunicorn.conf.py

mutation: $(DEV_STAMP) $(CATALOGS) ## Mutation testing (mutmut), module by module (MODULES=..., SAMPLE=N, KEEP=1); not part of make test
	$(BIN)/python mutation/run.py $(if $(MODULES),--modules "$(MODULES)") $(if $(SAMPLE),--sample $(SAMPLE)) $(if $(KEEP),--keep)

bench: $(DEV_STAMP) $(CATALOGS) ## Benchmarks: print figures and ratios to their baselines
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	$(BIN)/python bench/run.py

lighthouse: $(STAMP) node_modules ## Lighthouse scores (mobile) for every kind of page, against the production server
	$(BIN)/python bench/lighthouse.py

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules

clean: ## Remove the virtualenv, database and collected static files
	rm -rf $(VENV) db.sqlite3* staticfiles $(SECRET_FILE) .mutation
