#!/usr/bin/env bash
# Telemetry ingest throughput of a release `dvc serve` on loopback, signature verification included: simulated
# loggers (`dvc device simulate`, batches signed before sending starts) over HTTP (batches of 100 readings on
# keep-alive connections) and over MQTT through Mosquitto (QoS 1), on SQLite and on PostgreSQL.
#   Benchmarks/server/telemetry.sh [DEVICES] [BATCHES]
# Each run sends DEVICES x BATCHES batches of 100 readings (default 100 x 100 = 1,000,000 readings).
set -euo pipefail
cd "$(dirname "$0")/../.."
devices=${1:-100}
batches=${2:-100}
swift build -c release --product dvc >/dev/null
dvc=$(swift build -c release --show-bin-path)/dvc
work=$(mktemp -d /tmp/dvc-telemetry.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Mosquitto on a free port with a password file (Debian mosquitto).
mqtt_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mosquitto_passwd -b -c "$work/passwd" ingest secret
# As root, Mosquitto drops to the user `mosquitto`, which cannot read the private temporary folder: stay this user.
printf 'listener %s 127.0.0.1\nallow_anonymous false\npassword_file %s\npersistence false\nmax_queued_messages 100000\nuser %s\n' \
  "$mqtt_port" "$work/passwd" "$(id -un)" > "$work/mosquitto.conf"
/usr/sbin/mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
pids+=($!)
export DVC_MQTT_PASSWORD=secret
mqtt="mqtt://ingest@127.0.0.1:$mqtt_port"

start() { # start NAME ARGS...: dvc serve on a free port; sets PORT and TOKEN
  local name=$1; shift
  "$dvc" serve --port 0 --log-level error "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 300); do grep -q "listening on" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  PORT=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/$name.out")
  TOKEN=$(sed -n 's/^First admin token.*: \(dvc_.*\)$/\1/p' "$work/$name.out")
}

simulate() { # simulate LABEL TRANSPORT PREFIX
  local out rate
  out=$("$dvc" device simulate --server "http://127.0.0.1:$PORT" --token "$TOKEN" --transport "$2" --mqtt "$mqtt" \
    --loggers "$devices" --prefix "$3" --batches "$batches" --readings-per-batch 100 --interval 60 --connections 16)
  rate=$(echo "$out" | sed -n 's/.* \([0-9]*\) readings\/s$/\1/p')
  echo "| $1 | $rate | $(echo "$out" | sed -n 's/^\(Sent\|Published\) \(.*\)$/\2/p') |"
}

echo "dvc device simulate: $devices loggers x $batches batches x 100 readings per run, 16 connections; 2 cores shared by server, load and broker."
echo
echo "| run | readings/s | batches |"
echo "|---|---:|---|"
start sqlite --data "$work/sqlite" --mqtt "$mqtt" --mqtt-client-id bench-sqlite
simulate "SQLite, HTTP" http http
simulate "SQLite, MQTT through Mosquitto" mqtt mqtt
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

if [ -n "${DVC_TEST_POSTGRES_URL:-}" ] || eval "$(scripts/postgres-test-cluster.sh start)"; then
  base=${DVC_TEST_POSTGRES_URL%/*}
  database="dvc_telemetry_$$"
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  hostport=${base#postgres://*@}
  "$pgbin/createdb" -h "${hostport%:*}" -p "${hostport#*:}" -U dvc "$database"
  export DVC_MASTER_KEY; DVC_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
  start pg --data "$work/pg" --database "$base/$database" --mqtt "$mqtt" --mqtt-client-id bench-pg
  simulate "PostgreSQL, HTTP" http http
  simulate "PostgreSQL, MQTT through Mosquitto" mqtt mqtt
fi
