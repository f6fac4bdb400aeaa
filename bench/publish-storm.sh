#!/usr/bin/env bash
# The front page on a busy news day: wrk -t2 -c64 on the English front page while
# bench/publish_storm.py publishes a new article every 0.5 s through the Admin API and polls
# the front page every 20 ms (anonymous, no cookies) to time how long each new article takes
# to appear there after its publish answer; then nginx serving the front page's bytes, in the
# same run. Target (issue 13): at least 0.5 x nginx, p99 under 50 ms, every new article on
# the front page within 1 s.
#
# Usage: bench/publish-storm.sh [--data DIR [--database-url URL] | --articles N] [--duration S]
#   --data DIR            serve an existing data folder (e.g. a 1M demo made once); the
#                         published articles stay in it (about 2 per second of --duration)
#   --database-url URL    its PostgreSQL database (media stay in DIR)
#   --articles N          without --data: generate a throwaway SQLite demo (default 1000)
#   --duration S          seconds of the storm and of the nginx run (default 15)
# Needs: a release build (NEWSDESK_BIN=path for another), wrk, nginx (nginx-light), curl,
# python3. Creates an editor API token named "publish-storm bench". Everything on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
DURATION=15
bench_args "$@"
bench_need wrk nginx curl python3
bench_data
OUT="bench/out/publish-storm"
mkdir -p "$OUT"
EDITION=en

mapfile -t flags < <(db_flags)
TOKEN="$("$BIN" token create "${flags[@]}" --name "publish-storm bench" --role editor 2>/dev/null | tail -1)"
[ -n "$TOKEN" ] || { echo "could not create an API token" >&2; exit 1; }
nd_start
curl -sf "$ND_BASE/$EDITION" > "$WORK/front.html"
ng_start "$WORK/front.html"

python3 bench/publish_storm.py "$ND_BASE" "$TOKEN" "$EDITION" "$DURATION" 0.5 0.02 \
  > "$OUT/storm.json" &
STORM=$!
wrk -t2 -c64 -d"${DURATION}s" --timeout 10s --latency "$ND_BASE/$EDITION" > "$OUT/newsdesk.txt" 2>&1
wait "$STORM"
wrk -t2 -c64 -d"${DURATION}s" --latency "$NG_BASE/p0.html" > "$OUT/nginx.txt" 2>&1
wrk_warn "$OUT/newsdesk.txt"
wrk_warn "$OUT/nginx.txt"

nd=$(wrk_rps "$OUT/newsdesk.txt")
ng=$(wrk_rps "$OUT/nginx.txt")
printf "%-10s %12s %12s %8s %10s %10s %10s %10s\n" test newsdesk_rps nginx_rps ratio nd_p50_ms nd_p99_ms nd_max_ms ng_p99_ms
printf "%-10s %12s %12s %8s %10s %10s %10s %10s\n" front "$nd" "$ng" "$(ratio "$nd" "$ng")" \
  "$(wrk_pct "$OUT/newsdesk.txt" 50%)" "$(wrk_pct "$OUT/newsdesk.txt" 99%)" "$(wrk_max "$OUT/newsdesk.txt")" \
  "$(wrk_pct "$OUT/nginx.txt" 99%)"
python3 - "$OUT/storm.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
t, a = s["time_to_front_ms"], s["publish_answer_ms"]
print(f"publishes: {s['publishes']}, on the front: {s['seen_on_front']} (over 1 s: {s['over_1s']}, "
      f"never within 10 s: {s['missed']}); time to front p50 {t['p50']} ms, p90 {t['p90']} ms, "
      f"max {t['max']} ms; publish answer p50 {a['p50']} ms, max {a['max']} ms")
if s["error_count"]:
    print(f"errors: {s['error_count']}, first: {s['errors']}")
PY
echo "front page HTML: $(wc -c < "$WORK/front.html") bytes"
