#!/usr/bin/env bash
# Builds xport with UndefinedBehaviorSanitizer (configure --enable-xport-ubsan) in a copy of
# the source tree, so the tree's own build stays as it is, then runs the C++ unit tests and
# the phpt suite against that build. A UBSan report from any process (the test itself or a
# peer or server it starts) fails the run; every report is printed with its stack.
#
# UBSan works with the distribution's PHP, which loads extensions with RTLD_DEEPBIND (ASan
# does not). The sanitizer runtime, libubsan, is a DT_NEEDED entry of the built xport.so and
# is loaded with it; no LD_PRELOAD is needed.
#
# Usage: scripts/ubsan.sh [options] [TEST-FILE-OR-DIR...]     (see usage() below)
# Exit status: 0 clean, 1 failed tests or UBSan reports, 2 build or setup failure.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT

opt_jobs="$(nproc 2>/dev/null || echo 1)"
opt_keep=0
opt_work=""

WORK=""     # scratch directory: the source copy, build logs and UBSan reports
TREE=""     # the source copy the sanitized build happens in
REPORTS=""  # directory UBSan writes its reports into, one file per process

usage()
{
	cat <<EOF
Usage: $0 [options] [TEST-FILE-OR-DIR...]

Builds xport with -fsanitize=undefined in a copy of the tree and runs the tests against it.
Test paths are relative to the repository (default: every .phpt under tests/).

  -j N            parallel build jobs and test workers (default: number of cores)
  --work-dir DIR  build in DIR (made empty first) instead of a new temporary directory
  --keep          keep the scratch directory (source copy, logs, reports)
  -h, --help      this text
EOF
}

SCRIPT_LABEL=ubsan
# shellcheck source=scripts/common.sh
source "$REPO_ROOT/scripts/common.sh"

# Copies what git tracks, plus new files git does not ignore, as they are in the work tree:
# build output in the tree never reaches the copy. Outside a git checkout, everything but
# build output is copied.
copy_sources()
{
	mkdir -p "$TREE"
	if git -C "$REPO_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(
			cd "$REPO_ROOT"
			git ls-files -z --cached --others --exclude-standard |
				while IFS= read -r -d '' file; do
					[[ -f "$file" ]] && printf '%s\0' "$file"
				done |
				tar --null -T - -cf -
		) | tar -xf - -C "$TREE"
	else
		tar -C "$REPO_ROOT" --exclude=.git --exclude=.libs --exclude=modules --exclude='*.lo' \
			--exclude='*.o' --exclude='*.la' --exclude='*.dep' --exclude=Makefile \
			--exclude=config.status --exclude=config.cache -cf - . | tar -xf - -C "$TREE"
	fi
}

build()
{
	local log="$WORK/build.log" started=$SECONDS

	say "building in $TREE"
	if ! (
		cd "$TREE" &&
			phpize &&
			./configure --enable-xport --enable-xport-ubsan &&
			make -j"$opt_jobs"
	) >"$log" 2>&1; then
		tail -n 40 "$log" >&2
		die "build failed (log: $log)"
	fi
	# The sanitizer must really be in the module, or a clean run would prove nothing.
	if [[ "$(nm -D --undefined-only "$TREE/modules/xport.so")" != *__ubsan_handle_* ]]; then
		die "$TREE/modules/xport.so calls no UBSan handler: the flags did not apply"
	fi
	if [[ "$(ldd "$TREE/modules/xport.so")" != *libubsan* ]]; then
		die "$TREE/modules/xport.so does not link libubsan"
	fi
	say "built in $((SECONDS - started)) s"
}

# The socket-free C++ pieces, built with the same sanitizer flags.
run_unit_tests()
{
	local cxx

	cxx="$(sed -n 's/^CXX = //p' "$TREE/Makefile")"
	say "unit tests"
	make -s -C "$TREE" unit-test \
		CXX="${cxx:-g++} -fsanitize=undefined -fno-sanitize=object-size -fno-sanitize-recover=all"
}

run_phpt()
{
	local tests=() path

	for path in "${@:-tests}"; do
		[[ -e "$TREE/${path#./}" ]] || die "$path: no such test file or directory"
		tests+=("$TREE/${path#./}")
	done

	say "phpt suite: ${tests[*]#"$TREE/"}"
	# run-tests.php passes the environment on to every test and to the processes they start.
	UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$REPORTS/report" \
		XPORT_EXTENSION="$TREE/modules/xport.so" \
		bash "$TREE/scripts/phpt.sh" "-j$opt_jobs" "${tests[@]}"
}

# UBSan writes report.<pid> for each process that hit undefined behaviour.
print_reports()
{
	local report found=0

	for report in "$REPORTS"/report.*; do
		[[ -f "$report" ]] || continue
		found=1
		say "report $report:"
		cat "$report"
	done
	return $found
}

main()
{
	local status=0 started elapsed
	local tests=()

	while [[ $# -gt 0 ]]; do
		case "$1" in
			-j) opt_jobs="${2:?-j needs a number}"; shift 2 ;;
			--work-dir) opt_work="${2:?--work-dir needs a directory}"; shift 2 ;;
			--keep) opt_keep=1; shift ;;
			-h | --help) usage; exit 0 ;;
			-*) usage >&2; exit 2 ;;
			*) tests+=("$1"); shift ;;
		esac
	done

	started=$SECONDS
	if [[ -n "$opt_work" ]]; then
		rm -rf "$opt_work"
		mkdir -p "$opt_work"
		WORK="$(cd "$opt_work" && pwd)"
		opt_keep=1
	else
		WORK="$(mktemp -d "${TMPDIR:-/tmp}/xport-ubsan.XXXXXX")"
		# Readable by all: a test may run its client as another user, who loads xport.so from here.
		chmod 755 "$WORK"
	fi
	trap cleanup EXIT
	TREE="$WORK/tree"
	REPORTS="$WORK/reports"
	mkdir -p "$REPORTS"

	copy_sources
	build

	run_unit_tests || status=1
	run_phpt "${tests[@]+"${tests[@]}"}" || status=1
	print_reports || status=1

	elapsed=$((SECONDS - started))
	if [[ $status -eq 0 ]]; then
		say "clean: no UBSan report, no failed test ($elapsed s)"
	else
		say "FAILED: see the failed tests and reports above ($elapsed s)"
	fi
	return $status
}

main "$@"
