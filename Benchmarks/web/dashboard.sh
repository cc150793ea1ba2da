#!/usr/bin/env bash
# Benchmark of the staff area's dashboard (not a test): `/can-bo/tong-quan` for the whole commune over the
# progress-store benchmark's reporting year (100,000 learners, 2,000,000 attempts by default), p50/p99 at 1 and 10
# connections, beside `hoctap report figures --year 2026` (the CLI's per-unit figures) and the lesson page on the
# same server in the same run. One run; prints a Markdown table.
#
# Needs Debian's wrk, sqlite3, curl and python3, and a release build
# (swift build -c release --scratch-path .build-web --product hoctap).
# Usage: Benchmarks/web/dashboard.sh [seconds per wrk run, default 30]. LEARNERS, ATTEMPTS as in progress-store;
# the generated database is kept in .build-bench/dashboard-LEARNERS-ATTEMPTS.sqlite for the next run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
duration="${1:-30}"
binary="${HOCTAP_BINARY:-$root/.build-web/release/hoctap}"
learners=${LEARNERS:-100000}
attempts=${ATTEMPTS:-2000000}
port=8193
for tool in wrk sqlite3 curl python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk sqlite3 curl python3)" >&2; exit 1; }
done
[[ -x "$binary" ]] || { echo "no release build at $binary" >&2; exit 1; }
mkdir -p .build-bench
db=".build-bench/dashboard-$learners-$attempts.sqlite"
if [[ ! -f "$db" ]]; then
    echo "generating $db …"
    HOCTAP="$binary" bash Benchmarks/progress-store/make-report-db.sh "$db.tmp" "$learners" "$attempts" "$attempts" \
        $((learners * 3))
    mv "$db.tmp" "$db"; for s in -wal -shm; do [[ -f "$db.tmp$s" ]] && mv "$db.tmp$s" "$db$s"; done
fi
work="$(mktemp -d)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# A commune staff account for the run (created once; the password from standard input).
password="bench-dashboard-password"
"$binary" staff list --db "$db" --content Content 2>/dev/null | grep -q "bench-dashboard" \
    || echo "$password" | "$binary" staff add bench-dashboard --role can-bo-xa --db "$db" --content Content >/dev/null

# The CLI's figures for the same year, best of 3.
best_cli=""
for _ in 1 2 3; do
    start=$(date +%s%N)
    "$binary" report figures --year 2026 --db "$db" --content Content >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [[ -z "$best_cli" || "$ms" -lt "$best_cli" ]] && best_cli=$ms
done

"$binary" serve --port "$port" --db "$db" >"$work/serve.log" 2>&1 &
server_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
jar="$work/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/can-bo/dang-nhap" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "username=bench-dashboard" \
    --data-urlencode "password=$password" "http://127.0.0.1:$port/can-bo/dang-nhap"
cookie=$(awk '$6 == "hoctap_can_bo" { print "hoctap_can_bo=" $7 }' "$jar")
[[ -n "$cookie" ]] || { echo "staff sign-in failed" >&2; cat "$work/serve.log" >&2; exit 1; }
dashboard="http://127.0.0.1:$port/can-bo/tong-quan"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$dashboard")
[[ "$status" == 200 ]] || { echo "dashboard answered $status" >&2; exit 1; }

measure() { # url connections [cookie]
    local threads=$(( $2 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$2" -d"${duration}s" --timeout 120s --latency ${3:+-H "Cookie: $3"} "$1" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { bad = $NF }
        END { printf "%s %.2f %.2f %d\n", rps, p50, p99, bad + 0 }'
}
lesson="http://127.0.0.1:$port/khoa-hoc/ky-nang-so-co-ban/bai/01-lam-quen-dien-thoai"
read -r d1_rps d1_p50 d1_p99 d1_bad < <(measure "$dashboard" 1 "$cookie")
read -r d10_rps d10_p50 d10_p99 d10_bad < <(measure "$dashboard" 10 "$cookie")
read -r l1_rps l1_p50 l1_p99 _ < <(measure "$lesson" 1)
echo
echo "Dashboard over $learners learners and $attempts attempts ($(( $(stat -c %s "$db") / 1048576 )) MiB), ${duration} s per run"
echo
echo "| measure | requests/s | p50 ms | p99 ms | non-2xx |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| dashboard, 1 connection | $d1_rps | $d1_p50 | $d1_p99 | $d1_bad |"
echo "| dashboard, 10 connections | $d10_rps | $d10_p50 | $d10_p99 | $d10_bad |"
echo "| lesson page, 1 connection (reference) | $l1_rps | $l1_p50 | $l1_p99 | |"
echo
echo "hoctap report figures --year 2026 (CLI, best of 3): $best_cli ms; dashboard p50 / CLI figures:" \
     "$(python3 -c "print(f'{$d1_p50 / $best_cli:.2f}')")"
