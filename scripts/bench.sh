#!/usr/bin/env bash
# Benchmark: the same loopback TCP workloads through PHP's built-in tcp://, through xport's,
# and through a plain C client, in one run against one C peer. Prints the median of each
# and the ratios. Options via environment: CONNECTS, ROUND_TRIPS, BULK_BYTES, RUNS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
connects=${CONNECTS:-2000}
trips=${ROUND_TRIPS:-20000}
bulk=${BULK_BYTES:-268435456}
runs=${RUNS:-5}
extension="$root/modules/xport.so"

[ -f "$extension" ] || bash "$root/scripts/setup.sh" --no-demo
work=$(mktemp -d)
peer_pid=""
cleanup() {
	[ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -Wall -o "$work/peer" "$root/bench/peer.c"
cc -O2 -Wall -o "$work/client" "$root/bench/client.c"

# The peer serves until its stdin closes; a fifo held open by this script is that stdin.
mkfifo "$work/peer.in"
"$work/peer" <"$work/peer.in" >"$work/peer.port" &
peer_pid=$!
exec 3>"$work/peer.in"
for _ in $(seq 50); do
	[ -s "$work/peer.port" ] && break
	sleep 0.1
done
port=$(cat "$work/peer.port")

declare -A clients=(
	[c]="$work/client"
	[builtin]="php -n $root/bench/bench.php"
	[xport]="php -n -d extension=$extension -d xport.transports=tcp,udp $root/bench/bench.php"
)
for run in $(seq "$runs"); do
	for name in c builtin xport; do
		${clients[$name]} "$port" "$connects" "$trips" "$bulk" |
			sed "s/^/$name /" >>"$work/results"
	done
done
exec 3>&-

echo "loopback TCP, median of $runs runs: $connects connects, $trips round trips of 64 bytes," \
	"$((bulk / 1048576)) MiB sent"
php -n -r '
	$rows = [];
	foreach (file($argv[1], FILE_IGNORE_NEW_LINES) as $line) {
		[$client, $workload, $seconds] = explode(" ", $line);
		$rows[$workload][$client][] = (float)$seconds;
	}
	$median = function (array $values): float {
		sort($values);
		return $values[intdiv(count($values), 2)];
	};
	printf("%-11s %10s %10s %10s %15s %11s\n", "workload", "C (s)", "builtin", "xport",
		"xport/builtin", "xport/C");
	foreach ($rows as $workload => $clients) {
		$c = $median($clients["c"]);
		$b = $median($clients["builtin"]);
		$x = $median($clients["xport"]);
		printf("%-11s %10.4f %10.4f %10.4f %15.3f %11.3f\n", $workload, $c, $b, $x, $x / $b, $x / $c);
	}
' "$work/results"
