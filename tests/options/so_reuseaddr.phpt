--TEST--
options: servers get SO_REUSEADDR unless so_reuseaddr is false (the PHP 8.6 option)
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
function reuseaddr(string $target, array $options, int $flags): int
{
	$context = stream_context_create(['socket' => $options]);
	$server = stream_socket_server($target, $errno, $errstr, $flags, $context);
	if (xport_stream_info($server) === false) {
		return -1;
	}
	return socket_get_option(socket_import_stream($server), SOL_SOCKET, SO_REUSEADDR);
}

foreach (['tcp' => STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, 'udp' => STREAM_SERVER_BIND] as $transport => $flags) {
	foreach (['127.0.0.1', '[::1]'] as $host) {
		echo "-- $transport://$host\n";
		echo "unset: ", reuseaddr("$transport://$host:0", [], $flags), "\n";
		echo "true: ", reuseaddr("$transport://$host:0", ['so_reuseaddr' => true], $flags), "\n";
		echo "false: ", reuseaddr("$transport://$host:0", ['so_reuseaddr' => false], $flags), "\n";
	}
}

echo "-- false: a second UDP socket can no longer share the port\n";
$context = stream_context_create(['socket' => ['so_reuseaddr' => false]]);
$first = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND, $context);
$address = stream_socket_get_name($first, false);
var_dump(stream_socket_server("udp://$address", $errno, $errstr, STREAM_SERVER_BIND));
var_dump($errno, $errstr);

echo "-- clients are not touched\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
echo socket_get_option(socket_import_stream($client), SOL_SOCKET, SO_REUSEADDR), "\n";
?>
--EXPECTF--
-- tcp://127.0.0.1
unset: 1
true: 1
false: 0
-- tcp://[::1]
unset: 1
true: 1
false: 0
-- udp://127.0.0.1
unset: 1
true: 1
false: 0
-- udp://[::1]
unset: 1
true: 1
false: 0
-- false: a second UDP socket can no longer share the port

Warning: stream_socket_server(): Unable to connect to udp://127.0.0.1:%d (Address already in use) in %s on line %d
bool(false)
int(0)
string(22) "Address already in use"
-- clients are not touched
0
