# One entry point. `make up` is the main job (setup, emulator, `pulumi up`), `make test` runs the
# whole suite. The offline Pulumi environment is set here, so nobody has to export anything.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
STATE := $(ROOT)/.state
ENGINE_FILE := $(STATE)/engine-bin
STACK ?= dev
EMULATOR_KEY ?= emulator-key

export PULUMI_HOME := $(ROOT)/.pulumi-home
export PULUMI_BACKEND_URL := file://$(STATE)/backend
# Local stacks encrypt secrets with this passphrase. It guards demo values on this machine only;
# set your own (or PULUMI_CONFIG_PASSPHRASE_FILE) for anything real. One already exported (a
# team's) is used as given: `make up` says so when the quickstart stack was made with another.
LOCAL_PASSPHRASE := pulumi-uac-local
export PULUMI_CONFIG_PASSPHRASE ?= $(LOCAL_PASSPHRASE)
export PULUMI_SKIP_UPDATE_CHECK := true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION := true
export PULUMI_CREDENTIAL_STORE := plaintext
export PIP_DISABLE_PIP_VERSION_CHECK := 1

PULUMI = PATH="$$(cat $(ENGINE_FILE)):$$PATH" pulumi

.PHONY: help setup venv engine postgres bytecode env up down test lint typecheck bench emulator emulator-bg clean

help:
	@echo "make up     - set everything up, start the emulator, pulumi up the quickstart stack"
	@echo "make down   - destroy the quickstart stack and stop the emulator"
	@echo "make test   - set everything up and run the whole test suite"
	@echo 'eval "$$(make -s env)" - this shell, set up to run pulumi by hand (after make up)'
	@echo "make lint / typecheck / bench / emulator (foreground) / clean"

setup: venv engine postgres bytecode

# Every program and provider process the tests start imports the package. Where
# PYTHONDONTWRITEBYTECODE is set (as on our CI machines), each would compile it from source
# again: 0.15 s of CPU per process, measured. Compiled once here, as pip does for what it installs.
bytecode: venv
	PYTHONDONTWRITEBYTECODE= $(PY) -m compileall -q -j 0 pulumi_uac

# The team tests start a throwaway PostgreSQL cluster of their own (initdb + pg_ctl, no service):
# they need the server's programs, from Debian's package where they are missing.
postgres:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "installing PostgreSQL's programs (Debian package postgresql) for the team tests"; \
	  sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq postgresql >/dev/null; }

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[emulator,dev,postgres]'
	touch $@

venv: $(VENV)/.installed

engine: $(ENGINE_FILE)
$(ENGINE_FILE): .pulumi-version .pulumi-yaml-version scripts/install-pulumi.sh scripts/langhost/main.go
	mkdir -p $(STATE)
	bash scripts/install-pulumi.sh > $@.tmp
	mv $@.tmp $@
	$(PULUMI) version >&2

# What a shell needs to run pulumi by hand against the emulator: eval "$(make -s env)".
env: | $(ENGINE_FILE)
	@mkdir -p $(STATE)/backend
	@echo "export PATH=\"$$(cat $(ENGINE_FILE)):$(VENV)/bin:\$$PATH\""
	@echo "export PULUMI_HOME=\"$(PULUMI_HOME)\" PULUMI_BACKEND_URL=\"$(PULUMI_BACKEND_URL)\""
	@echo "export PULUMI_CONFIG_PASSPHRASE=\"$(PULUMI_CONFIG_PASSPHRASE)\""
	@echo "export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true"
	@echo "export PULUMI_CREDENTIAL_STORE=plaintext"
	@if [ -s $(STATE)/emulator.url ]; then \
	  echo "export TELNYX_BASE_URL=\"$$(cat $(STATE)/emulator.url)\" TELNYX_API_KEY=$(EMULATOR_KEY)"; \
	else echo "echo 'no emulator running: make up starts one' >&2"; fi

# Whether the URL given as the argument answers HTTP at all (any status will do).
ANSWERS = $(PY) -c 'import sys, http.client, urllib.parse as u; p = u.urlsplit(sys.argv[1]); \
  c = http.client.HTTPConnection(p.hostname, p.port, timeout=2); c.request("GET", p.path); \
  c.getresponse()' 2>/dev/null

# The emulator runs in the background with its state in .state/, and is reused while it lives
# and answers at the URL it printed.
$(STATE)/emulator.url: | venv
	mkdir -p $(STATE)
	pid_file=$(STATE)/emulator.pid; out=$(STATE)/emulator.out; \
	if [ -f $$pid_file ] && kill -0 "$$(cat $$pid_file)" 2>/dev/null; then \
	  url=$$(head -1 $$out 2>/dev/null || true); \
	  if [ -n "$$url" ] && $(ANSWERS) "$$url"; then echo "$$url" > $@; exit 0; fi; \
	  echo "the emulator (pid $$(cat $$pid_file)) does not answer at '$$url': restarting it"; \
	  kill "$$(cat $$pid_file)" 2>/dev/null || true; \
	  for i in $$(seq 50); do kill -0 "$$(cat $$pid_file)" 2>/dev/null || break; sleep 0.1; done; \
	fi; \
	rm -f $@ $$out; \
	nohup $(PY) -m pulumi_uac.emulator --port 0 --api-key $(EMULATOR_KEY) \
	  --state $(STATE)/emulator.json > $$out 2> $(STATE)/emulator.log & \
	pid=$$!; echo $$pid > $$pid_file; \
	for i in $$(seq 150); do \
	  url=$$(head -1 $$out 2>/dev/null || true); \
	  if [ -n "$$url" ] && $(ANSWERS) "$$url"; then echo "$$url" > $@; break; fi; \
	  kill -0 $$pid 2>/dev/null || break; sleep 0.1; done; \
	test -s $@ || { echo "emulator did not start; see $(STATE)/emulator.log"; exit 1; }

# The URL is kept only while it answers (a `make down`, a reboot, a killed emulator: it is not).
emulator-bg:
	@if ! { [ -s $(STATE)/emulator.url ] && $(ANSWERS) "$$(cat $(STATE)/emulator.url)"; }; then \
	  rm -f $(STATE)/emulator.url; fi
	@$(MAKE) --no-print-directory $(STATE)/emulator.url
	@echo "emulator: $$(cat $(STATE)/emulator.url)"

# A passphrase exported for other stacks (a team's) cannot open the quickstart stack, which was
# made with another: say so, and what to run, instead of Pulumi's bare "incorrect passphrase".
# $(1): the make goal to repeat.
define passphrase_check
if ! err=$$($(PULUMI) config --stack $(STACK) --show-secrets --json 2>&1 >/dev/null); then \
  if ! grep -q "incorrect passphrase" <<<"$$err"; then echo "$$err" >&2; exit 1; fi; \
  { echo "make $(1): the quickstart stack '$(STACK)' (in $(STATE)/backend) was made with another"; \
    echo "passphrase than the PULUMI_CONFIG_PASSPHRASE set here (exported for other stacks?)."; \
    if [ "$$PULUMI_CONFIG_PASSPHRASE" != "$(LOCAL_PASSPHRASE)" ] && \
       PULUMI_CONFIG_PASSPHRASE="$(LOCAL_PASSPHRASE)" $(PULUMI) config --stack $(STACK) \
         --show-secrets --json >/dev/null 2>&1; then \
      echo "It was made with the quickstart's own passphrase; run:"; \
      echo "  make $(1) PULUMI_CONFIG_PASSPHRASE=$(LOCAL_PASSPHRASE)"; \
    else \
      echo "Run it again with the passphrase it was made with:"; \
      echo "  make $(1) PULUMI_CONFIG_PASSPHRASE=..."; \
      echo "or, if that is lost, start the quickstart over (its demo objects live only in the"; \
      echo 'emulator): kill $$(cat $(STATE)/emulator.pid); rm -rf $(STATE)/backend $(STATE)/emulator.*; make up'; \
    fi; } >&2; \
  exit 1; fi
endef

up: setup emulator-bg
	mkdir -p $(STATE)/backend
	$(PULUMI) stack select $(STACK) 2>/dev/null || $(PULUMI) stack init $(STACK)
	@$(call passphrase_check,up)
	$(PULUMI) config get pbxPassword >/dev/null 2>&1 || \
	  $(PULUMI) config set --secret pbxPassword \
	    "demo-$$($(PY) -c 'import secrets; print(secrets.token_hex(8))')"
	TELNYX_BASE_URL="$$(cat $(STATE)/emulator.url)" TELNYX_API_KEY=$(EMULATOR_KEY) \
	  $(PULUMI) up --yes --non-interactive --skip-preview
	$(PULUMI) stack output

# A failed destroy fails `make down` and leaves the emulator running, so that `make down` can be
# run again once the cause is fixed (nothing is forgotten: the emulator keeps its state on disk).
down:
	if [ -f $(ENGINE_FILE) ] && [ -f $(STATE)/emulator.url ] && \
	   $(PULUMI) stack ls --json 2>/dev/null | grep -q '"name": "$(STACK)"'; then \
	  $(call passphrase_check,down); \
	  TELNYX_BASE_URL="$$(cat $(STATE)/emulator.url)" TELNYX_API_KEY=$(EMULATOR_KEY) \
	  $(PULUMI) destroy --yes --non-interactive --stack $(STACK) || { \
	    echo "make down: the destroy failed; the emulator is left running: fix the cause and run make down again" >&2; \
	    exit 1; }; fi
	if [ -f $(STATE)/emulator.pid ]; then kill "$$(cat $(STATE)/emulator.pid)" 2>/dev/null || true; \
	  rm -f $(STATE)/emulator.pid $(STATE)/emulator.url; fi

emulator: venv
	$(PY) -m pulumi_uac.emulator --api-key $(EMULATOR_KEY) --port 8765

# Workers: every test has its own emulator, backend and PULUMI_HOME. Four on two cores: the unit
# tests mostly wait, the CLI tests are CPU-bound (measured: six workers were no faster).
TEST_WORKERS ?= 4
test: setup
	PATH="$$(cat $(ENGINE_FILE)):$$PATH" $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check pulumi_uac

typecheck: venv
	$(VENV)/bin/mypy

bench: setup
	PATH="$$(cat $(ENGINE_FILE)):$$PATH" $(PY) bench/run_all.py

clean: down
	rm -rf $(STATE) $(PULUMI_HOME) $(VENV) *.egg-info
