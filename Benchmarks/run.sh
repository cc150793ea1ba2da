#!/usr/bin/env bash
# Every benchmark, one after another.
set -euo pipefail
cd "$(dirname "$0")"
for script in */run.sh; do
  echo "== ${script%/run.sh}"
  bash "$script"
done
