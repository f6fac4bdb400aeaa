#!/usr/bin/env bash
# Instructions per cache miss, counted by valgrind's callgrind: the same count for the same
# binary and data whatever else the machine is doing, where this kind of shared machine
# moves wall-clock and CPU-time figures by a third from one run to the next. The server
# runs under callgrind (all its threads: request workers and SQLite connection threads;
# PostgreSQL's own work is not counted); counting is zeroed after a warm-up of 20 pages and
# dumped after SAMPLE distinct article pages, each fetched once over one connection (every
# one a miss), and also after the three front pages (after the articles: a warm server).
# Also prints the server's context switches per article miss from a run without valgrind
# (each SQLite statement is a hand-over to a connection thread and back).
#
# The two dumps stay in bench/out/miss-instructions/ for callgrind_annotate.
#
# Usage: bench/miss-instructions.sh [--data DIR [--database-url URL] | --articles N] [--sample N]
# Needs: a release build (NEWSDESK_BIN=path for another), valgrind, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_args "$@"
SAMPLE=200
set -- ${ARGS[@]+"${ARGS[@]}"}
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) SAMPLE="$2"; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
bench_need curl python3 sqlite3 psql valgrind callgrind_control
bench_data
OUT="bench/out/miss-instructions"
mkdir -p "$OUT"

nd_start
article_paths | python3 -c 'import random, sys
urls = sys.stdin.read().split()
random.Random(7).shuffle(urls)
print("\n".join(urls))' > "$WORK/all.txt"
nd_stop
head -20 "$WORK/all.txt" | sed 's/^/warmup /' > "$WORK/warm.txt"
sed -n "21,$((20 + SAMPLE))p" "$WORK/all.txt" | sed 's/^/article /' > "$WORK/articles.txt"
for e in en ru ar; do echo "front /$e"; done > "$WORK/fronts.txt"

# Context switches of every thread of the server, summed.
ctx_switches() {
  cat /proc/"$ND_PID"/task/*/status 2>/dev/null \
    | awk '/ctxt_switches/ { n += $2 } END { print n + 0 }'
}
nd_start
python3 bench/pages.py fetch "$ND_BASE" "$WORK/warm.txt" > /dev/null
before=$(ctx_switches)
python3 bench/pages.py fetch "$ND_BASE" "$WORK/articles.txt" > /dev/null
after=$(ctx_switches)
nd_stop
echo "context switches per article miss: $(python3 -c "print(f'{($after - $before) / $SAMPLE:.1f}')")"

REAL_BIN="$BIN"
cat > "$WORK/under-callgrind" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$REAL_BIN" "\$@"
WRAP
chmod +x "$WORK/under-callgrind"
BIN="$WORK/under-callgrind"
nd_start
python3 bench/pages.py fetch "$ND_BASE" "$WORK/warm.txt" > /dev/null
# callgrind_control's dumps go next to the output file, numbered; "totals:" is the count
# since the last zeroing.
dump_total() {
  callgrind_control -d "$ND_PID" > /dev/null 2>&1
  sleep 1
  local f
  f=$(ls -t "$WORK"/cg.out.* | head -1)
  awk '/^(totals|summary):/ { print $2; exit }' "$f"
}
callgrind_control -z "$ND_PID" > /dev/null 2>&1
python3 bench/pages.py fetch "$ND_BASE" "$WORK/articles.txt" > "$WORK/a.txt"
articles=$(dump_total)
cp "$(ls -t "$WORK"/cg.out.* | head -1)" "$OUT/articles.callgrind"
callgrind_control -z "$ND_PID" > /dev/null 2>&1
python3 bench/pages.py fetch "$ND_BASE" "$WORK/fronts.txt" > "$WORK/f.txt"
fronts=$(dump_total)
cp "$(ls -t "$WORK"/cg.out.* | head -1)" "$OUT/fronts.callgrind"
nd_stop
grep -qv ' 200$' "$WORK/a.txt" && { echo "a sampled article did not answer 200" >&2; exit 1; }
# The ETag's SHA-256 runs on the CPU's SHA extensions natively; valgrind does not offer
# them, so under callgrind it takes the software path. Shown apart, not to be mistaken for
# a cost of the page.
sha_of() {
  callgrind_annotate --inclusive=yes "$1" 2>/dev/null \
    | awk '/sha2::sha256::soft::compress/ && !done { gsub(",", "", $1); print $1; done = 1 }'
}
sha_a=$(sha_of "$OUT/articles.callgrind"); sha_f=$(sha_of "$OUT/fronts.callgrind")
printf "%-8s %8s %20s %28s\n" kind pages "instructions/page" "of which sha256 (software)"
printf "%-8s %8s %20s %28s\n" article "$SAMPLE" "$(python3 -c "print(f'{$articles / $SAMPLE:,.0f}')")" \
  "$(python3 -c "print(f'{${sha_a:-0} / $SAMPLE:,.0f}')")"
printf "%-8s %8s %20s %28s\n" front 3 "$(python3 -c "print(f'{$fronts / 3:,.0f}')")" \
  "$(python3 -c "print(f'{${sha_f:-0} / 3:,.0f}')")"
