#!/usr/bin/env bash
# Installs the Debian packages PesaGate needs, only those that are missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

packages=(
  librdkafka-dev   # Kafka client and its embedded mock cluster
  libssl-dev       # TLS for librdkafka and swift-crypto
  pkg-config       # finds librdkafka for the CRdKafka system library
  kcat             # the README's outside-tool checks against the cluster
  sqlite3          # inspecting ledger/archive databases by hand
  libsqlite3-dev   # GRDB links the system SQLite
  prometheus       # promtool checks and unit-tests the alert rules (config/alerts.yml)
  chromium         # headless browser test of the live dashboard
  python3          # serves fixtures to the dashboard's browser tests; reads the dashboard's DOM
  curl             # scripts/observability-check.sh reads /metrics
  python3-venv     # the interop checks' virtualenv (smpplib, Jasmin from PyPI)
  redis-server     # Jasmin, the third-party SMS gateway of the interop checks, needs Redis...
  rabbitmq-server  # ...and RabbitMQ (started privately on free ports by the checks)
  kannel           # bench smpp's comparison: bearerbox + smsbox, run privately on free ports (the system service is never used)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
