--TEST--
options: ipv6_v6only on IPv6 servers, seen through IPv4-mapped addresses
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
// Linux reports IPV6_V6ONLY as 1 for any socket bound to a plain IPv6 address such as ::1,
// so the option shows on IPv4-mapped addresses: they can be bound only with it off.
function v6only($stream): int
{
	return socket_get_option(socket_import_stream($stream), IPPROTO_IPV6, IPV6_V6ONLY);
}

function server(string $target, ?bool $v6only, int $flags)
{
	$options = $v6only === null ? [] : ['ipv6_v6only' => $v6only];
	$context = stream_context_create(['socket' => $options]);
	return stream_socket_server($target, $errno, $errstr, $flags, $context);
}

foreach (['tcp', 'udp'] as $transport) {
	$flags = $transport === 'tcp' ? STREAM_SERVER_BIND | STREAM_SERVER_LISTEN : STREAM_SERVER_BIND;
	echo "-- $transport\n";
	$off = server("$transport://[::ffff:127.0.0.1]:0", false, $flags);
	var_dump(xport_stream_info($off)['family'] ?? null);
	echo "false: ", v6only($off), "\n";
	// Unset leaves the system default (net.ipv6.bindv6only); with it on, the bind fails.
	$default = (int) @file_get_contents('/proc/sys/net/ipv6/bindv6only');
	$unset = @server("$transport://[::ffff:127.0.0.1]:0", null, $flags);
	echo "unset follows the system default: ";
	var_dump(($unset ? v6only($unset) : 1) === $default);
	echo "true:\n";
	var_dump(server("$transport://[::ffff:127.0.0.1]:0", true, $flags));
	echo "true, on ::1: ";
	var_dump(is_resource(server("$transport://[::1]:0", true, $flags)));
}

echo "-- an IPv4 client reaches a mapped listener\n";
$mapped = server('tcp://[::ffff:127.0.0.1]:0', false, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN);
$port = substr(strrchr(stream_socket_get_name($mapped, false), ':'), 1);
$client = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 10);
$accepted = stream_socket_accept($mapped, 10, $peer);
var_dump($peer === '[::ffff:127.0.0.1]:' . substr(strrchr(stream_socket_get_name($client, false), ':'), 1));
var_dump(xport_stream_info($accepted)['family'] ?? null);

echo "-- ignored for IPv4 servers\n";
var_dump(is_resource(server('tcp://127.0.0.1:0', true, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN)));
?>
--EXPECTF--
-- tcp
string(4) "ipv6"
false: 0
unset follows the system default: bool(true)
true:

Warning: stream_socket_server(): Unable to connect to tcp://[::ffff:127.0.0.1]:0 (Invalid argument) in %s on line %d
bool(false)
true, on ::1: bool(true)
-- udp
string(4) "ipv6"
false: 0
unset follows the system default: bool(true)
true:

Warning: stream_socket_server(): Unable to connect to udp://[::ffff:127.0.0.1]:0 (Invalid argument) in %s on line %d
bool(false)
true, on ::1: bool(true)
-- an IPv4 client reaches a mapped listener
bool(true)
string(4) "ipv6"
-- ignored for IPv4 servers
bool(true)
