#!/usr/bin/env bash
# Measures lex, parse and check throughput of disclose, in release builds, and writes the
# results to bench/results/parse-check.md and into bench/README.md.
#
#   bench/run.sh
#
# Settings (environment): SIZE_MB=30 (generated file), RUNS=5 (large-file runs),
# SHIPPED_RUNS=20 (in-process runs on the shipped rule files), CLI_RUNS=10 (command-line
# runs), TIMER=hyperfine|loop (default: hyperfine when installed). This part takes about
# 2 minutes.
set -euo pipefail

# Then it runs the publish benchmark, bench/publish/run.sh (throughput, memory, the peer
# engines and the differential check; results in bench/results/publish.md and README.md).
# `bench/run.sh --quick` passes --quick to it (about 3 minutes instead of 15);
# `bench/run.sh --parse-only` stops after the parse and check part.
PUBLISH_ARGS=()
PUBLISH=1
for argument in "$@"; do
    case "$argument" in
        --quick) PUBLISH_ARGS+=(--quick) ;;
        --parse-only) PUBLISH=0 ;;
        *) echo "bench/run.sh: unknown argument \`$argument\` (--quick or --parse-only)" >&2; exit 64 ;;
    esac
done

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SIZE_MB="${SIZE_MB:-30}"
RUNS="${RUNS:-5}"
SHIPPED_RUNS="${SHIPPED_RUNS:-20}"
CLI_RUNS="${CLI_RUNS:-10}"
TIMER="${TIMER:-$(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo loop)}"
WORK="$BENCH/scratch"
RESULTS="$BENCH/results/parse-check.md"
mkdir -p "$WORK" "$BENCH/results"

# Builds in release mode; tries again (up to 3 times) when a source file changed under
# the build, which happens while others edit the sources.
build() {
    local attempt
    for attempt in 1 2 3; do
        if (cd "$1" && swift build -c release "${@:2}"); then return 0; fi
        echo "build in $1 failed (attempt $attempt)" >&2
        sleep 5
    done
    return 1
}

echo "== release builds" >&2
# The benchmark is an executable target of the main package (it uses `package` entry points).
build "$ROOT" --product disclose
build "$ROOT" --product disclose-bench
BENCH_BIN="$ROOT/.build/release/disclose-bench"
CLI_BIN="$ROOT/.build/release/disclose"

echo "== generating a ${SIZE_MB} MB rule file" >&2
"$BENCH_BIN" generate --size-mb "$SIZE_MB" --out "$WORK/large.disclose"

echo "== disclose check rules countries: wall time, ${CLI_RUNS} runs ($TIMER)" >&2
cd "$ROOT"
set +e
"$CLI_BIN" check rules countries >/dev/null 2>&1
CLI_STATUS=$?
set -e
if [ "$TIMER" = hyperfine ]; then
    # -N: no intermediate shell, so the figure is the process alone; -i: the shipped files
    # may have errors while they are being written, which is not what is measured here.
    hyperfine -N -i --warmup 3 --runs "$CLI_RUNS" --export-json "$WORK/cli.json" \
        "$CLI_BIN check rules countries" >&2
    CLI_MS="$(grep -o '"median": *[0-9.eE+-]*' "$WORK/cli.json" | head -1 | sed 's/.*: *//' | awk '{ printf "%.2f", $1 * 1000 }')"
    CLI_BEST_MS="$(grep -o '"min": *[0-9.eE+-]*' "$WORK/cli.json" | head -1 | sed 's/.*: *//' | awk '{ printf "%.2f", $1 * 1000 }')"
    CLI_CPU_MS="$(grep -oE '"(user|system)": *[0-9.eE+-]*' "$WORK/cli.json" | head -2 | sed 's/.*: *//' | awk '{ s += $1 } END { printf "%.2f", s * 1000 }')"
    TIMED_WITH="hyperfine $(hyperfine --version | awk '{ print $2 }') (-N, 3 warm-up runs)"
else
    for _ in 1 2 3; do "$CLI_BIN" check rules countries >/dev/null 2>&1 || true; done
    : >"$WORK/cli.times"
    TIMEFORMAT='%3R %3U %3S'  # wall, user and system seconds from bash's `time`
    for _ in $(seq "$CLI_RUNS"); do
        { time "$CLI_BIN" check rules countries >/dev/null 2>&1 || true; } 2>>"$WORK/cli.times"
    done
    CLI_MS="$(sort -n "$WORK/cli.times" | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.2f", m * 1000 }')"
    CLI_BEST_MS="$(sort -n "$WORK/cli.times" | head -1 | awk '{ printf "%.2f", $1 * 1000 }')"
    CLI_CPU_MS="$(awk '{ s += $2 + $3 } END { printf "%.2f", s / NR * 1000 }' "$WORK/cli.times")"
    TIMED_WITH="shell loop with bash \`time\` (3 warm-up runs)"
fi
echo "   median ${CLI_MS} ms (exit status ${CLI_STATUS})" >&2

CPU="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: *//' || echo unknown)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
DIRTY="$(git -C "$ROOT" status --porcelain -- Sources 2>/dev/null | wc -l | tr -d ' ')"
[ "$DIRTY" != 0 ] && COMMIT="$COMMIT + $DIRTY uncommitted change(s) under Sources/"

echo "== in-process measurements" >&2
"$BENCH_BIN" measure --file "$WORK/large.disclose" --project "$ROOT" \
    --runs "$RUNS" --shipped-runs "$SHIPPED_RUNS" \
    --cli-wall-ms "$CLI_MS" --cli-best-ms "$CLI_BEST_MS" --cli-cpu-ms "$CLI_CPU_MS" --cli-runs "$CLI_RUNS" --cli-tool "$TIMED_WITH" --cli-status "$CLI_STATUS" \
    --meta "Date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')" \
    --meta "Commit=$COMMIT" \
    --meta "CPU=$CPU" \
    --meta "Cores (nproc)=$(nproc)" \
    --meta "Kernel=$(uname -r)" \
    --meta "Swift=$(swift --version 2>&1 | grep -m1 -i 'swift version')" \
    --meta "Load average before the run=$(cut -d' ' -f1-3 /proc/loadavg)" \
    --report "$RESULTS" >/dev/null

# Put the latest results into the README, between its markers.
README="$BENCH/README.md"
if grep -q '<!-- results:begin -->' "$README" 2>/dev/null; then
    awk -v results="$RESULTS" '
        /<!-- results:begin -->/ { print; while ((getline line < results) > 0) if (line !~ /^# / && line !~ /^Produced by/) { sub(/^## /, "### ", line); print line }; skip = 1; next }
        /<!-- results:end -->/ { skip = 0 }
        !skip { print }
    ' "$README" >"$README.new" && mv "$README.new" "$README"
fi

cat "$RESULTS"

[ "$PUBLISH" = 1 ] || exit 0
echo "== publish throughput and peers (bench/publish/run.sh)" >&2
"$BENCH/publish/run.sh" ${PUBLISH_ARGS[@]+"${PUBLISH_ARGS[@]}"}
