#!/usr/bin/env bash
# Fails (exit 1) when a test, script, browser test or fixture refers to a file outside the
# repository, so that the README's test command works on a fresh clone. Prints one line per
# finding: "path:line: reason: text". Sample files the tests need belong in fixtures/.
#
# Scanned: crates/*/tests, the test modules of crates/*/src (Rust lines from the first
# #[cfg(test)] on, tests.rs files, insta snapshots), tests/, bench/, .ci/, fixtures/ —
# the files git tracks or would track (untracked ones included, ignored ones not).
#
# Flagged:
#   - the shared samples folder (shared/samples, ../shared, samples/<sample subfolder>);
#   - hard-coded machine paths: /work/, /home/, /Users/, /root/, /tmp/, /var/tmp/, /mnt/
#     as literal absolute paths (a mktemp template such as /tmp/x.XXXXXX is allowed; temp
#     dirs made through tempfile, mktemp, std::env::temp_dir are not literal paths);
#   - relative paths that climb above the repository root: a leading ../../.. run counted
#     from the file's folder (Rust: from the crate folder, as CARGO_MANIFEST_DIR and the
#     test working directory are; include_str!/include_bytes!: from the file's folder),
#     Path(__file__).parent chains and env!("CARGO_MANIFEST_DIR") .parent() chains, and
#     ".." joined onto a variable that names the repository root (REPO, ROOT, workspace_root…).
# A line that must stay as it is can carry the marker "check-paths: allow".
set -euo pipefail
cd "$(dirname "$0")/.."

self=".ci/check-paths.sh"
roots=()
for r in crates/*/tests crates/*/src tests bench .ci fixtures; do
  [ -e "$r" ] && roots+=("$r")
done
((${#roots[@]})) || { echo "check-paths: nothing to scan"; exit 0; }

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  list_files() { git ls-files -z --cached --others --exclude-standard -- "${roots[@]}"; }
else
  list_files() {
    find "${roots[@]}" -type f -not -path '*/node_modules/*' -not -path '*/target/*' \
      -not -path '*/screenshots/*' -print0
  }
fi

AWK="${AWK:-awk}"
status=0
findings=0
while IFS= read -r -d '' f; do
  [ "$f" = "$self" ] && continue
  [ -f "$f" ] || continue                 # listed by git but deleted in the working tree
  grep -Iq . "$f" 2>/dev/null || continue # binary or empty
  mode=all
  case "$f" in
    crates/*/src/*/snapshots/* | crates/*/src/snapshots/*) mode=all ;;
    crates/*/src/*tests.rs | crates/*/src/*/tests/*.rs) mode=all ;;
    crates/*/src/*.rs) mode=cfgtest ;;
    crates/*/src/*) continue ;;           # templates, static assets, i18n: not tests
  esac
  out=$(LC_ALL=C "$AWK" -v file="$f" -v mode="$mode" '
    function depth(p,   n, t, i) { n = 0; t = p; while ((i = index(t, "/")) > 0) { n++; t = substr(t, i + 1) } return n }
    function report(why) { printf "%s:%d: %s: %s\n", file, NR, why, trim($0); found = 1 }
    function trim(s) { sub(/^[ \t]+/, "", s); if (length(s) > 160) s = substr(s, 1, 157) "..."; return s }
    BEGIN {
      filedepth = depth(file)                        # folders between the root and the file
      cratedepth = (file ~ /^crates\/[^\/]+\//) ? 2 : filedepth
      isrs = (file ~ /\.rs$/); ispy = (file ~ /\.py$/); issh = (file ~ /\.sh$/ || file ~ /^\.ci\/[^.\/]+$/)
      active = (mode == "all")
      boundary = "(^|[^A-Za-z0-9_.~/:@$%{}-])"
      abspath = boundary "/(work|home|Users|root|tmp|var/tmp|mnt)(/|[\"\x27`]|$)"
    }
    mode == "cfgtest" && !active && /#\[cfg\(test\)\]/ { active = 1 }
    !active { next }
    /check-paths: allow/ { next }
    {
      line = $0
      if (line ~ /shared\/samples/) report("shared samples folder outside the repository (use fixtures/)")
      else if (line ~ /\.\.[\/\\]shared([\/\\"\x27`]|$)/) report("../shared is outside the repository (use fixtures/)")
      else if (line ~ /(^|[^A-Za-z0-9_-])samples\/(iptc-photo|sitemaps|feeds|schemaorg|ninjs|newsml-g2|wordpress|ghost)/) report("samples folder path (use fixtures/)")

      # Literal absolute machine paths.
      if (line ~ /file:\/\/\/(work|home|Users|root|tmp|mnt)\//) report("hard-coded machine path (file:// URL)")
      rest = line
      while (match(rest, abspath)) {
        tok = substr(rest, RSTART, RLENGTH)
        after = substr(rest, RSTART + RLENGTH)
        match(after, /^[^ \t"\x27`)]*/)
        tok = tok substr(after, 1, RLENGTH)
        if (tok !~ /XXX/) { report("hard-coded machine path"); break }  # XXX: a mktemp template
        rest = substr(after, RLENGTH + 1)
      }

      # Leading ../.. runs: how far above the base folder they climb.
      base = filedepth
      if (isrs && line !~ /include_(str|bytes)!/) base = cratedepth
      if (isrs && line ~ /CARGO_MANIFEST_DIR/) base = cratedepth
      if (issh && line !~ /dirname|BASH_SOURCE/) base = 0  # scripts here cd to the repository root first
      rest = line
      while (match(rest, /(^|[^A-Za-z0-9_.~\/$-])\/?\.\.([\/\\]\.\.)*([\/\\"\x27`]|$)/)) {
        run = substr(rest, RSTART, RLENGTH)
        n = gsub(/\.\./, "", run)
        if (n > base) { report(sprintf("relative path climbs %d folder(s) from a folder %d below the repository root", n, base)); break }
        rest = substr(rest, RSTART + RLENGTH)
      }

      # Path(__file__).parent chains (the first .parent is the file'"'"'s own folder).
      if (ispy && line ~ /__file__/) {
        t = line; gsub(/\.parents/, "", t); n = gsub(/\.parent/, "", t)
        if (n - 1 > filedepth) report(sprintf("Path(__file__) climbs %d folder(s) from a folder %d below the repository root", n - 1, filedepth))
      }
      if (isrs && line ~ /CARGO_MANIFEST_DIR/) {
        t = line; n = gsub(/\.parent\(\)/, "", t)
        if (n > cratedepth) report(sprintf("CARGO_MANIFEST_DIR climbs %d folder(s) from a folder %d below the repository root", n, cratedepth))
      }
      # ".." joined onto a name for the repository root.
      if (line ~ /(^|[^A-Za-z0-9_])(REPO|ROOT|REPO_ROOT|WORKSPACE|WORKSPACE_ROOT|repo|root|repo_root|workspace|workspace_root)[ \t]*(\/|,|\.join\(|\.push\()[ \t]*["\x27]\/?\.\.([\/\\"\x27]|$)/) report("\"..\" joined onto the repository root")
    }
    END { exit found ? 1 : 0 }
  ' "$f") || true
  if [ -n "$out" ]; then
    printf '%s\n' "$out"
    findings=$((findings + $(printf '%s\n' "$out" | wc -l)))
    status=1
  fi
done < <(list_files)

if [ "$status" -ne 0 ]; then
  echo "check-paths: ${findings} reference(s) outside the repository (sample files belong in fixtures/)" >&2
  exit 1
fi
echo "check-paths: no test, script or fixture refers outside the repository"
