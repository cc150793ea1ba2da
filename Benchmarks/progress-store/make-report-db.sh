#!/usr/bin/env bash
# Makes the reporting benchmark's database: hoctap's own schema (made and migrated by `hoctap units list`), then a reporting
# year of generated activity bulk-loaded in the sqlite3 shell (generate.py: the app's indexes dropped, the rows
# generated, the indexes recreated from their own stored definitions, WAL mode), the summaries rebuilt by hoctap,
# then ANALYZE once. Used by run.sh here and by Benchmarks/web/dashboard.sh.
# Usage: HOCTAP=path/to/hoctap make-report-db.sh DB LEARNERS ATTEMPTS EVENTS COMPLETIONS (from the package root).
set -euo pipefail
db=$1 learners=$2 attempts=$3 events=$4 completions=$5
here=Benchmarks/progress-store
hoctap=${HOCTAP:?set HOCTAP to a hoctap binary}
"$hoctap" units list --db "$db" --content Content >/dev/null  # makes and migrates the file (db check only reads)
indexes=$(mktemp)
trap 'rm -f "$indexes"' EXIT
sqlite3 "$db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL" > "$indexes"
{
  echo ".bail on"
  sqlite3 "$db" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
  python3 $here/generate.py data "$learners" "$attempts" "$events" "$completions"
  cat "$indexes"
  echo "PRAGMA journal_mode = WAL;"
} | sqlite3 "$db" >/dev/null
# The summaries as the store keeps them (the enrolments query reads courseProgress), then statistics.
"$hoctap" db rebuild-summaries --db "$db" --content Content >/dev/null
sqlite3 "$db" "ANALYZE;"
