#!/usr/bin/env bash
# Proves the PECL package: package.xml lists exactly the files of the tree, config.w32 builds
# the same C++ sources as config.m4, `pecl package` accepts package.xml in a clean copy of the
# tree, and the tarball it writes builds with phpize, ./configure (no options, as pecl and PIE
# run it) and make, loads into PHP with the right version, and passes the unit tests.
# Everything happens in a temporary directory; the tree itself is never changed.
#
# Usage: scripts/check-package.sh [--regenerate] [--run-tests] [--keep DIR]
#   --regenerate  rewrite package.xml in the temporary copy instead of requiring the tree's
#                 package.xml to be current (to try the tarball before updating package.xml)
#   --run-tests   also run `make test` (the phpt suite) in the unpacked tarball
#   --keep DIR    copy the tarball to DIR
# Needs git, php with the xml extension, pecl (Debian: php-pear), phpize (php8.2-dev), make, g++,
# pkg-config and OpenSSL 3 headers (libssl-dev).
# Exit status: 0 every check passed, 1 a check failed, 2 usage error or a missing tool.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly root

opt_regenerate=0
opt_run_tests=0
opt_keep=""

usage()
{
	sed -n '8,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

parse_arguments()
{
	while [ $# -gt 0 ]; do
		case "$1" in
			--regenerate) opt_regenerate=1 ;;
			--run-tests) opt_run_tests=1 ;;
			--keep)
				[ $# -ge 2 ] || usage
				opt_keep=$2
				shift
				;;
			*) usage ;;
		esac
		shift
	done
}

require_tools()
{
	local tool

	for tool in git php pecl phpize make; do
		if ! command -v "$tool" >/dev/null; then
			echo "check-package: '$tool' not found (Debian: apt-get install php-pear php8.2-dev" \
				"make g++ pkg-config libssl-dev git)" >&2
			exit 2
		fi
	done
}

# Runs a step with its output in a log file; on failure shows the log's end and stops.
run_logged()
{
	local name=$1 log=$2

	shift 2
	if ! "$@" >"$log" 2>&1; then
		echo "check-package: $name failed; last lines of $log:" >&2
		tail -n 40 "$log" >&2
		exit 1
	fi
}

check_package_xml()
{
	if [ "$opt_regenerate" -eq 1 ]; then
		php "$root/scripts/package-xml.php" --package-xml "$work/tree/package.xml"
	elif ! php "$root/scripts/package-xml.php" --check; then
		exit 1
	fi
}

# config.w32 is not built here, so at least its C++ source list must match config.m4's.
check_windows_sources()
{
	local m4 w32

	m4=$(grep -o 'src/[A-Za-z0-9_]*\.cpp' "$root/config.m4" | sed 's|^src/||' | sort)
	w32=$(sed -n '/ADD_SOURCES/,/"xport")/p' "$root/config.w32" | grep -o '[A-Za-z0-9_]*\.cpp' |
		sort)
	if [ "$m4" != "$w32" ]; then
		echo "check-package: config.w32 and config.m4 build different C++ sources:" >&2
		diff <(echo "$m4") <(echo "$w32") >&2 || true
		exit 1
	fi
	echo "check-package: config.w32 lists the $(echo "$m4" | wc -l) C++ sources of config.m4"
}

# A copy of what git tracks or would track: no build output, no ignored files.
copy_tree()
{
	mkdir -p "$work/tree"
	(
		cd "$root"
		git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' path; do
				[ -f "$path" ] && printf '%s\0' "$path"
			done |
			xargs -0 -r cp --parents -t "$work/tree" --
	)
}

# pecl exits non-zero on errors; its warnings fail the check too, except the one about a
# release date other than today, which every day between releases would raise.
pecl_package()
{
	local log=$work/pecl-package.log warnings

	(cd "$work/tree" && pecl package) >"$log" 2>&1 || {
		cat "$log" >&2
		echo "check-package: pecl package failed" >&2
		exit 1
	}
	cat "$log"
	warnings=$(grep -i 'warning' "$log" | grep -v 'is not today' || true)
	if [ -n "$warnings" ]; then
		echo "check-package: pecl package warned:" >&2
		echo "$warnings" >&2
		exit 1
	fi
	tarball=$(ls "$work/tree"/xport-*.tgz)
}

build_tarball()
{
	local version=$1 php_binary

	mkdir -p "$work/build"
	tar -xzf "$tarball" -C "$work/build"
	src="$work/build/xport-$version"
	cd "$src"
	run_logged phpize "$work/phpize.log" phpize
	run_logged configure "$work/configure.log" ./configure
	run_logged make "$work/make.log" make -j"$(nproc)"

	php_binary=$(sed -n 's/^PHP_EXECUTABLE = //p' Makefile)
	if ! "${php_binary:-php}" -n -d extension="$src/modules/xport.so" \
		-r "exit(phpversion('xport') === '$version' ? 0 : 1);"; then
		echo "check-package: the built xport.so does not load as xport $version" >&2
		exit 1
	fi
	echo "check-package: the tarball builds, and modules/xport.so loads as xport $version"

	run_logged "make unit-test" "$work/unit-test.log" make -s unit-test
	tail -n 1 "$work/unit-test.log"
	if [ "$opt_run_tests" -eq 1 ] && ! NO_INTERACTION=1 make test; then
		echo "check-package: make test failed in the unpacked tarball" >&2
		exit 1
	fi
}

parse_arguments "$@"
require_tools
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's/^#define PHP_XPORT_VERSION "\(.*\)"$/\1/p' "$root/php_xport.h")

copy_tree
check_package_xml
check_windows_sources
pecl_package
if [ -n "$opt_keep" ]; then
	mkdir -p "$opt_keep"
	cp "$tarball" "$opt_keep/"
	echo "check-package: kept $opt_keep/$(basename "$tarball")"
fi
build_tarball "$version"
echo "check-package: package OK"
