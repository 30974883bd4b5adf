#!/usr/bin/env bash
# Peak memory and report size of `disclose check` on rule files just under the 64 MiB limit,
# in a release build, for three shapes: one huge identifier, one huge text, and very many
# small declarations. Writes bench/results/memory.md.
#
#   bench/memory/run.sh
#
# Needs GNU time (/usr/bin/time -v). Takes about a minute on a quiet machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$ROOT/bench/scratch/memory"
RESULTS="$ROOT/bench/results/memory.md"
mkdir -p "$WORK" "$(dirname "$RESULTS")"
[ -x /usr/bin/time ] || { echo "bench/memory/run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

echo "== release build" >&2
(cd "$ROOT" && swift build -c release --product disclose >&2)
BIN="$ROOT/.build/release/disclose"

# 64 MiB less 4 KiB: under the limit, so the file is read and checked, not refused (E108).
SIZE=$(( (64 << 20) - 4096 ))
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }

echo "== generating three files of $SIZE bytes" >&2
{ printf 'issue '; repeat A $(( SIZE - 7 )); printf '\n'; } >"$WORK/identifier.disclose"
{ printf 'cluster C\n  title en "'; repeat x $(( SIZE - 24 )); printf '"\n'; } >"$WORK/text.disclose"
# Declarations of about 44 bytes each, cut before the limit at a declaration boundary.
awk -v size="$SIZE" 'BEGIN {
    for (i = 0; ; i++) {
        declaration = sprintf("cluster C%d\n  title en \"Cluster %d\"\n\n", i, i)
        if (written + length(declaration) > size) break
        printf "%s", declaration
        written += length(declaration)
    }
}' >"$WORK/declarations.disclose"

{
    echo "# Memory of \`disclose check\` on files just under 64 MiB"
    echo
    echo "Measured by \`bench/memory/run.sh\` (release build, \`/usr/bin/time -v\`), $(date -u +%Y-%m-%d)."
    echo
    echo "| file | bytes | peak resident memory | × file size | report (stderr) bytes | user CPU s |"
    echo "|---|---|---|---|---|---|"
} >"$RESULTS"
for shape in identifier text declarations; do
    file="$WORK/$shape.disclose"
    echo "== $shape" >&2
    set +e
    /usr/bin/time -v -o "$WORK/$shape.time" "$BIN" check "$file" >/dev/null 2>"$WORK/$shape.report"
    set -e
    bytes=$(wc -c <"$file")
    peak_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/$shape.time")
    user=$(awk -F': ' '/User time/ { print $2 }' "$WORK/$shape.time")
    report=$(wc -c <"$WORK/$shape.report")
    awk -v s="$shape" -v b="$bytes" -v k="$peak_kb" -v r="$report" -v u="$user" \
        'BEGIN { printf "| %s | %d | %.0f MB | %.1f | %d | %s |\n", s, b, k * 1024 / 1e6, k * 1024 / b, r, u }' >>"$RESULTS"
done
cat "$RESULTS"
