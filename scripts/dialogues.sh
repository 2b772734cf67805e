#!/usr/bin/env bash
# Plays every scripted dialogue in simulators/dialogues against a real `pesagate run` (real HTTP, Kafka,
# SMPP) on a fresh data directory; fails when any dialogue fails. Expects debug binaries (scripts/test.sh
# builds them); BUILD=release uses .build/release. Arguments: particular dialogue files (default: all).
set -uo pipefail
cd "$(dirname "$0")/.."
bin=".build/${BUILD:-debug}"
data=$(mktemp -d)
port=${DIALOGUE_HTTP_PORT:-18080}
log="$data/pesagate.log"

export PESAGATE_SMPP_EMBEDDED_PORT=0
# The seed's clock and time zone, so send-money-en gets the seed's SMS word for word ("on 2/9/24 at
# 2:30 PM"); it runs first, within the first minute of the clock.
export PESAGATE_SMS_TIME_ZONE=UTC
export PESAGATE_CLOCK_START=2024-09-02T14:30:00Z
"$bin/pesagate" run --data "$data" --http-port "$port" > "$log" 2>&1 &
gateway=$!
trap 'kill -INT $gateway 2>/dev/null; wait $gateway 2>/dev/null' EXIT

for _ in $(seq 1 120); do
  grep -q "Server started and listening" "$log" && [ -s "$data/smsc.address" ] && break
  kill -0 $gateway 2>/dev/null || { echo "pesagate run exited:"; cat "$log"; exit 1; }
  sleep 0.5
done
"$bin/pesagate" accounts seed-dialogues --data "$data" simulators/dialogues || exit 1
# Consumer groups join within a few seconds of start; give them that before the first payment.
sleep 5

passed=0; failed=0; failures=()
scripts=("$@")
if [ ${#scripts[@]} -eq 0 ]; then
  scripts=(simulators/dialogues/send-money-en.yaml)
  for f in simulators/dialogues/*.yaml; do [ "$f" = simulators/dialogues/send-money-en.yaml ] || scripts+=("$f"); done
fi
for script in "${scripts[@]}"; do
  case "$script" in *load-*) continue ;; esac
  if "$bin/handset" --gateway "http://127.0.0.1:$port/ussd" --smsc "$(cat "$data/smsc.address")" --script "$script"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("$script")
  fi
done
echo "dialogues: $passed passed, $failed failed"
for f in "${failures[@]}"; do echo "  failed: $f"; done
if [ "$failed" -ne 0 ]; then echo "--- pesagate log (last 40 lines)"; tail -40 "$log"; fi
[ "$failed" -eq 0 ]
