#!/usr/bin/env bash
# The archive's long tail: wrk -t2 -c64 over every article URL of the archive in a shuffled
# order (the list read from the store; each URL asked once, so every request is a cache
# miss, as when crawlers and old shared links walk the archive), then nginx serving one
# article's bytes as a static file, in the same run. Prints req/s, p50, p99 and the ratio.
# Target (issue 13): at least 0.05 x nginx, p99 under 100 ms.
#
# Usage: bench/long-tail.sh [--data DIR [--database-url URL] | --articles N] [--duration S]
#   --data DIR            serve an existing data folder (e.g. a 1M demo made once)
#   --database-url URL    its PostgreSQL database (media stay in DIR)
#   --articles N          without --data: generate a throwaway SQLite demo (default 1000)
#   --duration S          seconds per wrk run (default 30)
# Needs: a release build (NEWSDESK_BIN=path for another), wrk, nginx (nginx-light), curl,
# python3. Everything on 127.0.0.1:18080/18081; output kept under bench/out/long-tail.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=30
bench_args "$@"
bench_need wrk nginx curl python3 sqlite3 psql
bench_data
OUT="bench/out/long-tail"
mkdir -p "$OUT"

nd_start
article_paths | python3 -c 'import random, sys
urls = sys.stdin.read().split()
random.Random(13).shuffle(urls)
print("\n".join(urls))' > "$WORK/all.txt"
TOTAL=$(wc -l < "$WORK/all.txt")
[ "$TOTAL" -gt 0 ] || { echo "the store holds no published article" >&2; exit 1; }
# nginx serves the first article's bytes; that one URL (now cached) leaves the list.
curl -sf "$ND_BASE$(head -1 "$WORK/all.txt")" > "$WORK/article.html"
tail -n +2 "$WORK/all.txt" > "$WORK/urls.txt"
ng_start "$WORK/article.html"

cpu_before=$(nd_cpu_ms)
wrk -t2 -c64 -d"${DURATION}s" --timeout 10s --latency -s bench/urls.lua "$ND_BASE" \
  -- "$WORK/urls.txt" 2 > "$OUT/newsdesk.txt" 2>&1
cpu_after=$(nd_cpu_ms)
wrk -t2 -c64 -d"${DURATION}s" --latency "$NG_BASE/p0.html" > "$OUT/nginx.txt" 2>&1
wrk_warn "$OUT/newsdesk.txt"
wrk_warn "$OUT/nginx.txt"

nd=$(wrk_rps "$OUT/newsdesk.txt")
ng=$(wrk_rps "$OUT/nginx.txt")
printf "%-10s %12s %12s %8s %10s %10s %10s %10s %10s\n" test newsdesk_rps nginx_rps ratio \
  nd_p50_ms nd_p99_ms nd_max_ms ng_p50_ms ng_p99_ms
printf "%-10s %12s %12s %8s %10s %10s %10s %10s %10s\n" long-tail "$nd" "$ng" "$(ratio "$nd" "$ng")" \
  "$(wrk_pct "$OUT/newsdesk.txt" 50%)" "$(wrk_pct "$OUT/newsdesk.txt" 99%)" "$(wrk_max "$OUT/newsdesk.txt")" \
  "$(wrk_pct "$OUT/nginx.txt" 50%)" "$(wrk_pct "$OUT/nginx.txt" 99%)"
echo "published articles: $TOTAL; $(grep 'distinct URLs' "$OUT/newsdesk.txt")"
echo "server CPU per miss: $(python3 -c "print(f'{($cpu_after - $cpu_before) / max(1, $(wrk_requests "$OUT/newsdesk.txt")):.2f} ms')") (user+system, $((cpu_after - cpu_before)) ms for $(wrk_requests "$OUT/newsdesk.txt") requests)"
echo "article HTML: $(wc -c < "$WORK/article.html") bytes; server RSS after: $(grep -E 'VmRSS' "/proc/$ND_PID/status" | xargs)"
