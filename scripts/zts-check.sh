#!/usr/bin/env bash
# Compiles every source with ZTS defined. Debian ships no thread-safe PHP to link against,
# so this is a compile check: it catches globals accessed without XPORT_G and the like.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
includes=$(php-config --includes | sed 's/-I/-isystem /g')
defines="-DZTS=1 -DCOMPILE_DL_XPORT=1 -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"

gcc -fsyntax-only -Wall -Wextra -Werror -Wno-unused-parameter $defines -I. -Isrc $includes xport.c
for source in src/*.cpp; do
	g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror $defines -I. -Isrc $includes "$source"
done
echo "zts-check: every source compiles with ZTS"
