#!/usr/bin/env bash
# Regenerates xport_arginfo.h from xport.stub.php with PHP's own gen_stub.php.
# gen_stub.php downloads PHP-Parser on first use; offline, Debian's php-parser package
# stands in for it, linked where gen_stub.php looks for its download.
# With --check, fails when the committed arginfo is not what the stub generates.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# Debian keeps PHP's build files per API version; a source install keeps them under lib/php.
build_dir=/usr/lib/php/$(php-config --phpapi)/build
[ -f "$build_dir/gen_stub.php" ] || build_dir=$(php-config --prefix)/lib/php/build
parser=/usr/share/php/PhpParser

if [ ! -d "$parser" ]; then
	echo "gen-arginfo: Debian's php-parser package is needed (apt-get install php-parser)" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$build_dir/gen_stub.php" "$work/"
version=$(sed -n 's/^ *\$version = "\([0-9.]*\)";/\1/p' "$work/gen_stub.php" | head -n 1)
mkdir -p "$work/PHP-Parser-$version/lib"
ln -s "$parser" "$work/PHP-Parser-$version/lib/PhpParser"

cp "$root/xport.stub.php" "$work/xport.stub.php"
[ -f "$root/xport_arginfo.h" ] && cp "$root/xport_arginfo.h" "$work/xport_arginfo.h"
php "$work/gen_stub.php" -f "$work/xport.stub.php" >/dev/null
# The generated header names the stub's hash; the stub is identical, so is the hash.
if [ "${1:-}" = "--check" ]; then
	if ! cmp -s "$work/xport_arginfo.h" "$root/xport_arginfo.h"; then
		echo "gen-arginfo: xport_arginfo.h is out of date; run scripts/gen-arginfo.sh" >&2
		diff -u "$root/xport_arginfo.h" "$work/xport_arginfo.h" >&2 || true
		exit 1
	fi
	echo "gen-arginfo: xport_arginfo.h is current"
else
	cp "$work/xport_arginfo.h" "$root/xport_arginfo.h"
	echo "gen-arginfo: wrote xport_arginfo.h"
fi
