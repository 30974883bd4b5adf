#!/usr/bin/env bash
# Drives `disclose lsp` from Emacs's Eglot in batch mode (editors/emacs/lsp-test.el) on a copy
# of the shipped rules root, with the configuration of docs/editors.md. Works with Emacs 29 or
# later (Eglot built in) and with Emacs 28 and Debian's `elpa-eglot`; installs those two Debian
# packages with apt-get when Emacs is missing (about 50 s; the test itself takes seconds).
#
#   editors/emacs/lsp-test.sh [PATH-TO-DISCLOSE]     (default: .build/debug/disclose)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DISCLOSE="$(cd "$(dirname "${1:-$ROOT/.build/debug/disclose}")" && pwd)/$(basename "${1:-disclose}")"
if ! command -v emacs >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends emacs-nox elpa-eglot >/dev/null
fi
echo "   $(emacs --version | head -1)" >&2
COPY="$(mktemp -d)"
trap 'rm -rf "$COPY"' EXIT
cp -R "$ROOT/rules" "$ROOT/countries" "$COPY/"
mkdir "$COPY/bin"
ln -s "$DISCLOSE" "$COPY/bin/disclose"
# The setup names `disclose` as a command on PATH, as docs/editors.md asks users to install it.
PATH="$COPY/bin:$PATH" RULE_FILE="$COPY/countries/VN.disclose" \
    timeout 120 emacs --batch -l "$ROOT/editors/emacs/lsp-test.el"
