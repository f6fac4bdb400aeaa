#!/usr/bin/env bash
# Memory after a crawl: wrk walks URLS distinct pages once each (article pages from the
# store and every section's ?page=N pages, shuffled together) with CONCURRENCY
# connections, then the server's VmRSS and VmHWM are read from /proc and set against the
# page cache's byte budget. Target (issue 13): RSS under the budget plus a stated base.
#
# Usage: bench/crawl-rss.sh [--data DIR [--database-url URL] | --articles N]
#                           [--urls N] [--concurrency C] [--budget BYTES] [--duration S]
#   --data DIR            serve an existing data folder (e.g. a 1M demo made once)
#   --database-url URL    its PostgreSQL database (media stay in DIR)
#   --articles N          without --data: generate a throwaway SQLite demo (default 1000)
#   --urls N              distinct URLs to crawl (default 100000; fewer if the site has fewer)
#   --concurrency C       connections (default 16)
#   --budget BYTES        page cache budget, passed as --page-cache-bytes when the binary
#                         has that flag (otherwise the binary's default is reported)
#   --duration S          upper bound on the crawl in seconds (default 1800)
#   --base BYTES          what the server holds besides the page cache (default 192 MiB:
#                         allocator arenas, database connections and their statement and
#                         page caches, templates, buffers); the run checks
#                         VmRSS <= budget + base and says which
# Needs: a release build (NEWSDESK_BIN=path for another), wrk, curl, python3. 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=1800
bench_args "$@"
URLS=100000
CONC=16
BUDGET=""
BASE=$((192 * 1024 * 1024))
set -- ${ARGS[@]+"${ARGS[@]}"}
while [ $# -gt 0 ]; do
  case "$1" in
    --urls) URLS="$2"; shift 2 ;;
    --concurrency) CONC="$2"; shift 2 ;;
    --budget) BUDGET="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
bench_need wrk curl python3 sqlite3 psql
bench_data
OUT="bench/out/crawl-rss"
mkdir -p "$OUT"

SERVE_FLAGS=()
if "$BIN" serve --help | grep -q -- '--page-cache-bytes'; then
  [ -n "$BUDGET" ] && SERVE_FLAGS=(--page-cache-bytes "$BUDGET")
  budget_note="${BUDGET:-the default}"
else
  budget_note="the binary's built-in bound (no --page-cache-bytes flag)"
fi

# The list, made on a first start (its few cached pages go with the restart).
nd_start
article_paths > "$WORK/articles.txt"
python3 bench/pages.py listpages "$ND_BASE" > "$WORK/lists.txt"
nd_stop
cat "$WORK/articles.txt" "$WORK/lists.txt" | python3 -c 'import random, sys
urls = sys.stdin.read().split()
random.Random(13).shuffle(urls)
print("\n".join(urls[:int(sys.argv[1])]))' "$URLS" > "$WORK/crawl.txt"
N=$(wc -l < "$WORK/crawl.txt")

nd_start ${SERVE_FLAGS[@]+"${SERVE_FLAGS[@]}"}
before="$(grep -E '^Vm(RSS|HWM)' "/proc/$ND_PID/status" | xargs)"
start=$(date +%s.%N)
wrk -t2 -c"$CONC" -d"${DURATION}s" --timeout 30s --latency -s bench/urls.lua "$ND_BASE" \
  -- "$WORK/crawl.txt" 2 stop "$WORK/done" > "$OUT/wrk.txt" 2>&1 &
WRK=$!
# Each wrk thread leaves a marker when its share is done; SIGINT makes wrk report at once.
while kill -0 "$WRK" 2>/dev/null; do
  if [ -e "$WORK/done.1" ] && [ -e "$WORK/done.2" ]; then kill -INT "$WRK"; break; fi
  sleep 0.2
done
wait "$WRK" || true
secs=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.0f}')" "$start" "$(date +%s.%N)")
after="$(grep -E '^Vm(RSS|HWM)' "/proc/$ND_PID/status" | xargs)"
wrk_warn "$OUT/wrk.txt"

echo "crawl: $N URLs listed ($(wc -l < "$WORK/articles.txt") articles, $(wc -l < "$WORK/lists.txt") section pages available), $(grep 'distinct URLs' "$OUT/wrk.txt")"
echo "crawl: $(wrk_rps "$OUT/wrk.txt") req/s over ${secs} s, p50 $(wrk_pct "$OUT/wrk.txt" 50%) ms, p99 $(wrk_pct "$OUT/wrk.txt" 99%) ms, $CONC connections"
echo "server before the crawl: $before"
echo "server after the crawl:  $after"
echo "page cache budget: $budget_note"
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$ND_PID/status")
limit_kb=$(( (${BUDGET:-268435456} + BASE) / 1024 ))
if [ "$rss_kb" -le "$limit_kb" ]; then verdict=within; else verdict=OVER; fi
echo "VmRSS $((rss_kb / 1024)) MiB; budget + base = $((limit_kb / 1024)) MiB: $verdict"
