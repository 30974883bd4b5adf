#!/usr/bin/env bash
# Builds the libFuzzer targets of disclose and runs each of them.
#
#   fuzz/run.sh [--seconds N] [--runs N] [--targets a,b,c] [--max-len N] [--no-build | --build-only] [--quiet]
#               [--worker NAME]
#
#   --seconds N   run each target for N seconds (default 20; .ci/run gives 60)
#   --runs N      stop each target after N executions (with --seconds, whichever comes first;
#                 give --seconds 0 for no time limit). The long run: --runs 10000000 --seconds 0
#   --targets     a comma-separated subset of: lex_parse_check, read_tables, publish_pipeline, lsp_documents,
#                 moderation
#   --max-len N   the longest input the fuzzer makes (default: per target, see below)
#   --no-build    use the binaries already in fuzz/scratch/bin
#   --build-only  build the binaries and stop (fuzz/long-run.sh does not build)
#   --quiet       keep libFuzzer's progress lines in the log only
#   --worker NAME one of several processes fuzzing the same target at once (fuzz/long-run.sh
#                 --workers): its own log and seeds; the corpus and artifacts are shared
#   --patch FILE  apply a patch to the snapshot of Sources/Disclose before building: to fuzz
#                 past a known bug before its fix lands (never for recorded figures)
#
# Everything generated goes into fuzz/scratch/ (git-ignored): a snapshot of the sources that
# were built, the library and the binaries, seed corpora made from the shipped rule files
# and the test data, the corpus the fuzzer grows (kept between runs), crash artifacts and
# logs. Exit status: 0 when no target found a crash, hang or sanitizer report; 1 otherwise
# (the input is in fuzz/scratch/artifacts/TARGET/); 2 when the build failed.
#
# Only the Swift toolchain is needed (swiftc with -sanitize=fuzzer, as on Linux).
set -euo pipefail

FUZZ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ/.." && pwd)"
WORK="$FUZZ/scratch"
SECONDS_PER_TARGET=20
RUNS=-1
TARGETS="lex_parse_check,read_tables,publish_pipeline,lsp_documents,moderation"
MAX_LEN=""
BUILD=1
BUILD_ONLY=0
QUIET=0
PATCH=""
WORKER=""
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_PER_TARGET="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --targets) TARGETS="$2"; shift 2 ;;
        --max-len) MAX_LEN="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --build-only) BUILD_ONLY=1; shift ;;
        --quiet) QUIET=1; shift ;;
        --worker) WORKER="-$2"; shift 2 ;;
        --patch) PATCH="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
        -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "fuzz/run.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
done
IFS=, read -r -a TARGET_LIST <<<"$TARGETS"
for target in "${TARGET_LIST[@]}"; do
    [ -f "$FUZZ/targets/$target.swift" ] || { echo "fuzz/run.sh: no target $target" >&2; exit 64; }
done

mkdir -p "$WORK"/{bin,build,seeds,corpus,artifacts,logs}
# -package-name: the modules are one package, as SwiftPM builds them, so that `package`
# declarations of the library are visible to the language server and the targets.
SWIFT_FLAGS=(-sanitize=fuzzer,address -O -g -swift-version 6 -parse-as-library -package-name disclose)

# --- Build -------------------------------------------------------------------------------
# The library is compiled from a snapshot of Sources/Disclose (others may edit the tree while
# the compiler runs), once for every target, with testing enabled so that targets can use
# internal entry points. One word is added to the snapshot (below) so that publish_pipeline
# can put a cache in front of rule checking.
build() {
    echo "== building the fuzz targets (swiftc ${SWIFT_FLAGS[*]})" >&2
    rm -rf "$WORK/src.new"
    mkdir -p "$WORK/src.new"
    cp -R "$ROOT/Sources/Disclose" "$ROOT/Sources/DisclosePortal" "$ROOT/Sources/DiscloseLanguageServer" "$WORK/src.new/"
    if [ -n "$PATCH" ]; then
        (cd "$WORK/src.new" && patch -s -p2 <"$PATCH") || { echo "fuzz/run.sh: $PATCH does not apply" >&2; exit 2; }
        echo "   patched with $PATCH" >&2
    fi
    local digest
    digest="$(cd "$WORK/src.new" && find . -name '*.swift' -type f | LC_ALL=C sort | xargs cat | cksum | cut -d' ' -f1)"
    if [ -f "$WORK/build/libDisclose.a" ] && [ "$(cat "$WORK/build/source-digest" 2>/dev/null)" = "$digest" ]; then
        echo "   library up to date (sources unchanged)" >&2
        rm -rf "$WORK/src.new"
    else
        rm -rf "$WORK/src"
        mv "$WORK/src.new" "$WORK/src"
        # The one change to the snapshot: `dynamic` on Checker.check(entries:…), so that
        # publish_pipeline can cache rule checking (see the comment at the top of that target).
        local checker="$WORK/src/Disclose/Semantics/Checker.swift"
        sed -i 's/^\( *\)public static func check(entries paths: \[String\]/\1public dynamic static func check(entries paths: [String]/' "$checker"
        grep -q 'public dynamic static func check(entries paths: \[String\]' "$checker" || {
            echo "fuzz/run.sh: cannot find Checker.check(entries:…) in $checker to make it dynamic" >&2
            exit 2
        }
        local sources=()
        while IFS= read -r file; do sources+=("$file"); done < <(find "$WORK/src/Disclose" -name '*.swift' -type f | LC_ALL=C sort)
        swiftc "${SWIFT_FLAGS[@]}" -module-name Disclose -enable-testing -wmo \
            -emit-module -emit-module-path "$WORK/build/Disclose.swiftmodule" \
            -emit-library -static -o "$WORK/build/libDisclose.a" "${sources[@]}" 2>"$WORK/logs/build-library.log" || {
            grep -E 'error' "$WORK/logs/build-library.log" >&2 || cat "$WORK/logs/build-library.log" >&2
            exit 2
        }
        # The language server, for lsp_documents: a library of its own over the first.
        local server_sources=()
        while IFS= read -r file; do server_sources+=("$file"); done < <(find "$WORK/src/DiscloseLanguageServer" -name '*.swift' -type f | LC_ALL=C sort)
        swiftc "${SWIFT_FLAGS[@]}" -module-name DiscloseLanguageServer -wmo -I "$WORK/build" \
            -emit-module -emit-module-path "$WORK/build/DiscloseLanguageServer.swiftmodule" \
            -emit-library -static -o "$WORK/build/libDiscloseLanguageServer.a" "${server_sources[@]}" 2>"$WORK/logs/build-server.log" || {
            grep -E 'error' "$WORK/logs/build-server.log" >&2 || cat "$WORK/logs/build-server.log" >&2
            exit 2
        }
        # The portal writer, for publish_pipeline: a library of its own over the first, as in
        # the package.
        local portal_sources=()
        while IFS= read -r file; do portal_sources+=("$file"); done < <(find "$WORK/src/DisclosePortal" -name '*.swift' -type f | LC_ALL=C sort)
        swiftc "${SWIFT_FLAGS[@]}" -module-name DisclosePortal -enable-testing -wmo -I "$WORK/build" \
            -emit-module -emit-module-path "$WORK/build/DisclosePortal.swiftmodule" \
            -emit-library -static -o "$WORK/build/libDisclosePortal.a" "${portal_sources[@]}" 2>"$WORK/logs/build-portal.log" || {
            grep -E 'error' "$WORK/logs/build-portal.log" >&2 || cat "$WORK/logs/build-portal.log" >&2
            exit 2
        }
        echo "$digest" >"$WORK/build/source-digest"
        git -C "$ROOT" rev-parse --short HEAD >"$WORK/build/commit" 2>/dev/null || echo none >"$WORK/build/commit"
    fi
    for target in "${TARGET_LIST[@]}"; do
        local binary="$WORK/bin/$target"
        if [ -x "$binary" ] && [ "$binary" -nt "$WORK/build/libDisclose.a" ] && [ "$binary" -nt "$FUZZ/targets/$target.swift" ] \
            && [ "$binary" -nt "$FUZZ/targets/Support.swift" ]; then
            continue
        fi
        echo "   $target" >&2
        swiftc "${SWIFT_FLAGS[@]}" -module-name "fuzz_$target" -I "$WORK/build" -L "$WORK/build" -lDiscloseLanguageServer -lDisclosePortal -lDisclose \
            "$FUZZ/targets/Support.swift" "$FUZZ/targets/$target.swift" -o "$binary" 2>"$WORK/logs/build-$target.log" || {
            cat "$WORK/logs/build-$target.log" >&2
            exit 2
        }
    done
}
[ "$BUILD" = 1 ] && build
[ "$BUILD_ONLY" = 1 ] && exit 0

# --- Seeds -------------------------------------------------------------------------------
# Made afresh on every run from files in the repository, so they follow the shipped rules
# and the test data.
GOLDEN="$ROOT/Tests/DiscloseTests/Golden"
seed_rules() {
    local out="$WORK/seeds/lex_parse_check$WORKER"
    rm -rf "$out"; mkdir -p "$out"
    cp "$FUZZ"/project/countries/*.disclose "$FUZZ"/project/rules/*.disclose "$out/" 2>/dev/null || true
    for file in "$ROOT"/rules/*.disclose "$ROOT"/countries/*.disclose; do
        local base; base="$(basename "$file" .disclose)"
        # Small files whole; every file also cut into its declarations (a new piece starts at
        # a line that begins with a declaration keyword), so that the seeds stay short.
        [ "$(wc -c <"$file")" -le 4096 ] && cp "$file" "$out/whole-$base"
        awk -v out="$out/decl-$base-" '
            BEGIN { piece = 0; file = sprintf("%s%04d", out, piece) }
            /^(include|country|cluster|point|question|parameter|issue|policy|zero-tolerance|change|withdraw|omit|titles|example|decision|moderation|constraint)( |$)/ {
                if (lines > 0 && !included) { close(file); piece++; file = sprintf("%s%04d", out, piece); lines = 0 }
                included = ($1 == "include")
            }
            { print > file; lines++ }
        ' "$file"
    done
    for file in "$GOLDEN"/diagnostics/*.disclose "$GOLDEN"/format/*.input.disclose; do
        [ -f "$file" ] && cp "$file" "$out/golden-$(basename "$file")"
    done
    for folder in "$GOLDEN"/diagnostics/*/; do
        [ -f "$folder/entry.disclose" ] && cp "$folder/entry.disclose" "$out/golden-$(basename "$folder")"
    done
    return 0
}
seed_tables() {
    local out="$WORK/seeds/read_tables$WORKER"
    rm -rf "$out"; mkdir -p "$out"
    local index=0
    for table in factories assessments answers responses; do
        for case in "$GOLDEN"/publish/*/; do
            local name; name="$(basename "$case")"
            if [ -f "$case/$table.csv" ]; then
                { printf "\\x$(printf %02x "$index")"; cat "$case/$table.csv"; } >"$out/$name-$table.csv"
            fi
            if [ -f "$case/$table.jsonl" ]; then
                { printf "\\x$(printf %02x $((index + 4)))"; cat "$case/$table.jsonl"; } >"$out/$name-$table.jsonl"
            fi
        done
        index=$((index + 1))
    done
    # Wide headers (bit 3 of the first byte; the high bits say how often the first line is
    # repeated): the schema's columns spelt every way a sheet may spell them, unknown ones,
    # doubled ones, quoted names with a carriage return or a quote in them, a row after the header
    # (a line break would end the line that is repeated).
    index=0
    for columns in "factory_id,name,type,country,left_on,sector,province,export_licence" \
        "assessment_id,factory_id,assessed_on,method,cycle,status,refusal_reason,finalised_on,cycle_ends_on" \
        "assessment_id,question_id,answer" \
        "response_id,factory_id,assessment_id,issue_id,responded_on,text,attachments"; do
        local first="${columns%%,*}"
        printf "\\x$(printf %02x $((index + 8 + 16)))%s,Extra Column\nA-1\n" "$columns" >"$out/wide-known-$index.csv"
        printf "\\x$(printf %02x $((index + 8 + 240)))unknown,\"odd\rname\",\"say \"\"hi\"\"\", %s ,%s\nA-1,b\n" \
            "$(echo "$first" | tr a-z A-Z | tr _ ' ')" "$first" >"$out/wide-odd-$index.csv"
        printf "\\x$(printf %02x $((index + 8 + 128)))\xef\xbb\xbf%s\r\n" "$(echo "$columns" | tr _ -)" >"$out/wide-bom-$index.csv"
        index=$((index + 1))
    done
}
seed_publish() {
    local out="$WORK/seeds/publish_pipeline$WORKER"
    rm -rf "$out"; mkdir -p "$out"
    for case in "$GOLDEN"/publish/*/; do
        local name; name="$(basename "$case")"
        local as_of="2024-06-30"
        [ -f "$case/as-of" ] && as_of="$(tr -d ' \r\n' <"$case/as-of")"
        local formats=""
        for table in factories assessments answers responses; do
            if [ -f "$case/$table.csv" ]; then formats="${formats}c"
            elif [ -f "$case/$table.jsonl" ]; then formats="${formats}j"
            else formats="${formats}-"; fi
        done
        {
            printf '%s %s' "$as_of" "$formats"
            for table in factories assessments answers responses; do
                printf '\x1e'
                if [ -f "$case/$table.csv" ]; then cat "$case/$table.csv"
                elif [ -f "$case/$table.jsonl" ]; then cat "$case/$table.jsonl"; fi
            done
        } >"$out/$name"
    done
}

seed_moderation() {
    local out="$WORK/seeds/moderation$WORKER"
    rm -rf "$out"; mkdir -p "$out"
    # The shipped patterns, each with responses that evade a naive screen; and the patterns
    # the checker must refuse.
    local patterns
    patterns="$(sed -n 's/^  pattern "\(.*\)"$/\1/p' "$ROOT"/rules/moderation.disclose | sed 's/\\\\/\\/g')"
    local responses=(
        $'The assessors are id\u200biots; write to name\uff20example.com or call \u0660\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668.'
        'MR. RAHIM UDDIN and Mr.Binh; please contact Nguyen Van An in HR.'
        $'\u1791\u17d2\u179c\u17b6\u179a\u1785\u17c1\u1789 \u179b\u17c4\u1780 \u179f\u17bb\u1781'
        "$(printf 'a%.0s' $(seq 1 99))b"
    )
    local index=0
    for response in "${responses[@]}"; do
        printf '%s\x1e%s' "$patterns" "$response" >"$out/shipped-$index"
        printf '(a|aa)+$\n(\\w+)\\1\x1e%s' "$response" >"$out/refused-$index"
        printf '[a-z]+[a-z]+[a-z]+x\x1e%s' "$response" >"$out/polynomial-$index"
        index=$((index + 1))
    done
}

max_len_of() {
    if [ -n "$MAX_LEN" ]; then echo "$MAX_LEN"; return; fi
    case "$1" in
        lex_parse_check) echo 4096 ;;
        lsp_documents) echo 4096 ;;
        read_tables) echo 4096 ;;
        publish_pipeline) echo 16384 ;;
        moderation) echo 4096 ;;
    esac
}
dict_of() {
    case "$1" in
        lex_parse_check | lsp_documents) echo "$FUZZ/dictionaries/disclose.dict" ;;
        moderation) echo "$FUZZ/dictionaries/moderation.dict" ;;
        *) echo "$FUZZ/dictionaries/data.dict" ;;
    esac
}

# --- Run ---------------------------------------------------------------------------------
FAILED=0
SUMMARY="${FUZZ_SUMMARY:-$WORK/logs/summary-$(date -u +%Y%m%d-%H%M%S)-$$.txt}"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "commit: $(cat "$WORK/build/commit" 2>/dev/null || echo unknown), source digest $(cat "$WORK/build/source-digest" 2>/dev/null || echo unknown)"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: *//'), load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    echo "settings: --seconds $SECONDS_PER_TARGET --runs $RUNS${PATCH:+ --patch $PATCH}"
    printf '%-18s %14s %10s %12s %8s %10s %s\n' target executions seconds exec/s corpus peak_rss crashes
} >"$SUMMARY"
for target in "${TARGET_LIST[@]}"; do
    case "$target" in
        lex_parse_check) seed_rules ;;
        lsp_documents) seed_rules; rm -rf "$WORK/seeds/lsp_documents$WORKER"; mv "$WORK/seeds/lex_parse_check$WORKER" "$WORK/seeds/lsp_documents$WORKER" ;;
        read_tables) seed_tables ;;
        publish_pipeline) seed_publish ;;
        moderation) seed_moderation ;;
    esac
    mkdir -p "$WORK/corpus/$target" "$WORK/artifacts/$target"
    log="$WORK/logs/$target$WORKER.log"
    seeds="$WORK/seeds/$target$WORKER"
    echo "== fuzzing $target$WORKER (${SECONDS_PER_TARGET}s, runs $RUNS, corpus $(ls "$WORK/corpus/$target" | wc -l) + $(ls "$seeds" | wc -l) seeds)" >&2
    started="$(date +%s)"
    : >"$log"
    set +e
    # detect_leaks=0: Swift runtime metadata caches are reported as leaks at exit, which are not
    # (and libFuzzer's own -detect_leaks=0: it would otherwise run an input again whenever
    # mallocs and frees differ, as the runtime's caches make them).
    # SWIFT_BACKTRACE=enable=no: the Swift runtime's own crash reporter reads the stack in a way
    # AddressSanitizer reports as an underflow, after the real report; libFuzzer's trace suffices.
    # malloc_context_size=5: shorter allocation traces, a tenth faster (Swift code is memory
    # safe; the reports that matter here are crashes, hangs and overflows, with full traces).
    DISCLOSE_FUZZ_PROJECT="$ROOT" SWIFT_BACKTRACE=enable=no \
        ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:handle_abort=1:malloc_context_size=5" \
        "$WORK/bin/$target" \
        -dict="$(dict_of "$target")" -max_len="$(max_len_of "$target")" \
        -max_total_time="$SECONDS_PER_TARGET" -runs="$RUNS" \
        -timeout=10 -rss_limit_mb=2560 -detect_leaks=0 \
        -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$target/" \
        "$WORK/corpus/$target" "$seeds" >"$log" 2>&1 &
    pid=$!
    if [ "$QUIET" = 0 ]; then tail -n +1 -F --pid=$pid "$log" 2>/dev/null | grep --line-buffered -E '^#[0-9]+.*(pulse|DONE|REDUCE|NEW)|ERROR|==[0-9]+==|Fatal error|property failed|SUMMARY' | sed -u "s/^/   [$target] /" >&2 & fi
    wait $pid
    status=$?
    set -e
    # The data files the target wrote for itself (see scratchFolder in targets/Support.swift).
    rm -rf /dev/shm/disclose-fuzz-*-"$pid" "${TMPDIR:-/tmp}"/disclose-fuzz-*-"$pid"
    sleep 0.2
    executions="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)"
    elapsed="$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1 || true)"
    [ -z "$elapsed" ] && elapsed="$(($(date +%s) - started))"
    rss="$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)"
    corpus="$(ls "$WORK/corpus/$target" | wc -l)"
    rate="-"
    [ -n "$executions" ] && [ -n "$elapsed" ] && [ "$elapsed" -gt 0 ] && rate=$((executions / elapsed))
    # This process's own findings: workers share the artifacts folder, so a count of new files
    # there would give each worker the others' findings too.
    crashes="$(grep -c 'Test unit written to' "$log" || true)"
    printf '%-18s %14s %10s %12s %8s %10s %s\n' "$target" "${executions:--}" "${elapsed:--}" "$rate" "$corpus" "${rss:--}MB" "$crashes" >>"$SUMMARY"
    if [ "$status" != 0 ] || [ "$crashes" -gt 0 ]; then
        FAILED=1
        echo "!! $target: libFuzzer exit status $status, $crashes new artifact(s) in fuzz/scratch/artifacts/$target/; log: fuzz/scratch/logs/$target$WORKER.log" >&2
        grep -E -m5 'ERROR: |Fatal error|property failed|SUMMARY: ' "$log" | sed 's/^/   /' >&2 || true
    fi
done
cat "$SUMMARY" >&2
exit $FAILED
