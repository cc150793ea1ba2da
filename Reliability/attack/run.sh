#!/usr/bin/env bash
# Part 4 of `make reliability` (bad input): schemathesis over every operation of the served OpenAPI document,
# then the hostile corpus (corpus.json) against a live server. Everything is in attack.py; see
# Reliability/README.md. ATTACK_MAX_EXAMPLES (default 100) and ATTACK_SEED change schemathesis's bounds.
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${HOCTAP:?HOCTAP must name the hoctap binary}"
: "${RELIABILITY_OUT:?RELIABILITY_OUT must name the results folder}"
: "${RELIABILITY_VENV:?RELIABILITY_VENV must name the Python environment}"
exec "$RELIABILITY_VENV/bin/python" Reliability/attack/attack.py
