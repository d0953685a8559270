#!/usr/bin/env bash
# Customer 360 figures: import throughput and search latency at scale.
# Usage: [IMPORT_RUNS=n] bench/customers.sh [rows, default 2000000] [search requests per kind, default 300]
# Starts Kefu from the packaged jar on an empty data folder, generates <rows> customers (CustomerDataGenerator),
# imports them through POST /api/v1/customers/imports (the path a user's file takes), reports rows/s, then runs
# CustomerSearchBenchmark against the loaded database. Everything it makes lives in a temporary folder, unless
# BENCH_DIR names one to keep: a second run on a kept folder skips the import and measures search only.
# BENCH_PACKAGED=1 uses the jar and test classes already built, for a caller that runs this script many times.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000000}
requests=${2:-300}
port=${BENCH_PORT:-18081}
token=kefu_bench_token_0123456789abcdef
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; sleep 3; grep "Customer import" "$work/kefu.log" || true; [ -n "${BENCH_DIR:-}" ] || rm -rf "$work"' EXIT

if [ -z "${BENCH_PACKAGED:-}" ]; then
    ./mvnw -B -q -DskipTests package
fi
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

KEFU_DATA_DIR="$work/data" SERVER_PORT=$port KEFU_DEMO_DATA=false KEFU_ADMIN_PASSWORD=Bench-Pass-2026 \
    KEFU_BOOTSTRAP_TOKEN=$token java -Xmx4g -jar target/kefu-*.jar >>"$work/kefu.log" 2>&1 &
echo $! >"$work/pid"
until [ "$(grep -c "Kefu is ready" "$work/kefu.log")" -gt "$(cat "$work/starts" 2>/dev/null || echo 0)" ]; do sleep 0.5; done
grep -c "Kefu is ready" "$work/kefu.log" >"$work/starts"

if [ ! -f "$work/imported" ]; then
echo "generating $rows customers..."
java -cp target/test-classes:target/classes io.kefu.bench.CustomerDataGenerator "$rows" "$work/customers.csv"
ls -l "$work/customers.csv" | awk '{printf "file: %.1f MB\n", $5 / 1048576}'

# IMPORT_RUNS=n splits the rows into n files imported one after another: the first import after the start runs
# while the JIT is still compiling, the later ones show a warm server. CustomerImportBenchmark uploads each file,
# polls its status every 0.1 s over one connection until DONE, and waits for the server's statistics refresh
# before the next, as a person would before starting another.
runs=${IMPORT_RUNS:-1}
per=$((rows / runs))
parts=()
for run in $(seq 1 "$runs"); do
    part="$work/customers.csv"
    if [ "$runs" != 1 ]; then
        part="$work/customers-$run.csv"
        { head -1 "$work/customers.csv"; tail -n +2 "$work/customers.csv" | sed -n "$(( (run - 1) * per + 1 )),$(( run * per ))p"; } >"$part"
    fi
    parts+=("$part")
done
# The host's own speed, for reading the figures: a shared machine's varies within the hour (docs/benchmarks.md).
TIMEFORMAT='host check: 300 MB hashed by sha256sum in %R s (0.8-0.9 s when the benchmark machine is quiet)'
time (head -c 300M /dev/zero | sha256sum >/dev/null)
java -cp target/test-classes io.kefu.bench.CustomerImportBenchmark "http://localhost:$port" "$token" "$work/kefu.log" \
    "${parts[@]}"
touch "$work/imported"
fi

java -cp "target/test-classes:$cp" io.kefu.bench.CustomerSearchBenchmark "http://localhost:$port" "$token" \
    "$work/customers.csv" "$requests"
