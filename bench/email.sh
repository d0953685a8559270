#!/usr/bin/env bash
# Inbound email figure: messages/s from an IMAP mailbox holding <messages> mails (GreenMail in the benchmark's
# process) polled by Kefu into tickets (parse, customer resolution, ticket creation, raw storage).
# Usage: bench/email.sh [messages, default 10000]
# Starts Kefu from the packaged jar (with its demo company) on a fresh data folder in a temporary directory, or in
# BENCH_DIR when given.
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-10000}
port=${BENCH_PORT:-18083}
token=kefu_bench_token_0123456789abcdef
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; sleep 5; [ -n "${BENCH_DIR:-}" ] || rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests package
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

KEFU_DATA_DIR="$work/data" SERVER_PORT=$port KEFU_ADMIN_PASSWORD=Bench-Pass-2026 KEFU_BOOTSTRAP_TOKEN=$token \
    java -Xmx2g -jar target/kefu-*.jar >>"$work/kefu.log" 2>&1 &
echo $! >"$work/pid"
until grep -q "Kefu is ready" "$work/kefu.log"; do sleep 0.5; done

java -Xmx1g -cp "target/test-classes:$cp" io.kefu.bench.EmailInboundBenchmark "$port" "$token" "$messages"
