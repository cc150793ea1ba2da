#!/usr/bin/env bash
# Part 1 of `make reliability`: libFuzzer on the course loader and the learners CSV reader. Builds both harnesses
# (Reliability/fuzz/Fuzz*/) with the fuzzer and address sanitizers in .build-fuzz (incremental after the first
# time), seeds them from Courses/, the test fixtures and seeds/, and runs both at once for FUZZ_RUNS runs each
# (default 1,000,000), with FUZZ_MAX_SECONDS (default 1,500) as a guard: a target that did not finish its runs in
# time, crashed, hung (over 10 s on one input) or ran out of memory fails the part. The course loader, four times
# slower a run than the CSV reader, runs as FUZZ_COURSE_WORKERS processes (default 2) sharing one corpus (libFuzzer
# reloads it), its runs shared out among them, so it keeps both cores busy once the CSV reader is done.
# Writes $RELIABILITY_OUT/fuzz.md, fuzz.verdict, and fuzz/ (logs, the corpora, any crashing input).
set -uo pipefail
: "${RELIABILITY_OUT:?}"
runs=${FUZZ_RUNS:-1000000}
max_seconds=${FUZZ_MAX_SECONDS:-1500}
out=$RELIABILITY_OUT/fuzz
rm -rf "$out"
mkdir -p "$out"
targets="FuzzCourseLoader FuzzLearnersCSV"

fail() {
  echo "## 1. Fuzzing (libFuzzer)" > "$RELIABILITY_OUT/fuzz.md"
  printf '\n%s\n' "$1" >> "$RELIABILITY_OUT/fuzz.md"
  echo "FAILED: $1" > "$RELIABILITY_OUT/fuzz.verdict"
  echo "fuzz: $1" >&2
  exit 1
}

# The harnesses, instrumented, linked by the toolchain's lld: gold stops with an internal error on libFuzzer's
# debug information ("format_file_lineno"), and SwiftPM does not pass -use-ld on, so a toolset names the linker.
build_start=$(date +%s)
mkdir -p .build-fuzz
printf '{ "schemaVersion": "1.0", "linker": { "path": "%s/ld.lld" } }\n' \
  "$(dirname "$(readlink -f "$(command -v swift)")")" > .build-fuzz/toolset.json
for target in $targets; do
  nice -n 10 swift build -c release --scratch-path .build-fuzz --toolset .build-fuzz/toolset.json --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
    > "$out/build-$target.log" 2>&1 || fail "the $target harness did not build (see fuzz/build-$target.log)"
done
build_seconds=$(( $(date +%s) - build_start ))
bin=$(swift build -c release --scratch-path .build-fuzz --toolset .build-fuzz/toolset.json --show-bin-path)

# Seeds. A course file's first byte says which file of the harness's course it replaces (0 course.md, 1 a lesson,
# 2 quiz.md); learner lists are taken as they are.
seeds_course=$out/seeds-FuzzCourseLoader
seeds_csv=$out/seeds-FuzzLearnersCSV
mkdir -p "$seeds_course" "$seeds_csv"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  case "$(basename "$file")" in
    course.md) role=0 ;;
    quiz.md) role=2 ;;
    *) role=1 ;;
  esac
  { printf '%s' "$role"; cat "$file"; } > "$seeds_course/$n"
done < <(find Courses Tests -type f -name '*.md' \( -path '*Fixtures*' -o -path 'Courses/*/*' \) -print0)
cp Reliability/fuzz/seeds/learners-csv/* "$seeds_csv/"

# Both targets at once. Shorter allocation stacks and no fill of new memory: a third more runs a second; reports
# still name the allocating frames, and a reproducer run (see README) gives the whole stack.
declare -A workers=([FuzzCourseLoader]=${FUZZ_COURSE_WORKERS:-2} [FuzzLearnersCSV]=1)
for target in $targets; do
  dict=Reliability/fuzz/course.dict
  [ "$target" = FuzzLearnersCSV ] && dict=Reliability/fuzz/learners.dict
  mkdir -p "$out/corpus-$target" "$out/artifacts-$target"
  share=$(( (runs + ${workers[$target]} - 1) / ${workers[$target]} ))
  for worker in $(seq "${workers[$target]}"); do
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=4:max_malloc_fill_size=0} \
    "$bin/$target" "$out/corpus-$target" "$out/seeds-$target" -dict="$dict" -runs="$share" \
      -max_total_time="$max_seconds" -timeout=10 -rss_limit_mb=2048 -max_len=${FUZZ_MAX_LEN:-4096} \
      -print_final_stats=1 -artifact_prefix="$out/artifacts-$target/" > "$out/$target.$worker.log" 2>&1 &
    echo $! > "$out/$target.$worker.pid"
  done
done
failed=0
declare -A status
for target in $targets; do
  status[$target]=0
  for worker in $(seq "${workers[$target]}"); do
    wait "$(cat "$out/$target.$worker.pid")" || status[$target]=$?
  done
done

# Figures, from libFuzzer's final statistics.
# A target's figure over its workers: the sum (runs; exec/s, as they ran at once) or the largest (RSS, time).
stat() { cat "$out/$1".*.log | grep "^stat::$2:" | awk -v how="$3" '{ s += $2; if ($2 > m) m = $2 } END { if (NR) print (how == "max" ? m : s) }'; }
{
  echo "## 1. Fuzzing (libFuzzer)"
  echo
  echo "Both harnesses built with \`-sanitize=fuzzer,address\` (${build_seconds} s to build), run at once (the course"
  echo "loader as ${workers[FuzzCourseLoader]} processes sharing one corpus, its runs shared out among them),"
  echo "for $runs runs each (guard: $max_seconds s), seeded from \`Courses/\`, the course fixtures of \`Tests/\` and"
  echo "\`Reliability/fuzz/seeds/\`, with a dictionary of the syntax. A crash, a sanitizer report, an input over 10 s"
  echo "or over 2 GB fails the part; the harnesses also trap on a diagnostic or import problem without its Vietnamese"
  echo "message, and on CSV records that do not read back the same once written back."
  echo
  echo "| target | input | runs | exec/s | time | corpus (seeds → end) | peak RSS | result |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$RELIABILITY_OUT/fuzz.md"
verdict=""
for target in $targets; do
  executed=$(stat "$target" number_of_executed_units sum)
  speed=$(stat "$target" average_exec_per_sec sum)
  rss=$(stat "$target" peak_rss_mb max)
  seconds=$(cat "$out/$target".*.log | grep -oE 'Done [0-9]+ runs in [0-9]+ second' | grep -oE '[0-9]+ second' \
    | grep -oE '[0-9]+' | sort -n | tail -1)
  seeds=$(find "$out/seeds-$target" -type f | wc -l)
  corpus=$(find "$out/corpus-$target" -type f | wc -l)
  artifacts=$(find "$out/artifacts-$target" -type f | wc -l)
  result=ok
  if [ "${status[$target]}" -ne 0 ] || [ "$artifacts" -gt 0 ]; then
    result="FAILED: $(grep -m1 -oE 'ERROR: [A-Za-z]+: [^ ]+( [^ ]+)?|deadly signal|Fatal error: [^:]*' "$out/$target".*.log | head -1 || echo "exit ${status[$target]}")"
    [ "$artifacts" -gt 0 ] && result="$result; input in fuzz/artifacts-$target/"
    failed=1
  elif [ "${executed:-0}" -lt "$runs" ]; then
    result="FAILED: only ${executed:-0} runs in ${max_seconds} s"
    failed=1
  fi
  case $target in
    FuzzCourseLoader) input="course.md, lesson or quiz.md of a course" ;;
    *) input="learner list (CSV)" ;;
  esac
  printf '| %s | %s | %s | %s | %s s | %s → %s | %s MB | %s |\n' "$target" "$input" "${executed:-?}" "${speed:-?}" \
    "${seconds:-?}" "$seeds" "$corpus" "${rss:-?}" "$result" >> "$RELIABILITY_OUT/fuzz.md"
  verdict="$verdict${verdict:+; }$target ${executed:-?} runs, ${speed:-?}/s, $([ "$result" = ok ] && echo "0 crashes" || echo "$result")"
done
echo "$verdict" > "$RELIABILITY_OUT/fuzz.verdict"
exit $failed
