#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test of PesaGate. `.ci/run` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

echo "== build (debug, with tests)"
swift build --build-tests

echo "== menu compiler on the shipped menus"
.build/debug/pesagate menus check menus

echo "== swift test"
log=$(mktemp)
# XCTest only: the suites are XCTest, and Swift Testing's empty summary would otherwise close the log.
set +e
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E "^\s+Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -1 || true)
rm -f "$log"

echo "== scripted dialogues against a real pesagate run (HTTP, Kafka, SMPP)"
set +e
dialogue_output=$(bash scripts/dialogues.sh 2>&1)
dialogue_status=$?
set -e
echo "$dialogue_output"
dialogues_passed=$(echo "$dialogue_output" | sed -nE 's/^dialogues: ([0-9]+) passed, ([0-9]+) failed$/\1/p')
dialogues_failed=$(echo "$dialogue_output" | sed -nE 's/^dialogues: ([0-9]+) passed, ([0-9]+) failed$/\2/p')

echo "== SMPP interoperability: smpplib (PyPI) against smsc-sim, our ESME against Jasmin (PyPI)"
set +e
interop_output=$(bash simulators/interop-checks/run.sh 2>&1)
interop_status=$?
set -e
echo "$interop_output"
interop_passed=$(echo "$interop_output" | sed -nE 's/^interop: ([0-9]+) passed, ([0-9]+) failed$/\1/p')
interop_failed=$(echo "$interop_output" | sed -nE 's/^interop: ([0-9]+) passed, ([0-9]+) failed$/\2/p')
if [ "$interop_status" -ne 0 ] && [ "${interop_failed:-0}" -eq 0 ]; then interop_failed=1; fi

echo "== audit, archive, metrics, dashboard (headless Chromium), tracing and privacy against a real pesagate run"
set +e
observability_output=$(bash scripts/observability-check.sh 2>&1)
observability_status=$?
set -e
echo "$observability_output"
checks_passed=$(echo "$observability_output" | grep -c '^ok:' || true)
checks_failed=$(echo "$observability_output" | grep -c '^FAIL:' || true)
if [ "$observability_status" -ne 0 ] && [ "$checks_failed" -eq 0 ]; then checks_failed=1; fi

if [ -n "$summary" ]; then
  executed=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
  passed=$((executed - failed + ${dialogues_passed:-0} + checks_passed + ${interop_passed:-0}))
  failed=$((failed + ${dialogues_failed:-0} + checks_failed + ${interop_failed:-0}))
  echo "XCTest, dialogues and system checks: $passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$dialogue_status" -eq 0 ] && [ "$observability_status" -eq 0 ] && [ "$interop_status" -eq 0 ]
