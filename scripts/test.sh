#!/usr/bin/env bash
# Runs every OpenDVC test on a fresh Debian machine: installs what the tests need, runs the
# Swift test suite, then each libFuzzer target for a bounded time.
#   FUZZ_SECONDS=N   seconds per fuzz target (default 30; 0 skips fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-dependencies.sh

echo "== swift test"
set +e
swift test 2>&1 | tee .build-test.log | grep --line-buffered -vE '^\[[0-9]+/[0-9]+\]|^◇ Test .* started\.$'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "swift test failed with status $status" >&2
  exit "$status"
fi

FUZZ_SECONDS=${FUZZ_SECONDS:-30}
if [ "$FUZZ_SECONDS" -gt 0 ]; then
  scripts/fuzz.sh "$FUZZ_SECONDS"
fi
echo "== all tests passed"
