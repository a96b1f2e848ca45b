--TEST--
options: a bad tcp_keepidle, tcp_keepintvl or tcp_keepcnt warns and names the option
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$system_idle = socket_get_option(socket_import_stream($server), SOL_TCP, 4); // TCP_KEEPIDLE on Linux

foreach ([
	['tcp_keepidle' => 0],
	['tcp_keepidle' => -5],
	['tcp_keepidle' => 'abc'],
	['tcp_keepidle' => '10.5'],
	['tcp_keepidle' => 2147483648],
	['tcp_keepintvl' => 1.5],
	['tcp_keepcnt' => []],
] as $options) {
	echo "-- ", json_encode($options), "\n";
	$context = stream_context_create(['socket' => ['so_keepalive' => true] + $options]);
	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo "still connected: ", is_resource($client) ? 'yes' : 'no', ", keepalive ",
		socket_get_option(socket_import_stream($client), SOL_SOCKET, SO_KEEPALIVE), ", idle unchanged ",
		socket_get_option(socket_import_stream($client), SOL_TCP, 4) === $system_idle ? 'yes' : 'no', "\n";
	stream_socket_accept($server, 10);
}

echo "-- on a server\n";
$context = stream_context_create(['socket' => ['so_keepalive' => true, 'tcp_keepcnt' => 0]]);
$flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN;
var_dump(is_resource(stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, $flags, $context)));
?>
--EXPECTF--
-- {"tcp_keepidle":0}

Warning: stream_socket_client(): Invalid "tcp_keepidle" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- {"tcp_keepidle":-5}

Warning: stream_socket_client(): Invalid "tcp_keepidle" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- {"tcp_keepidle":"abc"}

Warning: stream_socket_client(): Invalid "tcp_keepidle" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- {"tcp_keepidle":"10.5"}

Warning: stream_socket_client(): Invalid "tcp_keepidle" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- {"tcp_keepidle":2147483648}

Warning: stream_socket_client(): Invalid "tcp_keepidle" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- {"tcp_keepintvl":1.5}

Warning: stream_socket_client(): Invalid "tcp_keepintvl" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- {"tcp_keepcnt":[]}

Warning: stream_socket_client(): Invalid "tcp_keepcnt" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
still connected: yes, keepalive 1, idle unchanged yes
-- on a server

Warning: stream_socket_server(): Invalid "tcp_keepcnt" socket context option: expected an integer from 1 to 2147483647 in %s on line %d
bool(true)
