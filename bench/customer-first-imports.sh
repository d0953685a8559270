#!/usr/bin/env bash
# The first customer import after a start, over several starts. One run says little: the same import varies by a
# quarter from one start to the next with the shared host's speed and the JIT's work (docs/benchmarks.md).
# Usage: bench/customer-first-imports.sh [starts, default 10] [rows, default 100000]
# Packages Kefu once, then runs bench/customers.sh once per start (a fresh server on an empty data folder, the same
# generated file each time, a short search run after it) and prints each start's rows/s with its host check, then
# the median, the lowest, the highest and how many starts reached the goal of 20,000 rows/s.
set -euo pipefail
cd "$(dirname "$0")/.."
starts=${1:-10}
export rows=${2:-100000}
results=$(mktemp)
trap 'rm -f "$results"' EXIT
./mvnw -B -q -DskipTests package
export BENCH_PACKAGED=1

for start in $(seq 1 "$starts"); do
    out=$(bench/customers.sh "$rows" 20 2>&1)
    host=$(grep -o 'sha256sum in [0-9.]* s' <<<"$out" | grep -o '[0-9.]* s')
    rate=$(grep -o '= [0-9]* rows/s' <<<"$out" | grep -o '[0-9]*')
    echo "start $start, $(date +%H:%M): $rate rows/s (host check $host)"
    echo "$rate" >>"$results"
done

sort -n "$results" | awk '{ rate[NR] = $1; if ($1 >= 20000) met++ } END {
    median = (NR % 2) ? rate[(NR + 1) / 2] : (rate[NR / 2] + rate[NR / 2 + 1]) / 2
    printf "first import of %s rows after a start, %d starts: median %.0f rows/s, lowest %d, highest %d; %d of %d at 20,000 or more\n",
        ENVIRON["rows"], NR, median, rate[1], rate[NR], met, NR }'
