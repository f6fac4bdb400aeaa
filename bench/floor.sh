#!/usr/bin/env bash
# The floor under Newsdesk's cached pages: bare hyper on tokio (crates/server/examples/floor.rs)
# and nginx serving the same file, with wrk at 64 connections, alternating ROUNDS times.
# If hyper alone is as fast as nginx, what separates Newsdesk from nginx is its own layers.
# Usage: bench/floor.sh FILE [ROUNDS] [DURATION_SECONDS]   (e.g. a page saved with curl)
set -euo pipefail
FILE="$(realpath "$1")"; ROUNDS="${2:-3}"; SECONDS_EACH="${3:-6}"
cd "$(dirname "$0")/.."
source bench/lib.sh
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "install wrk and nginx-light first" >&2; exit 2; }
bench_args
cargo build --release -q -p newsdesk-server --example floor
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; bench_cleanup' EXIT
ng_start "$FILE"
target/release/examples/floor "$FILE" 127.0.0.1:18182 multi > /dev/null & PIDS+=($!)
target/release/examples/floor "$FILE" 127.0.0.1:18183 per-core > /dev/null & PIDS+=($!)
sleep 1
rps() { wrk -t2 -c64 -d"${SECONDS_EACH}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
printf "%-6s %12s %14s %16s\n" round nginx hyper_multi hyper_per_core
for r in $(seq 1 "$ROUNDS"); do
  printf "%-6s %12s %14s %16s\n" "$r" "$(rps "$NG_BASE/p0.html")" \
    "$(rps http://127.0.0.1:18182/)" "$(rps http://127.0.0.1:18183/)"
done
