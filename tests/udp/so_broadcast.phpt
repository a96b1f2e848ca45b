--TEST--
udp: the so_broadcast socket option on bound and connected sockets
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
function broadcast_flag($stream): int
{
	return socket_get_option(socket_import_stream($stream), SOL_SOCKET, SO_BROADCAST);
}

function bound($context = null)
{
	$context ??= stream_context_create();
	return stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND, $context);
}

function connected(string $address, $context = null)
{
	$context ??= stream_context_create();
	return stream_socket_client("udp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
}

$on = stream_context_create(['socket' => ['so_broadcast' => true]]);
$off = stream_context_create(['socket' => ['so_broadcast' => false]]);

$server = bound($on);
$address = stream_socket_get_name($server, false);
var_dump(xport_stream_info($server)['transport'] ?? null);
echo "bound, on: ", broadcast_flag($server), "\n";
echo "bound, off: ", broadcast_flag(bound($off)), "\n";
echo "bound, unset: ", broadcast_flag(bound()), "\n";

$client = connected($address, $on);
var_dump(xport_stream_info($client)['transport'] ?? null);
echo "connected, on: ", broadcast_flag($client), "\n";
echo "connected, off: ", broadcast_flag(connected($address, $off)), "\n";
echo "connected, unset: ", broadcast_flag(connected($address)), "\n";

echo "tcp ignores it: ";
$flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
$tcp_server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, $flags, $on);
echo broadcast_flag($tcp_server), "\n";

echo "still delivers to the peer: ";
fwrite($client, "hi");
stream_set_timeout($server, 10);
var_dump(fread($server, 10));
?>
--EXPECT--
string(3) "udp"
bound, on: 1
bound, off: 0
bound, unset: 0
string(3) "udp"
connected, on: 1
connected, off: 0
connected, unset: 0
tcp ignores it: 0
still delivers to the peer: string(2) "hi"
