#!/usr/bin/env bash
# Prints the hoctap binary a benchmark measures: $HOCTAP when set, else a release build in .build-bench (its log
# shown only when the build fails). Run from the repository's root: hoctap=$(bash Benchmarks/hoctap-binary.sh)
set -euo pipefail
if [ -n "${HOCTAP:-}" ]; then
  echo "$HOCTAP"
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build -c release --product hoctap --scratch-path .build-bench > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
echo .build-bench/release/hoctap
