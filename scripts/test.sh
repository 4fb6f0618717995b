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

# Suites that assert deadlines (an MQTT subscription within 60 s, an exit within 30 s after SIGTERM) run first,
# on their own. In one run with the ~1,000 other tests, their tasks queue behind every other test body on Swift's
# cooperative pool (two threads on a 2-core machine); CI simulations showed that backlog lasting 60-100 s.
timed='MQTTClientTests\.|ServerTests\.GracefulShutdownTests/'

run() {
  local label=$1
  shift
  echo "== $label"
  set +e
  "$@" 2>&1 | tee -a .build-test.log | grep --line-buffered -vE '^\[[0-9]+/[0-9]+\]|^◇ Test .* started\.$'
  local status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    echo "$label failed with status $status" >&2
    exit "$status"
  fi
}

rm -f .build-test.log
run "swift build --build-tests" swift build --build-tests
run "swift test: the suites with deadlines, alone" swift test --skip-build --filter "$timed"
run "swift test: everything else" swift test --skip-build --skip "$timed"

FUZZ_SECONDS=${FUZZ_SECONDS:-30}
if [ "$FUZZ_SECONDS" -gt 0 ]; then
  scripts/fuzz.sh "$FUZZ_SECONDS"
fi
echo "== all tests passed"
