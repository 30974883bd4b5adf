#!/usr/bin/env bash
# The publish benchmark: disclose publish throughput and memory at 1x, 10x and 100x the
# shipped sample and on 100,000 Cambodian assessments; Rego (regorus), a ZEN decision table
# (zen-engine), the C lower bound and wc -l side by side on the same data; the differential
# check of the issues raised. Writes bench/results/publish.md and the publish section of
# bench/README.md.
#
#   bench/publish/run.sh [--quick] [--reps N] [--no-profile]
#
# --quick: 1x and 10x the sample and 10,000 Cambodian assessments, one run each (about 3
# minutes once built); the full run about 15 minutes on the 2-core machine, builds included.
# Work files (generated data, the peers' venv, outputs) go under bench/scratch/publish.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
WORK="${PUBLISH_WORK:-$BENCH/scratch/publish}"
mkdir -p "$WORK/bin" "$BENCH/results"

# 1. system tools: GNU time (peak RSS), gcc (the C lower bound), valgrind (the profile)
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v gcc >/dev/null || need+=(gcc)
command -v valgrind >/dev/null || need+=(valgrind)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# 2. the peers, pinned, in a private venv (the versions of the reference harness)
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
"$WORK/venv/bin/pip" install -q -r "$ROOT/bench/peers/requirements.txt"

# 3. release builds (tried again when a source file changes under the build, as others edit)
build() {
    local attempt
    for attempt in 1 2 3; do
        if (cd "$1" && swift build -c release "${@:2}" >&2); then return 0; fi
        echo "build in $1 failed (attempt $attempt)" >&2
        sleep 5
    done
    return 1
}
echo "== release builds" >&2
# The helper is an executable target of the main package (it uses the sample generator).
build "$ROOT" --product disclose
build "$ROOT" --product publish-bench
HELPER="$ROOT/.build/release/publish-bench"
gcc -O2 -Wall -o "$WORK/bin/lower_bound" "$ROOT/bench/peers/lower_bound.c" -lm

# 4. measure, check, report
RESULTS="$BENCH/results/publish.md"
status=0
python3 "$HERE/bench.py" --project "$ROOT" --work "$WORK" --disclose "$ROOT/.build/release/disclose" \
    --helper "$HELPER" --py "$WORK/venv/bin/python" --out "$RESULTS" --raw "$WORK/raw.jsonl" "$@" || status=$?

# 5. the results into bench/README.md, between its publish markers
README="$BENCH/README.md"
if [ -f "$RESULTS" ] && grep -q '<!-- publish-results:begin -->' "$README" 2>/dev/null; then
    awk -v results="$RESULTS" '
        /<!-- publish-results:begin -->/ { print; while ((getline line < results) > 0) if (line !~ /^# /) { sub(/^## /, "### ", line); print line }; skip = 1; next }
        /<!-- publish-results:end -->/ { skip = 0 }
        !skip { print }
    ' "$README" >"$README.new" && mv "$README.new" "$README"
fi
[ -f "$RESULTS" ] && cat "$RESULTS"
[ "$status" = 0 ] || echo "publish benchmark: the differential check or a run failed (exit status $status)" >&2
exit "$status"
