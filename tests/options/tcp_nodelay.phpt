--TEST--
options: tcp_nodelay turns TCP_NODELAY on for client and accepted sockets
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
function nodelay($stream): string
{
	return socket_get_option(socket_import_stream($stream), SOL_TCP, TCP_NODELAY) ? 'on' : 'off';
}

function client(string $address, $context = null, int $flags = STREAM_CLIENT_CONNECT)
{
	$context ??= stream_context_create();
	return stream_socket_client("tcp://$address", $errno, $errstr, 10, $flags, $context);
}

$on = stream_context_create(['socket' => ['tcp_nodelay' => true]]);
$off = stream_context_create(['socket' => ['tcp_nodelay' => false]]);

foreach (['127.0.0.1', '[::1]'] as $host) {
	echo "-- $host\n";
	$flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
	$server = stream_socket_server("tcp://$host:0", $errno, $errstr, $flags, $on);
	$address = stream_socket_get_name($server, false);
	$plain_server = stream_socket_server("tcp://$host:0", $errno, $errstr);
	$plain_address = stream_socket_get_name($plain_server, false);

	$client = client($address, $on);
	var_dump(xport_stream_info($client)['role'] ?? null);
	echo "client with the option: ", nodelay($client), "\n";
	$accepted = stream_socket_accept($server, 10);
	var_dump(xport_stream_info($accepted)['role'] ?? null);
	echo "accepted by a server with the option: ", nodelay($accepted), "\n";

	echo "client without: ", nodelay(client($plain_address)), "\n";
	echo "accepted by a server without: ", nodelay(stream_socket_accept($plain_server, 10)), "\n";
	echo "client with false: ", nodelay(client($plain_address, $off)), "\n";
	$async = client($plain_address, $on, STREAM_CLIENT_ASYNC_CONNECT | STREAM_CLIENT_CONNECT);
	echo "async client with the option: ", nodelay($async), "\n";
}

echo "-- a context set on the server later applies to later accepts\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
stream_context_set_option($server, 'socket', 'tcp_nodelay', true);
$client = client(stream_socket_get_name($server, false));
echo "accepted: ", nodelay(stream_socket_accept($server, 10)), "\n";
?>
--EXPECT--
-- 127.0.0.1
string(6) "client"
client with the option: on
string(8) "accepted"
accepted by a server with the option: on
client without: off
accepted by a server without: off
client with false: off
async client with the option: on
-- [::1]
string(6) "client"
client with the option: on
string(8) "accepted"
accepted by a server with the option: on
client without: off
accepted by a server without: off
client with false: off
async client with the option: on
-- a context set on the server later applies to later accepts
accepted: on
