#!/usr/bin/env bash
# Measures the time from the README's run command (./mvnw spring-boot:run) to Kefu printing "Kefu is ready",
# on a warm Maven cache: first start on an empty data folder (initdb, migrations, demo data), then restarts on
# that data. Usage: bench/startup-time.sh [runs, default 3]. Prints each run and the median of each kind.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${BENCH_PORT:-18080}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests compile >/dev/null   # warm: dependencies present, classes compiled

measure() { # $1 = data folder; prints seconds to ready
    local log="$work/run.log" start end pid
    start=$(date +%s.%N)
    KEFU_DATA_DIR="$1" SERVER_PORT=$port setsid ./mvnw -B -q spring-boot:run >"$log" 2>&1 &
    pid=$!
    until grep -q "Kefu is ready" "$log"; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "Kefu did not start:" >&2; tail -20 "$log" >&2; exit 1; fi
        sleep 0.1
    done
    end=$(date +%s.%N)
    kill -TERM -- -"$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

first=(); again=()
for i in $(seq "$runs"); do
    data="$work/data-$i"
    first+=("$(measure "$data")")
    again+=("$(measure "$data")")
    echo "run $i: first start ${first[-1]} s, restart ${again[-1]} s"
done
echo "median first start (empty data): $(printf '%s\n' "${first[@]}" | median) s"
echo "median restart (existing data):  $(printf '%s\n' "${again[@]}" | median) s"
