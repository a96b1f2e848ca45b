#!/usr/bin/env bash
# Benchmark: the same loopback TCP and TLS workloads through PHP's built-in transports,
# through xport's, and through a plain C (OpenSSL) client, in one run against one C peer per
# protocol. Prints the median of each and the ratios. Options via environment: CONNECTS,
# ROUND_TRIPS, BULK_BYTES, TLS_CONNECTS, TLS_ROUND_TRIPS, TLS_BULK_BYTES, RUNS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
connects=${CONNECTS:-2000}
trips=${ROUND_TRIPS:-20000}
bulk=${BULK_BYTES:-268435456}
tls_connects=${TLS_CONNECTS:-500}
tls_trips=${TLS_ROUND_TRIPS:-10000}
tls_bulk=${TLS_BULK_BYTES:-134217728}
runs=${RUNS:-5}
extension="$root/modules/xport.so"

[ -f "$extension" ] || bash "$root/scripts/setup.sh" --no-demo
work=$(mktemp -d)
peer_pid=""
tls_peer_pid=""
cleanup() {
	[ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true
	[ -n "$tls_peer_pid" ] && kill "$tls_peer_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -Wall -o "$work/peer" "$root/bench/peer.c"
cc -O2 -Wall -o "$work/client" "$root/bench/client.c"
cc -O2 -Wall -o "$work/tls_peer" "$root/bench/tls_peer.c" -lssl -lcrypto
cc -O2 -Wall -o "$work/tls_client" "$root/bench/tls_client.c" -lssl -lcrypto
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
	-subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" 2>/dev/null
cat "$work/cert.pem" "$work/key.pem" >"$work/server.pem"
"$work/tls_peer" "$work/server.pem" >"$work/tls_peer.port" &
tls_peer_pid=$!

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
for _ in $(seq 50); do
	[ -s "$work/tls_peer.port" ] && break
	sleep 0.1
done
tls_port=$(cat "$work/tls_peer.port")

declare -A clients=(
	[c]="$work/client"
	[builtin]="php -n $root/bench/bench.php tcp"
	[xport]="php -n -d extension=$extension $root/bench/bench.php tcp"
)
declare -A tls_clients=(
	[c]="$work/tls_client"
	[builtin]="php -n $root/bench/bench.php tls"
	[xport]="php -n -d extension=$extension $root/bench/bench.php tls"
)
for run in $(seq "$runs"); do
	for name in c builtin xport; do
		${clients[$name]} "$port" "$connects" "$trips" "$bulk" |
			sed "s/^/$name /" >>"$work/results"
		${tls_clients[$name]} "$tls_port" "$work/cert.pem" "$tls_connects" "$tls_trips" \
			"$tls_bulk" | sed "s/^/$name /" >>"$work/results"
	done
done
exec 3>&-

echo "loopback, median of $runs runs. TCP: $connects connects, $trips round trips of 64 bytes," \
	"$((bulk / 1048576)) MiB sent. TLS: $tls_connects connects (xport resumes sessions; the C" \
	"client and the built-ins do full handshakes), $tls_trips round trips, $((tls_bulk / 1048576)) MiB sent"
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
