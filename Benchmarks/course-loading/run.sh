#!/usr/bin/env bash
# Loading and rendering 1,000 generated lessons with `hoctap check`, against Debian's cmark-gfm command parsing
# and rendering the same files with the same extensions, in the same run. Prints both times and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v cmark-gfm >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq cmark-gfm; }
swift build -c release --product hoctap >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/course-loading/generate.py "$work/courses" "${LESSONS:-1000}"
files=$(find "$work/courses" -name '*.md' | sort)
runs=${RUNS:-7}

best() {  # best wall time in ms of `runs` runs of a command
  local best=""
  for _ in $(seq "$runs"); do
    local start end ms
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

# Reference: cmark-gfm alone, one process over every file, HTML out, the extensions the loader uses.
reference() { cmark-gfm -e table -e strikethrough -e autolink -e tasklist --to html $files; }
ours() { .build/release/hoctap check "$work/courses" --content Content; }

.build/release/hoctap check "$work/courses" --content Content | tail -1
ref=$(best reference)
mine=$(best ours)
echo "lessons: ${LESSONS:-1000}, best of $runs runs"
echo "cmark-gfm alone: ${ref} ms"
echo "hoctap check:    ${mine} ms"
python3 -c "print(f'ratio (wall): {${mine}/max(${ref},1):.2f}x')"
# CPU time as well: the loader reads course folders on every core, cmark-gfm uses one.
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%d", ($1 + $2) * 1000}'; }
ref_cpu=$(cpu cmark-gfm -e table -e strikethrough -e autolink -e tasklist --to html $files)
mine_cpu=$(cpu .build/release/hoctap check "$work/courses" --content Content)
echo "cpu: cmark-gfm ${ref_cpu} ms, hoctap ${mine_cpu} ms"
