#!/usr/bin/env bash
# Search figures (issue 6): ranking quality per setting, then indexing throughput, rebuild time and search latency.
# Usage: bench/search.sh [embedded articles, default 10000] [tickets, default 1000000] [text-only articles, default 100000]
# Runs in-process through the public SearchIndex API (no server): SearchQualitySweep on the test collection, then
# SearchBenchmark on <embedded articles> embedded articles and <tickets> text-only tickets, then on <text-only
# articles> articles without embeddings. Indexes live in a temporary folder unless BENCH_DIR names one to keep
# (a second run on a kept folder skips indexing and measures search only).
set -euo pipefail
cd "$(dirname "$0")/.."
embedded=${1:-10000}
tickets=${2:-1000000}
articles=${3:-100000}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
trap '[ -n "${BENCH_DIR:-}" ] || rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests test-compile
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
run() { java -Xmx4g -cp "target/test-classes:target/classes:$cp" "$@" 2>&1 | grep -v ' WARN \| INFO '; }

run io.kefu.bench.SearchQualitySweep
run io.kefu.bench.SearchBenchmark "$work/embedded" "$embedded" "$tickets" 300
run io.kefu.bench.SearchBenchmark "$work/text-only" "$articles" 0 300 text-only
