#!/usr/bin/env bash
# Interoperability checks (issue 7): our SMPP code against SMPP software we did not write.
#   1. smpplib (PyPI), a third-party ESME, against our SMSC simulator smsc-sim;
#   2. our ESME (smpp-interop, over the SMPP module's ESMEClient) against Jasmin's SMPP server
#      (PyPI), with smsc-sim as Jasmin's upstream SMSC.
# Both send the same messages and check what arrived and the delivery receipts; see the two .py
# files. Prints `interop: N passed, M failed` and exits 1 on any failure.
#
# Needs: the debug binaries smsc-sim and smpp-interop (scripts/test.sh builds them), Debian's
# python3-venv, redis-server and rabbitmq-server (scripts/install-deps.sh), and PyPI for the
# pinned packages of requirements.txt, installed once into a virtualenv.
# Environment: INTEROP_BIN (default .build/debug), INTEROP_VENV (default .build/interop-venv),
# INTEROP_PYTHON (default /usr/bin/python3), INTEROP_KEEP=1 keeps the scratch directory.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${INTEROP_BIN:-$ROOT/.build/debug}
VENV=${INTEROP_VENV:-$ROOT/.build/interop-venv}
PYTHON=${INTEROP_PYTHON:-/usr/bin/python3}
[ -x "$PYTHON" ] || PYTHON=python3

say() { echo "interop: $*"; }
die() { say "$*"; echo "interop: 0 passed, 1 failed"; exit 1; }

for tool in smsc-sim smpp-interop; do
  [ -x "$BIN/$tool" ] || die "missing $BIN/$tool: build the debug binaries first (scripts/test.sh)"
done
for tool in redis-server epmd; do
  command -v "$tool" >/dev/null || die "missing $tool: run scripts/install-deps.sh (redis-server, rabbitmq-server)"
done
RABBIT=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$RABBIT" ] || die "missing $RABBIT: run scripts/install-deps.sh (rabbitmq-server)"

# --- the virtualenv, rebuilt only when requirements.txt changes --------------------------------
STAMP="$VENV/.requirements.sha256"
WANT=$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  say "creating $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" || die "cannot create a virtualenv with $PYTHON (Debian: python3-venv)"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input --use-pep517 -r "$HERE/requirements.txt" </dev/null \
    || die "pip could not install $HERE/requirements.txt"
  echo "$WANT" > "$STAMP"
fi
PY="$VENV/bin/python"

# --- scratch space, processes and their cleanup --------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pesagate-interop.XXXXXX")
PIDS=()
cleanup() {
  local pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${INTEROP_KEEP:-}" = 1 ]; then say "scratch kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
start() { # start NAME COMMAND...: runs it in the background, output in $WORK/NAME.log
  local name=$1; shift
  "$@" </dev/null >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
wait_port() { # wait_port PORT SECONDS
  "$PY" - "$1" "$2" <<'EOF'
import socket, sys, time
port, deadline = int(sys.argv[1]), time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", port), 0.5).close(); sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
EOF
}
read -r P_SIM_A P_SIM_B P_REDIS P_AMQP P_DIST P_EPMD P_SMPPS P_SMPPS_PB P_CM P_ROUTER P_JCLI P_HTTP < <(
  "$PY" -c '
import socket
held = [socket.socket() for _ in range(12)]
for s in held: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))')

# --- the broker and store Jasmin needs: start them first, they take a few seconds -------------------
mkdir -p "$WORK/rabbit" "$WORK/jasmin/etc/jasmin/store" "$WORK/jasmin/var/log/jasmin"
echo '[].' > "$WORK/rabbit/enabled_plugins"
start epmd epmd -port "$P_EPMD" -address 127.0.0.1
start redis redis-server --port "$P_REDIS" --bind 127.0.0.1 --save '' --appendonly no
start rabbitmq env HOME="$WORK/rabbit" ERL_EPMD_PORT="$P_EPMD" \
  RABBITMQ_NODENAME="interop$$@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$P_AMQP" \
  RABBITMQ_DIST_PORT="$P_DIST" RABBITMQ_MNESIA_BASE="$WORK/rabbit/mnesia" RABBITMQ_LOG_BASE="$WORK/rabbit/log" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/rabbit/enabled_plugins" RABBITMQ_CONFIG_FILE="$WORK/rabbit/rabbitmq" \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
  "$RABBIT"

# --- 1. smpplib against smsc-sim -----------------------------------------------------------------
start smsc-a "$BIN/smsc-sim" --port "$P_SIM_A" --system-id smpplib --password secret --record "$WORK/smsc-a.jsonl"
wait_port "$P_SIM_A" 10 || die "smsc-sim did not listen on $P_SIM_A: $(cat "$WORK/smsc-a.log")"
(cd "$HERE" && timeout 60 "$PY" esme-against-our-smsc.py --port "$P_SIM_A" --system-id smpplib --password secret \
  --record "$WORK/smsc-a.jsonl" </dev/null) | tee "$WORK/check-a.out" || true

# --- 2. our ESME against Jasmin, with smsc-sim upstream --------------------------------------------
start smsc-b "$BIN/smsc-sim" --port "$P_SIM_B" --system-id jasmin --password jsecret --unrouted deliver \
  --receipt-delay-ms 200 --record "$WORK/smsc-b.jsonl"
SPEC=$("$PY" -c 'import os, txamqp; print(os.path.join(os.path.dirname(txamqp.__file__), "specs/standard/amqp0-9-1.stripped.xml"))')
cat > "$WORK/jasmin/etc/jasmin/jasmin.cfg" <<EOF
[smpp-server]
id = interop
bind = 127.0.0.1
port = $P_SMPPS
[smpp-server-pb]
bind = 127.0.0.1
port = $P_SMPPS_PB
[client-management]
bind = 127.0.0.1
port = $P_CM
[router]
bind = 127.0.0.1
port = $P_ROUTER
[jcli]
bind = 127.0.0.1
port = $P_JCLI
authentication = False
[http-api]
bind = 127.0.0.1
port = $P_HTTP
[amqp-broker]
host = 127.0.0.1
port = $P_AMQP
spec = $SPEC
[redis-client]
host = 127.0.0.1
port = $P_REDIS
[dlr]
dlr_lookup_retry_delay = 1
EOF
wait_port "$P_AMQP" 45 || die "RabbitMQ did not listen on $P_AMQP: $(tail -20 "$WORK/rabbitmq.log")"
start jasmind env ROOT_PATH="$WORK/jasmin" "$PY" "$VENV/bin/jasmind.py" -c "$WORK/jasmin/etc/jasmin/jasmin.cfg" \
  --enable-dlr-thrower --enable-dlr-lookup --disable-http-api
(cd "$HERE" && timeout 90 "$PY" our-esme-against-jasmin.py --driver "$BIN/smpp-interop" \
  --jcli-port "$P_JCLI" --smpp-port "$P_SMPPS" --upstream-port "$P_SIM_B" --upstream-system-id jasmin \
  --upstream-password jsecret --record "$WORK/smsc-b.jsonl" --jasmin-logs "$WORK/jasmin/var/log/jasmin" \
  --work "$WORK" </dev/null) | tee "$WORK/check-b.out" || true

# --- verdict -------------------------------------------------------------------------------------
passed=$(cat "$WORK/check-a.out" "$WORK/check-b.out" | grep -c '^PASS ' || true)
failed=$(cat "$WORK/check-a.out" "$WORK/check-b.out" | grep -c '^FAIL ' || true)
for check in a b; do
  # A check that died before printing anything still counts as a failure.
  if ! grep -q '^\(PASS\|FAIL\) ' "$WORK/check-$check.out"; then failed=$((failed + 1)); say "check $check printed no result"; fi
done
if [ "$failed" -gt 0 ]; then
  for log in smsc-a smsc-b; do
    say "--- last lines of $log.log"; tail -n 5 "$WORK/$log.log" 2>/dev/null || true
  done
  say "--- errors in Jasmin's logs"
  grep -h ' ERROR ' "$WORK"/jasmin/var/log/jasmin/*.log 2>/dev/null | grep -v -e 'Config loading error' -e 'Cannot load configuration' | head -n 10 | cut -c1-300 || true
  say "--- errors in RabbitMQ's log"
  grep -h '\[error\]' "$WORK"/rabbit/log/*.log 2>/dev/null | head -n 5 | cut -c1-300 || true
fi
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
