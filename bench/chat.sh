#!/usr/bin/env bash
# Live chat figures: <chats> concurrent chats (visitors on their event streams, <agents> agents on theirs, a visitor
# message every <interval> s answered by the agent at once): delivery latency p50/p99 from send to receipt,
# messages/s, the server's heap and RSS; and the bot's answer latency p95 while the chats start.
# Usage: bench/chat.sh [chats, default 1000] [agents, default 20] [measured seconds, default 60] [interval s, default 10]
# Starts Kefu from the packaged jar (with its demo company and knowledge base) on a fresh data folder in a
# temporary directory, or in BENCH_DIR when given.
set -euo pipefail
cd "$(dirname "$0")/.."
chats=${1:-1000}
agents=${2:-20}
seconds=${3:-60}
interval=${4:-10}
port=${BENCH_PORT:-18083}
token=kefu_bench_token_0123456789abcdef
password=Bench-Pass-2026
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; sleep 5; [ -n "${BENCH_DIR:-}" ] || rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests package
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

# Each simulated visitor has her own address (X-Forwarded-For, honoured from a local proxy), so the per-address
# limits of the visitor API apply per visitor as on a real site.
KEFU_DATA_DIR="$work/data" SERVER_PORT=$port KEFU_ADMIN_PASSWORD=$password KEFU_BOOTSTRAP_TOKEN=$token \
    SERVER_FORWARD_HEADERS_STRATEGY=native \
    java -Xmx2g -jar target/kefu-*.jar >>"$work/kefu.log" 2>&1 &
echo $! >"$work/pid"
until [ "$(grep -c "Kefu is ready" "$work/kefu.log")" -gt "$(cat "$work/starts" 2>/dev/null || echo 0)" ]; do sleep 0.5; done
grep -c "Kefu is ready" "$work/kefu.log" >"$work/starts"

echo "--- $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB, java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
java -Xmx1g -cp "target/test-classes:$cp" io.kefu.bench.ChatLoadBenchmark "http://localhost:$port" "$token" \
    "$chats" "$agents" "$seconds" "$interval" "$(cat "$work/pid")"
