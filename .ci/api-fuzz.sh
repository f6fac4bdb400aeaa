#!/usr/bin/env bash
# A bounded schema-driven fuzz of the Admin API: schemathesis (tests/api-fuzz/requirements.txt)
# generates requests from /api/v1/openapi.json and sends them, with an admin token, to a
# throwaway `serve --demo`; any 5xx, undocumented status code, wrong content type or answer
# that breaks its schema fails the run. On SQLite, then again on PostgreSQL when
# API_FUZZ_DATABASE_URL names an empty database (it is migrated and filled by the demo).
#
#   .ci/api-fuzz.sh                          # SQLite only
#   API_FUZZ_DATABASE_URL=postgres://… .ci/api-fuzz.sh
#
# Knobs: API_FUZZ_MAX_EXAMPLES (per operation, default 30), API_FUZZ_MAX_TIME (seconds per
# backend for schemathesis, default 200), API_FUZZ_SEED. Ends with "api fuzz: N passed, N failed"
# (one per backend); exit status non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_EXAMPLES="${API_FUZZ_MAX_EXAMPLES:-30}"
MAX_TIME="${API_FUZZ_MAX_TIME:-200}"
SEED="${API_FUZZ_SEED:-$RANDOM}"
BIN="${NEWSDESK_BIN:-target/debug/newsdesk}"
VENV="${API_FUZZ_VENV:-target/api-fuzz-venv}"
WORK="$(mktemp -d -t newsdesk-api-fuzz.XXXXXX)"
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

[ -x "$BIN" ] && [ -z "${API_FUZZ_REBUILD:-}" ] || cargo build -p newsdesk --quiet
if [ ! -x "$VENV/bin/st" ] || ! cmp -s tests/api-fuzz/requirements.txt "$VENV/requirements.txt"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/api-fuzz/requirements.txt
  cp tests/api-fuzz/requirements.txt "$VENV/requirements.txt"
fi

passed=0; failed=0

# fuzz NAME [--database-url URL]
fuzz() {
  local name="$1"; shift
  local data="$WORK/$name"
  mkdir -p "$data"
  "$BIN" serve --demo --demo-articles 40 --listen 127.0.0.1:0 --data "$data" "$@" \
    > "$data/out.log" 2> "$data/err.log" &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    grep -q "listening on" "$data/out.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  local url
  url="$(grep -o 'http://[0-9.:]*' "$data/out.log" | head -1 || true)"
  if [ -z "$url" ]; then
    echo "api fuzz ($name): the demo server did not start"; cat "$data/err.log"
    failed=$((failed + 1)); cleanup; SERVER_PID=""; return
  fi
  local token
  token="$("$BIN" token create --data "$data" "$@" --name "api fuzz" --role admin | grep -o 'nd_[A-Za-z0-9_-]*' | head -1)"
  echo "api fuzz ($name): $url, seed $SEED, $MAX_EXAMPLES examples per operation, at most ${MAX_TIME}s"
  set +e
  # One worker: hypothesis's lambda-source lookup calls ast.parse, which CPython 3.11 breaks
  # ("AST constructor recursion depth mismatch") when two threads do it at once.
  # --rate-limit: the API allows 600 requests a minute per credential (429 is documented,
  # but a run spent on 429s tests nothing).
  # The live stream never ends and the socket speaks WebSocket: their own tests cover them.
  timeout 600 "$VENV/bin/st" run "$url/api/v1/openapi.json" \
    --url "$url" \
    --exclude-path-regex '^/api/v1/(live/|chat/rooms/\{room\}/socket)' \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$MAX_EXAMPLES" \
    --max-time "$MAX_TIME" \
    --rate-limit 9/s \
    --request-timeout 20 \
    --seed "$SEED" \
    --no-color \
    --warnings off \
    --suppress-health-check all \
    --report junit --report-junit-path "$data/junit.xml" \
    2>&1 | tee "$data/schemathesis.log"
  local rc=${PIPESTATUS[0]}
  set -e
  if grep -qE 'panicked|ERROR' "$data/err.log"; then
    echo "api fuzz ($name): the server logged errors:"; grep -E 'panicked|ERROR' "$data/err.log" | head -20
    rc=1
  fi
  cleanup; SERVER_PID=""
  if [ "$rc" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "api fuzz ($name): FAILED (exit $rc; logs in $data)"; fi
}

fuzz sqlite
if [ -n "${API_FUZZ_DATABASE_URL:-}" ]; then
  fuzz postgres --database-url "$API_FUZZ_DATABASE_URL"
fi

echo "api fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
