#!/usr/bin/env bash
# Measures how soon `disclose lsp` publishes diagnostics after a change to the largest shipped
# country file (release build), and writes the figures to bench/results/lsp-latency.md and into
# bench/README.md between its lsp markers.
#
#   bench/lsp/run.sh [--runs N]      (default 50 changes; about half a minute with the build)
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
RUNS=50
[ "${1:-}" = "--runs" ] && RUNS="$2"
(cd "$ROOT" && swift build -c release --product disclose >&2)
RESULTS="$BENCH/results/lsp-latency.md"
mkdir -p "$BENCH/results"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$BENCH/lsp/latency.py" "$ROOT/.build/release/disclose" --runs "$RUNS" >"$RESULTS.new" || STATUS=$?
{
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none);"
    echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: *//'), load average before: $LOAD."
} >>"$RESULTS.new"
if [ "${STATUS:-0}" != 0 ] && ! grep -q "NOT met" "$RESULTS.new"; then cat "$RESULTS.new" >&2; rm -f "$RESULTS.new"; exit 1; fi
mv "$RESULTS.new" "$RESULTS"
README="$BENCH/README.md"
if grep -q '<!-- lsp:begin -->' "$README"; then
    awk -v results="$RESULTS" '
        /<!-- lsp:begin -->/ { print; while ((getline line < results) > 0) { sub(/^## /, "### ", line); print line }; skip = 1; next }
        /<!-- lsp:end -->/ { skip = 0 }
        !skip { print }
    ' "$README" >"$README.new" && mv "$README.new" "$README"
fi
cat "$RESULTS"
exit "${STATUS:-0}"
