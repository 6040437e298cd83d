# claimgraph task runner. `make demo` and `make test` each do the whole set-up on a fresh
# Debian machine (as root): Debian packages when missing, .venv, Python dependencies.

VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= claimgraph.db
SHARED ?= ../shared
export CLAIMGRAPH_PG_DIR ?= /tmp/claimgraph-pg

.PHONY: setup setup-test demo test bench eval eval-check lint train clean

setup:
	@bash scripts/setup.sh

setup-test:
	@WITH_POSTGRES=1 WITH_BROWSER=1 bash scripts/setup.sh

demo: setup
	$(VENV)/bin/claimgraph demo --db $(DB)

test: setup-test
	@url=$$(bash scripts/postgres.sh start) || exit 1; \
	CLAIMGRAPH_TEST_PG=$$url $(VENV)/bin/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; fi; exit $$rc

bench: setup
	$(PY) bench/ingest.py
	$(PY) bench/extract.py
	$(PY) bench/analyze.py

eval: setup
	$(VENV)/bin/claimgraph eval polnear $(SHARED)/data/polnear/dev
	$(VENV)/bin/claimgraph eval figures $(SHARED)/data/conflict-figures/dev

eval-check: setup
	$(PY) eval/check_floors.py --shared $(SHARED)

lint: setup
	$(VENV)/bin/ruff check claimgraph tests bench eval

train: setup
	$(PY) -m claimgraph.extract.attributions.train --out claimgraph/extract/attributions/model

clean:
	rm -rf $(DB) $(DB)-wal $(DB)-shm $(DB).originals
