--TEST--
options: so_keepalive with tcp_keepidle, tcp_keepintvl and tcp_keepcnt on client, listening and accepted sockets
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
// PHP 8.2 does not always define the TCP_KEEP* constants; these are their Linux values.
const KEEPIDLE = 4;
const KEEPINTVL = 5;
const KEEPCNT = 6;

function keepalive($stream): string
{
	$socket = socket_import_stream($stream);
	return sprintf('keepalive=%d idle=%d interval=%d count=%d',
		socket_get_option($socket, SOL_SOCKET, SO_KEEPALIVE),
		socket_get_option($socket, SOL_TCP, KEEPIDLE),
		socket_get_option($socket, SOL_TCP, KEEPINTVL),
		socket_get_option($socket, SOL_TCP, KEEPCNT));
}

function context(array $options)
{
	return stream_context_create(['socket' => $options]);
}

$tuned = context(['so_keepalive' => true, 'tcp_keepidle' => 30, 'tcp_keepintvl' => 5, 'tcp_keepcnt' => 3]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $tuned);
$address = stream_socket_get_name($server, false);
var_dump(xport_stream_info($server)['role'] ?? null);
$defaults = keepalive(stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr));

echo "listening: ", keepalive($server), "\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
	context(['so_keepalive' => true, 'tcp_keepidle' => 40, 'tcp_keepintvl' => '6', 'tcp_keepcnt' => 4]));
echo "client: ", keepalive($client), "\n";
echo "accepted: ", keepalive(stream_socket_accept($server, 10)), "\n";

echo "-- without the options every value is the system's\n";
$plain = stream_socket_client("tcp://$address", $errno, $errstr, 10);
var_dump(keepalive($plain) === $defaults);
stream_socket_accept($server, 10);

echo "-- so_keepalive false\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
	context(['so_keepalive' => false]));
var_dump(keepalive($client) === $defaults);
stream_socket_accept($server, 10);

echo "-- so_keepalive alone keeps the system's timings\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
	context(['so_keepalive' => true]));
var_dump(keepalive($client) === substr_replace($defaults, '1', strlen('keepalive='), 1));
stream_socket_accept($server, 10);

echo "-- udp ignores them\n";
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND, $tuned);
echo socket_get_option(socket_import_stream($udp), SOL_SOCKET, SO_KEEPALIVE), "\n";
?>
--EXPECT--
string(6) "server"
listening: keepalive=1 idle=30 interval=5 count=3
client: keepalive=1 idle=40 interval=6 count=4
accepted: keepalive=1 idle=30 interval=5 count=3
-- without the options every value is the system's
bool(true)
-- so_keepalive false
bool(true)
-- so_keepalive alone keeps the system's timings
bool(true)
-- udp ignores them
0
