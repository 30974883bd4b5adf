#!/usr/bin/env bash
# The long run of one fuzz target: fuzz/run.sh until TARGET has made RUNS executions in all,
# starting again (from the corpus grown so far) when a run is interrupted, and stopping at the
# first finding. The segments and their sum go to fuzz/work/long/TARGET.txt.
#
#   fuzz/long-run.sh TARGET [RUNS]        (RUNS: 10000000 by default)
#
# Build first (fuzz/run.sh --build-only); this script does not build, so that three of them
# can run side by side on the same binaries.
set -uo pipefail
FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="${1:?usage: fuzz/long-run.sh TARGET [RUNS]}"
TOTAL="${2:-10000000}"
mkdir -p "$FUZZ/work/long"
RECORD="$FUZZ/work/long/$TARGET.txt"
done_runs=0
seconds=0
[ -f "$RECORD" ] && done_runs="$(awk '/^segment/ { s += $3 } END { print s + 0 }' "$RECORD")" && seconds="$(awk '/^segment/ { s += $5 } END { print s + 0 }' "$RECORD")"
echo "start $(date -u '+%Y-%m-%d %H:%M:%S UTC') target $TARGET: $done_runs of $TOTAL executions done" >>"$RECORD"
while [ "$done_runs" -lt "$TOTAL" ]; do
    remaining=$((TOTAL - done_runs))
    summary="$FUZZ/work/long/$TARGET.summary"
    rm -f "$summary"
    FUZZ_SUMMARY="$summary" "$FUZZ/run.sh" --no-build --targets "$TARGET" --runs "$remaining" --seconds 0 --quiet >"$FUZZ/work/long/$TARGET.out" 2>&1
    status=$?
    line="$(grep "^$TARGET " "$summary" 2>/dev/null | tail -1)"
    runs="$(echo "$line" | awk '{ print $2 }')"
    secs="$(echo "$line" | awk '{ print $3 }')"
    crashes="$(echo "$line" | awk '{ print $7 }')"
    [[ "$runs" =~ ^[0-9]+$ ]] || runs=0
    [[ "$secs" =~ ^[0-9]+$ ]] || secs=0
    done_runs=$((done_runs + runs))
    seconds=$((seconds + secs))
    interrupted="$(grep -c 'run interrupted' "$FUZZ/work/logs/$TARGET.log")"
    echo "segment $(date -u '+%H:%M:%S') $runs executions $secs seconds, corpus $(echo "$line" | awk '{ print $5 }'), rss $(echo "$line" | awk '{ print $6 }'), findings ${crashes:-?}, exit $status, interrupted $interrupted, load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RECORD"
    if [ "${crashes:-0}" != 0 ] || { [ "$status" != 0 ] && [ "$interrupted" = 0 ]; }; then
        echo "stopped: a finding (see fuzz/work/artifacts/$TARGET/)" >>"$RECORD"
        exit 1
    fi
    [ "$runs" = 0 ] && sleep 5
done
echo "total $done_runs executions in $seconds seconds of fuzzing, corpus $(ls "$FUZZ/work/corpus/$TARGET" | wc -l), no findings, finished $(date -u '+%Y-%m-%d %H:%M:%S UTC')" >>"$RECORD"
