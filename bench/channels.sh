#!/usr/bin/env bash
# Messaging-channel figure: signed inbound webhook messages/s at concurrency 16 (p50/p95/p99), four in five from new
# senders and one in five from 500 repeat senders (ChannelInboundBenchmark).
# Usage: bench/channels.sh [seconds to measure, default 60] [concurrency, default 16]
# Starts Kefu from the packaged jar (demo company, whose data scope rules and routing apply) on a fresh data folder
# in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
threads=${2:-16}
port=${BENCH_PORT:-18083}
token=kefu_bench_token_0123456789abcdef
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; sleep 5; rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests package
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

KEFU_DATA_DIR="$work/data" SERVER_PORT=$port KEFU_ADMIN_PASSWORD=Bench-Pass-2026 KEFU_BOOTSTRAP_TOKEN=$token \
    java -Xmx2g -jar target/kefu-*.jar >>"$work/kefu.log" 2>&1 &
echo $! >"$work/pid"
until grep -q "Kefu is ready" "$work/kefu.log"; do sleep 0.5; done

java -cp "target/test-classes:$cp" io.kefu.bench.ChannelInboundBenchmark "http://localhost:$port" "$token" \
    "$threads" "$seconds"
pgport=$(sed -n 4p "$work/data/postgres/data/postmaster.pid")
psql -qtA "postgresql://postgres@localhost:$pgport/kefu" -c \
    "SELECT count(*) || ' messages stored on ' || count(DISTINCT ticket_id) || ' tickets for '
            || count(DISTINCT customer_id) || ' customers' FROM channel_message"
