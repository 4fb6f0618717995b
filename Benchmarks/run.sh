#!/usr/bin/env bash
# Builds OpenDVC and its benchmarks in release mode and prints the figures for docs/PERFORMANCE.md:
# HC1 verification and issuance; every format's verification and issuance; the stages of an SHC and a VC
# verification, and an SHC verification over one card against 500 distinct cards; QR encoding (next to libqrencode, from Debian libqrencode-dev) and rendering.
#   Benchmarks/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
swift build -c release --product dvc >/dev/null
dvc=$(swift build -c release --show-bin-path)/dvc
cd Benchmarks
# SwiftPM keeps the source list of a path dependency in the build description and misses files added
# since the last build; dropping the description makes it look again.
rm -f .build/*/release/description.json
swift build -c release >/dev/null
bin=$(swift build -c release --show-bin-path)
"$bin/HC1Benchmark" --seconds "$seconds" --dvc "$dvc"
echo
"$bin/FormatsBenchmark" --seconds "$seconds"
echo
"$bin/VerificationStages"
echo
"$bin/VerificationStages" spread-shc
echo
"$bin/QRBenchmark" --seconds "$(awk -v s="$seconds" 'BEGIN { print s / 5 }')"
