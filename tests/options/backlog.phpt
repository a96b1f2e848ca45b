--TEST--
options: backlog sets the listen() queue length (32 without it), as ss(8) reports it
--EXTENSIONS--
xport
--SKIPIF--
<?php
if (!is_executable('/usr/bin/ss') && !is_executable('/bin/ss')) die('skip ss(8) from iproute2 is needed to read the backlog');
?>
--INI--
xport.transports=tcp,udp
--FILE--
<?php
// For a listening socket, ss prints the backlog in its Send-Q column.
function backlog_of($server): string
{
	$port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
	$line = trim((string) shell_exec("ss -ltnH 'sport = :$port'"));
	return preg_split('/\s+/', $line)[2] ?? "no line for port $port";
}

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
var_dump(xport_stream_info($server)['role'] ?? null);
echo "default: ", backlog_of($server), "\n";

foreach ([1, 7, '12', 200] as $backlog) {
	$context = stream_context_create(['socket' => ['backlog' => $backlog]]);
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	echo "backlog ", var_export($backlog, true), ": ", backlog_of($server), "\n";
}

$context = stream_context_create(['socket' => ['backlog' => 3]]);
$server = stream_socket_server('tcp://[::1]:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
echo "IPv6, backlog 3: ", backlog_of($server), "\n";
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
var_dump(is_resource(stream_socket_accept($server, 10)));
?>
--EXPECT--
string(6) "server"
default: 32
backlog 1: 1
backlog 7: 7
backlog '12': 12
backlog 200: 200
IPv6, backlog 3: 3
bool(true)
