#!/usr/bin/env bash
# Evaluating one assessment at a time: assessments per second of PreparedEvaluator.evaluate,
# one thread, in memory, over every completed assessment of the shipped sample (read once
# before timing), beside RuleBook.evaluate and an in-process publish of the same folder.
#
#   bench/evaluate/run.sh [--runs 11] [--repeats 20] [--data DIR] [--as-of 2025-06-30]
#
# Prints a Markdown table; bench/README.md (section "Evaluating one assessment at a time")
# records the figures by hand, with the date, machine and commit. About 3 minutes on the
# 2-core machine, most of it the release build.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
(cd "$ROOT" && swift build -c release --product disclose-bench >&2)
BIN="$ROOT/.build/release/disclose-bench"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: *//'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" evaluate --project "$ROOT" "$@"
