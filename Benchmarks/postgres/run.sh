#!/usr/bin/env bash
# The PostgreSQL store, against pgbench on the same server in the same run:
#   durable attempt submissions per second through PostgresStore (`hoctap db write-probe --database …`), with
#   COMMUNES processes (one commune each, as `hoctap serve` instances would be) of WRITERS writers (kiosks, one
#   learner each), against pgbench's own single-row INSERT transactions with as many clients.
# Starts a throwaway cluster on 127.0.0.1:PG_BENCH_PORT (55433) as an unprivileged user, stops it at the end.
# Environment: SUBMISSIONS (per commune and measurement, default 2000), COMMUNES ("1 4"), WRITERS ("1 16"),
# SECONDS_PGBENCH (10), HOCTAP (a hoctap binary to measure instead of building one).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/hoctap-bench-postgres.XXXXXX)
cluster=$(mktemp -d /tmp/hoctap-bench-cluster.XXXXXX)  # its own folder: the cluster runs as another user
trap 'bash scripts/postgres-cluster.sh stop "$cluster"; rm -rf "$work"' EXIT
if [ -n "${HOCTAP:-}" ]; then
  hoctap=$HOCTAP
else
  swift build -c release --product hoctap --scratch-path .build-bench > "$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
  hoctap=.build-bench/release/hoctap
fi
address=$(bash scripts/postgres-cluster.sh start "$cluster" "${PG_BENCH_PORT:-55433}")
server=${address%/postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
submissions=${SUBMISSIONS:-2000}
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1, $(nproc) cores; synchronous_commit=on, fsync=on"
echo "communes × writers | pgbench INSERT tx/s | hoctap attempts/s | ratio"
for communes in ${COMMUNES:-1 4}; do
  for writers in ${WRITERS:-1 16}; do
    clients=$((communes * writers))
    # Reference: pgbench, as many clients, one-row INSERT transactions into a fresh table.
    psql "$server/postgres" -c "DROP DATABASE IF EXISTS bare" -c "CREATE DATABASE bare"
    psql "$server/bare" -c "CREATE TABLE bare (id bigserial PRIMARY KEY, client integer NOT NULL, at timestamptz NOT NULL)"
    echo 'INSERT INTO bare (client, at) VALUES (:client_id, now());' > "$work/bare.sql"
    tps=$("$bin/pgbench" -h 127.0.0.1 -p "${PG_BENCH_PORT:-55433}" -U hoctap -n -c "$clients" -j 2 \
            -T "${SECONDS_PGBENCH:-10}" -f "$work/bare.sql" bare 2>/dev/null | awk '/^tps/ { print $3 }')
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
    echo "$communes × $writers | ${tps%.*} | $rate ($total written, $written rows) | $ratio"
  done
done
