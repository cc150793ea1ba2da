#!/usr/bin/env bash
# `make reliability`: the reliability and security suite, on this machine, in about 30 minutes.
# Builds the release binary, runs each part in turn and writes reliability-summary.md (not committed) at the
# repository's root: one section per part, with its figures, and a table of what each part showed.
#
# Each part is Reliability/<part>/run.sh, run from the repository's root with:
#   HOCTAP          the release binary to test
#   RELIABILITY_OUT a folder for its results; the part writes $RELIABILITY_OUT/<part>.md (a "## …" section with
#                   its figures) and $RELIABILITY_OUT/<part>.verdict (one line: what it showed, for the table)
#   RELIABILITY_VENV a Python virtual environment with the PyPI packages the parts use (Reliability/requirements.txt)
# and exits 0 only when it passed. PARTS="load attack" runs some parts only.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
parts=${PARTS:-"fuzz load attack browser terminal"}

make -s deps build >/dev/null || { echo "Không dựng được hoctap (make build)." >&2; exit 1; }
export HOCTAP=$PWD/.build/release/hoctap
export RELIABILITY_OUT=$PWD/.build-reliability/out
export RELIABILITY_VENV=$PWD/.build-reliability/venv
rm -rf "$RELIABILITY_OUT"
mkdir -p "$RELIABILITY_OUT"
bash Reliability/setup.sh || { echo "Không cài được các gói Python của bộ kiểm thử." >&2; exit 1; }

declare -A seconds status
failed=0
for part in $parts; do
  echo "== $part"
  part_start=$(date +%s)
  if bash "Reliability/$part/run.sh"; then status[$part]=ok; else status[$part]=FAILED; failed=1; fi
  seconds[$part]=$(( $(date +%s) - part_start ))
  echo "== $part: ${status[$part]} in ${seconds[$part]} s"
done

summary=reliability-summary.md
{
  echo "# Reliability and security suite"
  echo
  echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD), $(nproc) cores, in $(( $(date +%s) - started )) s."
  echo
  echo "| part | result | what it showed | time |"
  echo "| --- | --- | --- | --- |"
  for part in $parts; do
    verdict=$(cat "$RELIABILITY_OUT/$part.verdict" 2>/dev/null || echo "no verdict written")
    echo "| $part | ${status[$part]} | $verdict | ${seconds[$part]} s |"
  done
  for part in $parts; do
    echo
    cat "$RELIABILITY_OUT/$part.md" 2>/dev/null || echo "## $part: no section written"
  done
} > "$summary"
echo "Wrote $summary"
exit $failed
