--TEST--
udp: datagram boundaries, truncation and the sender's address with recvfrom() on IPv4 and IPv6
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
foreach (['127.0.0.1', '[::1]'] as $host) {
	echo "-- $host\n";
	$server = stream_socket_server("udp://$host:0", $errno, $errstr, STREAM_SERVER_BIND);
	$address = stream_socket_get_name($server, false);
	$client = stream_socket_client("udp://$address", $errno, $errstr, 10);
	var_dump(xport_stream_info($server)['family'] ?? null, xport_stream_info($client)['family'] ?? null);
	stream_set_timeout($server, 10);
	stream_set_timeout($client, 10);
	$client_address = stream_socket_get_name($client, false);
	var_dump(str_starts_with($client_address, "$host:"));

	foreach (['one', 'two', 'three', 'four'] as $message) {
		fwrite($client, $message);
	}
	var_dump(stream_socket_recvfrom($server, 100, 0, $from), $from === $client_address);
	var_dump(stream_socket_recvfrom($server, 100, STREAM_PEEK, $from), $from === $client_address);
	var_dump(stream_socket_recvfrom($server, 100));
	echo "recvfrom() with a short length drops the rest of the datagram:\n";
	var_dump(stream_socket_recvfrom($server, 2, 0, $from), $from === $client_address);
	var_dump(stream_socket_recvfrom($server, 100));

	echo "sendto() back, read with fread():\n";
	var_dump(stream_socket_sendto($server, "reply one", 0, $client_address));
	var_dump(stream_socket_sendto($server, "reply two", 0, $client_address));
	var_dump(fread($client, 5));
	echo "the rest of that datagram waits in PHP's read buffer:\n";
	var_dump(stream_get_meta_data($client)['unread_bytes']);
	var_dump(fread($client, 4));
	var_dump(fread($client, 100));
	echo "an empty datagram:\n";
	var_dump(stream_socket_sendto($server, "", 0, $client_address));
	var_dump(stream_socket_recvfrom($client, 100));
}
?>
--EXPECT--
-- 127.0.0.1
string(4) "ipv4"
string(4) "ipv4"
bool(true)
string(3) "one"
bool(true)
string(3) "two"
bool(true)
string(3) "two"
recvfrom() with a short length drops the rest of the datagram:
string(2) "th"
bool(true)
string(4) "four"
sendto() back, read with fread():
int(9)
int(9)
string(5) "reply"
the rest of that datagram waits in PHP's read buffer:
int(4)
string(4) " one"
string(9) "reply two"
an empty datagram:
int(0)
string(0) ""
-- [::1]
string(4) "ipv6"
string(4) "ipv6"
bool(true)
string(3) "one"
bool(true)
string(3) "two"
bool(true)
string(3) "two"
recvfrom() with a short length drops the rest of the datagram:
string(2) "th"
bool(true)
string(4) "four"
sendto() back, read with fread():
int(9)
int(9)
string(5) "reply"
the rest of that datagram waits in PHP's read buffer:
int(4)
string(4) " one"
string(9) "reply two"
an empty datagram:
int(0)
string(0) ""
