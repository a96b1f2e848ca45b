--TEST--
errors: default mode reads ports as PHP does: "abc" is port 0, 99999 wraps to 34463
--EXTENSIONS--
xport
--SKIPIF--
<?php
$server = @stream_socket_server('tcp://127.0.0.1:34463');
if (!$server) die('skip 127.0.0.1:34463 is in use');
?>
--INI--
xport.transports=tcp,udp
--FILE--
<?php
var_dump(ini_get('xport.strict_addresses'));

echo "-- abc: port 0, refused\n";
var_dump(stream_socket_client('tcp://127.0.0.1:abc', $errno, $errstr, 10));
var_dump($errno, $errstr);
var_dump(xport_last_error()['attempts'][0]['address'] ?? null);

echo "-- 99999 reaches port 34463\n";
$server = stream_socket_server('tcp://127.0.0.1:34463', $errno, $errstr);
$client = stream_socket_client('tcp://127.0.0.1:99999', $errno, $errstr, 10);
var_dump(is_resource($client), $errno, $errstr);
var_dump(stream_socket_get_name($client, true));
var_dump(xport_stream_info($client)['attempts'][0]['address'] ?? null);
$client = fsockopen('127.0.0.1', 99999, $errno, $errstr, 10);
var_dump(stream_socket_get_name($client, true));

echo "-- 34463abc: digits first, the rest ignored\n";
$client = stream_socket_client('tcp://127.0.0.1:34463abc', $errno, $errstr, 10);
var_dump(stream_socket_get_name($client, true));
echo "-- servers too\n";
fclose($server);
$server = stream_socket_server('tcp://127.0.0.1:99999', $errno, $errstr);
var_dump(stream_socket_get_name($server, false));
?>
--EXPECTF--
string(1) "0"
-- abc: port 0, refused

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:abc (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
string(11) "127.0.0.1:0"
-- 99999 reaches port 34463
bool(true)
int(0)
string(0) ""
string(15) "127.0.0.1:34463"
string(15) "127.0.0.1:34463"
string(15) "127.0.0.1:34463"
-- 34463abc: digits first, the rest ignored
string(15) "127.0.0.1:34463"
-- servers too
string(15) "127.0.0.1:34463"
