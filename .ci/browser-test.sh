#!/usr/bin/env bash
# Browser test of the static portal (`disclose publish --format html`).
#
# Renders the sample data into a temporary folder, loads pages in headless Chromium from the
# file system (no server), saves screenshots, and checks that each page loaded: the expected
# content is in the DOM, the portal script ran to its end, and the console shows no message
# (no script error, no warning). Installs Chromium and the Noto fonts (Khmer, Bengali,
# Ethiopic, Arabic, Urdu) with apt-get when they are missing.
#
# Usage: .ci/browser-test.sh [SCREENSHOT_DIR]   (default: a temporary folder, printed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

work=$(mktemp -d "${TMPDIR:-/tmp}/disclose-browser.XXXXXX")
shots=${1:-$work/screenshots}
mkdir -p "$shots"
fail() { echo "browser test FAILED: $*" >&2; exit 1; }

echo "== browser test: Chromium and fonts"
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
fonts=$(fc-list : family 2>/dev/null || true)
case "$fonts" in *"Noto Sans Khmer"*) ;; *) packages+=(fonts-noto-core) ;; esac
if ((${#packages[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "installing ${packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
chromium --version 2>/dev/null

echo "== browser test: render the sample"
swift build >/dev/null
.build/debug/disclose sample --seed 1 --scale 1 --out "$work/data" >/dev/null 2>&1
.build/debug/disclose publish --data "$work/data" --out "$work/site" --as-of 2025-06-30 --format html >/dev/null 2>&1 \
    || fail "disclose publish --format html failed"
site="$work/site/public"   # the folder to deploy; the internal report is in $work/site/internal
[ -f "$site/index.html" ] || fail "no index.html in the rendered site"
[ ! -e "$site/internal-report.json" ] || fail "the internal report is in the folder to deploy"

# A factory page with findings and a published response.
factory=$(grep -l 'class="response"' "$site"/KH.en.factory.*.html | xargs grep -l 'class="finding"' | sort | head -n 1 || true)
[ -n "$factory" ] || factory=$(grep -l 'class="response"' "$site"/*.en.factory.*.html | sort | head -n 1 || true)
[ -n "$factory" ] || fail "no factory page with a response in the sample"

browser() {
    timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --disable-dev-shm-usage \
        --enable-logging=stderr --v=0 "$@"
}

# check PAGE SHOT EXPECTED...: screenshot, DOM and console of one page.
check() {
    local page=$1 shot=$2
    shift 2
    local url="file://$site/$page"
    browser --screenshot="$shots/$shot" --window-size=1280,1600 "$url" >/dev/null 2>"$work/$shot.shot.log" \
        || fail "$page: no screenshot (see $work/$shot.shot.log)"
    [ -s "$shots/$shot" ] || fail "$page: empty screenshot"
    browser --dump-dom --window-size=1280,1600 "$url" >"$work/$shot.dom.html" 2>"$work/$shot.dom.log" \
        || fail "$page: the page did not load"
    if grep -h "CONSOLE" "$work/$shot.shot.log" "$work/$shot.dom.log"; then
        fail "$page: console messages (above)"
    fi
    grep -q 'data-portal-js="ready"' "$work/$shot.dom.html" || fail "$page: the portal script did not run to its end"
    local expected
    for expected in "$@"; do
        grep -qF -- "$expected" "$work/$shot.dom.html" || fail "$page: the page does not show: $expected"
    done
    echo "ok   $page -> $shots/$shot"
}

echo "== browser test: load pages"
check KH.en.html start-page.png '<h1>Cambodia</h1>' 'No non-compliance' 'non-compliant issue' 'class="is-compliant"' \
    '<form class="filters">' '<button type="button" class="sort">' 'Non-compliance by issue' '<svg class="bar-svg"'
check "$(basename "$factory")" factory-page.png 'Not verified by Better Work' 'class="finding"' 'Findings of the latest assessment'
check KH.km.html start-page-km.png '<html lang="km" dir="ltr"' 'កម្ពុជា'
check JO.ar.html start-page-ar.png '<html lang="ar" dir="rtl"' 'الأردن'
# Egypt's programme is a draft, not launched: no page of it may be in the folder to deploy.
! ls "$site"/EG.* >/dev/null 2>&1 || fail "pages of Egypt (not launched) in the folder to deploy"
check index.html index.png 'Transparency Portal' 'Cambodia'

echo "== browser test: filtering and sorting (the script's only job)"
dom="$work/filter.dom.html"
browser --dump-dom "file://$site/KH.en.html?status=compliant" >"$dom" 2>"$work/filter.log" || fail "filtered page did not load"
if grep -h "CONSOLE" "$work/filter.log"; then fail "filtered page: console messages (above)"; fi
rows=$(grep -o '<tr[^>]*data-status="[a-z-]*"[^>]*>' "$dom")
total=$(grep -c . <<<"$rows")
shown=$(grep -v 'hidden' <<<"$rows" | grep -c . || true)
[ "$(grep -v 'hidden' <<<"$rows" | grep -vc 'data-status="compliant"' || true)" = 0 ] || fail "status filter shows other factories"
grep -qF "Showing $shown of $total factories" "$dom" || fail "status filter: no 'Showing $shown of $total factories'"
echo "ok   KH.en.html?status=compliant shows $shown of $total factories"
browser --dump-dom "file://$site/KH.en.html?sort=5&order=desc" >"$dom" 2>"$work/sort.log" || fail "sorted page did not load"
if grep -h "CONSOLE" "$work/sort.log"; then fail "sorted page: console messages (above)"; fi
grep -q 'aria-sort="descending"' "$dom" || fail "sort: no column sorted descending"
first=$(grep -o 'data-status="[a-z-]*"' "$dom" | head -n 1)
[ "$first" != 'data-status="compliant"' ] || fail "sort by status, descending, starts with a compliant factory"
echo "ok   KH.en.html?sort=5&order=desc starts with $first"

rm -rf "$work/data" "$work/site"   # kept on failure, for a look
elapsed=$(($(date +%s) - started))
echo "browser test passed in ${elapsed}s; screenshots in $shots"
