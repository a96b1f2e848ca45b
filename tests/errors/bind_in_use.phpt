--TEST--
errors: binding to an address in use fails with errno 0 and "Address already in use"
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);

$errno = $errstr = 'untouched';
var_dump(stream_socket_server("tcp://$address", $errno, $errstr));
var_dump($errno, $errstr);
$error = xport_last_error();
var_dump($error['operation'], $error['transport'], $error['target'] === $address);
var_dump($error['errno'], $error['message'], $error['attempts']);

echo "-- IPv6\n";
$server6 = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
$address6 = stream_socket_get_name($server6, false);
var_dump(stream_socket_server("tcp://$address6", $errno, $errstr));
var_dump($errno, $errstr, xport_last_error()['errno']);

echo "-- udp, with SO_REUSEADDR turned off on the first socket\n";
$context = stream_context_create(['socket' => ['so_reuseaddr' => false]]);
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND, $context);
$udp_address = stream_socket_get_name($udp, false);
var_dump(stream_socket_server("udp://$udp_address", $errno, $errstr, STREAM_SERVER_BIND, $context));
var_dump($errno, $errstr, xport_last_error()['transport']);

echo "-- the address is free again once the first server is closed\n";
fclose($server);
$again = stream_socket_server("tcp://$address", $errno, $errstr);
var_dump(stream_socket_get_name($again, false) === $address);
?>
--EXPECTF--

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:%d (Address already in use) in %s on line %d
bool(false)
int(0)
string(22) "Address already in use"
string(4) "bind"
string(3) "tcp"
bool(true)
int(98)
string(22) "Address already in use"
array(0) {
}
-- IPv6

Warning: stream_socket_server(): Unable to connect to tcp://[::1]:%d (Address already in use) in %s on line %d
bool(false)
int(0)
string(22) "Address already in use"
int(98)
-- udp, with SO_REUSEADDR turned off on the first socket

Warning: stream_socket_server(): Unable to connect to udp://127.0.0.1:%d (Address already in use) in %s on line %d
bool(false)
int(0)
string(22) "Address already in use"
string(3) "udp"
-- the address is free again once the first server is closed
bool(true)
