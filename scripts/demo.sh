#!/usr/bin/env bash
# The main job on the embedded default, end to end: generate issuer keys, issue an EU DCC (HC1)
# from the example record, and verify it offline against the issuer's certificate.
#   OUT=DIR   where keys and the certificate go (default ./example-output)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-example-output}
swift build --product dvc
dvc=$(swift build --show-bin-path)/dvc
mkdir -p "$out"
"$dvc" keys generate --out "$out/keys" --country DE --organization "OpenDVC Demo Issuer" --force
"$dvc" issue --format hc1 --key "$out/keys/dsc.key.pem" --cert "$out/keys/dsc.pem" \
  examples/vaccination-record.json > "$out/certificate.hc1"
echo "Issued $out/certificate.hc1 ($(wc -c < "$out/certificate.hc1") bytes)"
"$dvc" verify --trust "$out/keys/dsc.pem" "$out/certificate.hc1"
"$dvc" verify --trust "$out/keys/dsc.pem" --json "$out/certificate.hc1" > "$out/verification.json"
echo "Verification result (JSON): $out/verification.json"
