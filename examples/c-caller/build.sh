#!/usr/bin/env bash
# Compiles examples/c-caller/main.c against include/disclose.h, links the disclose shared
# library from the build folder (with an rpath, so the program finds it), and runs it on this
# project's rules. The program is written into the build folder, beside the library.
#
# Usage: examples/c-caller/build.sh BUILD_FOLDER   (such as .build/debug, after
#        `swift build --product DiscloseC`)
set -euo pipefail
if [ $# -ne 1 ]; then echo "usage: $0 BUILD_FOLDER   (such as .build/debug)" >&2; exit 64; fi
project=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
if [ ! -e "$build/libDiscloseC.so" ] && [ ! -e "$build/libDiscloseC.dylib" ]; then
    echo "no libDiscloseC in $build: run \`swift build --product DiscloseC\` first" >&2
    exit 1
fi
# Any C compiler: the system's cc, or the clang that comes with the Swift toolchain.
compiler=${CC:-$(command -v cc || command -v clang || true)}
if [ -z "$compiler" ]; then echo "no C compiler: install one (apt-get install gcc) or set CC" >&2; exit 1; fi
"$compiler" -std=c99 -Wall -Wextra -Werror -I "$project/Sources/DiscloseC/include" "$project/examples/c-caller/main.c" \
    -L "$build" -lDiscloseC -Wl,-rpath,"$build" -o "$build/c-caller"
"$build/c-caller" "$project"
