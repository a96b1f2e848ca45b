--TEST--
udp: stream_socket_server() with the default flags (bind and listen) fails like PHP's transport
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
var_dump(xport_last_error());
$errno = $errstr = 'untouched';
var_dump(stream_socket_server('udp://127.0.0.1:0', $errno, $errstr));
var_dump($errno, $errstr);
var_dump(stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN));
var_dump($errno, $errstr);
$error = xport_last_error();
var_dump($error['operation'] ?? null, $error['transport'] ?? null, $error['errno'] ?? null);

echo "bind alone works:\n";
$server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
var_dump(is_resource($server), $errno, $errstr);
var_dump(xport_stream_info($server)['role'] ?? null);
?>
--EXPECTF--
NULL

Warning: stream_socket_server(): Unable to connect to udp://127.0.0.1:0 (Unknown error) in %s on line %d
bool(false)
int(0)
string(0) ""

Warning: stream_socket_server(): Unable to connect to udp://127.0.0.1:0 (Unknown error) in %s on line %d
bool(false)
int(0)
string(0) ""
string(6) "listen"
string(3) "udp"
int(95)
bind alone works:
bool(true)
int(0)
string(0) ""
string(6) "server"
