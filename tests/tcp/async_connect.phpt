--TEST--
tcp: STREAM_CLIENT_ASYNC_CONNECT returns at once; the stream becomes writable when connected
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);

$client = stream_socket_client("tcp://$address", $errno, $errstr, 10,
	STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT);
var_dump(is_resource($client), $errno, $errstr);
var_dump(xport_stream_info($client)['role'] ?? null);
echo "the stream stays blocking: ";
var_dump(stream_get_meta_data($client)['blocked']);

$read = $except = null;
$write = [$client];
var_dump(stream_select($read, $write, $except, 10));
var_dump(stream_socket_get_name($client, true) === $address);
var_dump(fwrite($client, "async"));
$accepted = stream_socket_accept($server, 10);
var_dump(fread($accepted, 5));

echo "-- refused, found out later\n";
fclose($server);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_ASYNC_CONNECT);
var_dump(is_resource($client), $errno);
$read = $except = null;
$write = [$client];
var_dump(stream_select($read, $write, $except, 10));
var_dump(stream_socket_get_name($client, true));
var_dump(@fwrite($client, "x"));
?>
--EXPECT--
bool(true)
int(0)
string(0) ""
string(6) "client"
the stream stays blocking: bool(true)
int(1)
bool(true)
int(5)
string(5) "async"
-- refused, found out later
bool(true)
int(0)
int(1)
bool(false)
bool(false)
