--TEST--
info: xport_stream_info() for udp bound and connected streams
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
foreach (['127.0.0.1' => 'ipv4', '[::1]' => 'ipv6'] as $host => $family) {
	echo "-- $host\n";
	$server = stream_socket_server("udp://$host:0", $errno, $errstr, STREAM_SERVER_BIND);
	$address = stream_socket_get_name($server, false);
	$info = xport_stream_info($server);
	var_dump($info['transport'], $info['role'], $info['family'] === $family);
	var_dump($info['local_address'] === $address, $info['peer_address'], $info['attempts']);

	$client = stream_socket_client("udp://$address", $errno, $errstr, 10);
	$info = xport_stream_info($client);
	var_dump($info['transport'], $info['role'], $info['family'] === $family);
	var_dump($info['local_address'] === stream_socket_get_name($client, false), $info['peer_address'] === $address);
	var_dump(count($info['attempts']), $info['attempts'][0]['address'] === $address, $info['attempts'][0]['result']);
}

echo "-- nobody listening: a udp connect still succeeds\n";
fclose($server);
$client = stream_socket_client("udp://$address", $errno, $errstr, 10);
var_dump(xport_stream_info($client)['attempts'][0]['result']);
echo "and the first read after a send reports the refusal:\n";
fwrite($client, "anyone?");
stream_set_timeout($client, 10);
var_dump(fread($client, 100), feof($client));
?>
--EXPECT--
-- 127.0.0.1
string(3) "udp"
string(6) "server"
bool(true)
bool(true)
NULL
array(0) {
}
string(3) "udp"
string(6) "client"
bool(true)
bool(true)
bool(true)
int(1)
bool(true)
string(9) "connected"
-- [::1]
string(3) "udp"
string(6) "server"
bool(true)
bool(true)
NULL
array(0) {
}
string(3) "udp"
string(6) "client"
bool(true)
bool(true)
bool(true)
int(1)
bool(true)
string(9) "connected"
-- nobody listening: a udp connect still succeeds
string(9) "connected"
and the first read after a send reports the refusal:
bool(false)
bool(true)
