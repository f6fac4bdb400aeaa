# Shared by the bench scripts (sourced, not run): the binary, the data to serve, Newsdesk and
# nginx side by side on 127.0.0.1, and reading wrk's output. Source it after
# `set -euo pipefail` and `cd` to the repository root.
#
# Common flags (bench_args): --data DIR (an existing data folder, e.g. a 1M demo made once),
# --database-url URL (PostgreSQL; its media still live in DIR), --articles N (without --data:
# generate a throwaway demo of N articles), --duration S. Unknown flags are left in ARGS.
# NEWSDESK_BIN=path uses another binary (e.g. one built with CARGO_TARGET_DIR elsewhere).

BIN="${NEWSDESK_BIN:-target/release/newsdesk}"
unset NEWSDESK_BIN # not for the binary: it stops on any NEWSDESK_* variable it does not know
ND_PORT="${BENCH_ND_PORT:-18080}"
NG_PORT="${BENCH_NG_PORT:-18081}"
ND_BASE="http://127.0.0.1:$ND_PORT"
NG_BASE="http://127.0.0.1:$NG_PORT"
ND_PID=""
NG_PID=""
WORK=""      # this run's scratch folder (logs, nginx, URL lists); removed on exit
DATA=""      # the data folder served
DB_URL=""    # empty: SQLite in $DATA
OWN_DATA=""  # set when DATA was generated here (removed on exit)
ARTICLES=1000
DURATION=10
ARGS=()

bench_need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y wrk nginx-light curl python3 sqlite3 postgresql-client)" >&2; exit 2; }
  done
  [ -x "$BIN" ] || cargo build --release -p newsdesk
}

bench_cleanup() {
  [ -n "$ND_PID" ] && kill "$ND_PID" 2>/dev/null && wait "$ND_PID" 2>/dev/null
  [ -n "$NG_PID" ] && kill "$NG_PID" 2>/dev/null && wait "$NG_PID" 2>/dev/null
  [ -n "$OWN_DATA" ] && rm -rf "$OWN_DATA"
  [ -n "$WORK" ] && [ -z "${BENCH_KEEP:-}" ] && rm -rf "$WORK"
  return 0
}

# bench_args "$@": reads the common flags, makes WORK, sets the cleanup trap.
bench_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --data) DATA="$2"; shift 2 ;;
      --database-url) DB_URL="$2"; shift 2 ;;
      --articles) ARTICLES="$2"; shift 2 ;;
      --duration) DURATION="$2"; shift 2 ;;
      *) ARGS+=("$1"); shift ;;
    esac
  done
  WORK="$(mktemp -d /tmp/newsdesk-bench.XXXXXX)"
  # mktemp -d makes the folder 0700: run as root, nginx's workers (www-data) could not read
  # the files and would answer 403 (tiny responses, flattering nginx's figures).
  chmod 755 "$WORK"
  trap bench_cleanup EXIT
}

# The database flags for every newsdesk command.
db_flags() {
  printf '%s\n' --data "$DATA"
  if [ -n "$DB_URL" ]; then printf '%s\n' --database-url "$DB_URL"; fi
}

# bench_data: without --data, a throwaway demo of $ARTICLES articles (SQLite, or the given
# PostgreSQL database, which should then be empty).
bench_data() {
  if [ -n "$DATA" ]; then
    [ -d "$DATA" ] || { echo "no data folder $DATA" >&2; exit 2; }
    return
  fi
  DATA="$WORK/data"
  OWN_DATA="$DATA"
  echo "generating $ARTICLES demo articles..." >&2
  mapfile -t flags < <(db_flags)
  /usr/bin/time -f "demo: %e s, %M KB max RSS" "$BIN" demo "${flags[@]}" --articles "$ARTICLES" --seed 1 >&2
}

# nd_start [extra serve flags...]: serves DATA on ND_PORT and waits until it listens.
nd_start() {
  local log="$WORK/serve.log" flags
  mapfile -t flags < <(db_flags)
  : > "$log"
  "$BIN" serve "${flags[@]}" --listen "127.0.0.1:$ND_PORT" "$@" >> "$log" 2>&1 &
  ND_PID=$!
  for _ in $(seq 1 1200); do
    grep -q "listening on" "$log" && return 0
    kill -0 "$ND_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "newsdesk did not start; see $log" >&2
  tail -20 "$log" >&2
  exit 1
}

nd_stop() {
  [ -n "$ND_PID" ] && kill "$ND_PID" 2>/dev/null && wait "$ND_PID" 2>/dev/null
  ND_PID=""
  return 0
}

# ng_start FILE...: nginx (2 workers, sendfile, as bench/run.sh) serving the given files as
# $NG_BASE/p0.html, p1.html, ... and checking it answers each with the same bytes.
ng_start() {
  local www="$WORK/www" i=0 f
  mkdir -p "$www"
  chmod 755 "$www"
  for f in "$@"; do
    cp "$f" "$www/p$i.html"
    chmod 644 "$www/p$i.html"
    i=$((i + 1))
  done
  cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:$NG_PORT; root $www; location / { default_type text/html; } }
}
NGINX
  nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
  NG_PID=$!
  sleep 0.5
  # Both servers must answer 200 with the same bytes, or the comparison means nothing.
  for ((i = 0; i < $#; i++)); do
    curl -sf "$NG_BASE/p$i.html" | cmp -s - "$www/p$i.html" || {
      echo "nginx does not serve p$i.html as given; see $WORK/nginx-error.log" >&2
      cat "$WORK/nginx-error.log" >&2
      exit 1
    }
  done
}

# Prints the path of every published article (all editions), one a line, read from the store
# (sqlite3 or psql), not the sitemaps: the list must not depend on what is measured.
# The path is core::article_path: /{edition}/{yyyy}/{mm}/{dd}/{slug}-{id}, UTC date.
article_paths() {
  if [ -n "$DB_URL" ]; then
    psql "$DB_URL" -Atc "SELECT '/' || edition || '/' || to_char(published_at AT TIME ZONE 'UTC', 'YYYY/MM/DD')
      || '/' || slug || '-' || id FROM articles WHERE status = 'published' ORDER BY id"
  else
    sqlite3 "$DATA/newsdesk.db" "SELECT '/' || edition || '/' || replace(substr(published_at, 1, 10), '-', '/')
      || '/' || slug || '-' || id FROM articles WHERE status = 'published' ORDER BY id"
  fi
}

# CPU time (user + system, milliseconds) the Newsdesk process has used so far: read before
# and after a run, divided by the requests served, it gives the CPU cost of one request,
# which other work on a shared machine slows down but does not inflate.
nd_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$ND_PID/stat"
}
# Requests wrk completed (its "N requests in" line).
wrk_requests() { awk '/requests in/ {print $1}' "$1"; }

# wrk's figures, in req/s and milliseconds.
wrk_rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
wrk_pct() { # wrk_pct FILE 50%|99%
  awk -v p="$2" '$1 == p {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
    printf "%.2f\n", v }' "$1"
}
# The slowest completed request (wrk's Latency Max): requests still waiting when the run ends
# are in no percentile, so a stalled server shows as few requests and a long max.
wrk_max() {
  awk '$1 == "Latency" && $2 ~ /^[0-9]/ { v = $4; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
    printf "%.2f\n", v }' "$1"
}
wrk_warn() { if grep -qE "Non-2xx|Socket errors" "$1"; then echo "warning: $(grep -E 'Non-2xx|Socket errors' "$1" | xargs) in $1" >&2; fi; return 0; }
ratio() { python3 -c "import sys; a, b = float(sys.argv[1] or 0), float(sys.argv[2] or 0); print(f'{a / b:.4f}' if b else 'n/a')" "$1" "$2"; }
