#!/usr/bin/env bash
# The long run of one fuzz target: fuzz/run.sh until TARGET has made RUNS executions in all,
# starting again (from the corpus grown so far) when a run is interrupted, and stopping at the
# first finding. The segments and their sum go to fuzz/scratch/long/TARGET.txt, each segment with
# the commit whose sources the binary was built from.
#
#   fuzz/long-run.sh TARGET [RUNS] [--workers N]   (RUNS: 10000000 by default)
#   fuzz/long-run.sh --table                       the records so far as the table in fuzz/README.md
#
# --workers N runs N processes on the target at once, sharing its corpus (each picks up what
# the others found when libFuzzer reloads the corpus); their executions add up to RUNS. For
# when one target is left and there are cores to spare.
#
# Build first (fuzz/run.sh --build-only); this script does not build, so that three of them
# can run side by side on the same binaries. To stop them and keep every execution counted:
#   pkill -INT -f fuzz/scratch/bin/; sleep 5; pkill -f fuzz/long-run.sh
# (libFuzzer reports its count when interrupted; the script records it, then is stopped).
set -uo pipefail
FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGETS=(lex_parse_check read_tables publish_pipeline)

# --table: one row per target and sources (consecutive segments built from the same commit),
# then the target's total. A record's "rebuilt from the sources of commit X" line (written by
# hand before segments said their sources) sets the sources of the segments after it.
if [ "${1:-}" = "--table" ]; then
    echo '| target | sources fuzzed (commit) | executions | seconds | exec/s | corpus at the end | peak RSS | findings |'
    echo '|---|---|---:|---:|---:|---:|---:|---|'
    for target in "${TARGETS[@]}"; do
        [ -f "$FUZZ/scratch/long/$target.txt" ] || continue
        awk -v target="$target" '
            function group(n,    s, out) { s = sprintf("%d", n); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }; return s out }
            function flush() {
                if (runs == "") return
                printf "| `%s` | %s | %s | %s | %s | %s | %s | %d |\n", target, sources, group(runs), group(secs), group(secs > 0 ? int(runs / secs) : 0), group(corpus), rss, findings
                runs = ""
            }
            /^rebuilt from the sources of commit / { if ($7 != sources) flush(); sources = $7 }
            /^segment / {
                segment_sources = sources
                for (i = 1; i <= NF; i++) if ($i == "sources") { segment_sources = $(i + 1); sub(/,$/, "", segment_sources) }
                if (segment_sources != sources) { flush(); sources = segment_sources }
                if (runs == "") { runs = 0; secs = 0; findings = 0; rss = "" }
                runs += $3; secs += $5; corpus = $8; sub(/,$/, "", corpus)
                value = $10; sub(/,$/, "", value); if (rss == "" || value + 0 > rss + 0) rss = value
                findings += $12; total_runs += $3; total_secs += $5; total_findings += $12
            }
            END {
                flush()
                printf "| `%s`, in all | | **%s** | %s | | | | %d |\n", target, group(total_runs), group(total_secs), total_findings
            }
        ' "$FUZZ/scratch/long/$target.txt"
    done
    exit 0
fi

TARGET="${1:?usage: fuzz/long-run.sh TARGET [RUNS] [--workers N] | --table}"
shift
TOTAL=10000000
WORKERS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --workers) WORKERS="$2"; shift 2 ;;
        *) TOTAL="$1"; shift ;;
    esac
done
[[ "$TOTAL" =~ ^[0-9]+$ && "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "usage: fuzz/long-run.sh TARGET [RUNS] [--workers N] | --table" >&2; exit 64; }
mkdir -p "$FUZZ/scratch/long"
RECORD="$FUZZ/scratch/long/$TARGET.txt"
STOP="$FUZZ/scratch/long/$TARGET.stop"
rm -f "$STOP"
recorded() { [ -f "$RECORD" ] && awk '/^segment/ { s += $3 } END { print s + 0 }' "$RECORD" || echo 0; }
several=""
[ "$WORKERS" -gt 1 ] && several=", $WORKERS workers"
echo "start $(date -u '+%Y-%m-%d %H:%M:%S UTC') target $TARGET: $(recorded) of $TOTAL executions done$several" >>"$RECORD"

# One worker: segments until the record holds TOTAL executions (all workers' segments count),
# each asking for its share of what remains.
work() {
    local worker="$1" name="$TARGET${1:+-$1}"
    while [ ! -f "$STOP" ]; do
        local done_runs; done_runs="$(recorded)"
        [ "$done_runs" -lt "$TOTAL" ] || break
        local share=$(((TOTAL - done_runs + WORKERS - 1) / WORKERS))
        local summary="$FUZZ/scratch/long/$name.summary"
        rm -f "$summary"
        local sources; sources="$(cat "$FUZZ/scratch/build/commit" 2>/dev/null || echo unknown)"
        FUZZ_SUMMARY="$summary" "$FUZZ/run.sh" --no-build --targets "$TARGET" --runs "$share" --seconds 0 --quiet ${worker:+--worker "$worker"} \
            >"$FUZZ/scratch/long/$name.out" 2>&1
        local status=$?
        local line; line="$(grep "^$TARGET " "$summary" 2>/dev/null | tail -1)"
        local runs secs crashes
        runs="$(echo "$line" | awk '{ print $2 }')"
        secs="$(echo "$line" | awk '{ print $3 }')"
        crashes="$(echo "$line" | awk '{ print $7 }')"
        [[ "$runs" =~ ^[0-9]+$ ]] || runs=0
        [[ "$secs" =~ ^[0-9]+$ ]] || secs=0
        local interrupted; interrupted="$(grep -c 'run interrupted' "$FUZZ/scratch/logs/$name.log")"
        echo "segment $(date -u '+%H:%M:%S') $runs executions $secs seconds, corpus $(echo "$line" | awk '{ print $5 }'), rss $(echo "$line" | awk '{ print $6 }'), findings ${crashes:-?}, exit $status, interrupted $interrupted, sources $sources${worker:+, worker $worker}, load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RECORD"
        if [ "${crashes:-0}" != 0 ] || { [ "$status" != 0 ] && [ "$interrupted" = 0 ]; }; then
            echo "stopped: a finding (see fuzz/scratch/artifacts/$TARGET/)" >>"$RECORD"
            touch "$STOP"
            pkill -INT -f "$FUZZ/scratch/bin/$TARGET " 2>/dev/null
            return 1
        fi
        # The total is reached: the other workers stop too (their counts are recorded).
        [ "$WORKERS" -gt 1 ] && [ "$(recorded)" -ge "$TOTAL" ] && pkill -INT -f "$FUZZ/scratch/bin/$TARGET " 2>/dev/null
        [ "$runs" = 0 ] && sleep 5
    done
    return 0
}

if [ "$WORKERS" = 1 ]; then
    work ""
    status=$?
else
    pids=()
    for worker in $(seq 1 "$WORKERS"); do
        work "$worker" &
        pids+=($!)
        sleep 2
    done
    status=0
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
fi
if [ "$status" = 0 ] && [ "$(recorded)" -ge "$TOTAL" ]; then
    # Findings of earlier invocations (fixed before the run went on) count too.
    echo "total $(recorded) executions in $(awk '/^segment/ { s += $5 } END { print s + 0 }' "$RECORD") seconds of fuzzing, corpus $(ls "$FUZZ/scratch/corpus/$TARGET" | wc -l), findings $(awk '/^segment/ { f += $12 } END { print f + 0 }' "$RECORD"), finished $(date -u '+%Y-%m-%d %H:%M:%S UTC')" >>"$RECORD"
fi
exit "$status"
