#!/usr/bin/env bash
# Benchmark of `hoctap serve` (not a test): a lesson page at 1 and 50 connections against nginx serving the same
# lesson HTML as a static file, resident memory idle and under that load, and time from start to the first
# served page; durable quiz submissions at 50 connections against bare sqlite3 INSERT transactions. One run;
# prints Markdown tables to paste into README.md.
#
# Needs Debian's `wrk` and `nginx` (apt-get install -y wrk nginx) and a release build
# (swift build -c release --scratch-path .build-web --product hoctap). Usage: Benchmarks/web/run.sh [seconds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-10}"
binary="${HOCTAP_BINARY:-$root/.build-web/release/hoctap}"
work="$(mktemp -d)"
chmod 755 "$work"   # nginx's workers run as an unprivileged user and must read the files
hoctap_port=8191
nginx_port=8192
lesson="/khoa-hoc/ky-nang-so-co-ban/bai/01-lam-quen-dien-thoai"
hoctap_pid=""
nginx_pid=""
cleanup() {
    [[ -n "$hoctap_pid" ]] && kill "$hoctap_pid" 2>/dev/null || true
    [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx curl)" >&2; exit 1; }
done
[[ -x "$binary" ]] || { echo "no release build at $binary" >&2; exit 1; }

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$1/status"; }
now_ns() { date +%s%N; }

# Time from start to the first served lesson page (fresh database: created and migrated on the way).
cd "$root"
start=$(now_ns)
"$binary" serve --port "$hoctap_port" --db "$work/bench.sqlite" >"$work/hoctap.log" 2>&1 &
hoctap_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$hoctap_port$lesson"; do sleep 0.005; done
first_page_ms=$(( ($(now_ns) - start) / 1000000 ))
sleep 1
idle_rss=$(rss_kb "$hoctap_pid")

# nginx serving the very same HTML and stylesheet as static files.
mkdir -p "$work/www/static" "$work/nginx"
curl -sf "http://127.0.0.1:$hoctap_port$lesson" >"$work/www/lesson.html"
cp "$root/Content/web/static/kiosk.css" "$work/www/static/"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/html html; text/css css; }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location = $lesson { default_type "text/html; charset=utf-8"; try_files /lesson.html =404; }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port$lesson" && break; sleep 0.05; done
curl -sf -o /dev/null "http://127.0.0.1:$nginx_port$lesson" || { cat "$work/nginx/error.log" >&2; exit 1; }

# wrk: requests/s, p50 and p99 latency (ms).
measure() { # url connections
    local threads=$(( $2 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$2" -d"${duration}s" --latency "$1" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { bad = $NF }
        END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

declare -A result
for c in 1 50; do
    result[hoctap_$c]=$(measure "http://127.0.0.1:$hoctap_port$lesson" "$c")
    result[nginx_$c]=$(measure "http://127.0.0.1:$nginx_port$lesson" "$c")
done
load_rss=$(hwm_kb "$hoctap_pid")

# Durable quiz submissions at 50 connections against bare sqlite3 INSERT transactions (see submissions.py).
read -r submitted http_rate bare_rate failed < <(python3 "$root/Benchmarks/web/submissions.py" "$hoctap_port" "$work")

bytes=$(wc -c <"$work/www/lesson.html")
echo "Lesson page: $lesson ($bytes bytes), ${duration}s per run, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| measure | hoctap serve | nginx (static) | ratio hoctap/nginx |"
echo "| --- | ---: | ---: | ---: |"
for c in 1 50; do
    read -r h_rps h_p50 h_p99 h_bad <<<"${result[hoctap_$c]}"
    read -r n_rps n_p50 n_p99 n_bad <<<"${result[nginx_$c]}"
    echo "| requests/s, $c connection(s) | $h_rps | $n_rps | $(awk "BEGIN { printf \"%.0f%%\", 100 * $h_rps / $n_rps }") |"
    echo "| p50 ms, $c connection(s) | $h_p50 | $n_p50 | $(awk "BEGIN { printf \"%.1f×\", $h_p50 / ($n_p50 > 0 ? $n_p50 : 0.001) }") |"
    echo "| p99 ms, $c connection(s) | $h_p99 | $n_p99 | $(awk "BEGIN { printf \"%.1f×\", $h_p99 / ($n_p99 > 0 ? $n_p99 : 0.001) }") |"
    [[ "$h_bad" != 0 ]] && echo "| non-2xx answers, $c connection(s) | $h_bad | $n_bad | |"
done
echo
echo "| measure | hoctap serve | aim |"
echo "| --- | ---: | --- |"
echo "| resident memory idle | $((idle_rss / 1024)) MB | |"
echo "| resident memory peak under load | $((load_rss / 1024)) MB | under 50 MB |"
echo "| start to first lesson page (fresh database) | ${first_page_ms} ms | within 200 ms |"
echo
echo "| measure | hoctap serve (HTTP, 50 connections) | 16 sqlite3 processes, bare INSERT | ratio |"
echo "| --- | ---: | ---: | ---: |"
echo "| durable submissions/s ($submitted attempts, $failed refused) | $http_rate | $bare_rate | $(awk "BEGIN { printf \"%.0f%%\", 100 * $http_rate / $bare_rate }") |"
