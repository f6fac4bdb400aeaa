#!/usr/bin/env bash
# The live parts under load (docs/LIVE.md), with bench/loadgen (newsdesk-loadgen) as client,
# against `serve --demo` on a throwaway SQLite demo of ARTICLES articles:
#  1. chat, for each N in SIZES: N anonymous read-only sockets in one article's room, then
#     one staff sender (an Admin API token, exempt from flood control) posting RATE messages
#     per second for CHAT_SECONDS. Measured: connects and failures, acks, deliveries received
#     vs sent × N, delivery latency send → every socket (p50/p90/p99/max), deliveries per
#     second, sockets the server closed (close codes, e.g. 4008 slow consumer), and the
#     server's VmRSS before connecting and once all are connected and idle: (connected −
#     before) / N is the memory per chat socket.
#  2. newsfeed stream, for each N in SIZES: N SSE streams of /api/v1/live/en held for
#     SSE_SECONDS while PUBLISH newsfeed items are published through the Admin API, one per
#     second. Measured: streams that got their hello, how many received each item, and the
#     publish → receive latency.
#  3. IDLE idle SSE streams for SSE_SECONDS: the server's RSS before and with them all open,
#     per stream and in total (the goal: under 1 GiB), and how many are still open at the end.
# Every run gets a freshly started server (same data), warmed up by 10 connections of the same
# kind, whose RSS is left to settle first: "before" is a quiet server's. A size the open-file
# limit cannot hold (the server keeps an eighth of its limit in reserve and says so at start)
# is lowered, with a note; the idle figure is then also extrapolated to 20,000.
# CPU %: the server's and the loadgen's CPU time (100 = one core) from the first send or
# publish to the last delivery (chat, sse with --publish) or over the hold (idle).
# Prints a markdown table of every run; each run's output (ending with the loadgen's
# `RESULT {json}` line) and the server's log go to bench/out/live/.
#
# Usage: bench/live.sh [--sizes "1000 10000"] [--idle 20000] [--rate 10] [--chat-seconds 20]
#                      [--sse-seconds 10] [--publish 5] [--articles 200] [--data DIR]
#                      [--concurrency 256] [--source-ips 1]
#   --data DIR      serve an existing data folder instead of a fresh demo (filled by --demo if
#                   empty); a bench token is added to it.
#   --source-ips K  spread the client's connections over 127.0.0.1 … 127.0.0.K.
#   BENCH_ND_PORT   the server's port (default 18180); BENCH_KEEP=1 keeps the scratch folder.
#   NEWSDESK_BIN, LOADGEN_BIN  binaries to use instead of building them.
# Needs: cargo (builds newsdesk and newsdesk-loadgen in release), curl, python3, sqlite3.
# Run as root for the open-file limit (200,000: client and server each hold one descriptor
# per connection) and the wider ephemeral port range; both are tried, and said when refused.
# The server and the client share the machine's cores: the latencies include the client's
# own work, and a 2-core machine is saturated well before the server alone would be.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_ND_PORT="${BENCH_ND_PORT:-18180}"
source bench/lib.sh
bench_args --articles 200 "$@"
set -- "${ARGS[@]+"${ARGS[@]}"}"
SIZES="1000 10000"
IDLE=20000
RATE=10
CHAT_SECONDS=20
SSE_SECONDS=10
PUBLISH=5
CONCURRENCY=256
SOURCE_IPS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --chat-seconds) CHAT_SECONDS="$2"; shift 2 ;;
    --sse-seconds) SSE_SECONDS="$2"; shift 2 ;;
    --publish) PUBLISH="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --source-ips) SOURCE_IPS="$2"; shift 2 ;;
    *) echo "unknown flag $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[ -z "$DB_URL" ] || { echo "live.sh serves SQLite only (no --database-url)" >&2; exit 2; }
for tool in curl python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y curl python3 sqlite3)" >&2; exit 2; }
done

# NEWSDESK_BIN / LOADGEN_BIN: use these binaries instead of building them.
LOADGEN="${LOADGEN_BIN:-target/release/newsdesk-loadgen}"
PACKAGES=()
[ "$BIN" != target/release/newsdesk ] || PACKAGES+=(-p newsdesk)
[ -n "${LOADGEN_BIN:-}" ] || PACKAGES+=(-p newsdesk-loadgen)
[ ${#PACKAGES[@]} -eq 0 ] || cargo build --release "${PACKAGES[@]}"
OUT="bench/out/live"
mkdir -p "$OUT"
rm -f "$OUT"/*.txt

# One descriptor per connection on each side, plus the server's own.
if ! { ulimit -Hn 200000 && ulimit -n 200000; } 2>/dev/null; then
  ulimit -n "$(ulimit -Hn)"
  echo "note: could not raise the open-file limit to 200000 (now $(ulimit -n)); large runs may fail with EMFILE" >&2
fi
# 127.0.0.1 → one port: about 28,000 ephemeral ports by default. Widened for the run and
# put back after it: a range that covers nearly every port makes other programs' "free"
# ports collide with outgoing connections.
PORT_RANGE_BEFORE="$(tr '\t' ' ' < /proc/sys/net/ipv4/ip_local_port_range)"
trap 'sysctl -w net.ipv4.ip_local_port_range="$PORT_RANGE_BEFORE" >/dev/null 2>&1 || true; bench_cleanup' EXIT
if ! sysctl -w net.ipv4.ip_local_port_range="1024 65000" >/dev/null 2>&1; then
  echo "note: ephemeral ports stay $(tr '\t' ' ' < /proc/sys/net/ipv4/ip_local_port_range)" >&2
fi

if [ -z "$DATA" ]; then
  DATA="$WORK/data"
  mkdir -p "$DATA"
fi
# serve: the server with the limits raised for one client address holding every connection.
serve() {
  NEWSDESK_DEMO_ARTICLES="$ARTICLES" NEWSDESK_MAX_CONNECTIONS=60000 NEWSDESK_MAX_CONNECTIONS_PER_CLIENT=60000 \
    NEWSDESK_LIVE_MAX_PER_CLIENT=60000 NEWSDESK_LOG=warn nd_start --demo
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$ND_PID/status"; }
# settle_rss: waits (3 to 60 s) until the server's RSS moves less than 512 KiB in 3 s: after the
# demo is made, and after a run, the allocator gives memory back for a while.
settle_rss() {
  local prev cur
  prev=$(rss_kib)
  for _ in $(seq 1 20); do
    sleep 3
    cur=$(rss_kib)
    [ $((cur > prev ? cur - prev : prev - cur)) -lt 512 ] && return 0
    prev=$cur
  done
}

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)" # other work on the machine skews every figure
echo "starting newsdesk (demo of $ARTICLES articles in $DATA)..." >&2
serve
cp "$WORK/serve.log" "$OUT/serve-start.log"
# The server lowers its connection cap to fit its open-file limit (and says so at start).
CAP="$(grep -o 'max_connections=[0-9]*' "$WORK/serve.log" | head -1 | cut -d= -f2 || true)"
CAP="${CAP:-60000}"
# fit N: N, or fewer when the server's cap or this shell's open-file limit cannot hold N.
fit() {
  local lim=$(($(ulimit -n) - 200))
  [ $((CAP - 100)) -ge "$lim" ] || lim=$((CAP - 100))
  if [ "$1" -gt "$lim" ]; then
    echo "note: $1 connections lowered to $lim (open files $(ulimit -n), server cap $CAP)" >&2
    echo "$lim"
  else
    echo "$1"
  fi
}

TOKEN="$("$BIN" token create --data "$DATA" --name bench --role editor 2>/dev/null | tail -1)"
[ -n "$TOKEN" ] || { echo "could not create an API token" >&2; exit 1; }

# The newest published English article (its path ends in -{id}), and its room.
ARTICLE_ID="$(sqlite3 "$DATA/newsdesk.db" "SELECT id FROM articles WHERE status = 'published' AND edition = 'en'
  ORDER BY published_at DESC, id DESC LIMIT 1" 2>/dev/null || true)"
if [ -z "$ARTICLE_ID" ]; then
  ARTICLE_ID="$(curl -sf "$ND_BASE/en/latest" | grep -oE 'href="/en/[0-9]{4}/[0-9]{2}/[0-9]{2}/[^"]*-[0-9]+"' \
    | head -1 | grep -oE '[0-9]+"$' | tr -d '"' || true)"
fi
[ -n "$ARTICLE_ID" ] || { echo "found no published English article" >&2; exit 1; }
ROOM_JSON="$(curl -sf "$ND_BASE/api/v1/chat/articles/$ARTICLE_ID/room")" \
  || { echo "GET /api/v1/chat/articles/$ARTICLE_ID/room failed" >&2; exit 1; }
ROOM="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$ROOM_JSON")"
echo "article $ARTICLE_ID, room $ROOM: $ROOM_JSON" >&2
curl -sf -o /dev/null --max-time 2 "$ND_BASE/api/v1/live/en" || [ $? -eq 28 ] \
  || { echo "GET /api/v1/live/en does not answer 200" >&2; exit 1; }

# run NAME chat|sse loadgen-args...: on a freshly started server (the same data), warmed up by
# 10 connections of the same kind and left to settle, so that each run's RSS "before" is a
# quiet server's and its "connected" − "before" is what these connections cost.
RUNS=()
run() {
  local name="$1" mode="$2"
  shift 2
  echo "== $name: newsdesk-loadgen $mode $*" >&2
  nd_stop
  serve
  local common=(--base "$ND_BASE" --server-pid "$ND_PID" --connect-concurrency "$CONCURRENCY" --source-ips "$SOURCE_IPS")
  if [ "$mode" = chat ]; then
    "$LOADGEN" chat --room "$ROOM" --clients 10 --rate 5 --seconds 1 --token "$TOKEN" "${common[@]}" > "$OUT/$name.warmup" 2>&1 || true
  else
    "$LOADGEN" sse --clients 10 --seconds 1 "${common[@]}" > "$OUT/$name.warmup" 2>&1 || true
  fi
  settle_rss
  "$LOADGEN" "$mode" "$@" "${common[@]}" > "$OUT/$name.txt" 2> "$OUT/$name.err" || {
    echo "loadgen failed; see $OUT/$name.err" >&2
    tail -5 "$OUT/$name.err" >&2
  }
  grep -v '^RESULT ' "$OUT/$name.txt" >&2 || true
  cp "$WORK/serve.log" "$OUT/$name.serve.log"
  kill -0 "$ND_PID" 2>/dev/null || { echo "the server died; see $OUT/$name.serve.log" >&2; tail -20 "$WORK/serve.log" >&2; exit 1; }
  RUNS+=("$name")
}

for n in $SIZES; do
  n=$(fit "$n")
  run "chat-$n" chat --room "$ROOM" --clients "$n" --rate "$RATE" --seconds "$CHAT_SECONDS" --token "$TOKEN"
  run "sse-$n" sse --edition en --clients "$n" --seconds "$SSE_SECONDS" --publish "$PUBLISH" --token "$TOKEN"
done
if [ "$IDLE" -gt 0 ]; then
  n=$(fit "$IDLE")
  run "sse-idle-$n" sse --edition en --clients "$n" --seconds "$SSE_SECONDS"
fi

echo
echo "newsdesk live parts, $(nproc) cores shared by server and client; chat: $RATE msg/s for ${CHAT_SECONDS} s;" \
  "sse: $PUBLISH items published 1/s, streams held ${SSE_SECONDS} s; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT" "${RUNS[@]}" <<'PY'
import json, sys
out, runs = sys.argv[1], sys.argv[2:]
print()
print("| run | conns | connected | failed | closed by server | sent | delivered / expected | p50 ms | p90 ms | p99 ms | max ms | deliveries/s | server CPU % | client CPU % | RSS before MiB | RSS connected MiB | KiB per conn |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
mib = lambda k: f"{k / 1024:.1f}" if k is not None else "-"
notes = []
for name in runs:
    r = None
    for line in open(f"{out}/{name}.txt"):
        if line.startswith("RESULT "):
            r = json.loads(line[len("RESULT "):])
    if r is None:
        print(f"| {name} | no result: see {out}/{name}.err |" + " |" * 15)
        continue
    lat, rss = r["latency_ms"], r["rss"]
    closed = str(r["closed_by_server"])
    codes = r.get("close_codes") or r.get("close_reasons") or {}
    if codes:
        closed += " (" + ", ".join(f"{k}: {v}" for k, v in codes.items()) + ")"
    failed = str(r["connect_failures"])
    if r["connect_failure_reasons"]:
        failed += " (" + ", ".join(f"{k}: {v}" for k, v in r["connect_failure_reasons"].items()) + ")"
    if r["mode"] == "chat":
        sent = f'{r["sent"]} (acks {r["acks"]})'
        rate = r["deliveries_per_second"]
        if r.get("problem"):
            notes.append(f"{name}: {r['problem']}")
        if r["send_errors"]:
            notes.append(f"{name}: send errors {r['send_errors']}")
    else:
        sent = f'{r["published"]} items' if r["publish_requested"] else f'idle, {r["still_open"]} open at end'
        rate = "-"
        if r["publish_requested"]:
            notes.append(f'{name}: streams that received each item: {r["received_per_item"]}; publish statuses {r["publish_status"]}')
    has_lat = lat["count"] > 0
    cell = lambda v: f"{v:.2f}" if has_lat else "-"
    delivered = f'{r["deliveries_received"]} / {r["deliveries_expected"]}' if r["deliveries_expected"] or r["deliveries_received"] else "-"
    per = rss["per_connection_kib"]
    cpu = r.get("cpu") or {}
    pct = lambda c, k: f"{c[k]:.0f}" if c.get(k) is not None else "-"
    print(f'| {name} | {r["clients"]} | {r["connected"]} | {failed} | {closed} | {sent} | {delivered} | '
          f'{cell(lat["p50"])} | {cell(lat["p90"])} | {cell(lat["p99"])} | {cell(lat["max"])} | {rate} | '
          f'{pct(cpu, "server_pct")} | {pct(cpu, "client_pct")} | '
          f'{mib(rss["before_kib"])} | {mib(rss["connected_kib"])} | {per if per is not None else "-"} |')
    if r["mode"] == "sse" and not r["publish_requested"] and rss["connected_kib"] is not None:
        total = rss["connected_kib"] / 1024
        line = (f'{name}: server RSS with {r["connected"]} idle streams {total:.1f} MiB '
                f'({"under" if total < 1024 else "OVER"} the 1 GiB goal), {mib(rss["connected_kib"] - rss["before_kib"])} MiB for the streams')
        if r["connected"] < 20000 and rss["per_connection_kib"] is not None:
            at = (rss["before_kib"] + rss["per_connection_kib"] * 20000) / 1024
            line += f'; at 20,000 streams (extrapolated) {at:.1f} MiB'
        notes.append(line)
print()
for n in notes:
    print(f"- {n}")
PY
echo
echo "raw output: $OUT/ (each run's .txt ends with its RESULT line; .err has the progress)"
