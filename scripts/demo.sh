#!/usr/bin/env bash
# The main job on the embedded default, end to end: generate issuer keys, issue the example record in every
# format (EU DCC, SMART Health Card, ICAO VDS-NC, W3C VC) with QR codes, and verify each offline against the
# issuer's trust material (DSC, CSCA, JWKS), the format detected by the verifier.
#   OUT=DIR   where keys and certificates go (default ./example-output)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-example-output}
issuer=https://dvc.example/issuer
swift build --product dvc
dvc=$(swift build --show-bin-path)/dvc
mkdir -p "$out"
"$dvc" keys generate --out "$out/keys" --country DE --organization "OpenDVC Demo Issuer" --force
"$dvc" issue --all "$out/certificates" --qr png --issuer-url "$issuer" \
  --key "$out/keys/dsc.key.pem" --cert "$out/keys/dsc.pem" examples/vaccination-record.json
trust=(--trust "$out/keys/dsc.pem" --trust "$out/keys/csca.pem" --trust "$issuer=$out/keys/jwks.json")
for file in hc1.txt shc.txt vds.json vc.jwt; do
  echo "== $out/certificates/$file"
  "$dvc" verify "${trust[@]}" "$out/certificates/$file"
done
"$dvc" verify "${trust[@]}" --json "$out/certificates/hc1.txt" > "$out/verification.json"
echo "Verification result of the EU DCC (JSON): $out/verification.json"
echo "The EU DCC's QR code in the terminal:"
"$dvc" qr --ec Q "$out/certificates/hc1.txt"
