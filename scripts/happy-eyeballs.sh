#!/usr/bin/env bash
# Measures what Happy Eyeballs buys: connect time with PHP's built-in tcp:// transport against
# xport's, in a private network namespace where a name resolves to ::1 first and 127.0.0.1
# second and every SYN to the ::1 port is dropped (a black-holed IPv6 path). Also measures
# `localhost` (::1 refused, 127.0.0.1 listening) and the literal 127.0.0.1, to show that xport is
# no slower when nothing is black-holed.
#
# This is a measurement, not a test: it prints numbers and a verdict, it asserts nothing.
# Only loopback addresses are used, inside a network namespace that ends with this script.
#
# Usage: scripts/happy-eyeballs.sh [--runs N] [--dual-runs N] [--timeout S] [--ext PATH]
# Needs root (or unprivileged user namespaces), unshare and mount (util-linux), ip (iproute2)
# and nft (nftables); as root, missing packages are installed with apt-get.
# Exit status: 0 measured, 2 setup failure.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly SELF="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"
readonly DUAL_NAME=dual.xport.test
# The server outlives the measurements only by accident; this bounds it regardless.
readonly SERVER_LIFETIME=900

export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
export HE_PHP="${HE_PHP:-${PHP:-php}}"
export HE_EXT="${HE_EXT:-$(dirname "$SCRIPT_DIR")/modules/xport.so}"
export HE_RUNS="${HE_RUNS:-51}"
export HE_DUAL_RUNS="${HE_DUAL_RUNS:-3}"
export HE_TIMEOUT="${HE_TIMEOUT:-3}"

usage()
{
	cat <<EOF
Usage: $0 [options]

  --runs N        connects per measurement for localhost and 127.0.0.1 (default: $HE_RUNS)
  --dual-runs N   connects per transport to $DUAL_NAME; each built-in one costs
                  the whole timeout (default: $HE_DUAL_RUNS)
  --timeout S     connect timeout in seconds (default: $HE_TIMEOUT)
  --ext PATH      the xport extension (default: <repo>/modules/xport.so)
  -h, --help      this text

Environment: PHP (default: php) is the PHP binary.
EOF
}

die()
{
	echo "happy-eyeballs: $*" >&2
	exit 2
}

is_count()
{
	[[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le 10000 ]
}

# --- PHP programs -------------------------------------------------------------------------------

# Listens on two loopback ports (one for the black-holed name, one for localhost), writes them
# to the file named by argv[1], then accepts and closes connections until killed, for at most
# argv[2] seconds. The deep backlog keeps a full queue from dropping SYNs (a 1 s retransmit
# would land in the numbers) while the clients connect faster than this loop accepts.
read -r -d '' SERVER_PHP <<'PHP' || true
$servers = [];
$context = stream_context_create(['socket' => ['backlog' => 4096]]);
for ($i = 0; $i < 2; $i++) {
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	if (!$server) {
		fwrite(STDERR, "server: cannot listen: $errstr\n");
		exit(1);
	}
	$servers[] = $server;
}
$ports = array_map(
	fn($s) => (int) substr(strrchr(stream_socket_get_name($s, false), ':'), 1), $servers);
file_put_contents($argv[1] . '.tmp', implode(' ', $ports) . "\n");
rename($argv[1] . '.tmp', $argv[1]);
$deadline = hrtime(true) + (int) $argv[2] * 1000000000;
for ($accepted = 0; $accepted < 1000000 && hrtime(true) < $deadline;) {
	$read = $servers;
	$write = $except = null;
	if (@stream_select($read, $write, $except, 1) < 1) {
		continue;
	}
	foreach ($read as $server) {
		for ($drained = 0; $drained < 4096 && ($peer = @stream_socket_accept($server, 0));
			$drained++) {
			fclose($peer);
			$accepted++;
		}
	}
}
PHP

# Connects argv[5] times to tcp://argv[1]:argv[2] with a timeout of argv[3] seconds after
# argv[4] untimed warm-up connects, and prints one summary line labelled argv[6]; with xport
# loaded, also the attempt list of the last connect. Appends the numbers to $HE_RESULTS.
read -r -d '' CLIENT_PHP <<'PHP' || true
[, $host, $port, $timeout, $warmups, $runs, $label] = $argv;
$target = "tcp://$host:$port";
for ($i = 0; $i < (int) $warmups; $i++) {
	$client = @stream_socket_client($target, $errno, $errstr, (float) $timeout);
	$client && fclose($client);
}
$times = [];
$connected = 0;
$last = '';
$family = '-';
$info = null;
for ($i = 0; $i < (int) $runs; $i++) {
	$start = hrtime(true);
	$client = @stream_socket_client($target, $errno, $errstr, (float) $timeout);
	$times[] = (hrtime(true) - $start) / 1e6;
	if ($client) {
		$connected++;
		$last = 'peer ' . stream_socket_get_name($client, true);
		$family = str_starts_with($last, 'peer [') ? 'ipv6' : 'ipv4';
		$info = function_exists('xport_stream_info') ? xport_stream_info($client) : null;
		fclose($client);
	} else {
		$last = "errno $errno: $errstr";
		$info = function_exists('xport_last_error') ? xport_last_error() : null;
	}
}
sort($times);
$n = count($times);
$median = ($times[intdiv($n - 1, 2)] + $times[intdiv($n, 2)]) / 2;
printf("  %-8s runs %-4d connected %-4d median %9.3f ms  min %9.3f  max %9.3f  (last: %s)\n",
	$label, $n, $connected, $median, $times[0], $times[$n - 1], $last);
foreach ($info['attempts'] ?? [] as $attempt) {
	printf("      attempt %-22s %-5s %-22s errno %-3d %8.2f ms\n", $attempt['address'],
		$attempt['family'], $attempt['result'], $attempt['errno'], $attempt['ms']);
}
file_put_contents(getenv('HE_RESULTS'),
	sprintf("%s %s %d %d %.3f %s\n", $host, $label, $n, $connected, $median, $family),
	FILE_APPEND);
PHP

# --- outside the namespace ----------------------------------------------------------------------

# Installs the packages whose tools are missing, when allowed to.
ensure_tools()
{
	local -A package_of=([unshare]=util-linux [mount]=mount [ip]=iproute2 [nft]=nftables
		[getent]=libc-bin [timeout]=coreutils)
	local tool missing=()

	for tool in "${!package_of[@]}"; do
		command -v "$tool" >/dev/null || missing+=("${package_of[$tool]}")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] || die "missing packages (install as root): ${missing[*]}"
	echo "happy-eyeballs: installing ${missing[*]}" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
		die "apt-get install ${missing[*]} failed"
}

outside()
{
	while [ $# -gt 0 ]; do
		case "$1" in
			--runs) HE_RUNS="${2:-}"; shift 2 ;;
			--dual-runs) HE_DUAL_RUNS="${2:-}"; shift 2 ;;
			--timeout) HE_TIMEOUT="${2:-}"; shift 2 ;;
			--ext) HE_EXT="${2:-}"; shift 2 ;;
			-h|--help) usage; exit 0 ;;
			*) usage >&2; exit 2 ;;
		esac
	done
	is_count "$HE_RUNS" || die "--runs wants a whole number from 1 to 10000"
	is_count "$HE_DUAL_RUNS" || die "--dual-runs wants a whole number from 1 to 10000"
	[[ "$HE_TIMEOUT" =~ ^[0-9]+$ ]] && [ "$HE_TIMEOUT" -ge 1 ] && [ "$HE_TIMEOUT" -le 60 ] ||
		die "--timeout wants whole seconds from 1 to 60"
	[ -r "$HE_EXT" ] || die "no extension at $HE_EXT (build it, or pass --ext)"
	command -v "$HE_PHP" >/dev/null || die "no PHP binary '$HE_PHP'"
	"$HE_PHP" -n -d "extension=$HE_EXT" -r 'exit(extension_loaded("xport") ? 0 : 1);' ||
		die "$HE_EXT does not load into $HE_PHP"
	ensure_tools

	local map_root=()
	[ "$(id -u)" -eq 0 ] || map_root=(--map-root-user)
	# A new network namespace (only its own loopback) and a new mount namespace (its own
	# /etc/hosts); both end when the inner run and everything it started have exited.
	exec unshare "${map_root[@]}" --net --mount -- bash "$SELF" --inside
}

# --- inside the namespace -----------------------------------------------------------------------

WORK=""
SERVER_PID=""
CLIENT_PID=""

cleanup()
{
	local pid

	for pid in $CLIENT_PID $SERVER_PID; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	[ -n "$WORK" ] && rm -rf "$WORK"
}

# lo carries 127.0.0.1 and ::1 once it is up; a namespace starts with it down.
setup_loopback()
{
	ip link set lo up || die "cannot bring up lo in the namespace"
	ip -6 addr show dev lo | grep -q 'inet6 ::1/128' ||
		die "no ::1 in the namespace (IPv6 disabled?)"
}

# The name resolves to ::1 first, then 127.0.0.1; localhost as Debian's stock hosts file has it.
setup_hosts()
{
	cat >"$WORK/hosts" <<EOF
127.0.0.1	localhost
::1	localhost ip6-localhost ip6-loopback
::1	$DUAL_NAME
127.0.0.1	$DUAL_NAME
EOF
	mount --bind "$WORK/hosts" /etc/hosts || die "cannot bind-mount a private /etc/hosts"
	local first
	first=$(getent ahosts "$DUAL_NAME" | awk 'NR == 1 { print $1 }')
	[ "$first" = "::1" ] || die "$DUAL_NAME resolves to '$first' first, not ::1 (gai.conf?)"
}

start_server()
{
	local ports_file="$WORK/ports" tries

	"$HE_PHP" -n -r "$SERVER_PHP" -- "$ports_file" "$SERVER_LIFETIME" &
	SERVER_PID=$!
	for ((tries = 0; tries < 100; tries++)); do
		[ -s "$ports_file" ] && break
		kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited before listening"
		sleep 0.05
	done
	[ -s "$ports_file" ] || die "the server did not listen within 5 s"
	read -r DUAL_PORT LOCAL_PORT <"$ports_file"
}

# SYNs to ::1 on the dual-stack port vanish silently, as on a broken IPv6 path; a blackhole
# route would fail the connect at once instead.
drop_ipv6_syns()
{
	nft -f - <<EOF || die "nft could not add the drop rule"
table inet xport_happy_eyeballs {
	chain output {
		type filter hook output priority 0; policy accept;
		ip6 daddr ::1 tcp dport $DUAL_PORT tcp flags & (syn | ack) == syn counter drop
	}
}
EOF
}

# Runs one client under a hard time limit; $1 is builtin or xport, the rest go to CLIENT_PHP.
measure()
{
	local transport="$1" host="$2" port="$3" warmups="$4" runs="$5"
	local limit=$(((runs + warmups) * (HE_TIMEOUT + 1) + 10))
	local php=("$HE_PHP" -n) status=0

	[ "$transport" = xport ] && php+=(-d "extension=$WORK/xport.so" -d xport.transports=tcp,udp)
	# In the background so that a signal reaches the cleanup trap without waiting for it.
	HE_RESULTS="$WORK/results" timeout --kill-after=5 "$limit" "${php[@]}" -r "$CLIENT_PHP" -- \
		"$host" "$port" "$HE_TIMEOUT" "$warmups" "$runs" "$transport" &
	CLIENT_PID=$!
	wait "$CLIENT_PID" || status=$?
	CLIENT_PID=""
	[ "$status" -eq 0 ] || echo "  $transport: the client exited with status $status" \
		"(124: killed after ${limit} s)"
}

compare()
{
	local title="$1" host="$2" port="$3" warmups="$4" runs="$5"

	echo
	echo "$title"
	measure builtin "$host" "$port" "$warmups" "$runs"
	measure xport "$host" "$port" "$warmups" "$runs"
}

inside()
{
	trap cleanup EXIT
	trap 'exit 2' INT TERM
	WORK=$(mktemp -d)
	# A private copy: rebuilding the tree during the run must not change the mapped library.
	cp "$HE_EXT" "$WORK/xport.so"
	: >"$WORK/results"
	setup_loopback
	setup_hosts
	start_server
	drop_ipv6_syns

	echo "PHP $("$HE_PHP" -n -r 'echo PHP_VERSION;'), $HE_EXT, timeout ${HE_TIMEOUT} s"
	echo "$DUAL_NAME resolves to: $(getent ahosts "$DUAL_NAME" | awk '$2 == "STREAM" { print $1 }' |
		paste -sd ' ')"
	echo "localhost resolves to:  $(getent ahosts localhost | awk '$2 == "STREAM" { print $1 }' |
		paste -sd ' ')"
	compare "tcp://$DUAL_NAME:$DUAL_PORT  ([::1] SYNs dropped, 127.0.0.1 listening)" \
		"$DUAL_NAME" "$DUAL_PORT" 0 "$HE_DUAL_RUNS"
	compare "tcp://localhost:$LOCAL_PORT  ([::1] refused, 127.0.0.1 listening)" \
		localhost "$LOCAL_PORT" 1 "$HE_RUNS"
	compare "tcp://127.0.0.1:$LOCAL_PORT  (one address)" 127.0.0.1 "$LOCAL_PORT" 1 "$HE_RUNS"
	echo
	echo "SYNs dropped on the way to [::1]:$DUAL_PORT:" \
		"$(nft list chain inet xport_happy_eyeballs output | grep -o 'packets [0-9]*')"
	verdict
}

# The target: through the black hole xport connects over IPv4 every time in under 0.5 s while
# the built-ins fail after about the timeout; elsewhere xport's median is the built-ins' or less.
verdict()
{
	awk -v name="$DUAL_NAME" -v timeout_ms=$((HE_TIMEOUT * 1000)) '
		{ runs[$1, $2] = $3; connected[$1, $2] = $4; median[$1, $2] = $5; family[$1, $2] = $6 }
		END {
			dual_ok = connected[name, "xport"] == runs[name, "xport"] &&
				family[name, "xport"] == "ipv4" && median[name, "xport"] < 500
			builtin_failed = connected[name, "builtin"] == 0 &&
				median[name, "builtin"] >= 0.9 * timeout_ms
			xport_says = dual_ok ? "connected over IPv4 in < 500 ms" : "MISSED the target"
			builtin_says = builtin_failed ? "failed after ~the timeout" : "did not fail"
			printf "\nverdict: %s: xport %s (median %.1f ms), built-ins %s (median %.1f ms)\n",
				name, xport_says, median[name, "xport"], builtin_says, median[name, "builtin"]
			split("localhost 127.0.0.1", others, " ")
			for (i = 1; i <= 2; i++) {
				h = others[i]
				printf "verdict: %s: median xport %.3f ms, built-ins %.3f ms (xport %+.3f ms)\n",
					h, median[h, "xport"], median[h, "builtin"],
					median[h, "xport"] - median[h, "builtin"]
			}
		}' "$WORK/results"
}

if [ "${1:-}" = "--inside" ]; then
	inside
else
	outside "$@"
fi
