#!/usr/bin/env bash
# Server CPU per cached article request (user+system from /proc over an 8 s wrk run at 64
# connections on one article URL). Usage as bench/long-tail.sh: NEWSDESK_BIN=… bench/hit-cpu.sh --data DIR
set -euo pipefail
source bench/lib.sh
bench_args "$@"
bench_need wrk curl python3
bench_data
nd_start
article_paths > "$WORK/paths.txt"; path=$(sed -n 1p "$WORK/paths.txt")
curl -sf "$ND_BASE$path" > /dev/null
curl -sf "$ND_BASE$path" > /dev/null
before=$(nd_cpu_ms)
wrk -t2 -c64 -d8s "$ND_BASE$path" > "$WORK/hit.txt" 2>&1
after=$(nd_cpu_ms)
n=$(wrk_requests "$WORK/hit.txt")
python3 -c "print(f'{($after-$before)*1000/$n:.1f} us per cached article, {$n/8:.0f} req/s')"
