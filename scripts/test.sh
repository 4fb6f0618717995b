#!/usr/bin/env bash
# Runs every OpenDVC test on a fresh Debian machine: installs what the tests need, starts a throw-away
# PostgreSQL cluster, runs the Swift test suite, then each libFuzzer target for a bounded time.
#   FUZZ_SECONDS=N   seconds per fuzz target (default 30; 0 skips fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-dependencies.sh

# The storage conformance suite runs against PostgreSQL too: a throw-away cluster on loopback, stopped on exit.
echo "== starting a throw-away PostgreSQL cluster"
eval "$(scripts/postgres-test-cluster.sh start)"
trap 'scripts/postgres-test-cluster.sh stop >/dev/null 2>&1 || true' EXIT

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
