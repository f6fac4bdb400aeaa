#!/usr/bin/env bash
# The floor under Newsdesk's cached pages: bare hyper on tokio (crates/server/examples/floor.rs)
# and nginx serving the same file, with wrk at 64 connections, alternating ROUNDS times.
# If hyper alone is as fast as nginx, what separates Newsdesk from nginx is its own layers.
# Usage: bench/floor.sh FILE [ROUNDS] [DURATION_SECONDS]   (e.g. a page saved with curl)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="$(realpath "$1")"; ROUNDS="${2:-3}"; DURATION="${3:-6}"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "install wrk and nginx-light first" >&2; exit 2; }
cargo build --release -q -p newsdesk-server --example floor
DATA="$(mktemp -d /tmp/newsdesk-floor.XXXXXX)"; chmod 755 "$DATA"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
cp "$FILE" "$DATA/p.html"; chmod 644 "$DATA/p.html"
cat > "$DATA/nginx.conf" <<NGINX
worker_processes 2;
pid $DATA/nginx.pid;
error_log $DATA/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:18181; root $DATA; location / { default_type text/html; } }
}
NGINX
nginx -c "$DATA/nginx.conf" -g 'daemon off;' & PIDS+=($!)
target/release/examples/floor "$FILE" 127.0.0.1:18182 multi > /dev/null & PIDS+=($!)
target/release/examples/floor "$FILE" 127.0.0.1:18183 per-core > /dev/null & PIDS+=($!)
sleep 1
rps() { wrk -t2 -c64 -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
printf "%-6s %12s %14s %16s\n" round nginx hyper_multi hyper_per_core
for r in $(seq 1 "$ROUNDS"); do
  printf "%-6s %12s %14s %16s\n" "$r" "$(rps http://127.0.0.1:18181/p.html)" \
    "$(rps http://127.0.0.1:18182/)" "$(rps http://127.0.0.1:18183/)"
done
