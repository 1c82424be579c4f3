#!/usr/bin/env bash
# One sweep stage timed twice: in one process, then on the queue with W worker processes (a
# private redis-server on 127.0.0.1, stopped at the end). Each run gets an empty feature cache.
# Usage: scripts/queue-compare.sh <workers> <sweep arguments...>   (no --out, --cache, --queue)
# e.g.   scripts/queue-compare.sh 2 --model student-v1 --corpus small --stages 1 --no-baseline
set -euo pipefail
cd "$(dirname "$0")/.."
workers=$1; shift
tmp=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
now() { date +%s.%N; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now)
node bin/diffpir.mjs sweep "$@" --cache "$tmp/single-cache" --out "$tmp/single.json" > "$tmp/single.log" 2>&1
t1=$(now)
echo "1 process: $(echo "$t1 - $t0" | bc) s (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp" > "$tmp/redis.log" 2>&1 &
pids+=($!)
until redis-cli -p "$port" ping > /dev/null 2>&1; do sleep 0.1; done
for _ in $(seq "$workers"); do
  node bin/diffpir.mjs worker --queue "redis://127.0.0.1:$port" >> "$tmp/workers.log" 2>&1 &
  pids+=($!)
done
until [ "$(grep -c 'on the queue at' "$tmp/workers.log" 2>/dev/null)" = "$workers" ]; do sleep 0.2; done
t2=$(now)
node bin/diffpir.mjs sweep "$@" --cache "$tmp/queued-cache" --out "$tmp/queued.json" --queue "redis://127.0.0.1:$port" > "$tmp/queued.log" 2>&1
t3=$(now)
echo "$workers workers: $(echo "$t3 - $t2" | bc) s (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "ratio (1 process / $workers workers): $(echo "scale=2; ($t1 - $t0) / ($t3 - $t2)" | bc)"
node -e "
const [a, b] = ['single', 'queued'].map((n) => require('$tmp/' + n + '.json'));
const strip = (c) => JSON.stringify({ ...c, seconds: 0, finishedAt: 0 });
const same = a.cells.length === b.cells.length && a.cells.every((c, i) => strip(c) === strip(b.cells[i]));
console.log('cells: ' + a.cells.length + ', same figures in both files: ' + same);
console.log('cell seconds (1 process): ' + a.cells.map((c) => c.seconds.total.toFixed(0)).join(' '));
console.log('cell seconds (queue): ' + b.cells.map((c) => c.seconds.total.toFixed(0)).join(' '));"
