#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the PostgreSQL half of the tests (make test-postgres, .ci/run).
#   scripts/postgres-cluster.sh start DIR [PORT]   initdb into DIR, start on 127.0.0.1:PORT (55432), print its address
#   scripts/postgres-cluster.sh stop DIR            stop it and remove DIR
# PG_MAX_CONNECTIONS (300) raises the server's connection limit (a benchmark's hundred servers need more).
# PostgreSQL refuses to run as root: as root the cluster belongs to the system user hoctap-ci (made if missing).
# Installs Debian's postgresql when its programs are missing (apt-get, as root or through sudo).
set -euo pipefail

command=${1:?start or stop}
dir=${2:?a directory for the cluster}
port=${3:-55432}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ "$command" = start ] && [ -z "$bin" ]; then
    echo "Installing PostgreSQL (Debian's postgresql)" >&2
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        su hoctap-ci -s /bin/sh -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

case "$command" in
start)
    if [ "$(id -u)" -eq 0 ] && ! id hoctap-ci >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin hoctap-ci
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown hoctap-ci "$dir"
    chmod 700 "$dir"
    # Trust on loopback only: the cluster lives for one test run and listens on 127.0.0.1 alone.
    as_owner "$bin/initdb" -D "$dir/data" -U hoctap --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -p $port -h 127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=${PG_MAX_CONNECTIONS:-300}" start >&2
    then
        # Say why before the caller's clean-up removes the log (a port in use, a shared memory limit …).
        echo "PostgreSQL did not start on 127.0.0.1:$port; its log:" >&2
        tail -n 20 "$dir/server.log" >&2 || true
        exit 1
    fi
    echo "postgres://hoctap@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
