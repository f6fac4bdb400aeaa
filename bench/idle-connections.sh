#!/usr/bin/env bash
# Idle-connection flood (issue 12 point 3): K TCP connections that send nothing, spread over
# source addresses 127.0.0.2… (at most 200 per address, under the per-client cap), held for
# HOLD seconds; meanwhile a normal client (curl, from 127.0.0.1) fetches the front page every
# 100 ms. Prints one line per round:
#   K  mode  addresses  opened refused closed_by_server closed_after(p50/max s)  open_near_end
#   normal client p50 / p90 / max ms and failures, server descriptors and RSS while flooded
# Modes: hold (open once, keep), reconnect (reopen whatever the server closes, at once).
# Usage: bench/idle-connections.sh [K...]   (default: 1000 5000 20000)
# Needs python3 and curl; a release build (cargo build --release -p newsdesk) or NEWSDESK_BIN.
# Loopback only; every round ends after HOLD seconds (default 14: past the 10 s header timeout).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=("$@"); [ ${#ROUNDS[@]} -gt 0 ] || ROUNDS=(1000 5000 20000)
BIN="${NEWSDESK_BIN:-target/release/newsdesk}"
unset NEWSDESK_BIN  # not for the binary: it stops on any NEWSDESK_* variable it does not know
HOLD="${HOLD:-14}"
PORT=18090
BASE="http://127.0.0.1:$PORT"
PER_PROCESS=5000  # a client process stays well under its own open-file limit
command -v python3 >/dev/null && command -v curl >/dev/null || { echo "needs python3 and curl" >&2; exit 2; }
[ -x "$BIN" ] || cargo build --release -p newsdesk
ulimit -n "$(ulimit -Hn)"

DATA="$(mktemp -d /tmp/newsdesk-idle.XXXXXX)"
ND_PID=""
trap 'kill $ND_PID 2>/dev/null || true; wait 2>/dev/null; rm -rf "$DATA"' EXIT
"$BIN" demo --data "$DATA" --articles 100 --seed 1 > "$DATA/demo.log" 2>&1
"$BIN" serve --data "$DATA" --listen "127.0.0.1:$PORT" > "$DATA/serve.log" 2>&1 &
ND_PID=$!
for _ in $(seq 1 100); do grep -q "listening on" "$DATA/serve.log" && break; sleep 0.1; done
grep -m1 'connection limits' "$DATA/serve.log" | grep -o 'max_connections.*' | sed 's/^/server: /'
curl -sf -o /dev/null "$BASE/en"  # fills the page cache: the normal client measures hits

# N fetches 100 ms apart; prints "p50 / p90 / max ms, failures".
normal_client() {
  for _ in $(seq 1 "$1"); do
    curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}\n' "$BASE/en" || echo "000 5"
    sleep 0.1
  done | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
t = sorted(float(r[1]) * 1000 for r in rows)
fails = sum(r[0] != "200" for r in rows)
pick = lambda q: t[min(len(t) - 1, int(len(t) * q))]
slow = sum(x >= 100 for x in t)
print(f"{pick(0.5):.1f} / {pick(0.9):.1f} / {t[-1]:.1f} ms, {slow} of {len(t)} over 100 ms, {fails} failed")'
}

# flood K ADDRESSES MODE: starts the client processes in the background, writes $DATA/flood.*
flood() {
  local k=$1 addresses=$2 mode=$3 first=2 p=0
  rm -f "$DATA"/flood.*
  local left=$k
  while [ "$left" -gt 0 ]; do
    local n=$(( left < PER_PROCESS ? left : PER_PROCESS ))
    local ips=$(( addresses == 1 ? 1 : (n + 199) / 200 ))
    python3 bench/idle_flood.py "$PORT" "$n" "$HOLD" --ips "$ips" --first "$first" $mode > "$DATA/flood.$p" &
    [ "$addresses" -eq 1 ] || first=$(( first + ips ))
    left=$(( left - n )); p=$(( p + 1 ))
  done
}

summary() {
  python3 - "$DATA" <<'PY'
import glob, json, sys
rows = [json.loads(open(f).read()) for f in glob.glob(sys.argv[1] + "/flood.*")]
s = {k: sum(r.get(k, 0) for r in rows) for k in ("opened", "refused", "closed_by_server", "open_near_end", "connect_errors")}
p50 = max((r.get("closed_after_p50_s", 0) for r in rows), default=0)
mx = max((r.get("closed_after_max_s", 0) for r in rows), default=0)
print(f"{s['opened']:>7} {s['refused']:>7} {s['closed_by_server']:>7} {p50:>5}/{mx:<5} {s['open_near_end']:>7} {s['connect_errors']:>5}")
PY
}

printf "%-6s %-9s %5s | %7s %7s %7s %11s %7s %5s | %s\n" K mode addrs opened refused closed "after(s)" open_end cerr "normal client (p50 / p90 / max) | server fds, RSS MB"
echo "baseline (no flood): normal client p50/p90/max ms, fails: $(normal_client 20)"
round() {
  local k=$1 addresses=$2 mode=$3
  flood "$k" "$addresses" "$mode"
  sleep 3
  local fds rss
  fds=$(ls /proc/$ND_PID/fd | wc -l)
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$ND_PID/status) / 1024 ))
  local normal
  normal=$(normal_client 40)
  wait $(jobs -p | grep -v "^$ND_PID$") 2>/dev/null || true
  printf "%-6s %-9s %5s | %s | %s | %s fds, %s MB\n" "$k" "${mode:---hold}" "$addresses" "$(summary)" "$normal" "$fds" "$rss"
  sleep 2
}
for k in "${ROUNDS[@]}"; do
  round "$k" "$(( (k + 199) / 200 ))" ""
done
last="${ROUNDS[${#ROUNDS[@]}-1]}"
round "$last" "$(( (last + 199) / 200 ))" --reconnect
round "$last" 1 ""
echo "server log: $(grep -c 'connection refused' "$DATA/serve.log" || true) refusal lines, $(grep -c 'cannot accept' "$DATA/serve.log" || true) accept-error lines"
