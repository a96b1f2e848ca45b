#!/usr/bin/env bash
# Runs the phpt suite under valgrind's memcheck (run-tests.php -m, through scripts/phpt.sh)
# and fails on any leak, invalid access or use of uninitialised memory, in the test process
# or in a PHP process a test starts (run-tests traces children).
#
# The tests and xport.so run from copies in a scratch directory, so the files run-tests writes
# (.mem, .diff, .out, ...) never land in the tree, a concurrent phpt run is not disturbed,
# and a rebuild of the tree's xport.so during the run changes nothing.
#
# Three things run-tests -m does not do by itself are set up here:
# - Full leak checking everywhere. valgrind reads .valgrindrc from the current directory
#   only, which a process a test starts may not share, so the options of the repository's
#   .valgrindrc are also passed in VALGRIND_OPTS.
# - A process stops at its first memory error. run-tests gives every process of a test the
#   same log file, and each traced child truncates it when it starts, so an error a test
#   process logged before starting a peer would vanish. Stopping makes the test fail instead.
# - Code PCRE's JIT compiler generates reads past the end of the subject string; memcheck
#   reports that as uninitialised use in code without a name. It is suppressed.
#
# For each test that leaked or failed, run-tests' .sh file runs it once more with one log per
# process and every error reported; those logs are printed.
#
# TODO: The leak report of a child process that already exited is lost when the test then
# starts another child, which truncates the shared log; only the rerun has a log per process.
#
# Usage: scripts/valgrind.sh [options] [TEST-FILE-OR-DIR...]     (see usage() below)
# Exit status: 0 clean, 1 failed or leaking tests, 2 setup failure.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly SUITE_DIRS="tcp udp options errors info persistent tls starttls interop"
readonly ERROR_EXIT_CODE=86

opt_jobs="$(nproc 2>/dev/null || echo 1)"
opt_keep=0

WORK=""  # scratch directory: the copy of tests/ and the suppression file

usage()
{
	cat <<EOF
Usage: $0 [options] [TEST-FILE-OR-DIR...]

Runs xport's phpt tests under valgrind memcheck and fails on any report.
Test paths are relative to the repository (default: the existing ones of
$(for dir in $SUITE_DIRS; do printf 'tests/%s ' "$dir"; done), and PHP's own
streams/gh8409.phpt once scripts/conformance.sh has unpacked PHP's tests).

  -j N        parallel test workers (default: number of cores)
  --keep      keep the scratch directory with the copied tests and run-tests' files
  -h, --help  this text

Environment: XPORT_EXTENSION (default: <repo>/modules/xport.so), PHP (see scripts/phpt.sh).
EOF
}

SCRIPT_LABEL=valgrind
# shellcheck source=scripts/common.sh
source "$REPO_ROOT/scripts/common.sh"

# PHP's own streams/gh8409.phpt, from the php-src tree scripts/conformance.sh unpacked: an
# error handler turns the connect warning into a fatal error. PHP itself leaks the warning's
# buffers when a handler bails out like that, with the built-ins as much as with xport, so
# this test passes when the xport run prints the test's OK line, has no memory error, and
# loses no more bytes than the built-in run. Returns 0 also when the test is not unpacked.
compare_gh8409()
{
	local cache="${XPORT_CACHE_DIR:-${HOME:-/root}/.cache/xport}/php-src" test="" file
	local script="$WORK/gh8409.php" builtin_lost xport_lost

	for file in "$cache"/*/ext/standard/tests/streams/gh8409.phpt; do
		[[ -f "$file" ]] && test=$file
	done
	if [[ -z "$test" ]]; then
		say "PHP's streams/gh8409.phpt is not unpacked yet (scripts/conformance.sh does it): not run"
		return 0
	fi
	sed -n '/^--FILE--$/,/^--EXPECTF--$/p' "$test" | sed '1d;$d' >"$script"

	run_gh8409 builtin "$script" || return 1
	builtin_lost=$(lost_bytes "$WORK/gh8409-builtin.log")
	run_gh8409 xport "$script" -d "extension=$XPORT_EXTENSION" || return 1
	xport_lost=$(lost_bytes "$WORK/gh8409-xport.log")
	if ((xport_lost > builtin_lost)); then
		say "gh8409: xport loses $xport_lost bytes, the built-ins $builtin_lost:"
		cat "$WORK/gh8409-xport.log"
		return 1
	fi
	say "gh8409: no memory error; lost bytes xport $xport_lost, built-ins $builtin_lost (PHP's own)"
}

# Runs the gh8409 script under memcheck with leak checking and no stop at the first error.
run_gh8409()
{
	local name=$1 script=$2 output
	shift 2

	# Without the suite's VALGRIND_OPTS: its stop at the first error would cut the leak summary.
	output=$(env -u VALGRIND_OPTS USE_ZEND_ALLOC=0 valgrind --tool=memcheck --leak-check=full \
		--log-file="$WORK/gh8409-$name.log" "$(find_php)" -n "$@" "$script" 2>&1) || true
	if [[ "$output" != *"OK: persistent stream closed"* ]] ||
		! grep -qE 'LEAK SUMMARY|All heap blocks were freed' "$WORK/gh8409-$name.log" ||
		grep -qE 'Invalid (read|write|free)|uninitialised|Mismatched free' "$WORK/gh8409-$name.log"; then
		say "gh8409 with $name failed:"
		printf '%s\n' "$output"
		cat "$WORK/gh8409-$name.log"
		return 1
	fi
}

# Definitely plus indirectly lost bytes in a memcheck log.
lost_bytes()
{
	awk '/(definitely|indirectly) lost:/ { gsub(",", "", $4); total += $4 } END { print total + 0 }' "$1"
}


# The test sources as git sees them (tracked, or new and not ignored): no stale output of
# earlier runs comes along. Outside a git checkout, tests/ is copied whole.
copy_tests()
{
	mkdir -p "$WORK"
	if git -C "$REPO_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(
			cd "$REPO_ROOT"
			git ls-files -z --cached --others --exclude-standard -- tests |
				while IFS= read -r -d '' file; do
					[[ -f "$file" ]] && printf '%s\0' "$file"
				done |
				tar --null -T - -cf -
		) | tar -xf - -C "$WORK"
	else
		cp -R "$REPO_ROOT/tests" "$WORK/"
	fi
}

# Options every valgrind process of the run reads, whatever its working directory.
valgrind_options()
{
	local supp="$WORK/pcre-jit.supp"

	# The JIT's code has no object file, which valgrind names "???"; no real object file
	# has a three-letter path.
	printf '{\n   pcre2-jit-code\n   Memcheck:Cond\n   obj:???\n}\n' >"$supp"

	grep -v '^[[:space:]]*\(#\|$\)' "$REPO_ROOT/.valgrindrc" | tr '\n' ' '
	printf -- '--suppressions=%s --exit-on-first-error=yes --error-exitcode=%d' \
		"$supp" "$ERROR_EXIT_CODE"
}

# Runs a test again through the .sh file run-tests wrote for it, with one log per process
# and no stop at the first error, and prints the logs of processes that reported anything.
print_process_reports()
{
	local script=$1 logs="${1%.sh}.process-logs" log nothing=1

	mkdir -p "$logs"
	(
		cd "$REPO_ROOT"
		"$script" valgrind "--tool=memcheck --trace-children=yes --exit-on-first-error=no
			--log-file=$logs/%p.log"
	) >/dev/null 2>&1 || true
	for log in "$logs"/*.log; do
		# Every error and leak record comes with a stack; a clean log has none.
		if [[ -f "$log" ]] && grep -qE '^==[0-9]+== +at ' "$log"; then
			cat "$log"
			nothing=0
		fi
	done
	return $nothing
}

# Prints what memcheck said about each test that leaked or failed; fails when a test leaked.
print_memcheck_reports()
{
	local test_file base leaked=0

	while IFS= read -r -d '' test_file; do
		base="${test_file%.phpt}"
		[[ -s "$base.mem" || -f "$base.diff" ]] || continue
		[[ -s "$base.mem" ]] && leaked=1
		say "memcheck reports of ${test_file#"$WORK/"}:"
		if ! { [[ -x "$base.sh" ]] && print_process_reports "$base.sh"; }; then
			if [[ -s "$base.mem" ]]; then
				tr -d '\0' <"$base.mem"
			else
				echo "(none: the test failed without a memory error)"
			fi
		fi
	done < <(find "$WORK/tests" -name '*.phpt' -print0 | sort -z)
	return $leaked
}

main()
{
	local status=0 started path extension
	local tests=()

	while [[ $# -gt 0 ]]; do
		case "$1" in
			-j) opt_jobs="${2:?-j needs a number}"; shift 2 ;;
			--keep) opt_keep=1; shift ;;
			-h | --help) usage; exit 0 ;;
			-*) usage >&2; exit 2 ;;
			*) tests+=("${1#./}"); shift ;;
		esac
	done

	command -v valgrind >/dev/null || die "valgrind is not installed (apt-get install valgrind)"
	[[ -f "$REPO_ROOT/.valgrindrc" ]] || die "$REPO_ROOT/.valgrindrc is missing"

	started=$SECONDS
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/xport-valgrind.XXXXXX")"
	# Readable by all: a test may run its client as another user, who loads xport.so from here.
	chmod 755 "$WORK"
	trap cleanup EXIT
	copy_tests

	local with_gh8409=0
	if [[ ${#tests[@]} -eq 0 ]]; then
		with_gh8409=1
		for path in $SUITE_DIRS; do
			[[ -d "$WORK/tests/$path" ]] && tests+=("tests/$path")
		done
	fi
	[[ ${#tests[@]} -gt 0 ]] || die "no test directories found"
	for path in "${tests[@]}"; do
		[[ -e "$WORK/$path" ]] || die "$path: no such test file or directory"
	done

	# The run uses a copy of the extension: a rebuild in the tree while tests run would
	# change code that processes have mapped, which memcheck reports as wild jumps.
	extension="${XPORT_EXTENSION:-$REPO_ROOT/modules/xport.so}"
	[[ -f "$extension" ]] || die "$extension is missing; build first (scripts/setup.sh --no-demo)"
	cp "$extension" "$WORK/xport.so"
	export XPORT_EXTENSION="$WORK/xport.so"

	VALGRIND_OPTS="$(valgrind_options)"
	export VALGRIND_OPTS
	say "memcheck over ${tests[*]}"
	# run-tests sets USE_ZEND_ALLOC=0 itself under -m; it is set here too so that the
	# processes of --SKIPIF-- and --CLEAN-- sections see the same allocator. Paths are
	# absolute: run-tests changes into the repository root.
	USE_ZEND_ALLOC=0 bash "$REPO_ROOT/scripts/phpt.sh" -m "-j$opt_jobs" "${tests[@]/#/$WORK/}" ||
		status=1
	print_memcheck_reports || status=1
	if [[ $with_gh8409 -eq 1 ]]; then
		compare_gh8409 || status=1
	fi

	if [[ $status -eq 0 ]]; then
		say "clean: no leak, no memory error, no failed test ($((SECONDS - started)) s)"
	else
		say "FAILED: see the failed tests and memcheck reports above ($((SECONDS - started)) s)"
	fi
	return $status
}

main "$@"
