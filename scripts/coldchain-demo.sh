#!/usr/bin/env bash
# The cold-chain demo on the embedded default (issue 6): a server on SQLite in a temporary folder; two shipments
# of one vaccine product captured as EPCIS 2.0 events; simulated loggers in both shipments report 12 hours of
# readings, one with an 11-hour heat excursion; that lot turns compromised and a vaccination with it is refused,
# the good lot's vaccination issues a certificate, and a recall of the good lot finds the holder.
#   scripts/coldchain-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product dvc >/dev/null
dvc=$(swift build --show-bin-path)/dvc
work=$(mktemp -d /tmp/dvc-coldchain-demo.XXXXXX)
"$dvc" serve --data "$work/data" --port 0 --log-level warning > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/serve.out")
export DVC_TOKEN; DVC_TOKEN=$(sed -n 's/^First admin token.*: \(dvc_.*\)$/\1/p' "$work/serve.out")
server=http://127.0.0.1:$port
say() { printf '\n== %s\n' "$*"; }

say "1. Custody as EPCIS 2.0 events: lots LOTHEAT1 and LOTGOOD1 commissioned, shipped in two logistic units, received"
python3 examples/coldchain/custody.py > "$work/custody.jsonld"
curl -s -X POST "$server/api/v1/epcis/capture" -H "Authorization: Bearer $DVC_TOKEN" \
  -H 'Content-Type: application/ld+json' --data-binary @"$work/custody.jsonld"; echo

say "2. A simulated logger in each shipment, 12 h of readings every 5 min; 11 h at +12 C in the first"
"$dvc" device simulate --server "$server" --loggers 1 --prefix shipment1 --location urn:epc:id:sscc:9521234.0000000001 \
  --batches 12 --readings-per-batch 12 --interval 300 --excursion heat@30+660
"$dvc" device simulate --server "$server" --loggers 1 --prefix shipment2 --location urn:epc:id:sscc:9521234.0000000002 \
  --batches 12 --readings-per-batch 12 --interval 300

say "3. The site scans each vial's DataMatrix"
"$dvc" lot status --server "$server" "]d20109521234543213""10LOTHEAT1" || echo "(exit status $?: do not use)"
"$dvc" lot status --server "$server" "]d20109521234543213""10LOTGOOD1"

record() { python3 -c "import json,sys; r=json.load(open('examples/vaccination-record.json')); r['vaccination']['lot']=sys.argv[1]; print(json.dumps({'record': r, 'formats': ['hc1']}))" "$1"; }
say "4. A vaccination with the compromised lot is refused"
curl -s -X POST "$server/api/v1/vaccinations" -H "Authorization: Bearer $DVC_TOKEN" -d "$(record LOTHEAT1)"; echo
say "5. A vaccination with the good lot issues a certificate"
curl -s -X POST "$server/api/v1/vaccinations" -H "Authorization: Bearer $DVC_TOKEN" -d "$(record LOTGOOD1)" \
  | python3 -c "import json,sys; c=json.load(sys.stdin); print('certificate', c['id'], c['certificates']['hc1']['payload'][:40] + '...')"

say "6. The manufacturer recalls the good lot: the affected holders, certificates revoked"
"$dvc" lot recall --server "$server" --reason "manufacturer recall" --revoke 09521234543213 LOTGOOD1
