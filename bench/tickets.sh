#!/usr/bin/env bash
# Ticket figures: creation throughput through the API at concurrency 8 and 32 (p50/p95/p99), compared in the same
# run with pgbench doing the same inserts straight into PostgreSQL, first on an empty database and then with
# <tickets> historical tickets stored; then the queue page's latency.
# Usage: bench/tickets.sh [tickets to seed, default 1000000] [seconds per measurement, default 30]
# Starts Kefu from the packaged jar (with its demo company) on a fresh data folder in a temporary directory, or in
# BENCH_DIR when given (a kept folder is not seeded twice).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1000000}
seconds=${2:-30}
port=${BENCH_PORT:-18082}
token=kefu_bench_token_0123456789abcdef
password=Bench-Pass-2026
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; sleep 5; [ -n "${BENCH_DIR:-}" ] || rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests package
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

KEFU_DATA_DIR="$work/data" SERVER_PORT=$port KEFU_ADMIN_PASSWORD=$password KEFU_BOOTSTRAP_TOKEN=$token \
    java -Xmx2g -jar target/kefu-*.jar >>"$work/kefu.log" 2>&1 &
echo $! >"$work/pid"
until [ "$(grep -c "Kefu is ready" "$work/kefu.log")" -gt "$(cat "$work/starts" 2>/dev/null || echo 0)" ]; do sleep 0.5; done
grep -c "Kefu is ready" "$work/kefu.log" >"$work/starts"
pgport=$(sed -n 4p "$work/data/postgres/data/postmaster.pid")
db="postgresql://postgres@localhost:$pgport/kefu"
tickets() { psql -qtA "$db" -c "SELECT count(*) FROM ticket"; }

# wrk (apt-get install wrk) drives the API with little CPU of its own; without it, the Java client does.
create() {
    if command -v wrk >/dev/null; then
        TOKEN=$token wrk -t2 -c"$1" -d20s -s bench/ticket-create.lua "http://localhost:$port" >/dev/null
        echo -n "ticket creation ($2) concurrency $1, "
        TOKEN=$token wrk -t2 -c"$1" -d"${seconds}s" -s bench/ticket-create.lua "http://localhost:$port" | tail -1
    else
        java -cp "target/test-classes:$cp" io.kefu.bench.TicketLoadBenchmark "http://localhost:$port" "$token" \
            "$1" "$seconds" "($2)"
    fi
}

measure() {
    echo "--- $(tickets) tickets stored"
    for c in 8 32; do
        create "$c" "$1"
        # A client that fails (e.g. a deadlock between two inserts) is reported, not fatal to the run.
        { pgbench -n -c "$c" -j 2 -T "$seconds" -f bench/ticket-inserts.pgbench "$db" 2>"$work/pgbench.err" || true; } \
            | awk -v c="$c" -v l="$1" '/^tps/ {tps=$3} /latency average/ {avg=$4} /failed/ {failed=$0}
                END {printf "pgbench same inserts %s concurrency %d: %.0f tickets/s, latency average %s ms %s\n", l, c, tps, avg, failed}'
        grep -m1 -i "error" "$work/pgbench.err" || true
    done
}

# The JIT takes minutes of load to settle: on 2 cores C2 competes with the load it compiles for, and a fresh server
# goes from about 330 tickets/s in its first 3 minutes to 600+ after 8 (docs/benchmarks.md). Without this, the
# figures measure the compiler as much as Kefu. JIT_WARMUP=0 skips it on an already warm server.
if [ "${JIT_WARMUP:-480}" -gt 0 ]; then
    echo "warming up the JIT for ${JIT_WARMUP:-480} s..."
    if command -v wrk >/dev/null; then
        TOKEN=$token wrk -t2 -c8 -d"${JIT_WARMUP:-480}s" -s bench/ticket-create.lua "http://localhost:$port" >/dev/null
    else
        java -cp "target/test-classes:$cp" io.kefu.bench.TicketLoadBenchmark "http://localhost:$port" "$token" \
            8 "${JIT_WARMUP:-480}" "(warm-up)" >/dev/null
    fi
fi
[ -f "$work/seeded" ] || measure "empty database"
if [ ! -f "$work/seeded" ]; then
    echo "seeding $seed tickets..."
    start=$(date +%s)
    psql -q "$db" -v n="$seed" -f bench/seed-tickets.sql
    echo "seeded in $(( $(date +%s) - start )) s"
    touch "$work/seeded"
fi
measure "$seed tickets stored"
java -cp "target/test-classes:$cp" io.kefu.bench.TicketQueueBenchmark "$port" liming "$password" 300
