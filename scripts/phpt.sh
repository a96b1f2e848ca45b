#!/usr/bin/env bash
# Runs xport's phpt suite (tests/tcp, tests/udp, tests/options, tests/errors, tests/info, ...)
# the way `make test` runs it: run-tests.php under `php -n`, and each test under `php -n`
# with modules/xport.so loaded explicitly. Extensions a test lists in --EXTENSIONS-- besides
# xport (sockets) come from PHP's own extension directory.
#
# Usage: scripts/phpt.sh [-m] [other run-tests.php options] [TEST-FILE-OR-DIR...]
#   -m   run every test under valgrind (run-tests.php's memory check)
#   Options that take a value (-d, -j, -s, -p, --set-timeout) take the next argument.
#   With no test paths, every .phpt under tests/ runs.
# Environment: PHP (default: the PHP phpize was configured with, else php8.2, else php),
#   XPORT_EXTENSION (default: <repo>/modules/xport.so).
# Exit status: run-tests.php's own: 0 when nothing failed, leaked or broke, 1 otherwise.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT

SCRIPT_LABEL=phpt
# shellcheck source=scripts/common.sh
source "$REPO_ROOT/scripts/common.sh"

# phpize copies run-tests.php into the tree; fall back to the copy php-dev installs.
find_run_tests()
{
	local candidate

	for candidate in "$REPO_ROOT/run-tests.php" \
		"$(php-config --prefix 2>/dev/null)/lib/php/build/run-tests.php" \
		/usr/lib/php/*/build/run-tests.php; do
		if [[ -f "$candidate" ]]; then
			echo "$candidate"
			return
		fi
	done
	echo "phpt.sh: no run-tests.php; run phpize in $REPO_ROOT first" >&2
	exit 2
}

main()
{
	local php run_tests extension
	local options=() tests=()

	php="$(find_php)"
	run_tests="$(find_run_tests)"
	extension="${XPORT_EXTENSION:-$REPO_ROOT/modules/xport.so}"
	if [[ ! -f "$extension" ]]; then
		echo "phpt.sh: $extension is missing; build with: cd $REPO_ROOT && make" >&2
		exit 2
	fi

	while [[ $# -gt 0 ]]; do
		case "$1" in
			-j)
				# run-tests.php wants the job count glued to the flag.
				options+=("-j${2:-1}")
				shift 2 || shift
				;;
			-d | -s | -p | --set-timeout)
				options+=("$1" "${2:-}")
				shift 2 || shift
				;;
			-*)
				options+=("$1")
				shift
				;;
			*)
				tests+=("$1")
				shift
				;;
		esac
	done
	if [[ ${#tests[@]} -eq 0 ]]; then
		tests=("$REPO_ROOT/tests")
	fi

	# Same settings as the `test` target of the Makefile phpize generates.
	local log status
	log=$(mktemp)
	TEST_PHP_EXECUTABLE="$php" TEST_PHP_SRCDIR="$REPO_ROOT" NO_INTERACTION=1 \
		"$php" -n -d open_basedir= -d output_buffering=0 -d memory_limit=-1 \
		"$run_tests" -n -d "extension=$extension" -q --show-diff \
		"${options[@]+"${options[@]}"}" "${tests[@]}" 2>&1 | tee "$log"
	status=${PIPESTATUS[0]}

	# One closing line that test.sh and CI read: passes, and failures plus leaks and borks.
	local passed failed
	passed=$(sed -nE 's/^Tests passed +: +([0-9]+).*/\1/p' "$log" | tail -n 1)
	failed=$(sed -nE 's/^Tests (failed|leaked|borked) +: +([0-9]+).*/\2/p' "$log" |
		awk '{ sum += $1 } END { print sum + 0 }')
	rm -f "$log"
	if [[ -z "$passed" ]]; then
		echo "phpt: 0 passed, 1 failed (run-tests printed no summary)"
		return 1
	fi
	echo "phpt: $passed passed, $failed failed"
	[[ "$failed" -eq 0 ]] || return 1
	return "$status"
}

main "$@"
