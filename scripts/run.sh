#!/usr/bin/env bash
# Installs what is missing, builds PesaGate (release), and runs `pesagate run` with the embedded
# defaults: Kafka cluster, topics, SMSC simulator, pipeline services, USSD endpoint. Extra arguments
# are passed to `pesagate run` (e.g. --brokers host:9092 --smsc host:2775).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
swift build -c release --product pesagate
swift build -c release --product handset
swift build -c release --product smsc-sim
exec .build/release/pesagate run "$@"
