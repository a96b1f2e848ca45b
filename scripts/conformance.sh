#!/usr/bin/env bash
# Runs PHP's own tests twice with the distribution's PHP 8.2, once with the built-in transports
# and once with xport loaded in every PHP process the tests start, and reports every test that
# passes with the built-ins but not with xport.
#
# The tests come from Debian's php8.2 source package, fetched through apt with a private
# configuration (the system's sources, lists and caches are never changed) and cached, so only
# the first run needs the network.
#
# Usage: scripts/conformance.sh [options]     (see usage() below or run with --help)
# Exit status: 0 no regression, 1 regressions found, 2 setup or harness failure.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$SCRIPT_DIR")"
readonly SCRIPT_DIR REPO_ROOT
readonly PHP_BIN=/usr/bin/php8.2
readonly SRC_PACKAGE=php8.2
# php8.2 is bookworm's PHP; its security updates live in a suite of their own.
readonly SUITES=(bookworm bookworm-security)
readonly CACHE_DIR="${XPORT_CACHE_DIR:-${HOME:-/root}/.cache/xport}"
readonly DEFAULT_DIRS="ext/standard/tests/network ext/standard/tests/streams ext/openssl/tests ext/ftp/tests"
readonly PROBE_DIR=xport-conformance # inside the tree copy, holds the probe test

opt_dirs="$DEFAULT_DIRS"
opt_ext="$REPO_ROOT/modules/xport.so"
opt_transports="" # empty: xport's own default, every name it implements
opt_jobs="$(nproc 2>/dev/null || echo 1)"
opt_builtin_only=0
opt_skip_slow=0
opt_keep=0

WORK=""        # scratch directory of this run: a copy of the test tree, logs, results
TREE=""        # the copy of the php-src tree the tests run in
SRC_VERSION="" # version of the source package the tests come from

usage()
{
	cat <<EOF
Usage: $0 [options]

Runs PHP's own tests with the built-in transports and with xport, and lists regressions.

  --dirs "A B"        test directories (or .phpt files), relative to the php-src tree
                      (default: $DEFAULT_DIRS)
  --ext PATH          the xport extension to load (default: <repo>/modules/xport.so)
  --transports LIST   value of xport.transports in the xport run (default: xport's default)
  -j N                parallel test workers per run (default: number of cores)
  --builtin-only      run only the built-in pass (checks the environment; no comparison)
  --skip-slow         set SKIP_SLOW_TESTS=1 (skips several loopback server tests)
  --keep              keep the scratch directory with logs, .diff and .out files
  -h, --help          this text

Environment: XPORT_CACHE_DIR (default ~/.cache/xport) holds the unpacked php-src tree;
delete it to fetch the tests again.
EOF
}

say()
{
	printf '%s\n' "$*"
}

die()
{
	printf 'conformance: error: %s\n' "$*" >&2
	exit 2
}

parse_args()
{
	while (($# > 0)); do
		case "$1" in
			--dirs) opt_dirs="${2:?--dirs needs a value}"; shift ;;
			--ext) opt_ext="${2:?--ext needs a path}"; shift ;;
			--transports) opt_transports="${2:?--transports needs a list}"; shift ;;
			-j) opt_jobs="${2:?-j needs a number}"; shift ;;
			-j*) opt_jobs="${1#-j}" ;;
			--builtin-only) opt_builtin_only=1 ;;
			--skip-slow) opt_skip_slow=1 ;;
			--keep) opt_keep=1 ;;
			-h | --help) usage; exit 0 ;;
			*) usage >&2; die "unknown option: $1" ;;
		esac
		shift
	done

	[[ "$opt_jobs" =~ ^[1-9][0-9]*$ ]] || die "-j wants a positive number, got '$opt_jobs'"
	[[ -n "$opt_dirs" ]] || die "--dirs is empty"
}

check_prerequisites()
{
	[[ -x "$PHP_BIN" ]] || die "$PHP_BIN not found: install php8.2-cli"
	if ((!opt_builtin_only)); then
		[[ -f "$opt_ext" ]] ||
			die "extension not found: $opt_ext (build it, or pass --ext or --builtin-only)"
		opt_ext="$(realpath "$opt_ext")"
	fi
}

# dpkg-source unpacks the source package and applies Debian's patches, so the tests match the
# binary that runs them.
ensure_dpkg_source()
{
	command -v dpkg-source >/dev/null && return 0

	say "installing dpkg-dev (for dpkg-source)"
	apt-get -q update >/dev/null || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends dpkg-dev \
		>/dev/null || die "could not install dpkg-dev"
}

# ---------------------------------------------------------------------------------------------
# Fetching the tests
# ---------------------------------------------------------------------------------------------

# Prints "URI<TAB>SUITE<TAB>SIGNED-BY" for every enabled entry of the system's apt sources, both
# one-line (.list) and deb822 (.sources) files, so the private list reuses the same mirrors.
list_system_sources()
{
	local files=()

	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		if [[ -f "$f" ]]; then files+=("$f"); fi
	done
	((${#files[@]} == 0)) || awk '
		$1 == "deb" || $1 == "deb-src" {
			i = 2; signed = ""
			if ($2 ~ /^\[/) {
				for (; i <= NF; i++) {
					if ($i ~ /signed-by=/) {
						signed = $i; sub(/.*signed-by=/, "", signed); sub(/\]$/, "", signed)
					}
					if ($i ~ /\]$/) { i++; break }
				}
			}
			print $i "\t" $(i + 1) "\t" signed
		}' "${files[@]}"

	for f in /etc/apt/sources.list.d/*.sources; do
		[[ -f "$f" ]] || continue
		# Stanzas end at a blank line; continuation lines (inline keys) start with a space.
		awk '
			function flush(   n, m, a, b, j, k) {
				if (types ~ /deb/ && enabled !~ /^(no|false)$/) {
					n = split(uris, a, /[ \t]+/); m = split(suites, b, /[ \t]+/)
					for (j = 1; j <= n; j++) for (k = 1; k <= m; k++)
						if (a[j] != "" && b[k] != "")
							print a[j] "\t" b[k] "\t" (signed ~ /^\// ? signed : "")
				}
				types = uris = suites = signed = enabled = ""
			}
			/^[ \t]*$/ { flush(); next }
			/^[ \t]/ || /^#/ { next }
			{
				key = tolower($1); sub(/:$/, "", key)
				val = $0; sub(/^[^:]*:[ \t]*/, "", val)
				if (key == "types") types = val
				else if (key == "uris") uris = val
				else if (key == "suites") suites = val
				else if (key == "signed-by") signed = val
				else if (key == "enabled") enabled = tolower(val)
			}
			END { flush() }' "$f"
	done
}

# Writes deb-src lines for SUITES to $1, using the mirrors the system already uses for them.
write_private_sources()
{
	local list="$1" sources found=0

	sources="$(list_system_sources)"
	: >"$list"
	for suite in "${SUITES[@]}"; do
		local uri="" signed=""
		IFS=$'\t' read -r uri _ signed < <(awk -F'\t' -v s="$suite" '$2 == s { print; exit }' \
			<<<"$sources") || true
		if [[ -z "${uri:-}" ]]; then
			say "warning: no apt source for suite $suite in /etc/apt; skipping it"
			continue
		fi
		printf 'deb-src %s%s %s main\n' "${signed:+[signed-by=$signed] }" "$uri" "$suite" >>"$list"
		found=1
	done
	((found)) || die "no Debian mirror for ${SUITES[*]} found in /etc/apt/sources.list(.d)"
}

# apt-get/apt-cache with every file they write moved under $APT_ROOT: the system's sources,
# lists and package caches stay as they are.
private_apt()
{
	local tool="$1"
	shift
	"$tool" -q \
		-o Dir::Etc::SourceList="$APT_ROOT/sources.list" \
		-o Dir::Etc::SourceParts="$APT_ROOT/sources.list.d" \
		-o Dir::State::Lists="$APT_ROOT/lists" \
		-o Dir::Cache="$APT_ROOT/cache" \
		"$@"
}

# Versions of the source package the private lists know, newest first; the installed version
# first of all, because those tests match the binary best.
candidate_versions()
{
	local installed="$1" versions

	versions="$(private_apt apt-cache showsrc --only-source "$SRC_PACKAGE" 2>/dev/null |
		awk '/^Version:/ { print $2 }' | sort -u)"
	if grep -qxF -- "$installed" <<<"$versions"; then
		printf '%s\n' "$installed"
	fi
	grep -vxF -- "$installed" <<<"$versions" | sort_versions_desc
}

sort_versions_desc()
{
	local sorted=() v i

	while read -r v; do
		[[ -n "$v" ]] || continue
		i=0
		while ((i < ${#sorted[@]})) && dpkg --compare-versions "${sorted[i]}" gt "$v"; do
			((i += 1))
		done
		sorted=("${sorted[@]:0:i}" "$v" "${sorted[@]:i}")
	done
	((${#sorted[@]} == 0)) || printf '%s\n' "${sorted[@]}"
}

# Downloads and unpacks version $1 into $2. apt checks every file against the signed index,
# so dpkg-source need not check the .dsc signature again (--no-check); --no-copy keeps the
# tarballs out of the cache directory.
download_and_unpack()
{
	local version="$1" dest="$2"
	local dl="$APT_ROOT/dl-$version"

	mkdir -p "$dl"
	# apt downloads as the unprivileged _apt user, which must be able to write here.
	if id _apt >/dev/null 2>&1; then chown _apt "$dl"; fi
	(cd "$dl" && private_apt apt-get source --download-only "$SRC_PACKAGE=$version") \
		>>"$APT_ROOT/apt.log" 2>&1 || return 1

	rm -rf "$dest.partial"
	if ! dpkg-source --no-check --no-copy -x "$dl"/*.dsc "$dest.partial" \
		>>"$APT_ROOT/apt.log" 2>&1; then
		rm -rf "$dest.partial"
		return 1
	fi
	mv "$dest.partial" "$dest"
	rm -rf "$dl"
}

# Sets SRC_VERSION and the cached tree for the installed php8.2; fetches it only when no tree
# was chosen for that installed version before.
fetch_php_tests()
{
	local installed cache="$CACHE_DIR/php-src" link
	# shellcheck disable=SC2016 # dpkg-query's own field syntax, not shell expansion
	local format='${db:Status-Status} ${source:Version}'

	installed="$(dpkg-query -W -f="$format" php8.2-cli 2>/dev/null)" || true
	[[ "$installed" == "installed "* ]] || die "php8.2-cli is not installed"
	installed="${installed#installed }"

	mkdir -p "$cache"
	link="$cache/tests-for-$installed"

	# Serialise concurrent runs that share the cache.
	exec 9>"$cache/.lock"
	flock 9

	if [[ ! -e "$link/run-tests.php" ]]; then
		download_tests "$installed" "$cache"
		ln -sfn "$SRC_VERSION" "$link"
	fi
	SRC_VERSION="$(basename "$(readlink "$link")")"
	CACHED_TREE="$cache/$SRC_VERSION"
	INSTALLED_VERSION="$installed"
	flock -u 9
}

download_tests()
{
	local installed="$1" cache="$2" version

	APT_ROOT="$WORK/apt"
	mkdir -p "$APT_ROOT/sources.list.d" "$APT_ROOT/lists/partial" "$APT_ROOT/cache/archives/partial"
	# _apt must be able to reach the download directories below.
	chmod 755 "$WORK"
	write_private_sources "$APT_ROOT/sources.list"
	ensure_dpkg_source

	say "fetching $SRC_PACKAGE source lists (private apt state in $APT_ROOT)"
	private_apt apt-get update >>"$APT_ROOT/apt.log" 2>&1 ||
		die "apt-get update failed; see $APT_ROOT/apt.log"

	for version in $(candidate_versions "$installed"); do
		if [[ -e "$cache/$version/run-tests.php" ]] ||
			download_and_unpack "$version" "$cache/$version"; then
			SRC_VERSION="$version"
			[[ "$version" == "$installed" ]] ||
				say "note: source $installed is not downloadable; using tests of $version"
			return 0
		fi
		say "note: could not fetch $SRC_PACKAGE $version source; trying an older one"
	done
	opt_keep=1
	die "no $SRC_PACKAGE source could be fetched; see $APT_ROOT/apt.log"
}

# ---------------------------------------------------------------------------------------------
# Running the tests
# ---------------------------------------------------------------------------------------------

# run-tests.php writes its .php/.out/.diff files beside each test, so every run works on its own
# copy and the cached tree stays pristine. The tree has some 23,000 files: hard links make the
# copy cheap, and the directories under test, where the writing happens, get real copies.
prepare_tree()
{
	local d dir

	TREE="$WORK/php-src"
	if ! cp -al "$CACHED_TREE" "$TREE" 2>/dev/null; then
		rm -rf "$TREE"
		cp -a "$CACHED_TREE" "$TREE"
	fi

	for d in $opt_dirs; do
		[[ -e "$CACHED_TREE/$d" ]] || die "no such test directory in php-src $SRC_VERSION: $d"
		dir="$d"
		[[ -d "$CACHED_TREE/$d" ]] || dir="$(dirname "$d")"
		rm -rf "${TREE:?}/$dir"
		cp -a "$CACHED_TREE/$dir" "$TREE/$dir"
	done
}

# A test of the harness itself: it records whether xport is loaded in a run-tests child and in
# a grandchild started through PHP_BINARY, the way server workers are started.
write_probe()
{
	local expect="$1"
	mkdir -p "$TREE/$PROBE_DIR"
	cat >"$TREE/$PROBE_DIR/probe-$expect.phpt" <<EOF
--TEST--
xport is loaded ($expect) in test processes and in PHP_BINARY children
--FILE--
<?php
function state() { return extension_loaded('xport') ? 'yes' : 'no'; }
\$code = 'echo extension_loaded("xport") ? "yes" : "no";';
\$child = shell_exec(escapeshellarg(PHP_BINARY) . ' -r ' . escapeshellarg(\$code));
echo 'test=', state(), ' child=', trim((string) \$child), "\n";
?>
--EXPECT--
test=$expect child=$expect
EOF
	printf '%s' "$PROBE_DIR/probe-$expect.phpt"
}

# The ini scan directory that loads xport. A leading ':' (an empty entry) keeps PHP's default
# scan directory, so Debian's conf.d files still load; run-tests passes its environment on to
# every test process, and PHP_BINARY children inherit it from there.
write_xport_ini()
{
	local dir="$WORK/xport-ini"
	mkdir -p "$dir"
	printf 'extension=%s\n' "$opt_ext" >"$dir/zz-xport.ini"
	if [[ -n "$opt_transports" ]]; then
		printf 'xport.transports=%s\n' "$opt_transports" >>"$dir/zz-xport.ini"
	fi
	XPORT_SCAN_DIR="${PHP_INI_SCAN_DIR:-}:$dir"
}

# Fails early, with PHP's own message, when the extension cannot be loaded at all.
preflight_xport()
{
	local out
	out="$(PHP_INI_SCAN_DIR="$XPORT_SCAN_DIR" "$PHP_BIN" -d display_startup_errors=1 \
		-r 'echo extension_loaded("xport") ? "loaded" : "missing";' 2>&1)" || true
	[[ "$out" == "loaded" ]] || die "xport does not load cleanly from $opt_ext: $out"
}

# run_tests SCAN_DIR RESULTS LOG JOBS TEST... runs run-tests.php and writes "RESULT<TAB>test"
# lines (test relative to the tree) to RESULTS. SCAN_DIR "-" leaves PHP_INI_SCAN_DIR alone.
run_tests()
{
	local scan_dir="$1" results="$2" log="$3" jobs="$4"
	shift 4
	# Some php-src tests leave files in the temporary directory: give them one that goes away
	# with the scratch directory.
	local env_cmd=(env -u TEST_PHP_ARGS -u SKIP_SLOW_TESTS SKIP_ONLINE_TESTS=1 NO_INTERACTION=1
		TMPDIR="$WORK/tmp")
	local args=(-p "$PHP_BIN" -q --offline --no-color --no-progress -W "$results.raw")

	mkdir -p "$WORK/tmp"
	((opt_skip_slow)) && env_cmd+=(SKIP_SLOW_TESTS=1)
	[[ "$scan_dir" == "-" ]] || env_cmd+=(PHP_INI_SCAN_DIR="$scan_dir")
	((jobs > 1)) && args+=("-j$jobs")

	# The exit status only says whether some test failed; the results file says which.
	(cd "$TREE" && "${env_cmd[@]}" "$PHP_BIN" run-tests.php "${args[@]}" "$@") >"$log" 2>&1 || true
	[[ -f "$results.raw" ]] || : >"$results.raw"
	sed "s|\t$TREE/|\t|" "$results.raw" | sort -k2 >"$results"
}

# Checks the probe's result in RESULTS, then takes it out of RESULTS: a failed probe makes the
# whole comparison meaningless.
check_probe()
{
	local label="$1" results="$2" log="$3" probe="$4" complaint="$5" status

	status="$(awk -F'\t' -v t="$probe" '$2 == t { print $1 }' "$results")"
	if [[ "$status" == "PASSED" ]]; then
		grep -vF $'\t'"$PROBE_DIR/" "$results" >"$results.tmp" || true
		mv "$results.tmp" "$results"
		return 0
	fi

	say "---- $label run log (tail) ----"
	tail -n 20 "$log"
	[[ -f "$TREE/${probe%.phpt}.out" ]] && say "probe output: $(cat "$TREE/${probe%.phpt}.out")"
	opt_keep=1
	if [[ -z "$status" ]]; then
		die "$label run produced no result for its probe: run-tests failed (log in $WORK)"
	fi
	die "$label run: probe ${status}: $complaint"
}

# Prints "label: N passed, N failed, N skipped, N borked" (failed covers FAILED, WARNED, LEAKED).
summarize()
{
	local label="$1" results="$2"
	awk -F'\t' -v label="$label" '
		{ n[$1]++; total++ }
		END {
			failed = n["FAILED"] + n["WARNED"] + n["LEAKED"] + n["XLEAKED"]
			printf "%-8s %d tests: %d passed, %d failed, %d skipped, %d borked, %d xfail\n",
				label ":", total, n["PASSED"], failed, n["SKIPPED"], n["BORKED"], n["XFAILED"]
		}' "$results"
}

# Prints the tests that PASSED with the built-ins and have any other result (or none) with xport.
candidate_regressions()
{
	local base="$1" xport="$2"
	awk -F'\t' '
		NR == FNR { if ($1 == "PASSED") pass[$2] = 1; next }
		{ got[$2] = $1 }
		END {
			for (t in pass)
				if (got[t] != "PASSED") print t "\t" (t in got ? got[t] : "NO-RESULT")
		}
	' "$base" "$xport" | sort
}

# Runs one test alone with xport: rules out port clashes between parallel workers and one-off
# timing flukes. Prints its result.
retry_alone()
{
	local test="$1" n="$2"
	local results="$WORK/retry-$n.txt" log="$WORK/retry-$n.log"

	run_tests "$XPORT_SCAN_DIR" "$results" "$log" 1 "$test"
	awk -F'\t' -v t="$test" '$2 == t { print $1 }' "$results" | grep . || echo "NO-RESULT"
}

# Shows why a confirmed regression failed: run-tests' line for it and the head of its diff.
show_regression()
{
	local test="$1" n="$2" diff="$TREE/${1%.phpt}.diff"

	grep -m 1 -F "[$test]" "$WORK/retry-$n.log" | sed 's/^/    /' || true
	if [[ -f "$diff" ]]; then
		head -n 20 "$diff" | awk '{ print "    | " $0 }'
	fi
}

list_baseline_failures()
{
	local results="$1" lines
	lines="$(awk -F'\t' '$1 != "PASSED" && $1 != "SKIPPED" {
		print "  " $1 " " $2 }' "$results")"
	[[ -z "$lines" ]] && return 0
	say "not passing with the built-ins (not compared):"
	say "$lines"
}

# ---------------------------------------------------------------------------------------------

cleanup()
{
	[[ -n "$WORK" && -d "$WORK" ]] || return 0
	if ((opt_keep)); then
		say "scratch directory kept: $WORK"
	else
		rm -rf "$WORK"
	fi
}

run_builtin_pass()
{
	local probe
	probe="$(write_probe no)"
	say "running php-src tests with the built-in transports (-j$opt_jobs): $opt_dirs"
	# shellcheck disable=SC2086 # opt_dirs is a space-separated list on purpose
	run_tests - "$WORK/builtin.txt" "$WORK/builtin.log" "$opt_jobs" "$probe" $opt_dirs
	check_probe builtin "$WORK/builtin.txt" "$WORK/builtin.log" "$probe" \
		"xport is loaded without this script (PHP's ini files?), so this run is not built-in"
}

run_xport_pass()
{
	local probe
	probe="$(write_probe yes)"
	write_xport_ini
	preflight_xport
	say "running php-src tests with xport ($opt_ext, xport.transports=${opt_transports:-default})"
	# shellcheck disable=SC2086
	run_tests "$XPORT_SCAN_DIR" "$WORK/xport.txt" "$WORK/xport.log" "$opt_jobs" "$probe" $opt_dirs
	check_probe xport "$WORK/xport.txt" "$WORK/xport.log" "$probe" \
		"xport is not loaded in the test processes or in their PHP_BINARY children"
}

# Retries every candidate alone and prints the confirmed regressions; sets REGRESSIONS.
confirm_regressions()
{
	local test first_status status n=0 flaky=()

	REGRESSIONS=0
	while IFS=$'\t' read -r test first_status; do
		[[ -n "$test" ]] || continue
		n=$((n + 1))
		status="$(retry_alone "$test" "$n")"
		if [[ "$status" == "PASSED" ]]; then
			flaky+=("  $test ($first_status, then PASSED alone)")
			continue
		fi
		((REGRESSIONS > 0)) ||
			say "regressions (PASS with the built-ins, not with xport, also when alone):"
		REGRESSIONS=$((REGRESSIONS + 1))
		say "  $test: $status"
		show_regression "$test" "$n"
	done < <(candidate_regressions "$WORK/builtin.txt" "$WORK/xport.txt")

	if ((${#flaky[@]} > 0)); then
		say "passed when retried alone (not counted as regressions):"
		printf '%s\n' "${flaky[@]}"
	fi
	((REGRESSIONS > 0)) || say "regressions: none"
}

main()
{
	local started=$SECONDS builtin_passed

	parse_args "$@"
	check_prerequisites
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/xport-conformance.XXXXXX")"
	trap cleanup EXIT

	fetch_php_tests
	say "php-src tests: $SRC_PACKAGE $SRC_VERSION (installed php8.2-cli: $INSTALLED_VERSION)"
	prepare_tree

	run_builtin_pass
	summarize builtin "$WORK/builtin.txt"
	list_baseline_failures "$WORK/builtin.txt"
	builtin_passed="$(grep -c '^PASSED' "$WORK/builtin.txt" || true)"

	if ((opt_builtin_only)); then
		say "wall time: $((SECONDS - started))s"
		return 0
	fi

	run_xport_pass
	summarize xport "$WORK/xport.txt"
	confirm_regressions
	say "wall time: $((SECONDS - started))s"
	say "conformance: $((builtin_passed - REGRESSIONS)) passed, $REGRESSIONS failed"
	((REGRESSIONS == 0)) || exit 1
}

main "$@"
