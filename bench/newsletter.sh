#!/usr/bin/env bash
# A 100,000-recipient digest send (issue 16): the real `newsdesk serve` makes the day's
# digest at --digest-at 00:00 (due at once) and its send_newsletters job sends it, signed
# with DKIM, to a counting aiosmtpd sink (bench/smtp_sink.py) on 127.0.0.1. Prints messages
# per second (first to last message at the sink), the server's peak RSS (VmHWM) and CPU
# time per message, the sink's own ceiling (smtplib sending the same message over one
# connection) and the ratio, and checks every recipient got exactly one copy.
#
#   bench/newsletter.sh [--recipients N] [--rate R] [--articles N | --data DIR]
#                       [--database-url URL]   (an empty PostgreSQL database)
#
# --recipients: confirmed digest subscribers of the English edition (default 100000), made
# with one SQL statement, as an import would. --rate: newsletter_rate (default 5000, i.e.
# as fast as it goes). Needs python3 with aiosmtpd (pip install aiosmtpd==1.4.6), openssl,
# sqlite3 (or psql).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RECIPIENTS=100000
RATE=5000
ARTICLES=200
bench_args "$@"
set -- "${ARGS[@]+"${ARGS[@]}"}"
while [ $# -gt 0 ]; do
  case "$1" in
    --recipients) RECIPIENTS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
bench_need python3 openssl
python3 -c "import aiosmtpd" 2>/dev/null || { echo "needs aiosmtpd: python3 -m pip install aiosmtpd==1.4.6" >&2; exit 2; }
bench_data

sql() {
  if [ -n "$DB_URL" ]; then psql -q "$DB_URL" -v ON_ERROR_STOP=1 -Atc "$1"; else sqlite3 "$DATA/newsdesk.db" "$1"; fi
}

# The subscribers: confirmed, on the English digest. Addresses the demo cannot have made.
echo "making $RECIPIENTS confirmed subscribers..." >&2
now="$(date -u +%Y-%m-%dT%H:%M:%S.000000Z)"
if [ -n "$DB_URL" ]; then
  sql "INSERT INTO subscribers (email, edition, status, created_at, confirmed_at)
       SELECT 'bench' || n || '@example.com', 'en', 'confirmed', now(), now()
       FROM generate_series(1, $RECIPIENTS) AS n"
else
  sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $RECIPIENTS)
       INSERT INTO subscribers (email, edition, status, created_at, confirmed_at)
       SELECT 'bench' || i || '@example.com', 'en', 'confirmed', '$now', '$now' FROM n"
fi
sql "INSERT INTO subscriber_lists (subscriber_id, list)
     SELECT id, 'digest' FROM subscribers WHERE email LIKE 'bench%@example.com'"
# Only the English digest goes: the bench's recipients are all there, and the other lists'
# (the demo's few subscribers, if any) would only add noise.
sql "DELETE FROM subscriber_lists WHERE list <> 'digest'
       OR subscriber_id NOT IN (SELECT id FROM subscribers WHERE edition = 'en')"

# A DKIM key, as production would sign every message.
openssl genrsa -out "$WORK/dkim.pem" 2048 2>/dev/null

SMTP_PORT="${BENCH_SMTP_PORT:-18025}"
STATS="$WORK/sink.json"
python3 bench/smtp_sink.py serve "$SMTP_PORT" "$STATS" > "$WORK/sink.log" 2>&1 &
SINK_PID=$!
trap 'kill "$SINK_PID" 2>/dev/null; bench_cleanup' EXIT
for _ in $(seq 1 100); do [ -s "$STATS" ] && break; sleep 0.1; done

stat_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$STATS" "$1"; }

started=$(date +%s.%N)
nd_start --smtp-url "smtp://127.0.0.1:$SMTP_PORT" --newsletter-rate "$RATE" --digest-at 00:00 \
  --dkim-domain bench.example --dkim-selector bench --dkim-key "$WORK/dkim.pem" \
  --base-url http://bench.example
cpu0=$(nd_cpu_ms)
echo "serving; waiting for $RECIPIENTS messages at the sink..." >&2
peak=0
last_report=0
while :; do
  got=$(stat_of messages)
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$ND_PID/status")
  [ "$hwm" -gt "$peak" ] && peak=$hwm
  [ "$got" -ge "$RECIPIENTS" ] && break
  kill -0 "$ND_PID" 2>/dev/null || { echo "newsdesk exited; see $WORK/serve.log" >&2; tail -20 "$WORK/serve.log" >&2; exit 1; }
  elapsed=$(python3 -c "import time; print(int(time.time() - $started))")
  if [ "$elapsed" -ge $((last_report + 30)) ]; then
    echo "  ${elapsed} s: $got messages" >&2
    last_report=$elapsed
  fi
  [ "$elapsed" -lt 3600 ] || { echo "not done within an hour: $got of $RECIPIENTS" >&2; exit 1; }
  sleep 1
done
sleep 1 # the sink's last counts
cpu1=$(nd_cpu_ms)
rss_now=$(awk '/VmRSS/ {print $2}' "/proc/$ND_PID/status")
nd_stop

messages=$(stat_of messages)
recipients=$(stat_of recipients)
repeats=$(stat_of repeats)
one_click=$(stat_of one_click)
dkim=$(stat_of dkim)
bytes=$(stat_of bytes)
span=$(python3 -c "import json; s = json.load(open('$STATS')); print(f\"{s['last'] - s['first']:.1f}\")")
rate=$(python3 -c "print(f'{$messages / max($span, 0.001):.1f}')")
cpu_per=$(python3 -c "print(f'{($cpu1 - $cpu0) / $messages:.3f}')")
size=$(python3 -c "print($bytes // $messages)")

# The sink's ceiling: the same message, over one connection, from a client doing nothing else.
ceiling=$(python3 bench/smtp_sink.py blast "$SMTP_PORT" 10000 "$STATS.sample.eml")

echo
echo "recipients $RECIPIENTS, rate limit $RATE/s, $(nproc) cores, message ~$size bytes"
echo "sent:        $messages messages to $recipients distinct recipients, $repeats repeated"
echo "headers:     $one_click with List-Unsubscribe-Post, $dkim DKIM-signed"
echo "send:        $rate messages/s over $span s (first to last message at the sink)"
echo "server:      peak RSS $((peak / 1024)) MiB (VmHWM), $((rss_now / 1024)) MiB at the end, CPU $cpu_per ms per message"
echo "sink:        ceiling $ceiling messages/s (smtplib, one connection, same message)"
echo "ratio:       $(ratio "$rate" "$ceiling") of the sink's ceiling"
counts=$(sql "SELECT status || ' ' || count(*) FROM newsletter_deliveries GROUP BY status ORDER BY status" | tr '\n' ' ')
echo "store:       $counts"
[ "$messages" -eq "$RECIPIENTS" ] && [ "$recipients" -eq "$RECIPIENTS" ] && [ "$repeats" -eq 0 ] \
  || { echo "FAILED: every recipient should have exactly one copy" >&2; exit 1; }
