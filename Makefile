# Học tập số: the two commands of the quick start, and a few more.
# Every target installs the system packages it needs (apt-get, as root or through sudo).

SWIFT ?= swift
# libqrencode-dev for the certificates' QR codes; zbar-tools (zbarimg) and librsvg2-bin (rsvg-convert) for the
# tests that read those QR codes back.
APT_PACKAGES := libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev zbar-tools librsvg2-bin
HOCTAP := .build/release/hoctap

.PHONY: run test test-postgres build check courses deps bench reliability strings clean

## make run: build, then serve the kiosk at http://127.0.0.1:8080 (the database file is made on first run).
run: build
	$(HOCTAP) serve

## make test: every test. The PostgreSQL half runs only when HOCTAP_TEST_POSTGRES names a server; without one
## it is skipped, and the test log says so and why.
test: deps
	$(SWIFT) test

## make test-postgres: every test, with the PostgreSQL half, against a throwaway PostgreSQL cluster on
## 127.0.0.1:$(PG_TEST_PORT) (Debian's postgresql, installed if missing), stopped and removed afterwards.
PG_TEST_PORT ?= 55432
PG_TEST_DIR ?= /tmp/hoctap-test-postgres
test-postgres: deps
	@trap 'bash scripts/postgres-cluster.sh stop $(PG_TEST_DIR)' EXIT; \
	address=$$(bash scripts/postgres-cluster.sh start $(PG_TEST_DIR) $(PG_TEST_PORT)) && \
	HOCTAP_TEST_POSTGRES=$$address $(SWIFT) test

build: deps
	$(SWIFT) build -c release --product hoctap

## make check: the course checker alone, strict (warnings about how questions are written count as errors).
check: build
	$(HOCTAP) check --strict Courses

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

## make bench: the benchmarks in Benchmarks/ (on demand, never in make test).
bench: deps
	bash Benchmarks/run.sh

## make reliability: the reliability and security suite (fuzzing, load, kills, hostile input, a real browser, the
## terminal), about 30 minutes; writes reliability-summary.md. See Reliability/README.md.
reliability: deps
	bash Reliability/run.sh

## make strings: copy Content/strings/vi.yaml into the binary's fallback (after every change to it).
strings:
	bash scripts/embed-strings.sh

clean:
	rm -rf .build
