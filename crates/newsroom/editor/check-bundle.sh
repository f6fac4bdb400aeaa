#!/usr/bin/env bash
# Fails when ../static/rich-editor.js (committed, and compiled into the newsroom) is not
# exactly what a fresh build from package-lock.json makes, so the served bundle never
# drifts from its sources. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
# esbuild's install script only verifies its binary, which npm installs as a package anyway.
npm ci --ignore-scripts --no-audit --no-fund --silent
npm run --silent build
if ! git diff --exit-code --stat -- ../static/rich-editor.js ../static/rich-editor.licenses.txt; then
  echo "static/rich-editor.js differs from a fresh build: run 'npm run build' in crates/newsroom/editor and commit it." >&2
  exit 1
fi
echo "rich-editor.js matches a fresh build"
