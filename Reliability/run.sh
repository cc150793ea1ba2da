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
# The fuzzing part needs a core per target for a quarter of an hour while the other parts leave cores idle
# (waiting on the network, on chromium, on tmux): it runs beside them, at the lowest priority, so it takes what
# they leave and their figures move little. The others run in turn.
fuzz_pid=""
if [[ " $parts " == *" fuzz "* ]]; then
  echo "== fuzz (beside the other parts, at low priority; its log: $RELIABILITY_OUT/fuzz-run.log)"
  fuzz_start=$(date +%s)
  nice -n 19 bash Reliability/fuzz/run.sh > "$RELIABILITY_OUT/fuzz-run.log" 2>&1 &
  fuzz_pid=$!
fi
for part in $parts; do
  [ "$part" = fuzz ] && continue
  echo "== $part"
  part_start=$(date +%s)
  if bash "Reliability/$part/run.sh"; then status[$part]=ok; else status[$part]=FAILED; failed=1; fi
  seconds[$part]=$(( $(date +%s) - part_start ))
  echo "== $part: ${status[$part]} in ${seconds[$part]} s"
done
if [ -n "$fuzz_pid" ]; then
  # The others are done: the fuzzers no longer give way (raising a priority needs root; otherwise they stay).
  for pid_file in "$RELIABILITY_OUT"/fuzz/*.pid; do
    [ -f "$pid_file" ] && renice -n 0 -p "$(cat "$pid_file")" >/dev/null 2>&1
  done
  echo "== waiting for fuzz"
  if wait "$fuzz_pid"; then status[fuzz]=ok; else status[fuzz]=FAILED; failed=1; fi
  seconds[fuzz]=$(( $(date +%s) - fuzz_start ))
  echo "== fuzz: ${status[fuzz]} in ${seconds[fuzz]} s (beside the others)"
fi

summary=reliability-summary.md
{
  echo "# Reliability and security suite"
  echo
  echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD), $(nproc) cores, in $(( $(date +%s) - started )) s."
  if [ -n "$fuzz_pid" ]; then
    echo
    echo "The fuzzing part ran beside the others at the lowest priority (nice 19); its time is its whole span."
  fi
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
