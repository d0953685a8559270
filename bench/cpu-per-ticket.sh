#!/usr/bin/env bash
# CPU per created ticket, by group of JVM threads (request threads, the JIT's compiler threads, the search indexer,
# GC...), during one wrk run against a running Kefu: what docs/benchmarks.md's warm-up curve was measured with.
# It reads each thread's CPU from /proc before and after the run, so it adds no load of its own (unlike JFR, whose
# recording made the server recompile). Needs wrk.
# Usage: bench/cpu-per-ticket.sh <Kefu's pid> <port> <API token> [concurrency, default 8] [seconds, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
pid=$1
port=$2
token=$3
concurrency=${4:-8}
seconds=${5:-30}

# Thread names with their numbers folded (http-nio-8080-exec-17 → http-nio-N-exec-N), CPU in clock ticks summed.
threads() {
    for task in /proc/"$pid"/task/*; do
        # A thread may end between listing and reading: skip it.
        name=$({ tr ' ' '_' <"$task/comm"; } 2>/dev/null | sed 's/[0-9]\+/N/g') || true
        [ -n "$name" ] || continue
        ticks=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null) || continue
        echo "$name $ticks"
    done | awk '{cpu[$1] += $2} END {for (name in cpu) print name, cpu[name]}' | sort
}

before=$(mktemp)
after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
threads >"$before"
out=$(TOKEN=$token wrk -t2 -c"$concurrency" -d"${seconds}s" --latency -s bench/ticket-create.lua \
    "http://localhost:$port")
threads >"$after"
rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
echo "concurrency $concurrency: $rate tickets/s, $(echo "$out" | awk '$1 == "50%" || $1 == "99%" {printf "p%s %s ", substr($1, 1, 2), $2}')"
ticks_per_second=$(getconf CLK_TCK)
join -a2 -e0 -o 0,1.2,2.2 "$before" "$after" \
    | awk -v tickets="$(echo "$rate * $seconds" | bc)" -v hz="$ticks_per_second" \
        '{ms = ($3 - $2) * 1000 / hz / tickets; if (ms >= 0.001) printf "  %-24s %6.3f ms CPU per ticket\n", $1, ms}' \
    | sort -k2 -nr
