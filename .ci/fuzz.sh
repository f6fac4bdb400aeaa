#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for a bounded time (FUZZ_SECONDS each, default
# 60), with libFuzzer's memory and per-input time limits. Fails on any crash, timeout or
# out-of-memory input; the input that failed is left in fuzz/artifacts/<target>/.
# Needs the nightly toolchain (libFuzzer's sanitizer flags); installs cargo-fuzz if missing.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${FUZZ_SECONDS:-60}"
rss_mb="${FUZZ_RSS_MB:-1024}"
timeout_s="${FUZZ_TIMEOUT:-10}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz

for target in $(cargo +nightly fuzz list); do
    echo "=== fuzz $target for ${seconds}s (rss ${rss_mb} MB, ${timeout_s}s per input)"
    mkdir -p "corpus/$target"
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb="$rss_mb" -timeout="$timeout_s" \
        -print_final_stats=1
done
