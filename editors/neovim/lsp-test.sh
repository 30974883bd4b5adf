#!/usr/bin/env bash
# Drives `disclose lsp` from headless Neovim's built-in LSP client (editors/neovim/lsp-test.lua)
# on a copy of the shipped rules root. Installs Neovim with apt-get when it is missing.
#
#   editors/neovim/lsp-test.sh [PATH-TO-DISCLOSE]     (default: .build/debug/disclose)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DISCLOSE="$(cd "$(dirname "${1:-$ROOT/.build/debug/disclose}")" && pwd)/$(basename "${1:-disclose}")"
if ! command -v nvim >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
echo "   $(nvim --version | head -1)" >&2
COPY="$(mktemp -d)"
trap 'rm -rf "$COPY"' EXIT
cp -R "$ROOT/rules" "$ROOT/countries" "$COPY/"
# timeout: a client that never hears back must fail the step, not hang CI.
DISCLOSE="$DISCLOSE" RULE_FILE="$COPY/countries/VN.disclose" \
    timeout 120 nvim --headless --clean -n -c "luafile $ROOT/editors/neovim/lsp-test.lua"
