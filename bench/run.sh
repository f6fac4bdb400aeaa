#!/usr/bin/env bash
# Side-by-side benchmark: Newsdesk serving its pages vs nginx serving the same HTML bytes
# as static files, in the same run, with wrk at 64 connections. Prints one line per page:
#   page  newsdesk_rps  nginx_rps  ratio  newsdesk_p99  nginx_p99
# Usage: bench/run.sh [ARTICLES] [DURATION_SECONDS]   (defaults: 1000 articles, 10 s)
# Needs: a release build (cargo build --release -p newsdesk), nginx (nginx-light), wrk.
# NEWSDESK_BIN=path uses another binary (e.g. one built with CARGO_TARGET_DIR elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-1000}"
DURATION="${2:-10}"
BIN="${NEWSDESK_BIN:-target/release/newsdesk}"
unset NEWSDESK_BIN  # not for the binary: it stops on any NEWSDESK_* variable it does not know
OUT="bench/out/$ARTICLES"
mkdir -p "$OUT"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "install wrk and nginx-light first" >&2; exit 2; }
[ -x "$BIN" ] || cargo build --release -p newsdesk

DATA="$(mktemp -d /tmp/newsdesk-bench.XXXXXX)"
ND_PID=""; NG_PID=""
trap 'kill $ND_PID $NG_PID 2>/dev/null || true; rm -rf "$DATA"' EXIT

echo "generating $ARTICLES demo articles..." >&2
/usr/bin/time -f "demo: %e s, %M KB max RSS" "$BIN" demo --data "$DATA" --articles "$ARTICLES" --seed 1 >&2

"$BIN" serve --data "$DATA" --listen 127.0.0.1:18080 > "$DATA/serve.log" 2>&1 &
ND_PID=$!
for _ in $(seq 1 100); do grep -q "listening on" "$DATA/serve.log" && break; sleep 0.1; done
BASE=http://127.0.0.1:18080

# The pages: the front page, a section page and the newest article.
FRONT="/en"
SECTION="$(curl -s "$BASE$FRONT" | grep -o 'href="/en/section/[a-z0-9-]*/*"' | sed -n 1p | sed 's/href="//; s/"$//')"
ARTICLE="$(curl -s "$BASE$FRONT" | grep -Eo 'href="/en/[0-9]{4}/[0-9]{2}/[0-9]{2}/[a-z0-9-]+"' | sed -n 1p | sed 's/href="//; s/"$//')"

mkdir -p "$DATA/www"
# mktemp -d makes the folder 0700: when this runs as root, nginx's workers (www-data) could
# not read the files and would answer 403 (tiny responses, flattering nginx's figures).
chmod 755 "$DATA" "$DATA/www"
cat > "$DATA/nginx.conf" <<NGINX
worker_processes 2;
pid $DATA/nginx.pid;
error_log $DATA/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:18081; root $DATA/www; location / { default_type text/html; } }
}
NGINX
# The pages to measure, as name=path; EXTRA_PAGES="about=/en/pages/about" adds more (a
# small page shows how much of a ratio is the bytes a response moves).
PAGES=("front=$FRONT" "section=$SECTION" "article=$ARTICLE")
for extra in ${EXTRA_PAGES:-}; do PAGES+=("$extra"); done
i=0
for entry in "${PAGES[@]}"; do
  curl -s "$BASE${entry#*=}" > "$DATA/www/p$i.html"
  i=$((i+1))
done
nginx -c "$DATA/nginx.conf" -g 'daemon off;' &
NG_PID=$!
sleep 0.5
# Both servers must answer 200 with the same bytes, or the comparison means nothing.
for i in "${!PAGES[@]}"; do
  curl -sf "http://127.0.0.1:18081/p$i.html" | cmp -s - "$DATA/www/p$i.html" \
    || { echo "nginx does not serve p$i.html as fetched from Newsdesk; see $DATA/nginx-error.log" >&2; cat "$DATA/nginx-error.log" >&2; exit 1; }
done

run_wrk() { wrk -t2 -c64 -d"${DURATION}s" --latency "$1" 2>&1; }
rps() { awk '/Requests\/sec/ {print $2}'; }
p99() { awk '$1=="99%" {print $2}'; }

printf "%-10s %12s %12s %7s %10s %10s %8s\n" page newsdesk_rps nginx_rps ratio nd_p99 nginx_p99 bytes
for i in "${!PAGES[@]}"; do
  name=${PAGES[$i]%%=*}; page=${PAGES[$i]#*=}
  run_wrk "$BASE$page" > "$OUT/$name-newsdesk.txt"
  run_wrk "http://127.0.0.1:18081/p$i.html" > "$OUT/$name-nginx.txt"
  nd=$(rps < "$OUT/$name-newsdesk.txt"); ng=$(rps < "$OUT/$name-nginx.txt")
  printf "%-10s %12s %12s %7.2f %10s %10s %8s\n" "$name" "$nd" "$ng" "$(echo "$nd / $ng" | bc -l)" \
    "$(p99 < "$OUT/$name-newsdesk.txt")" "$(p99 < "$OUT/$name-nginx.txt")" "$(wc -c < "$DATA/www/p$i.html")"
  for f in "$OUT/$name-newsdesk.txt" "$OUT/$name-nginx.txt"; do
    if grep -q "Non-2xx" "$f"; then echo "warning: $(grep Non-2xx "$f" | xargs) in $f" >&2; fi
  done
done
echo "pages: $FRONT $SECTION $ARTICLE ($(wc -c < "$DATA/www/p2.html") bytes article HTML)"
