# Two commands for a new user: `make report` and `make test`. Each sets up what it needs:
# a virtual environment in .venv with the exact versions pinned in constraints.txt.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CORPUS ?= seeds
RUN_ID := $(shell date +%Y%m%d)-extract

.PHONY: setup report test bench clean help lock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.in constraints.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the pinned dependencies

report: setup  ## produce the report for CORPUS (default: seeds/) under reports/
	$(PY) -m analysis extract $(CORPUS) --out reports/$(RUN_ID)

test: setup  ## run the whole test suite
	$(PY) -m pytest

clean:  ## remove the virtual environment and reports
	rm -rf $(VENV) reports

lock:  ## re-pin constraints.txt from requirements.in (needs the network; review the diff)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	.venv-lock/bin/pip freeze > constraints.txt && rm -rf .venv-lock
