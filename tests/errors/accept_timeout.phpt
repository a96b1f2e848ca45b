--TEST--
errors: stream_socket_accept() that times out warns "Accept failed: Connection timed out"
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
var_dump(xport_stream_info($server)['role'] ?? null);

var_dump(stream_socket_accept($server, 0.05, $peer));
var_dump($peer);
$error = xport_last_error();
var_dump($error['operation'], $error['transport'], $error['errno'], $error['message']);

echo "-- zero timeout\n";
var_dump(stream_socket_accept($server, 0));

echo "-- non-blocking listener, nobody waiting\n";
stream_set_blocking($server, false);
var_dump(stream_socket_accept($server, 0));

echo "-- accepting on a client stream\n";
stream_set_blocking($server, true);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
var_dump(stream_socket_accept($client, 0.05));

echo "-- a waiting client is accepted even with a zero timeout\n";
var_dump(is_resource(stream_socket_accept($server, 0)));
?>
--EXPECTF--
string(6) "server"

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
NULL
string(6) "accept"
string(3) "tcp"
int(110)
string(20) "Connection timed out"
-- zero timeout

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
-- non-blocking listener, nobody waiting

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
-- accepting on a client stream

Warning: stream_socket_accept(): Accept failed: Connection timed out in %s on line %d
bool(false)
-- a waiting client is accepted even with a zero timeout
bool(true)
