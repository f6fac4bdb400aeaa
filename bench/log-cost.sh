#!/usr/bin/env bash
# What the request log costs: the same Newsdesk binary and demo data, served alternately with
# the default log level (one INFO line per request, to stderr) and with NEWSDESK_LOG=warn
# (no request line, no request span), wrk -t2 -c64 against the front page and the newest
# article. The server's output goes to a file, as in bench/run.sh. Levels alternate in each
# round so that a noisy neighbour hurts both alike. Prints one line per round, level and page:
#   round  level  page  rps  p99  non2xx
# then the mean ratio warn/default per page and the request-log volume.
# Usage: bench/log-cost.sh [ARTICLES] [DURATION_SECONDS] [ROUNDS]   (defaults: 1000, 10, 2)
# Uses NEWSDESK_BIN like bench/run.sh (default target/release/newsdesk).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-1000}"
DURATION="${2:-10}"
ROUNDS="${3:-2}"
BIN="${NEWSDESK_BIN:-target/release/newsdesk}"
unset NEWSDESK_BIN  # not for the binary: it stops on any NEWSDESK_* variable it does not know
OUT="bench/out/log-cost-$ARTICLES"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "install wrk first" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release -p newsdesk)" >&2; exit 2; }
unset NEWSDESK_LOG

DATA="$(mktemp -d /tmp/newsdesk-logcost.XXXXXX)"
ND_PID=""
trap 'kill $ND_PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
BASE=http://127.0.0.1:18080

echo "generating $ARTICLES demo articles..." >&2
"$BIN" demo --data "$DATA" --articles "$ARTICLES" --seed 1 > "$DATA/demo.log" 2>&1 || { tail "$DATA/demo.log" >&2; exit 1; }

start() { # $1: default|warn; appending, so that truncating the log file later works
  rm -f "$DATA/serve-$1.log"
  if [ "$1" = warn ]; then
    NEWSDESK_LOG=warn "$BIN" serve --data "$DATA" --listen 127.0.0.1:18080 >> "$DATA/serve-$1.log" 2>&1 &
  else
    "$BIN" serve --data "$DATA" --listen 127.0.0.1:18080 >> "$DATA/serve-$1.log" 2>&1 &
  fi
  ND_PID=$!
  for _ in $(seq 1 200); do curl -sf -o /dev/null "$BASE/en" && return 0; sleep 0.1; done
  echo "server did not come up" >&2; exit 1
}
stop() { kill "$ND_PID"; wait "$ND_PID" 2>/dev/null || true; ND_PID=""; }

start default
FRONT="/en"
ARTICLE="$(curl -s "$BASE$FRONT" | grep -Eo 'href="/en/[0-9]{4}/[0-9]{2}/[0-9]{2}/[a-z0-9-]+"' | sed -n 1p | sed 's/href="//; s/"$//')"
stop

run_wrk() { wrk -t2 -c64 -d"${DURATION}s" --latency "$1" 2>&1; }
printf "%-5s %-8s %-8s %10s %9s %7s\n" round level page rps p99 non2xx
for r in $(seq 1 "$ROUNDS"); do
  # Alternate which level goes first, so neither always gets the quieter slot.
  if [ $((r % 2)) -eq 1 ]; then levels="default warn"; else levels="warn default"; fi
  for level in $levels; do
    start "$level"
    : > "$DATA/serve-$level.log"  # count only the lines of the measured runs
    for name in front article; do
      if [ "$name" = front ]; then page="$FRONT"; else page="$ARTICLE"; fi
      curl -s -o /dev/null "$BASE$page"  # fill the page cache
      f="$OUT/r$r-$level-$name.txt"
      run_wrk "$BASE$page" > "$f"
      printf "%-5s %-8s %-8s %10s %9s %7s\n" "$r" "$level" "$name" \
        "$(awk '/Requests\/sec/ {print $2}' "$f")" "$(awk '$1=="99%" {print $2}' "$f")" \
        "$(awk '/Non-2xx/ {print $NF}' "$f" | grep . || echo 0)"
    done
    if [ "$level" = default ]; then
      echo "  request log: $(grep -c ' request' "$DATA/serve-default.log" || true) lines," \
        "$(wc -c < "$DATA/serve-default.log") bytes; e.g. $(grep -m1 ' request' "$DATA/serve-default.log" | cut -c1-200)" >&2
    fi
    stop
  done
done

for name in front article; do
  d=$(cat "$OUT"/r*-default-$name.txt | awk '/Requests\/sec/ {s+=$2; n++} END {print s/n}')
  w=$(cat "$OUT"/r*-warn-$name.txt | awk '/Requests\/sec/ {s+=$2; n++} END {print s/n}')
  printf "mean %-8s default %10.0f  warn %10.0f  warn/default %5.2f\n" "$name" "$d" "$w" "$(echo "$w / $d" | bc -l)"
done
echo "article: $ARTICLE"
