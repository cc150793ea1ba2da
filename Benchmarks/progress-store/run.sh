#!/usr/bin/env bash
# The progress store (SQLite through GRDB), against the sqlite3 shell on the same disk, in the same run:
#  1. durable attempt submissions per second (`hoctap db write-probe`, 1 and 16 writers) against as many bare
#     one-row INSERT transactions (1 and 16 sqlite3 processes) with the same pragmas (WAL, synchronous=FULL);
#  2. a reporting year's per-unit figures (`hoctap report figures --year 2026`) over 100,000 generated learners
#     and 2,000,000 attempts, against the SQL it prints (`--sql`) run in the sqlite3 shell on the same file;
#  3. the whole yearly report rendered to HTML, against its SQL replayed in sqlite3 and against the same binary
#     reading the raw events (HOCTAP_REPORTING_SOURCE=raw, today's raw-SQL figure);
#  4. one unit's figures for the year and for 1 March – 31 May, from the rollups and from the raw events.
# Prints both, and the ratio. Environment: SUBMISSIONS (per measurement, default 2000), LEARNERS (100000),
# ATTEMPTS (2000000), EVENTS (lesson events, default ATTEMPTS), COMPLETIONS (default 3 × LEARNERS),
# RUNS (best of, default 3), PLAN=1 (print each reporting query's plan), HOCTAP (a hoctap binary to measure
# instead of building one, e.g. a build with a fix), PARTS ("writes report": either or both), BASELINE (another
# hoctap binary, e.g. one built from an earlier commit, whose write rate is measured in turn with HOCTAP's),
# REPORT_DB (a database make-report-db.sh made before, reused instead of generating one; it is only read).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=Benchmarks/progress-store
install() { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq "$@" >/dev/null; }
command -v sqlite3 >/dev/null || install sqlite3
command -v strace >/dev/null || install strace || true  # only for the syncs-per-commit check
mkdir -p .build-bench
work=$(mktemp -d "$PWD/.build-bench/progress-store.XXXXXX")
trap 'rm -rf "$work"' EXIT
hoctap=$(bash Benchmarks/hoctap-binary.sh)  # HOCTAP: another build of hoctap to measure, e.g. with a fix
runs=${RUNS:-3}
parts=${PARTS:-writes report}
submissions=${SUBMISSIONS:-2000}
learners=${LEARNERS:-100000}
attempts=${ATTEMPTS:-2000000}
events=${EVENTS:-$attempts}
completions=${COMPLETIONS:-$((learners * 3))}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}' if b else 'n/a')" "$1" "$2"; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }
min() { printf '%s\n' "$@" | sort -g | head -1; }

echo "temp files: $work"
echo "disk: $(df -P "$work" | awk 'NR == 2 { print $1 " mounted on " $6 }') ($(stat -f -c %T "$work")), both sides"
echo "sqlite3 shell $(sqlite3 --version | cut -d' ' -f1); hoctap links $(ldd "$hoctap" | awk '/libsqlite3/ { print $3 }')"

# ---------------------------------------------------------------------------------------------------------------
if [[ " $parts " == *" writes "* ]]; then
echo
echo "== 1. durable attempt submissions ($submissions per measurement, best of $runs)"

# Reference: `writers` sqlite3 processes at once, each doing its share of one-row transactions into a fresh file.
for writers in 1 16; do
  for w in $(seq 0 $((writers - 1))); do
    python3 $here/generate.py inserts "$w" $((submissions / writers)) > "$work/inserts-$writers-$w.sql"
    python3 $here/generate.py inserts "$w" $((submissions / writers)) NORMAL > "$work/inserts-normal-$writers-$w.sql"
  done
done
bare_rate() {  # writers [normal] → transactions/s, from the first start to the last end stamped inside sqlite3
  local writers=$1 variant=${2:+normal-} db="$work/bare.sqlite" pids=()
  rm -f "$db" "$db-wal" "$db-shm"
  sqlite3 "$db" "PRAGMA journal_mode = WAL; CREATE TABLE bare (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL,
                 n INTEGER NOT NULL, at TEXT NOT NULL);" >/dev/null
  for w in $(seq 0 $((writers - 1))); do
    sqlite3 "$db" < "$work/inserts-$variant$writers-$w.sql" > "$work/bare-$w.out" 2>&1 & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done  # a failed writer shows in the row count
  local rows expected=$(( submissions / writers * writers ))
  rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM bare")
  [ "$rows" -eq "$expected" ] || { echo "bare writers lost rows: $rows of $expected" >&2; cat "$work"/bare-*.out >&2; exit 1; }
  local starts=() ends=()
  for w in $(seq 0 $((writers - 1))); do
    starts+=("$(awk -F'|' '$1 == "start" { print $2 }' "$work/bare-$w.out")")
    ends+=("$(awk -F'|' '$1 == "end" { print $2 }' "$work/bare-$w.out")")
  done
  python3 -c "import sys; n, a, b = map(int, sys.argv[1:]); print(f'{n * 1000 / max(b - a, 1):.1f}')" \
    "$expected" "$(min "${starts[@]}")" "$(max "${ends[@]}")"
}
probe_rate() {  # writers [binary] → attempts/s as hoctap prints it (its clock starts once the store is open)
  local db="$work/probe.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  "${2:-$hoctap}" db write-probe --db "$db" --writers "$1" --count $((submissions / $1)) | awk '{ print $(NF - 1) }'
}
python3 $here/generate.py attempts "$submissions" > "$work/attempts.sql"
same_rate() {  # the probe's own transaction as plain SQL in the shell, 1 writer, on hoctap's schema
  local db="$work/same.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  "$hoctap" units list --db "$db" --content Content >/dev/null  # makes and migrates the file (db check only reads)
  sqlite3 "$db" < "$work/attempts.sql" > "$work/same.out"
  python3 -c "import sys; n, a, b = map(int, sys.argv[1:]); print(f'{n * 1000 / max(b - a, 1):.1f}')" "$submissions" \
    "$(awk -F'|' '$1 == "start" { print $2 }' "$work/same.out")" "$(awk -F'|' '$1 == "end" { print $2 }' "$work/same.out")"
}

for writers in 1 16; do
  refs=(); mines=(); normals=(); sames=(); baselines=()
  for _ in $(seq "$runs"); do  # the sides take turns, so a noisy moment hits both
    refs+=("$(bare_rate "$writers")")
    mines+=("$(probe_rate "$writers")")
    normals+=("$(bare_rate "$writers" normal)")
    [ "$writers" -gt 1 ] || sames+=("$(same_rate)")
    [ -z "${BASELINE:-}" ] || baselines+=("$(probe_rate "$writers" "$BASELINE")")
  done
  ref=$(max "${refs[@]}"); mine=$(max "${mines[@]}"); normal=$(max "${normals[@]}")
  echo "$writers writer(s): bare INSERT transactions ${ref}/s, hoctap attempts ${mine}/s," \
       "ratio $(ratio "$mine" "$ref") (aim ≥ 0.80); bare at synchronous=NORMAL ${normal}/s"
  if [ -n "${BASELINE:-}" ]; then
    baseline=$(max "${baselines[@]}")
    echo "  baseline $BASELINE: ${baseline}/s, ratio to bare $(ratio "$baseline" "$ref");" \
         "hoctap / baseline $(ratio "$mine" "$baseline")"
  fi
  if [ "$writers" -eq 1 ]; then
    same=$(max "${sames[@]}")
    echo "  the probe's transaction as plain SQL in the shell (synchronous=FULL): ${same}/s, ratio to bare" \
         "$(ratio "$same" "$ref"); hoctap / this $(ratio "$mine" "$same")"
  fi
done

# Is each acknowledged submission synced? Count fsync/fdatasync calls (strace, 200 transactions, 1 writer).
if command -v strace >/dev/null && strace -qq -o /dev/null true 2>/dev/null; then
  syncs() { strace -f -qq -e trace=fsync,fdatasync -o "$work/strace.out" "$@" >/dev/null 2>&1 || true
            grep -cE 'fsync|fdatasync' "$work/strace.out" || true; }
  rm -f "$work/probe.sqlite"*
  mine_syncs=$(syncs "$hoctap" db write-probe --db "$work/probe.sqlite" --writers 1 --count 200)
  rm -f "$work/bare.sqlite"*
  sqlite3 "$work/bare.sqlite" "PRAGMA journal_mode = WAL; CREATE TABLE bare (id INTEGER PRIMARY KEY,
                               writer INTEGER NOT NULL, n INTEGER NOT NULL, at TEXT NOT NULL);" >/dev/null
  python3 $here/generate.py inserts 0 200 > "$work/inserts-200.sql"
  ref_syncs=$(syncs sh -c "sqlite3 '$work/bare.sqlite' < '$work/inserts-200.sql'")
  echo "syncs per transaction (fsync + fdatasync over 200): bare $(ratio "$ref_syncs" 200)," \
       "hoctap $(ratio "$mine_syncs" 200) (including opening and setting up the store)"
  if [ "$mine_syncs" -lt 180 ]; then
    echo "WARNING: hoctap does not sync every commit: its rate above is not a durable rate" \
         "(compare it with the synchronous=NORMAL reference)"
  fi
fi

fi

# ---------------------------------------------------------------------------------------------------------------
if [[ " $parts " == *" report "* ]]; then
echo
echo "== 2. reporting year 2026: $learners learners, $attempts attempts, $events lesson events," \
     "$completions course completions"
if [ -n "${REPORT_DB:-}" ]; then  # a database make-report-db.sh made earlier, by a hoctap of the same schema
  db=$REPORT_DB
  echo "reusing $db; file $(( $(stat -c %s "$db") / 1048576 )) MiB"
else
  db="$work/report.sqlite"
  start=$(now_ms)
  HOCTAP="$hoctap" bash $here/make-report-db.sh "$db" "$learners" "$attempts" "$events" "$completions"
  end=$(now_ms)
  echo "generated in $(( (end - start) / 1000 )) s, summaries rebuilt by hoctap, then ANALYZE once; file $(( $(stat -c %s "$db") / 1048576 )) MiB"
fi
sqlite3 "$db" "SELECT 'rows: ' || (SELECT COUNT(*) FROM learner) || ' learners, '
                 || (SELECT COUNT(*) FROM lessonEvent) || ' lesson events, '
                 || (SELECT COUNT(*) FROM lessonProgress) || ' lessonProgress, '
                 || (SELECT COUNT(*) FROM attempt) || ' attempts ('
                 || (SELECT SUM(isFinal) FROM attempt) || ' final), '
                 || (SELECT COUNT(*) FROM courseCompletion) || ' course completions'"
"$hoctap" report figures --year 2026 --sql --content Content > "$work/figures.sql"

# Each query alone in the shell (also warms the cache for both sides), with its results' totals for the check.
awk 'BEGIN { print ".timer on"; q = 1; print ".print == " q } { print } /;$/ { q++; print ".print == " q }' \
  "$work/figures.sql" | sqlite3 "$db" > "$work/per-query.out"
names=(registered active enrolments lessonCompletions courseCompletions finalAttempts)
for q in 1 2 3 4 5 6; do
  awk -v q="$q" -v name="${names[$((q - 1))]}" -F'|' '
    $0 == "== " q { on = 1; next } /^== / { on = 0 }
    on && /^Run Time:/ { printf "  query %d %-18s %7.3f s\n", q, name, $0 ~ /real/ ? substr($0, index($0, "real") + 5) + 0 : 0 }
  ' "$work/per-query.out"
done
if [ "${PLAN:-0}" = 1 ]; then
  sed 's/^SELECT/EXPLAIN QUERY PLAN SELECT/' "$work/figures.sql" | sqlite3 "$db"
fi
# SQL totals, summed as `hoctap report figures` sums them: registered, active, enrolments, completions, average
# (rounded half up to one decimal, as Percent.of does).
sql_totals=$(awk -F'|' '
  /^== / { q = $0; sub(/^== /, "", q); next } /^Run Time:/ { next }
  q == 1 { r += $3 } q == 2 { a += $3 } q == 3 { e += $4 } q == 5 { c += $4 } q == 6 { f += $4; p += $6 }
  END { printf "%d %d %d %d %s", r, a, e, c, f ? sprintf("%.1f", int((20 * p + f) / (2 * f)) / 10) : "—" }' "$work/per-query.out")

ours() { "$hoctap" report figures --year 2026 --db "$db" --content Content; }
reference() { sqlite3 "$db" < "$work/figures.sql"; }
ours > "$work/ours.out"
total=$(tail -1 "$work/ours.out" | cut -f2-6 | tr '\t' ' ')
echo "hoctap total (registered active enrolments completions average): $total"
[ "$total" = "$sql_totals" ] && echo "the SQL in the shell gives the same totals" \
  || echo "WARNING: the SQL in the shell gives $sql_totals"
case "$total" in 0\ *|*\ 0\ *) echo "WARNING: a zero figure: the generated data does not reach the report";; esac

# Best of `runs` wall times, the two sides taking turns.
timed() { local s e; s=$(now_ms); "$@" >/dev/null; e=$(now_ms); echo $((e - s)); }
refs=(); mines=()
for _ in $(seq "$runs"); do
  refs+=("$(timed reference)")
  mines+=("$(timed ours)")
done
ref=$(min "${refs[@]}"); mine=$(min "${mines[@]}")
echo "best of $runs: the SQL in sqlite3 ${ref} ms, hoctap report figures ${mine} ms," \
     "ratio $(ratio "$mine" "$ref") (aim ≤ 1.20)"

# ---------------------------------------------------------------------------------------------------------------
echo
echo "== 3. the whole yearly report (figures, coverage, awards, rendered to HTML), best of $runs"
# The reference is every SELECT the report ran, captured with HOCTAP_TRACE_SQL, replayed in the sqlite3 shell.
report() { "$hoctap" report yearly --year 2026 --db "$db" --content Content --format html -o "$work/report.html"; }
HOCTAP_TRACE_SQL="$work/trace.sql" report >/dev/null
grep -E '^SELECT' "$work/trace.sql" | grep -vE 'sqlite_master|grdb_migrations' > "$work/report.sql"
echo "statements replayed: $(wc -l < "$work/report.sql")"
report_reference() { sqlite3 "$db" < "$work/report.sql"; }
refs=(); mines=()
for _ in $(seq "$runs"); do
  refs+=("$(timed report_reference)")
  mines+=("$(timed report)")
done
ref=$(min "${refs[@]}"); mine=$(min "${mines[@]}")
echo "best of $runs: the report's SQL in sqlite3 ${ref} ms, hoctap report yearly (HTML) ${mine} ms," \
     "ratio $(ratio "$mine" "$ref") (aim ≤ 1.50, and under 1 s)"
# Today's raw-SQL figure: the same binary reading the raw events (HOCTAP_REPORTING_SOURCE=raw), once (it is slow),
# and the two documents compared byte for byte.
raw_report() { HOCTAP_REPORTING_SOURCE=raw "$hoctap" report yearly --year 2026 --db "$db" --content Content \
                 --format html -o "$work/report-raw.html"; }
raw=$(timed raw_report)
cmp -s "$work/report.html" "$work/report-raw.html" && same="the same document" || same="WARNING: documents differ"
echo "the same report from the raw events: ${raw} ms ($same); rollups / raw $(ratio "$mine" "$raw")"

# ---------------------------------------------------------------------------------------------------------------
echo
echo "== 4. one unit's figures (report figures --unit), rollups against the raw events, best of $runs"
unit=$(sqlite3 "$db" "SELECT unitId FROM learner GROUP BY unitId ORDER BY COUNT(*) DESC LIMIT 1")
echo "unit: $unit ($(sqlite3 "$db" "SELECT COUNT(*) FROM learner WHERE unitId = '$unit'") learners)"
for span in "--year 2026" "--from 2026-03-01 --to 2026-05-31"; do
  # shellcheck disable=SC2086  # the span is two or four words
  unit_figures() { "$hoctap" report figures $span --unit "$unit" --db "$db" --content Content; }
  # shellcheck disable=SC2086
  unit_raw() { HOCTAP_REPORTING_SOURCE=raw "$hoctap" report figures $span --unit "$unit" --db "$db" --content Content; }
  # shellcheck disable=SC2086
  nothing() { "$hoctap" report figures $span --unit "$unit" --db "$db" --content Content --sql; }
  unit_figures > "$work/unit.out"; unit_raw > "$work/unit-raw.out"
  cmp -s "$work/unit.out" "$work/unit-raw.out" && same="same figures" || same="WARNING: figures differ"
  refs=(); mines=(); starts=()
  for _ in $(seq "$runs"); do
    refs+=("$(timed unit_raw)"); mines+=("$(timed unit_figures)"); starts+=("$(timed nothing)")
  done
  ref=$(min "${refs[@]}"); mine=$(min "${mines[@]}"); start=$(min "${starts[@]}")
  # The figures' own cost, without starting a process: the SELECTs they ran, replayed in sqlite3 (best of runs).
  rm -f "$work/unit-trace.sql"
  HOCTAP_TRACE_SQL="$work/unit-trace.sql" unit_figures >/dev/null
  grep -E '^(SELECT|WITH)' "$work/unit-trace.sql" | grep -vE 'sqlite_master|grdb_migrations' > "$work/unit.sql"
  sqls=()
  for _ in $(seq "$runs"); do
    sqls+=("$( (echo ".timer on"; cat "$work/unit.sql") | sqlite3 "$db" | awk '/^Run Time/ { s += $4 } END { printf "%d", s * 1000 }')")
  done
  echo "$span: rollups ${mine} ms, raw ${ref} ms ($same), ratio $(ratio "$mine" "$ref");" \
       "of which starting hoctap and loading the configuration ${start} ms; the figures' SQL alone" \
       "$(min "${sqls[@]}") ms (aim: under 50 ms for the figures)"
done
fi
