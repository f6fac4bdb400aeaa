#!/usr/bin/env bash
# The discussion under load (issue 14), on a throwaway SQLite demo:
#  1. the thread endpoint GET /api/v1/articles/{id}/comments of an article with 5,000 visible
#     comments (written straight into the store before the server starts: a third of them
#     replies, likes on some, spread over three days), at wrk -t2 -c8: page 1 newest, page 1
#     most liked, page 100 oldest, and page 1 of an article with a demo thread of a few
#     comments for comparison. The server does not cache this endpoint: every request reads
#     the store.
#  2. the cached article page at wrk -t2 -c64, quiet, then while bench/comment_load.py posts
#     50 comments per second to that same article (every visible comment drops the page
#     from the page cache), alternating twice. The posters are bench readers made in the
#     store (confirmed, 30 days old) and logged in over HTTP, each from its own address in
#     X-Forwarded-For (the server trusts 127.0.0.1 as a proxy), taking turns so no reader
#     or address reaches the comment limits; any 429 in the table means they did. Last, the
#     same posting for DURATION s with nobody reading: the server's CPU per comment.
# Prints one table per part; wrk's output and the poster's JSON go to bench/out/comments/.
#
# Usage: bench/comments.sh [ARTICLES] [DURATION]   (defaults: 1000 demo articles, 10 s per run)
# Needs: a release build (cargo build --release -p newsdesk; NEWSDESK_BIN=path for another),
# wrk, curl, python3, sqlite3. Everything on 127.0.0.1, in a temporary folder under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES_ARG="${1:-1000}"
DURATION_ARG="${2:-10}"
source bench/lib.sh
bench_args --articles "$ARTICLES_ARG" --duration "$DURATION_ARG"
[ -x "$BIN" ] || { echo "no binary at $BIN: cargo build --release -p newsdesk first" >&2; exit 2; }
bench_need wrk curl python3 sqlite3
RATE=50           # comments per second while the article page is measured
ROUNDS=2          # quiet/loaded pairs
THREAD_SIZE=5000  # comments under the big thread
# Readers taking turns: each posts about twice per posting run, 8 s apart (limits: 5 at once,
# then one per 10 s per reader; 10 at once, then one per 6 s per address).
READERS=$(((RATE * (DURATION + 2) + 1) / 2))
[ "$READERS" -ge 50 ] || READERS=50
OUT="bench/out/comments"
mkdir -p "$OUT"
POSTER=""
trap '[ -n "$POSTER" ] && kill "$POSTER" 2>/dev/null; bench_cleanup' EXIT
bench_data
DB="$DATA/newsdesk.db"

# The English articles readers may comment on at once (not in a pre-moderated section),
# newest first, with their path (core::article_path) and visible comments.
sqlite3 -separator ' ' "$DB" "SELECT a.id, '/' || a.edition || '/' || replace(substr(a.published_at, 1, 10), '-', '/')
    || '/' || a.slug || '-' || a.id, (SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'visible')
  FROM articles a JOIN sections s ON s.id = a.section_id
  WHERE a.edition = 'en' AND a.status = 'published' AND s.premoderated = 0
  ORDER BY a.published_at DESC, a.id DESC LIMIT 20" > "$WORK/articles.txt"
# The page measured: the newest such story that has a demo thread. The small thread: of the
# other demo threads, the one nearest 5 comments. The big thread: the newest story without.
read -r PAGE_ID PAGE_PATH PAGE_N < <(awk '$3 > 0' "$WORK/articles.txt" | sed -n 1p)
read -r SMALL_ID _ SMALL_N < <(awk -v page="${PAGE_ID:-0}" '$3 > 0 && $1 != page {
  d = $3 - 5; print (d < 0 ? -d : d), NR, $0 }' "$WORK/articles.txt" | sort -n -k1,1 -k2,2 | sed -n 1p | cut -d' ' -f3-)
read -r BIG_ID _ _ < <(awk '$3 == 0' "$WORK/articles.txt" | sed -n 1p)
[ -n "${PAGE_ID:-}" ] && [ -n "${SMALL_ID:-}" ] && [ -n "${BIG_ID:-}" ] \
  || { echo "could not pick the articles from:" >&2; cat "$WORK/articles.txt" >&2; exit 1; }

echo "writing $THREAD_SIZE comments under article $BIG_ID and $READERS bench readers..." >&2
python3 bench/comment_load.py seed "$DB" "$BIG_ID" "$THREAD_SIZE" > "$OUT/seed.json"
python3 bench/comment_load.py accounts "$DB" "$READERS" > /dev/null

nd_start --trusted-proxies 127.0.0.1/32
python3 bench/comment_load.py login "$ND_BASE" "$READERS" "$WORK/sessions.json" > "$OUT/login.json"
open=$(curl -sf "$ND_BASE/api/v1/articles/$PAGE_ID/comments" | python3 -c 'import json,sys; print(json.load(sys.stdin)["open"])')
[ "$open" = True ] || { echo "the discussion of article $PAGE_ID is closed" >&2; exit 1; }

# measure NAME URL CONNECTIONS: wrk, and the server's CPU time over the run.
measure() {
  local name="$1" url="$2" conns="$3" c0 c1
  c0=$(nd_cpu_ms)
  wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 10s --latency "$url" > "$OUT/$name.txt" 2>&1
  c1=$(nd_cpu_ms)
  echo "$((c1 - c0))" > "$OUT/$name.cpu"
  wrk_warn "$OUT/$name.txt"
}
# row NAME: req/s, p50, p99, max, server CPU (% of one core), CPU per request (µs).
row() {
  local f="$OUT/$1.txt" cpu reqs
  cpu=$(cat "$OUT/$1.cpu")
  reqs=$(wrk_requests "$f")
  printf "%10s %9s %9s %9s %7s %8s" "$(wrk_rps "$f")" "$(wrk_pct "$f" 50%)" "$(wrk_pct "$f" 99%)" \
    "$(wrk_max "$f")" "$((cpu * 100 / (DURATION * 1000)))" "$((reqs > 0 ? cpu * 1000 / reqs : 0))"
}

# Part 1: the thread endpoint.
API="$ND_BASE/api/v1/articles"
THREADS=("big-newest $API/$BIG_ID/comments?sort=newest&page=1"
  "big-liked $API/$BIG_ID/comments?sort=liked&page=1"
  "big-oldest-p100 $API/$BIG_ID/comments?sort=oldest&page=100"
  "small-newest $API/$SMALL_ID/comments?sort=newest&page=1")
for t in "${THREADS[@]}"; do
  read -r name url <<< "$t"
  curl -sf -o "$WORK/$name.json" "$url" || { echo "$url does not answer 200" >&2; exit 1; }
  measure "$name" "$url" 8
done

# Part 2: the cached article page, quiet and while readers post.
PAGE_URL="$ND_BASE$PAGE_PATH"
curl -sf -o "$WORK/page.html" "$PAGE_URL" || { echo "$PAGE_URL does not answer 200" >&2; exit 1; }
first=0
for r in $(seq 1 "$ROUNDS"); do
  measure "page-quiet-$r" "$PAGE_URL" 64
  python3 bench/comment_load.py post "$ND_BASE" "$PAGE_ID" "$WORK/sessions.json" "$RATE" "$((DURATION + 2))" \
    "$first" "r$r" > "$OUT/poster-$r.json" &
  POSTER=$!
  sleep 1
  measure "page-posting-$r" "$PAGE_URL" 64
  wait "$POSTER"
  POSTER=""
  first=$((first + RATE * (DURATION + 2)))
done
# The posting alone, without readers of the page: what the comments themselves cost.
sleep 2
c0=$(nd_cpu_ms)
python3 bench/comment_load.py post "$ND_BASE" "$PAGE_ID" "$WORK/sessions.json" "$RATE" "$DURATION" \
  "$first" alone > "$OUT/poster-alone.json"
echo "$(($(nd_cpu_ms) - c0))" > "$OUT/poster-alone.cpu"
sleep 3 # past the page-cache consumer's 2 s poll: the page should now print the store's count
db_count=$(sqlite3 "$DB" "SELECT COUNT(*) FROM comments WHERE article_id = $PAGE_ID AND status = 'visible'")
curl -sf -o "$WORK/page-after.html" "$PAGE_URL"

echo
echo "thread endpoint, wrk -t2 -c8 -d${DURATION}s (article $BIG_ID: $(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["visible"], "visible,", s["top_level"], "top-level")' "$OUT/seed.json"); article $SMALL_ID: $SMALL_N)"
printf "%-16s %8s %10s %9s %9s %9s %7s %8s\n" request bytes req/s p50_ms p99_ms max_ms cpu_% cpu_us/req
for t in "${THREADS[@]}"; do
  read -r name _ <<< "$t"
  printf "%-16s %8s %s\n" "$name" "$(wc -c < "$WORK/$name.json")" "$(row "$name")"
done
echo
echo "article page $PAGE_PATH ($(wc -c < "$WORK/page.html") bytes, $PAGE_N comments before), wrk -t2 -c64 -d${DURATION}s; posting: $RATE comments/s from $READERS readers"
printf "%-16s %10s %9s %9s %9s %7s %8s %7s %9s %-12s %s\n" run req/s p50_ms p99_ms max_ms cpu_% cpu_us/req ratio posted/s answers post_p50/p99_ms
for r in $(seq 1 "$ROUNDS"); do
  printf "%-16s %s\n" "quiet-$r" "$(row "page-quiet-$r")"
  q=$(wrk_rps "$OUT/page-quiet-$r.txt")
  l=$(wrk_rps "$OUT/page-posting-$r.txt")
  read -r posted answers post_ms < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); a=s["answer_ms"]; print(s["accepted_per_s"], ",".join(f"{k}:{v}" for k,v in sorted(s["statuses"].items())), str(a["p50"]) + "/" + str(a["p99"]))' "$OUT/poster-$r.json")
  printf "%-16s %s %7s %9s %-12s %s\n" "posting-$r" "$(row "page-posting-$r")" "$(ratio "$l" "$q" | cut -c1-4)" \
    "$posted" "$answers" "$post_ms"
done
read -r posted answers post_ms accepted < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); a=s["answer_ms"]; print(s["accepted_per_s"], ",".join(f"{k}:{v}" for k,v in sorted(s["statuses"].items())), str(a["p50"]) + "/" + str(a["p99"]), s["statuses"].get("201", 0))' "$OUT/poster-alone.json")
cpu=$(cat "$OUT/poster-alone.cpu")
printf "%-16s %10s %9s %9s %9s %7s %8s %7s %9s %-12s %s\n" "posting-alone" - - - - "$((cpu * 100 / (DURATION * 1000)))" \
  "$((accepted > 0 ? cpu * 1000 / accepted : 0))" - "$posted" "$answers" "$post_ms"
echo "(posting-alone: no wrk; its cpu_us/req is the server's CPU per comment posted)"
shown=$(grep -o 'class="discussion__count"[^>]*>[^<]*' "$WORK/page-after.html" | head -1 | sed 's/.*>//' || true)
echo "visible comments under article $PAGE_ID: store $db_count, page 3 s after the last post: ${shown:-not found}"
for r in $(seq 1 "$ROUNDS") alone; do
  errs=$(python3 -c 'import json,sys; print("; ".join(json.load(open(sys.argv[1]))["errors"]))' "$OUT/poster-$r.json")
  [ -z "$errs" ] || echo "poster $r refusals: $errs" >&2
done
