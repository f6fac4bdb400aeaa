#!/usr/bin/env bash
# One cache miss at one connection: distinct pages each fetched once over one keep-alive
# connection (bench/pages.py), so every request renders from the store. Prints p50/p90/max
# per kind of page: article, section (page 1), section-deep (?page=N), tag, author; and front,
# feed (RSS) and sitemap-index, which are one URL per edition: the server is restarted
# RESTARTS times and each is fetched once per start, on a warm server: after /healthz,
# /robots.txt and 20 article pages outside the sample (as on a busy day, when a front page
# is rendered again after a publish by a server that has been serving for a while).
# Target (issue 13, at 1,000,000 articles): p50 under 2 ms for an article page, under 5 ms for
# a front or section page.
#
# Usage: bench/one-miss.sh [--data DIR [--database-url URL] | --articles N] [--sample N] [--restarts R]
#   --data DIR            serve an existing data folder (e.g. a 1M demo made once)
#   --database-url URL    its PostgreSQL database (media stay in DIR)
#   --articles N          without --data: generate a throwaway SQLite demo (default 1000)
#   --sample N            article pages to fetch (default 300)
#   --restarts R          server starts for the front/feed/sitemap samples (default 5)
# Needs: a release build (NEWSDESK_BIN=path for another), curl, python3. 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_args "$@"
SAMPLE=300
RESTARTS=5
set -- ${ARGS[@]+"${ARGS[@]}"}
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) SAMPLE="$2"; shift 2 ;;
    --restarts) RESTARTS="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
bench_need curl python3 sqlite3 psql
bench_data
OUT="bench/out/one-miss"
mkdir -p "$OUT"

nd_start
article_paths > "$WORK/articles.txt"
python3 bench/pages.py discover "$ND_BASE" "$WORK/articles.txt" "$SAMPLE" > "$WORK/pages.txt"
nd_stop

{
  echo "warmup /healthz"
  echo "warmup /robots.txt"
  grep -vxFf <(awk '{print $2}' "$WORK/pages.txt") "$WORK/articles.txt" | tail -20 | sed 's/^/warmup /'
  for e in en ru ar; do echo "front /$e"; done
  for e in en ru ar; do echo "feed /$e/feed.rss"; done
  echo "sitemap-index /sitemap.xml"
} > "$WORK/singles.txt"

: > "$OUT/samples.txt"
for r in $(seq 1 "$RESTARTS"); do
  nd_start
  python3 bench/pages.py fetch "$ND_BASE" "$WORK/singles.txt" | grep -v '^warmup ' >> "$OUT/samples.txt"
  if [ "$r" = 1 ]; then
    python3 bench/pages.py fetch "$ND_BASE" "$WORK/pages.txt" >> "$OUT/samples.txt"
  fi
  nd_stop
done
python3 bench/pages.py summary "$OUT/samples.txt"
echo "published articles: $(wc -l < "$WORK/articles.txt")"
