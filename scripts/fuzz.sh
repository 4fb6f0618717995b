#!/usr/bin/env bash
# Builds each libFuzzer target with AddressSanitizer and runs it for a bounded time.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default 30 s; targets: FuzzCBOR FuzzHC1 FuzzJSON FuzzQR FuzzJWS FuzzSHC FuzzMQTT FuzzTelemetry FuzzRevocation FuzzTrustList)
# Seeds are made from the test data (below) and copied from Fuzz/seeds/<Target>/ when present. A crash fails the run and leaves the input
# in .build-fuzz/artifacts/; keep it as a named regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(FuzzCBOR FuzzHC1 FuzzJSON FuzzQR FuzzJWS FuzzSHC FuzzMQTT FuzzTelemetry FuzzRevocation FuzzTrustList)

mkdir -p .build-fuzz/artifacts
testdata=${DVC_TESTDATA:-../shared/testdata}

# Seeds from the EU DCC test vectors: QR text for FuzzHC1, COSE and CBOR bytes for FuzzCBOR,
# JSON payloads for FuzzJSON, QR text behind a control byte for FuzzQR.
make_seeds() {
  mkdir -p "$2"
  python3 - "$1" "$2" "$testdata/dgc-testdata" <<'PY'
import glob, json, os, sys
target, out, root = sys.argv[1:4]
files = sorted(glob.glob(os.path.join(root, "**", "*.json"), recursive=True))[::8]
if target in ("FuzzJWS", "FuzzSHC"):
    # SMART Health Card seeds: spec example JWS / numeric QR texts and the dev-tools fixtures.
    shc = os.path.join(os.path.dirname(root), "shc", "examples")
    devtools = os.path.join(os.path.dirname(root), "shc-devtools")
    pattern = "*-d-jws*.txt" if target == "FuzzJWS" else "*-f-qr-code-numeric*.txt"
    for index, path in enumerate(sorted(glob.glob(os.path.join(shc, pattern)) + glob.glob(os.path.join(devtools, pattern)))):
        open(os.path.join(out, f"shc-{index}"), "wb").write(open(path, "rb").read())
    files = []
for index, path in enumerate(files):
    try:
        test = json.load(open(path, encoding="utf-8"))
    except Exception:
        continue
    if not isinstance(test, dict):
        continue
    blobs = []
    if target == "FuzzHC1" and isinstance(test.get("PREFIX"), str):
        blobs.append(test["PREFIX"].encode())
    if target == "FuzzQR" and isinstance(test.get("PREFIX"), str):
        # First byte: error correction level (bits 0-1) and an optional forced mask (bits 2-5).
        blobs.append(bytes([index % 64]) + test["PREFIX"].encode())
    if target == "FuzzCBOR":
        for key in ("COSE", "CBOR"):
            try:
                blobs.append(bytes.fromhex(test.get(key, "")))
            except ValueError:
                pass
    if target == "FuzzJSON" and "JSON" in test:
        blobs.append(json.dumps(test["JSON"], ensure_ascii=False).encode())
    for number, blob in enumerate(b for b in blobs if b):
        open(os.path.join(out, f"seed-{index}-{number}"), "wb").write(blob)
PY
}
for target in "${targets[@]}"; do
  echo "== fuzz $target (${seconds}s)"
  # SwiftPM passes --sanitize=fuzzer and --sanitize=address as two -sanitize= flags of which swiftc keeps
  # only the last, so both go to the compiler in one flag: coverage instrumentation and ASan together.
  swift build -c debug --scratch-path .build-fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
    -Xswiftc -parse-as-library --product "$target" 2>&1 | grep -E "error:|Build complete" || true
  binary=.build-fuzz/debug/$target
  [ -x "$binary" ] || { echo "fuzz target $target did not build" >&2; exit 1; }
  corpus=.build-fuzz/corpus-$target
  mkdir -p "$corpus"
  seeds=.build-fuzz/seeds-$target
  make_seeds "$target" "$seeds"
  [ -d "Fuzz/seeds/$target" ] && cp Fuzz/seeds/"$target"/* "$seeds"/
  extra=()
  # Longer inputs reach the version-40 capacity limits (7,089 digits at most).
  [ "$target" = FuzzQR ] && extra=(-max_len=8192)
  set +e
  "$binary" "${extra[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=.build-fuzz/artifacts/ "$corpus" "$seeds" 2>&1 \
    | grep -E "INITED|DONE|ERROR|SUMMARY|crash|leak|stat::(number_of_executed_units|average_exec_per_sec)|Loaded"
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 0 ] || { echo "fuzz target $target failed (status $status); input in .build-fuzz/artifacts/" >&2; exit 1; }
done
