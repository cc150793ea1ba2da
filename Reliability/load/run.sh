#!/usr/bin/env bash
# Parts 2 and 3 of the reliability suite: load without loss, then killed without loss (see Reliability/README.md).
# Env (set by Reliability/run.sh): HOCTAP, RELIABILITY_OUT, RELIABILITY_VENV. Optional: LOAD_KIOSKS (100),
# LOAD_SUBMISSIONS (50), LOAD_KILL_SUBMISSIONS (10: each kill-run kiosk's least, it goes on until the kills are
# done), LOAD_KILLS (20), LOAD_TIME_LIMIT (seconds per run, 240).
set -uo pipefail
cd "$(dirname "$0")/../.."
here=Reliability/load
python=${RELIABILITY_VENV:+$RELIABILITY_VENV/bin/python}
python=${python:-python3}
work=$RELIABILITY_OUT/load
rm -rf "$work"
mkdir -p "$work"
kiosks=${LOAD_KIOSKS:-100}
submissions=${LOAD_SUBMISSIONS:-50}
kill_submissions=${LOAD_KILL_SUBMISSIONS:-10}
kills=${LOAD_KILLS:-20}
limit=${LOAD_TIME_LIMIT:-240}
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db=$work/hoctap.sqlite
common=(--hoctap "$HOCTAP" --db "$db" --port "$port" --courses Courses --content Content --kiosks "$kiosks"
        --time-limit "$limit" --acks "$work/acks.jsonl" --starts "$work/starts.json"
        --server-log "$work/server.log")
status=0

echo "-- load: $kiosks kiosks × $submissions submissions"
"$python" $here/kiosks.py --mode load --run-id "L$port" --submissions "$submissions" \
  --summary "$work/summary-load.json" "${common[@]}" || status=1
"$python" $here/check_db.py --db "$db" --acks "$work/acks.jsonl" --starts "$work/starts.json" \
  --summary "$work/check-load.json" || status=1

echo "-- kill: $kiosks new kiosks on the same file, $kills SIGKILLs and $kill_submissions submissions each at least"
"$python" $here/kiosks.py --mode kill --run-id "K$port" --kills "$kills" --submissions "$kill_submissions" \
  --summary "$work/summary-kill.json" "${common[@]}" || status=1
"$python" $here/check_db.py --db "$db" --acks "$work/acks.jsonl" --starts "$work/starts.json" \
  --summary "$work/check-kill.json" || status=1

# A second opinion from the sqlite3 program itself, read-only, on the file as the last kill left it.
sqlite3 -readonly "$db" "PRAGMA integrity_check;" > "$work/integrity-sqlite3.txt" 2>&1
[ "$(cat "$work/integrity-sqlite3.txt")" = ok ] || { echo "sqlite3: $(head -3 "$work/integrity-sqlite3.txt")"; status=1; }

"$python" $here/report.py "$RELIABILITY_OUT" "$work" "$status"
cat "$RELIABILITY_OUT/load.verdict"
exit $status
