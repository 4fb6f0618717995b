#!/usr/bin/env bash
# Load runs of the server on loopback with wrk (Debian package, installed here if missing):
# POST /api/v1/vaccinations issuing HC1+SHC, and POST /api/v1/verify, on SQLite and on PostgreSQL, then two
# servers on one PostgreSQL database; and `dvc verify --batch` over the same payload for the ratio.
#   Benchmarks/server/load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-16}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product dvc >/dev/null
dvc=$(swift build -c release --show-bin-path)/dvc
work=$(mktemp -d /tmp/dvc-load.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

python3 - "$work" <<'PY'
import json, sys
record = json.load(open("examples/vaccination-record.json"))
json.dump({"record": record, "formats": ["hc1", "shc"]}, open(sys.argv[1] + "/issue.json", "w"))
PY

# start NAME ARGS...: starts `dvc serve --port 0 ARGS`, sets PORT and TOKEN (the first admin token, if printed).
start() {
  local name=$1; shift
  "$dvc" serve --port 0 --log-level error "$@" > "$work/$name.out" 2> "$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 300); do grep -q "listening on" "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  PORT=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/$name.out")
  local token; token=$(sed -n 's/^First admin token.*: \(dvc_.*\)$/\1/p' "$work/$name.out")
  [ -n "$token" ] && TOKEN=$token
  return 0
}

# run LABEL URL BODYFILE: one wrk run, printed as a table row.
run() {
  local out
  out=$(DVC_BODY_FILE=$3 DVC_TOKEN=$TOKEN wrk -t1 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/server/post.lua "$2")
  local rate; rate=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
  local p50 p99 non2xx
  p50=$(echo "$out" | sed -n 's/^p50_ms \([0-9.]*\) p99_ms.*/\1/p'); p99=$(echo "$out" | sed -n 's/.*p99_ms \([0-9.]*\)$/\1/p')
  non2xx=$(echo "$out" | sed -n 's/^non2xx \([0-9]*\)$/\1/p')
  echo "| $1 | ${rate%.*} | $p50 | $p99 | $non2xx |"
  LAST_RATE=${rate%.*}
}

payload_file() { # payload_file PORT: a verify body with a fresh HC1 payload
  curl -s -X POST "localhost:$1/api/v1/vaccinations" -H "Authorization: Bearer $TOKEN" -d @"$work/issue.json" > "$work/issued.json"
  python3 -c "import json; d=json.load(open('$work/issued.json')); json.dump({'payload': d['certificates']['hc1']['payload']}, open('$work/verify.json','w')); open('$work/payload.txt','w').write(d['certificates']['hc1']['payload'] + '\n')"
}

echo "wrk -t1 -c$connections -d${seconds}s on loopback, 2 cores shared by server and load; HC1+SHC issued per request."
echo
echo "| run | requests/s | p50 ms | p99 ms | non-2xx |"
echo "|---|---:|---:|---:|---:|"
start sqlite --data "$work/sqlite"
run "SQLite: POST /api/v1/vaccinations (HC1+SHC)" "http://127.0.0.1:$PORT/api/v1/vaccinations" "$work/issue.json"
issue_sqlite=$LAST_RATE
payload_file "$PORT"
run "SQLite: POST /api/v1/verify (HC1)" "http://127.0.0.1:$PORT/api/v1/verify" "$work/verify.json"
verify_sqlite=$LAST_RATE
curl -s "localhost:$PORT/api/v1/trust/certificates" | python3 -c "
import json, sys
for entry in json.load(sys.stdin):
    if entry['role'] == 'dsc': open('$work/dsc.pem', 'a').write(entry['pem'])"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# dvc verify --batch over the same payload, 20,000 times: the CLI's throughput on the same machine.
python3 -c "import sys; p = open('$work/payload.txt').read(); open('$work/batch.txt', 'w').write(p * 20000)"
start_ns=$(date +%s%N)
"$dvc" verify --trust "$work/dsc.pem" --batch "$work/batch.txt" > /dev/null || true
batch_rate=$((20000 * 1000000000 / ($(date +%s%N) - start_ns)))

if [ -n "${DVC_TEST_POSTGRES_URL:-}" ] || eval "$(scripts/postgres-test-cluster.sh start)"; then
  base=${DVC_TEST_POSTGRES_URL%/*}
  database="dvc_load_$$"
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  hostport=${base#postgres://*@}
  "$pgbin/createdb" -h "${hostport%:*}" -p "${hostport#*:}" -U dvc "$database"
  export DVC_MASTER_KEY; DVC_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
  TOKEN=""
  start pg1 --data "$work/pg1" --database "$base/$database"
  run "PostgreSQL: POST /api/v1/vaccinations (HC1+SHC)" "http://127.0.0.1:$PORT/api/v1/vaccinations" "$work/issue.json"
  payload_file "$PORT"
  run "PostgreSQL: POST /api/v1/verify (HC1)" "http://127.0.0.1:$PORT/api/v1/verify" "$work/verify.json"
  port1=$PORT
  start pg2 --data "$work/pg2" --database "$base/$database"
  port2=$PORT
  DVC_BODY_FILE="$work/issue.json" DVC_TOKEN=$TOKEN wrk -t1 -c$((connections / 2)) -d"${seconds}s" -s Benchmarks/server/post.lua "http://127.0.0.1:$port1/api/v1/vaccinations" > "$work/two1.txt" &
  first=$!
  DVC_BODY_FILE="$work/issue.json" DVC_TOKEN=$TOKEN wrk -t1 -c$((connections / 2)) -d"${seconds}s" -s Benchmarks/server/post.lua "http://127.0.0.1:$port2/api/v1/vaccinations" > "$work/two2.txt" &
  second=$!
  wait "$first" "$second"
  r1=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/two1.txt"); r2=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/two2.txt")
  echo "| two servers, one PostgreSQL: POST /api/v1/vaccinations | ${r1%.*} + ${r2%.*} | | | $(sed -n 's/^non2xx //p' "$work/two1.txt") + $(sed -n 's/^non2xx //p' "$work/two2.txt") |"
  duplicates=$("$pgbin/psql" -h "${hostport%:*}" -p "${hostport#*:}" -U dvc -d "$database" -tAc \
    "SELECT count(*) FROM (SELECT format, identifier FROM certificate_payloads GROUP BY 1, 2 HAVING count(*) > 1) d")
  total=$("$pgbin/psql" -h "${hostport%:*}" -p "${hostport#*:}" -U dvc -d "$database" -tAc "SELECT count(*) FROM certificate_payloads")
  echo
  echo "PostgreSQL after the runs: $total payloads, $duplicates duplicate (format, identifier) pairs."
fi
echo
echo "SQLite issuance: $issue_sqlite requests/s = $((issue_sqlite * 2)) certificates/s (target ≥ 1,500)."
echo "SQLite verify endpoint: $verify_sqlite requests/s; dvc verify --batch: $batch_rate/s; ratio $(awk -v a="$verify_sqlite" -v b="$batch_rate" 'BEGIN { printf "%.2f", a / b }') (target ≥ 0.6)."
