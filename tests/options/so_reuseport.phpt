--TEST--
options: so_reuseport lets two servers share a port; without it the second bind fails
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
function server(string $target, array $options, int $flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN)
{
	$context = stream_context_create(['socket' => $options]);
	return stream_socket_server($target, $errno, $errstr, $flags, $context);
}

$first = server('tcp://127.0.0.1:0', ['so_reuseport' => true]);
$address = stream_socket_get_name($first, false);
var_dump(xport_stream_info($first)['role'] ?? null);
echo "SO_REUSEPORT: ", socket_get_option(socket_import_stream($first), SOL_SOCKET, SO_REUSEPORT), "\n";
echo "unset: ", socket_get_option(socket_import_stream(server('tcp://127.0.0.1:0', [])), SOL_SOCKET, SO_REUSEPORT), "\n";

echo "second server on $address with so_reuseport: ";
$second = server("tcp://$address", ['so_reuseport' => true]);
var_dump(is_resource($second), stream_socket_get_name($second, false) === $address);
echo "a client reaches one of them: ";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
$read = [$first, $second];
$write = $except = null;
var_dump(stream_select($read, $write, $except, 10));

echo "third one without it:\n";
var_dump(server("tcp://$address", []));

echo "-- udp\n";
$first = server('udp://127.0.0.1:0', ['so_reuseport' => true], STREAM_SERVER_BIND);
$address = stream_socket_get_name($first, false);
var_dump(is_resource(server("udp://$address", ['so_reuseport' => true], STREAM_SERVER_BIND)));
echo "the implicit SO_REUSEADDR alone lets UDP sockets share a port: ";
var_dump(is_resource(server("udp://$address", [], STREAM_SERVER_BIND)));
?>
--EXPECTF--
string(6) "server"
SO_REUSEPORT: 1
unset: 0
second server on %s with so_reuseport: bool(true)
bool(true)
a client reaches one of them: int(1)
third one without it:

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:%d (Address already in use) in %s on line %d
bool(false)
-- udp
bool(true)
the implicit SO_REUSEADDR alone lets UDP sockets share a port: bool(true)
