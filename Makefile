# pda — see README.md. `make demo` and `make test` are the two set-up commands.
SWIFT   ?= swift
PREFIX  ?= /usr/local
VENV    ?= .venv
PYTHON  ?= python3
DEMO    ?= $(CURDIR)/.demo
BIN      = .build/debug/pda
RELEASE_BIN = .build/release/pda

.PHONY: build release test unit-test interop demo bench fuzz install lint schema venv clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# Unit and integration tests, then the interoperability checks with tools we did not write.
test: unit-test interop

unit-test:
	$(SWIFT) test

venv: $(VENV)/.ok
$(VENV)/.ok: tests/interop/requirements.txt tests/cli/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/cli/requirements.txt -r tests/interop/requirements.txt
	touch $@

interop: build venv
	PDA_BIN=$(BIN) PDA_VENV=$(VENV) bash tests/interop/run_all.sh

# Imports the bundled fixtures into a throwaway account and shows what pda does with them.
demo: build
	PDA_BIN=$(BIN) DEMO=$(DEMO) bash scripts/demo.sh

bench: release venv
	PDA_BIN=$(RELEASE_BIN) PDA_VENV=$(VENV) bash bench/run.sh

# libFuzzer harnesses (fuzz/), built into .build-fuzz, FUZZ_SECONDS each (default 60).
fuzz:
	SWIFT=$(SWIFT) bash fuzz/run.sh

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/pda
	install -d $(DESTDIR)$(PREFIX)/share/pda/mappings/examples
	install -m 0644 mappings/*.json $(DESTDIR)$(PREFIX)/share/pda/mappings/
	install -m 0644 mappings/examples/*.json $(DESTDIR)$(PREFIX)/share/pda/mappings/examples/
	install -d $(DESTDIR)$(PREFIX)/share/pda/rights/datenanfragen/companies $(DESTDIR)$(PREFIX)/share/pda/rights/datenanfragen/supervisory-authorities
	install -m 0644 rights/*.json rights/README.md $(DESTDIR)$(PREFIX)/share/pda/rights/
	install -m 0644 rights/datenanfragen/LICENSE $(DESTDIR)$(PREFIX)/share/pda/rights/datenanfragen/
	install -m 0644 rights/datenanfragen/companies/*.json $(DESTDIR)$(PREFIX)/share/pda/rights/datenanfragen/companies/
	install -m 0644 rights/datenanfragen/supervisory-authorities/*.json $(DESTDIR)$(PREFIX)/share/pda/rights/datenanfragen/supervisory-authorities/

# Regenerates schemas/account.sql from the migrations.
schema:
	PDA_UPDATE_SCHEMA=1 $(SWIFT) test --filter SchemaTests/testAccountSQLMatchesMigrations

lint:
	@if command -v swift-format >/dev/null 2>&1; then swift-format lint --recursive Sources Tests; \
	else $(SWIFT) format lint --recursive Sources Tests 2>/dev/null || echo "swift-format not available: skipped"; fi
	@! grep -rn "try!" Sources || (echo "lint: try! in Sources"; exit 1)

clean:
	rm -rf .build .build-fuzz $(DEMO) bench/work
