#!/usr/bin/env bash
# The PostgreSQL store, against pgbench on the same server in the same run, in two parts (PARTS="probe city"):
#   probe: durable attempt submissions per second through PostgresStore (`hoctap db write-probe --database …`),
#     with COMMUNES processes (one commune each) of WRITERS writers (kiosks, one learner each), against
#     pgbench's own single-row INSERT transactions with as many clients;
#   city: SERVERS `hoctap serve` instances (one commune each, CONNECTIONS database connections each) with KIOSKS
#     kiosks each submitting through HTTP (city_kiosks.py), against pgbench with as many clients as the servers
#     hold connections; then the acknowledged submissions counted in the database, and pgbench calling the
#     submission function itself (lesson checks) with as many clients.
# Starts a throwaway cluster on 127.0.0.1:PG_BENCH_PORT (55433) as an unprivileged user, stops it at the end.
# Environment: SUBMISSIONS (per commune and measurement, default 2000), COMMUNES ("1 4"), WRITERS ("1 16"),
# SERVERS (100), KIOSKS (20), CONNECTIONS (2), KIOSK_SUBMISSIONS (5), SECONDS_PGBENCH (10), HOCTAP (a hoctap
# binary to measure instead of building one).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/hoctap-bench-postgres.XXXXXX)
cluster=$(mktemp -d /tmp/hoctap-bench-cluster.XXXXXX)  # its own folder: the cluster runs as another user
servers_running=()
trap '[ ${#servers_running[@]} -eq 0 ] || kill "${servers_running[@]}" 2>/dev/null || true; wait; bash scripts/postgres-cluster.sh stop "$cluster"; rm -rf "$work"' EXIT
hoctap=$(bash Benchmarks/hoctap-binary.sh)
servers=${SERVERS:-100}
connections=${CONNECTIONS:-2}
address=$(PG_MAX_CONNECTIONS=$((servers * connections + 50)) \
          bash scripts/postgres-cluster.sh start "$cluster" "${PG_BENCH_PORT:-55433}")
server=${address%/postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
submissions=${SUBMISSIONS:-2000}
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1, $(nproc) cores; synchronous_commit=on, fsync=on"

# pgbench's single-row INSERT transactions at $1 clients into a fresh table: transactions per second.
pgbench_inserts() {
  psql "$server/postgres" -c "DROP DATABASE IF EXISTS bare" -c "CREATE DATABASE bare"
  psql "$server/bare" -c "CREATE TABLE bare (id bigserial PRIMARY KEY, client integer NOT NULL, at timestamptz NOT NULL)"
  echo 'INSERT INTO bare (client, at) VALUES (:client_id, now());' > "$work/bare.sql"
  "$bin/pgbench" -h 127.0.0.1 -p "${PG_BENCH_PORT:-55433}" -U hoctap -n -c "$1" -j 2 \
    -T "${SECONDS_PGBENCH:-10}" -f "$work/bare.sql" bare 2>/dev/null | awk '/^tps/ { print $3 }'
}

# A second reference: pgbench calling hoctap_record_attempt itself, one learner per client (the server's own
# cost of a submission, without the Swift client), into the city database just written: pgbench_function CLIENTS
# FINAL, FINAL true for a five-question final quiz (what the probes write), false for a lesson check (what the
# city's kiosks submit, which adds to no figures row shared by a commune's learners).
cat > "$work/function.sql" <<'SQL'
\set n random(1, 1000000000)
SELECT * FROM hoctap_record_attempt('pgbench-fn', 'pg-' || :client_id || '-' || :n, :first + :client_id, 'probe', 1,
  'probe/quiz', :final, 1, now() - interval '1 minute', now(), 4, 5, 5, 80, 80, true, NULL,
  ARRAY['probe/quiz/0', 'probe/quiz/1', 'probe/quiz/2', 'probe/quiz/3', 'probe/quiz/4'],
  ARRAY['0123456789abcdef', '0123456789abcdef', '0123456789abcdef', '0123456789abcdef', '0123456789abcdef'],
  ARRAY['{"choices":{"_0":["a"]}}', '{"choices":{"_0":["a"]}}', '{"choices":{"_0":["a"]}}', '{"choices":{"_0":["a"]}}', '{"choices":{"_0":["a"]}}'],
  ARRAY[1, 1, 1, 1, 0]::bigint[], ARRAY[1, 1, 1, 1, 1]::bigint[]);
SQL
pgbench_function() {
  "$hoctap" db write-probe --database "$server/city" --commune pgbench-fn --writers "$1" --count 1 > /dev/null
  first=$(psql "$server/city" -At -c "SELECT MIN(id) FROM learner WHERE commune_id = 'pgbench-fn'")
  "$bin/pgbench" -h 127.0.0.1 -p "${PG_BENCH_PORT:-55433}" -U hoctap -n -c "$1" -j 2 -D first="$first" -D final="$2" \
    -T "${SECONDS_PGBENCH:-10}" -f "$work/function.sql" city 2>/dev/null | awk '/^tps/ { print $3 }'
}

case " ${PARTS:-probe city} " in *" probe "*)
echo "communes × writers | pgbench INSERT tx/s | pgbench hoctap_record_attempt tx/s | hoctap attempts/s | ratio to INSERT | ratio to the function"
for communes in ${COMMUNES:-1 4}; do
  for writers in ${WRITERS:-1 16}; do
    clients=$((communes * writers))
    # Reference: pgbench, as many clients, one-row INSERT transactions into a fresh table.
    tps=$(pgbench_inserts "$clients")
    # hoctap: one process per commune into one fresh city database, all at once; rate over the whole run.
    psql "$server/postgres" -c "DROP DATABASE IF EXISTS city" -c "CREATE DATABASE city"
    # Migrate once before the clock starts (the probes would otherwise wait for each other's migration).
    "$hoctap" db write-probe --database "$server/city" --commune warm-up --count 1 > /dev/null
    start=$(now_ms)
    pids=()
    for c in $(seq 1 "$communes"); do
      "$hoctap" db write-probe --database "$server/city" --commune "xa-$c" --writers "$writers" \
        --count $((submissions / writers)) > "$work/probe-$c.out" & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    elapsed=$(( $(now_ms) - start ))
    written=$(psql "$server/city" -At -c "SELECT COUNT(*) FROM attempt" 2>/dev/null || echo "?")
    # The app role sees no commune's rows without app.commune: count as the owner (a superuser here).
    total=$((communes * (submissions / writers) * writers))
    rate=$(python3 -c "import sys; print(f'{int(sys.argv[1]) * 1000 / max(int(sys.argv[2]), 1):.0f}')" "$total" "$elapsed")
    ratio=$(python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}')" "$rate" "$tps")
    function_tps=$(pgbench_function "$clients" true)
    to_function=$(python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}')" "$rate" "$function_tps")
    echo "$communes × $writers | ${tps%.*} | ${function_tps%.*} | $rate ($total written, $written rows) | $ratio | $to_function"
  done
done
;; esac

case " ${PARTS:-probe city} " in *" city "*)
kiosks=${KIOSKS:-20}
clients=$((servers * connections))
echo "city: $servers servers × $kiosks kiosks, $connections database connections per server"
tps=$(pgbench_inserts "$clients")
psql "$server/postgres" -c "DROP DATABASE IF EXISTS city" -c "CREATE DATABASE city"
"$hoctap" db write-probe --database "$server/city" --commune warm-up --count 1 > /dev/null
: > "$work/servers.txt"
for i in $(seq 1 "$servers"); do
  port=$((18100 + i))
  "$hoctap" serve --database "$server/city?connections=$connections" --commune "xa-$i" --port "$port" \
    --courses Courses --content Content > "$work/serve-$i.log" 2>&1 & servers_running+=($!)
  echo "xa-$i $port" >> "$work/servers.txt"
done
# Every server answering before the kiosks start (each migrates nothing: the warm-up did).
for i in $(seq 1 "$servers"); do
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$((18100 + i))/api/v1/units" > /dev/null && break
    sleep 0.2
  done
done
python3 Benchmarks/postgres/city_kiosks.py --servers "$work/servers.txt" --kiosks "$kiosks" \
  --submissions "${KIOSK_SUBMISSIONS:-5}" --acks "$work/acks.txt" > "$work/city.json"
rss=$(for pid in "${servers_running[@]}"; do awk '/^VmRSS/ { print $2 }' "/proc/$pid/status"; done \
      | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')
stored=$(psql "$server/city" -At -c "SELECT COUNT(*) FROM attempt WHERE submission_id LIKE 'city-%'")
# The servers stopped, the second reference: pgbench calling the submission function itself for lesson checks,
# with as many clients, into the same database.
kill "${servers_running[@]}"; wait "${servers_running[@]}" 2>/dev/null || true; servers_running=()
function_tps=$(pgbench_function "$clients" false)
python3 - "$work/city.json" "$tps" "$stored" "$rss" "$work/acks.txt" "$clients" "$function_tps" <<'PY'
import json, sys
run = json.load(open(sys.argv[1])); tps = float(sys.argv[2]); stored = int(sys.argv[3])
acks = len(open(sys.argv[5]).read().split())
print(f"kiosks {run['kiosks']} on {run['servers']} servers: {run['acknowledged']} acknowledged in {run['seconds']} s "
      f"(prepared in {run['prepare_seconds']} s), {run['failures']} failed"
      + (f" (first: {run['first_failure']})" if run['first_failure'] else ""))
print(f"durable submissions through HTTP: {run['rate']:.0f}/s | pgbench INSERT, {sys.argv[6]} clients: {tps:.0f} tx/s "
      f"| ratio {run['rate'] / tps:.2f}")
function_tps = float(sys.argv[7])
print(f"pgbench calling hoctap_record_attempt for lesson checks, {sys.argv[6]} clients: {function_tps:.0f} tx/s "
      f"({function_tps / tps:.2f} of INSERT) | the kiosks' rate to it: {run['rate'] / function_tps:.2f}")
cpu = run["cpu_seconds"]
print(f"processor time while submitting: {sum(cpu.values()):.1f} s of {run['seconds'] * __import__('os').cpu_count():.1f} s "
      f"available: PostgreSQL {cpu['postgres']} s, the hoctap servers {cpu['hoctap']} s, the driver {cpu['driver']} s, "
      f"other {cpu['other']} s; per acknowledged submission "
      + ", ".join(f"{kind} {cpu[kind] * 1000 / max(run['acknowledged'], 1):.2f} ms" for kind in ("postgres", "hoctap", "driver")))
print(f"acknowledged {acks} = stored {stored}: {'yes' if acks == stored else 'NO'}; "
      f"servers' resident memory {sys.argv[4]} MB in all")
sys.exit(0 if acks == stored and run['failures'] == 0 else 1)
PY
;; esac
