--TEST--
tcp: stream_socket_get_name() on both sides over IPv4 and IPv6, and the accepted peer name
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
foreach (['127.0.0.1', '[::1]'] as $host) {
	echo "-- $host\n";
	$server = stream_socket_server("tcp://$host:0", $errno, $errstr);
	$address = stream_socket_get_name($server, false);
	var_dump(preg_match('/^(127\.0\.0\.1|\[::1\]):[1-9][0-9]*$/', $address));
	var_dump(stream_socket_get_name($server, true));

	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
	$accepted = stream_socket_accept($server, 10, $peer_name);
	var_dump(xport_stream_info($client)['family'] ?? null, xport_stream_info($accepted)['family'] ?? null);

	$client_local = stream_socket_get_name($client, false);
	var_dump(str_starts_with($client_local, "$host:"));
	var_dump(stream_socket_get_name($client, true) === $address);
	var_dump(stream_socket_get_name($accepted, false) === $address);
	var_dump(stream_socket_get_name($accepted, true) === $client_local);
	var_dump($peer_name === $client_local);
	fclose($client);
	fclose($accepted);
	fclose($server);
}
?>
--EXPECT--
-- 127.0.0.1
int(1)
bool(false)
string(4) "ipv4"
string(4) "ipv4"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- [::1]
int(1)
bool(false)
string(4) "ipv6"
string(4) "ipv6"
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
