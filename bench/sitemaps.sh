#!/usr/bin/env bash
# Sitemaps at scale (issue 13): the time to serve the sitemap index and each article sitemap
# file, on an existing data folder (SQLite) or PostgreSQL database. Every file is fetched
# twice: the first request is a page-cache miss (the store queries and the render), the
# second a hit. The index is never cached, so each of its requests is a miss.
#
#   bench/sitemaps.sh --data DIR [--database-url postgres://…] [--index-runs N]
#
# Prints the index's time (median and max of N runs) and, over all article files, the
# median and max miss and hit times with the largest file's URL count and bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${NEWSDESK_BIN:-target/release/newsdesk}"
unset NEWSDESK_BIN
PORT="${BENCH_SM_PORT:-18090}"
BASE="http://127.0.0.1:$PORT"
DATA="" DB_URL="" RUNS=20
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --database-url) DB_URL="$2"; shift 2 ;;
    --index-runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
[ -n "$DATA" ] || { echo "usage: $0 --data DIR [--database-url URL]" >&2; exit 2; }
[ -x "$BIN" ] || cargo build --release -p newsdesk
WORK="$(mktemp -d /tmp/newsdesk-sitemaps.XXXXXX)"
flags=(--data "$DATA" --listen "127.0.0.1:$PORT" --base-url "$BASE")
[ -n "$DB_URL" ] && flags+=(--database-url "$DB_URL")
"$BIN" serve "${flags[@]}" > "$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "$BASE/robots.txt" && break
  sleep 0.2
done

stats() { # reads seconds, one a line; prints "median max" in ms
  sort -n | awk '{ v[NR] = $1 } END { printf "%.1f %.1f", v[int((NR + 1) / 2)] * 1000, v[NR] * 1000 }'
}

for _ in $(seq 1 "$RUNS"); do
  curl -fs -o "$WORK/index.xml" -w '%{time_total}\n' "$BASE/sitemap.xml"
done > "$WORK/index.times"
files=$(grep -o "<loc>[^<]*-articles-[^<]*</loc>" "$WORK/index.xml" | sed 's/<[^>]*>//g')
echo "index: $(wc -l < "$WORK/index.times") requests, median/max ms: $(stats < "$WORK/index.times"), $(echo "$files" | wc -l) article files"

: > "$WORK/miss.times"; : > "$WORK/hit.times"; urls=0; biggest=0; biggest_urls=0
for f in $files; do
  curl -fs -o "$WORK/f.xml" -w '%{time_total}\n' "$f" >> "$WORK/miss.times"
  curl -fs -o /dev/null -w '%{time_total}\n' "$f" >> "$WORK/hit.times"
  n=$(grep -o "<url>" "$WORK/f.xml" | wc -l)
  b=$(stat -c %s "$WORK/f.xml")
  urls=$((urls + n))
  if [ "$b" -gt "$biggest" ]; then biggest=$b; biggest_urls=$n; fi
done
echo "article files: $urls URLs in all; largest file $biggest_urls URLs, $biggest bytes"
echo "file miss median/max ms: $(stats < "$WORK/miss.times")"
echo "file hit  median/max ms: $(stats < "$WORK/hit.times")"
