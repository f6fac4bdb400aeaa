#!/usr/bin/env bash
# Time and peak memory of rendering the worst article bodies of issue 12, one process
# per body so each peak RSS is its own. Usage: bench/worst-bodies.sh [name...]
# (names as in crates/core/examples/worst_bodies.rs; default: the issue's bodies).
# TIMEOUT (seconds, default 300) stops a body that does not finish.
set -euo pipefail
cd "$(dirname "$0")/.."

timeout_s="${TIMEOUT:-300}"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    names=(gt-100k dash-60k dash-60k-x gt-40k table-20k normal-200k gt-space-50k ol-50k div-30k linkref-amplify)
fi

cargo build --quiet --release -p newsdesk-core --example worst_bodies
bin="${CARGO_TARGET_DIR:-target}/release/examples/worst_bodies"

printf '%-16s %10s %12s  %s\n' body seconds peak_rss_mb output
for name in "${names[@]}"; do
    log="$(mktemp)"
    if out="$(timeout "$timeout_s" /usr/bin/time -v "$bin" "$name" 2>"$log")"; then
        secs="$(grep -o '[0-9.]* s$' <<<"$out" | cut -d' ' -f1)"
        bytes="$(grep -o 'out *[0-9]* bytes' <<<"$out" | tr -s ' ' | cut -d' ' -f2)"
        rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
        printf '%-16s %10s %12s  %s bytes\n' "$name" "$secs" "$((rss_kb / 1024))" "$bytes"
    else
        printf '%-16s %10s %12s  %s\n' "$name" ">${timeout_s}" "-" "timed out"
    fi
    rm -f "$log"
done
