# Two commands for a new user: `make report` and `make test`. Each sets up what it needs:
# a virtual environment in .venv with the exact versions pinned in constraints.txt.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
CORPUS ?= seeds

.PHONY: setup report notebooks test browser-deps lab dashboard bench accuracy clean help lock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.in constraints.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r constraints.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the pinned dependencies

report: setup  ## run the notebooks on CORPUS (default: seeds/) and write reports/<run-id>/
	$(PY) -m analysis report --corpus $(CORPUS) $(REPORT_ARGS)

notebooks: setup  ## re-execute the stored notebooks in place after a code change
	$(PY) -m analysis.report.refresh

test: setup browser-deps  ## run the whole test suite, then check the stored notebooks with nbval
	$(PY) -m pytest
	$(PY) -m pytest -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg notebooks/

browser-deps:  ## install Debian's chromium for the browser tests when it is missing
	@test -x /usr/bin/chromium || { echo "installing chromium with apt-get"; \
	  $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" -eq 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; }

lab: setup  ## open JupyterLab on notebooks/, with the explorer (04_explore.ipynb) open; LAB_ARGS=--no-browser etc.
	$(PY) -m jupyter lab --ServerApp.root_dir=notebooks notebooks/04_explore.ipynb \
	  $$( [ "$$(id -u)" -ne 0 ] || echo --allow-root ) $(LAB_ARGS)

dashboard: setup  ## serve the explorer as a Voila dashboard (http://localhost:8866); VOILA_ARGS=--port=N etc.
	$(PY) -m voila notebooks/04_explore.ipynb $(VOILA_ARGS)

bench: setup  ## speed and memory benchmarks (print figures; not tests)
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_sentences.py
	$(PY) benchmarks/bench_worst_cases.py

accuracy: setup  ## extract the real-reporting development set and score it (skips when its texts are absent)
	$(PY) benchmarks/accuracy.py $(ACCURACY_ARGS)

clean:  ## remove the virtual environment and reports
	rm -rf $(VENV) reports

lock:  ## re-pin constraints.txt from requirements.in (needs the network; review the diff)
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	.venv-lock/bin/pip freeze > constraints.txt && rm -rf .venv-lock
