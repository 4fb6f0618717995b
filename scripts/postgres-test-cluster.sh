#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the storage tests (docs/STORAGE.md).
#
#   eval "$(scripts/postgres-test-cluster.sh start)"   # prints: export DVC_TEST_POSTGRES_URL=postgres://dvc@127.0.0.1:PORT/dvc
#   scripts/postgres-test-cluster.sh status             # prints the URL and exits 0 while the cluster runs
#   scripts/postgres-test-cluster.sh stop               # stops the cluster and deletes its folder
#
# The cluster is for tests only: trust authentication on loopback (no password), fsync off, max_connections=200.
# Its data folder lives under /tmp and is recorded in a state file (DVC_PG_STATE_FILE, default
# /tmp/dvc-postgres-test-cluster.state) so that `stop` finds it. Running `start` twice prints the running cluster's
# URL again; `stop` without a cluster does nothing. Only the export line goes to stdout; progress goes to stderr.
# When initdb is missing, Debian's `postgresql` package is installed with apt-get (needs root).
set -euo pipefail

STATE_FILE=${DVC_PG_STATE_FILE:-/tmp/dvc-postgres-test-cluster.state}
FIRST_PORT=${DVC_PG_PORT:-55432}

log() { echo "postgres-test-cluster: $*" >&2; }

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            log "initdb not found and not root: install Debian's postgresql package first"
            exit 1
        fi
        log "installing Debian's postgresql package"
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$dir"
}

# Runs a PostgreSQL tool as the cluster's owner: `postgres` when we are root (initdb refuses root), else ourselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port=$FIRST_PORT
    while port_in_use "$port"; do
        port=$((port + 1))
        if ((port > FIRST_PORT + 200)); then
            log "no free port from $FIRST_PORT to $port"
            exit 1
        fi
    done
    echo "$port"
}

read_state() {
    PGDATA_DIR=""
    PG_PORT=""
    [[ -f "$STATE_FILE" ]] || return 1
    # The state file holds two lines written by `start`: PGDATA_DIR=… and PG_PORT=…
    PGDATA_DIR=$(sed -n 's/^PGDATA_DIR=//p' "$STATE_FILE")
    PG_PORT=$(sed -n 's/^PG_PORT=//p' "$STATE_FILE")
    [[ -n "$PGDATA_DIR" && -n "$PG_PORT" ]]
}

url() { echo "postgres://dvc@127.0.0.1:$1/dvc"; }

# Running: pg_ctl sees a live postmaster and the port answers (a killed postmaster can linger as a zombie).
running() {
    local bin=$1
    [[ -n "$PGDATA_DIR" && -d "$PGDATA_DIR" ]] || return 1
    as_owner "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1 || return 1
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 5
}

remove_cluster() {
    local bin=$1
    if [[ -n "$PGDATA_DIR" && -d "$PGDATA_DIR" ]]; then
        if running "$bin"; then
            as_owner "$bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null ||
                log "pg_ctl stop failed; deleting the folder anyway"
        fi
        case "$PGDATA_DIR" in
            /tmp/dvc-pg.*) rm -rf "$PGDATA_DIR" ;;
            *) log "not deleting $PGDATA_DIR: not a folder this script made" ;;
        esac
    fi
    rm -f "$STATE_FILE"
}

start() {
    local bin port
    bin=$(pg_bin)
    if read_state; then
        if running "$bin"; then
            log "already running in $PGDATA_DIR"
            echo "export DVC_TEST_POSTGRES_URL=$(url "$PG_PORT")"
            return 0
        fi
        log "removing a stale cluster in $PGDATA_DIR"
        remove_cluster "$bin"
    fi
    port=$(free_port)
    PGDATA_DIR=$(mktemp -d /tmp/dvc-pg.XXXXXX)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PGDATA_DIR"
    printf 'PGDATA_DIR=%s\nPG_PORT=%s\n' "$PGDATA_DIR" "$port" >"$STATE_FILE"
    if ! as_owner "$bin/initdb" -D "$PGDATA_DIR" -U dvc -A trust -E UTF8 --no-locale --no-sync >"$PGDATA_DIR.initdb.log" 2>&1; then
        log "initdb failed:"
        cat "$PGDATA_DIR.initdb.log" >&2
        rm -f "$PGDATA_DIR.initdb.log"
        remove_cluster "$bin"
        exit 1
    fi
    rm -f "$PGDATA_DIR.initdb.log"
    # Trust on loopback only: no other hosts are allowed, and the server listens on 127.0.0.1 alone.
    as_owner tee "$PGDATA_DIR/pg_hba.conf" >/dev/null <<'EOF'
local all all trust
host all all 127.0.0.1/32 trust
EOF
    if ! as_owner "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $PGDATA_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        log "the server did not start:"
        cat "$PGDATA_DIR/server.log" >&2 || true
        remove_cluster "$bin"
        exit 1
    fi
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U dvc dvc
    log "started in $PGDATA_DIR on 127.0.0.1:$port"
    echo "export DVC_TEST_POSTGRES_URL=$(url "$port")"
}

stop() {
    local bin
    if ! read_state; then
        log "no cluster recorded in $STATE_FILE"
        rm -f "$STATE_FILE"
        return 0
    fi
    bin=$(pg_bin)
    remove_cluster "$bin"
    log "stopped and removed $PGDATA_DIR"
}

status() {
    local bin
    bin=$(pg_bin)
    if read_state && running "$bin"; then
        url "$PG_PORT"
        return 0
    fi
    log "not running"
    return 1
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
