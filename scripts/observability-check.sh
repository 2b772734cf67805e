#!/usr/bin/env bash
# End-to-end check of the audit trail, the archive, metrics, the dashboard and privacy, against a real
# `pesagate run` (embedded Kafka and SMSC) on a fresh data directory:
#   1. a mixed load (send money + buy airtime) from two account blocks with distinctive PINs;
#   2. during the load, headless Chromium reads the dashboard twice: its figures must move;
#   3. `curl /metrics` shows every KPI with plausible values;
#   4. every Kafka topic, log line and database file (with its WAL) is scanned: no PIN anywhere, no raw
#      MSISDN on `audit-trail` or in the archive;
#   5. one trace id follows a payment through the logs and every Kafka record;
#   6. a subscriber's app-notification stream (Server-Sent Events) carries its confirmations, and
#      opens neither without a token nor with another subscriber's;
#   7. after a clean stop, `pesagate audit TXN` shows the whole timeline, `pesagate audit verify` finds the
#      chains intact, and one edited byte in the archive file makes it report the break.
# Expects debug binaries (scripts/test.sh builds them); BUILD=release uses .build/release.
# SCREENSHOT=path keeps a dashboard screenshot taken during the load.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=".build/${BUILD:-debug}"
data=$(mktemp -d)
port=${OBSERVABILITY_HTTP_PORT:-18090}
log="$data/logs/pesagate.log"
mkdir -p "$data/logs"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

export PESAGATE_SMPP_EMBEDDED_PORT=0
export PESAGATE_LOG_FORMAT=json
# Standard output is the start-up banner (addresses, demo accounts); standard error is the log.
"$bin/pesagate" run --data "$data" --http-port "$port" > "$data/logs/banner.txt" 2> "$log" &
gateway=$!
trap 'kill -INT $gateway 2>/dev/null; wait $gateway 2>/dev/null' EXIT
for _ in $(seq 1 120); do
  grep -q "Server started and listening" "$log" && [ -s "$data/smsc.address" ] && break
  kill -0 $gateway 2>/dev/null || { echo "pesagate run exited:"; cat "$log"; exit 1; }
  sleep 0.5
done

# Two blocks of accounts, each with a PIN that appears nowhere else in the run.
pin_send=8642; pin_airtime=9753
echo $pin_send | "$bin/pesagate" accounts seed-load --data "$data" --count 20 --first 3000 > /dev/null || exit 1
echo $pin_airtime | "$bin/pesagate" accounts seed-load --data "$data" --count 20 --first 3100 > /dev/null || exit 1
sed "s/\"1234\"/\"$pin_send\"/" simulators/dialogues/load-send-money.yaml > "$data/load-send.yaml"
sed "s/\"1234\"/\"$pin_airtime\"/" simulators/dialogues/load-buy-airtime.yaml > "$data/load-airtime.yaml"
sleep 5  # consumer groups join

# App notifications: one load subscriber's Server-Sent Events stream, opened with its own token only.
sse_msisdn=254790003000
url="http://127.0.0.1:$port/notifications/$sse_msisdn/events"
code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
[ "$code" = 401 ] && pass "app stream without a token: 401" || fail "app stream without a token answered $code"
other=$("$bin/pesagate" accounts app-token 254790003001 --data "$data")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $other" "$url")
[ "$code" = 401 ] && pass "app stream with another subscriber's token: 401" || fail "another subscriber's token answered $code"
token=$("$bin/pesagate" accounts app-token $sse_msisdn --data "$data")
curl -sN --max-time 60 -H "Authorization: Bearer $token" "$url" > "$data/logs/sse-stream.txt" 2>/dev/null &
sse=$!

smsc=$(cat "$data/smsc.address")
"$bin/handset" --gateway "http://127.0.0.1:$port/ussd" --smsc "$smsc" --load 20 --duration 20 \
  --msisdn-base 254790003000 --script "$data/load-send.yaml" > "$data/logs/load-send.txt" 2>&1 &
load_send=$!
"$bin/handset" --gateway "http://127.0.0.1:$port/ussd" --smsc "$smsc" --load 20 --duration 20 \
  --msisdn-base 254790003100 --script "$data/load-airtime.yaml" > "$data/logs/load-airtime.txt" 2>&1 &
load_airtime=$!

# The dashboard, read by a real browser twice during the load.
dashboard_figure() {  # $1: element id; prints the element's text from a rendered DOM dump
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --virtual-time-budget=4000 \
    --dump-dom "http://127.0.0.1:$port/" 2>/dev/null \
    | python3 -c "import re,sys; m=re.search(r'id=\"$1\"[^>]*>([^<]*)<', sys.stdin.read()); print(m.group(1).strip() if m else '')"
}
sleep 6
first=$(dashboard_figure kpi-total-requests)
sleep 8
second=$(dashboard_figure kpi-total-requests)
if [ -n "${SCREENSHOT:-}" ]; then
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --virtual-time-budget=4000 \
    --window-size=1366,900 --screenshot="$SCREENSHOT" "http://127.0.0.1:$port/" > /dev/null 2>&1
fi
wait $load_send $load_airtime
if [ -n "$first" ] && [ -n "$second" ] && [ "${first//,/}" != "${second//,/}" ]; then
  pass "dashboard figures move during the load (total requests $first -> $second)"
else
  fail "dashboard total requests did not move: '$first' -> '$second'"
fi
grep -h "completed" "$data/logs/load-send.txt" "$data/logs/load-airtime.txt" | tail -2
sleep 12  # SMS receipts, archive and the metrics sampler catch up

sse_report=$(python3 - "$data/logs/sse-stream.txt" "$sse_msisdn" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
events = [block for block in text.split("\n\n") if block.startswith("event: confirmation")]
payloads = [json.loads("\n".join(line[6:] for line in block.split("\n") if line.startswith("data: "))) for block in events]
own = [p for p in payloads if sys.argv[2] in (p.get("fromMsisdn"), p.get("toMsisdn"))]
ok = text.startswith(": subscribed") and payloads and len(own) == len(payloads)
print(("ok" if ok else "bad"), len(payloads), len(own))
PY
)
read -r verdict events own <<< "$sse_report"
if [ "$verdict" = ok ]; then
  pass "app stream of $sse_msisdn: $events confirmations as Server-Sent Events, each naming it as payer or payee"
else
  fail "app stream of $sse_msisdn: '$sse_report' (events, own): $(head -c 300 "$data/logs/sse-stream.txt")"
fi
kill $sse 2>/dev/null

# Metrics: every KPI named by the issue, with plausible values.
metrics=$(curl -sf "http://127.0.0.1:$port/metrics")
for name in pesagate_payments_total pesagate_payment_processing_seconds_count pesagate_fraud_decisions_total \
  pesagate_kafka_consumer_lag pesagate_stage_seconds_bucket pesagate_ussd_sessions_total pesagate_ussd_hops_total \
  pesagate_ussd_hop_seconds_count pesagate_smpp_window_in_use pesagate_smpp_submitted_parts_total \
  pesagate_sms_receipt_seconds_count pesagate_sms_outbox_depth pesagate_dlq_size; do
  grep -q "^$name" <<< "$metrics" && pass "/metrics has $name" || fail "/metrics lacks $name"
done
completed=$(grep '^pesagate_payments_total{final_status="COMPLETED"}' <<< "$metrics" | awk '{print int($2)}')
[ "${completed:-0}" -gt 20 ] && pass "/metrics counts $completed completed payments" || fail "completed payments: '${completed:-}'"
sms_lag=$(grep '^pesagate_kafka_consumer_lag{group="mpesa-core-cg",topic="payment-requests"}' <<< "$metrics" | awk '{print int($2)}')
[ -n "$sms_lag" ] && [ "$sms_lag" -lt 1000 ] && pass "core's lag on payment-requests is $sms_lag after the load" || fail "core lag: '${sms_lag:-}'"

# Every Kafka topic, whole: keys, headers and values.
bootstrap=$(cat "$data/kafka.bootstrap")
for topic in payment-requests fraud-analysis revenue-validation core-processing payment-confirmations audit-trail payment-dlq; do
  kcat -b "$bootstrap" -C -t "$topic" -e -q -f '%k %h %s\n' > "$data/logs/topic-$topic.txt" 2>/dev/null
done
audit_records=$(wc -l < "$data/logs/topic-audit-trail.txt")
[ "$audit_records" -gt 100 ] && pass "audit-trail holds $audit_records records" || fail "audit-trail holds $audit_records records"

# Privacy: the PINs nowhere (logs, topics, every file of the data directory: databases with their -wal
# and -shm files while running, and again after the stop checkpointed them); raw MSISDNs of the load
# neither on audit-trail, nor in the archive, nor in any log line.
privacy_scan() {  # $1: "while running" or "after the stop"
  for pin in $pin_send $pin_airtime; do
    hits=$(grep -rlaP "(?<![0-9A-Za-z])$pin(?![0-9A-Za-z])" "$data" --exclude='load-*.yaml' --exclude='load-*.txt' || true)
    [ -z "$hits" ] && pass "PIN $pin in no log, topic or database file ($1: $(ls "$data" | grep -c sqlite) database files)" \
      || fail "PIN $pin found $1 in: $hits"
  done
  raw=$(cat "$data"/audit-archive.sqlite* 2>/dev/null | grep -aoE '25479000[0-9]{4}' | head -3)
  [ -z "$raw" ] && pass "no raw MSISDN in the archive ($1)" || fail "raw MSISDNs in the archive $1: $raw"
  raw=$(grep -aoE '(^|[^0-9])(\+?254|0)[71][0-9]{8}([^0-9]|$)' "$log" | head -3)
  [ -z "$raw" ] && pass "no raw MSISDN in any log line ($1)" || fail "raw MSISDN in the log $1: $raw"
}
ls "$data"/*-wal > /dev/null 2>&1 && pass "WAL files present for the scan: $(cd "$data" && ls *-wal | tr '\n' ' ')"
privacy_scan "while running"
raw=$(grep -aoE '25479000[0-9]{4}' "$data/logs/topic-audit-trail.txt" | head -3)
[ -z "$raw" ] && pass "no raw MSISDN on audit-trail" || fail "raw MSISDNs on audit-trail: $raw"

kill -INT $gateway; wait $gateway; trap - EXIT
privacy_scan "after the stop"

# Tracing: one trace id from the USSD hop to the SMS receipt, in the logs and on every Kafka record.
txn=$(grep -a '"message":"SMS final"' "$log" | grep -ao '"transactionId":"TXN-[^"]*"' | head -1 | cut -d'"' -f4)
traces=$(grep -a "\"transactionId\":\"$txn\"" "$log" | grep -ao '"traceId":"[0-9a-f]*"' | sort -u)
lines=$(grep -a "\"transactionId\":\"$txn\"" "$log" | grep -c '"traceId"')
kafka_traces=$(grep -ah "$txn" "$data"/logs/topic-*.txt | grep -o 'traceparent=00-[0-9a-f]*' | sort -u | wc -l)
if [ "$(wc -l <<< "$traces")" -eq 1 ] && [ "$lines" -ge 4 ] && [ "$kafka_traces" -eq 1 ] \
  && grep -q "$(cut -d'"' -f4 <<< "$traces")" <<< "$(grep -ah "$txn" "$data"/logs/topic-*.txt | grep -o 'traceparent=00-[0-9a-f]*' | head -1)"; then
  pass "$txn: one trace id across $lines log lines (USSD hop to SMS receipt) and every Kafka record"
else
  fail "$txn: trace ids in logs: $traces ($lines lines); distinct on Kafka: $kafka_traces"
fi

# The archive: one payment's whole timeline, the chains, and a tampered byte.
timeline=$("$bin/pesagate" audit "$txn" --data "$data")
echo "$timeline" | head -20
steps=(REQUESTED FRAUD_RESULT REVENUE_RESULT CORE_RESERVED DECISION EXECUTED BALANCE_DEBITED BALANCE_CREDITED CONFIRMED SMS_SUBMITTED SMS_DELIVERED)
missing=""; for step in "${steps[@]}"; do grep -q "$step" <<< "$timeline" || missing="$missing $step"; done
[ -z "$missing" ] && pass "audit $txn shows every step" || fail "audit $txn lacks:$missing"
"$bin/pesagate" audit verify --data "$data" && pass "audit verify: intact" || fail "audit verify failed on an untouched archive"
python3 - "$data/audit-archive.sqlite" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, 'rb').read())
at = data.find(b'"eventType":"REVENUE_RESULT"')
assert at >= 0, "no archived REVENUE_RESULT found in the file"
data[at + 14] ^= 0x01   # one bit of one character of one archived event
open(path, 'wb').write(data)
PY
if "$bin/pesagate" audit verify --data "$data"; then fail "audit verify missed an edited byte"; else pass "audit verify reports the edited byte"; fi

echo "observability: $failures failure(s)"
[ "$failures" -eq 0 ]
