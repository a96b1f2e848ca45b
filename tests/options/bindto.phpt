--TEST--
options: bindto as a string, an explicit 127.0.0.1:port, "0:0", and a value that is not a string
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);

function connect_with(array $socket_options, string $target)
{
	$context = stream_context_create(['socket' => $socket_options]);
	return stream_socket_client($target, $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
}

echo "-- 127.0.0.1:0\n";
$client = connect_with(['bindto' => '127.0.0.1:0'], "tcp://$address");
var_dump(xport_stream_info($client)['role'] ?? null);
var_dump(preg_match('/^127\.0\.0\.1:[1-9][0-9]*$/', stream_socket_get_name($client, false)));
var_dump(stream_socket_get_name($client, true) === $address);

echo "-- an explicit port\n";
// A port that was free a moment ago: take one from the kernel, then let it go.
$probe = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$local = stream_socket_get_name($probe, false);
fclose($probe);
$client = connect_with(['bindto' => $local], "tcp://$address");
var_dump(stream_socket_get_name($client, false) === $local);
stream_socket_accept($server, 10); // the first client
$accepted = stream_socket_accept($server, 10, $peer);
var_dump($peer === $local);

echo "-- 0:0 means any address\n";
$client = connect_with(['bindto' => '0:0'], "tcp://$address");
var_dump(is_resource($client), str_starts_with(stream_socket_get_name($client, false), '127.0.0.1:'));

echo "-- IPv6\n";
$server6 = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
$client = connect_with(['bindto' => '[::1]:0'], 'tcp://' . stream_socket_get_name($server6, false));
var_dump(str_starts_with(stream_socket_get_name($client, false), '[::1]:'));

echo "-- udp\n";
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$client = connect_with(['bindto' => $local], 'udp://' . stream_socket_get_name($udp, false));
var_dump(stream_socket_get_name($client, false) === $local);
fwrite($client, "x");
stream_socket_recvfrom($udp, 10, 0, $from);
var_dump($from === $local);

echo "-- not a string\n";
var_dump(connect_with(['bindto' => 1234], "tcp://$address"));
$context = stream_context_create(['socket' => ['bindto' => ['127.0.0.1:0']]]);
var_dump(stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context));
var_dump($errno, $errstr);

echo "-- not an IP address: a warning, and the connect goes on\n";
var_dump(is_resource(connect_with(['bindto' => 'localhost:0'], "tcp://$address")));
echo "-- a port in use: a warning, and the connect goes on unbound\n";
$client = connect_with(['bindto' => $address], "tcp://$address");
var_dump(is_resource($client), stream_socket_get_name($client, false) !== $address);
echo "-- an IPv6 bindto is dropped for an IPv4 target\n";
$client = connect_with(['bindto' => '[::1]:0'], "tcp://$address");
var_dump(str_starts_with(stream_socket_get_name($client, false), '127.0.0.1:'));
echo "-- an IPv4 bindto leaves an IPv6 target nothing to try\n";
var_dump(connect_with(['bindto' => '127.0.0.1:0'], 'tcp://' . stream_socket_get_name($server6, false)));
?>
--EXPECTF--
-- 127.0.0.1:0
string(6) "client"
int(1)
bool(true)
-- an explicit port
bool(true)
bool(true)
-- 0:0 means any address
bool(true)
bool(true)
-- IPv6
bool(true)
-- udp
bool(true)
bool(true)
-- not a string

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (local_addr context option is not a string.) in %s on line %d
bool(false)

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (local_addr context option is not a string.) in %s on line %d
bool(false)
int(0)
string(42) "local_addr context option is not a string."
-- not an IP address: a warning, and the connect goes on

Warning: stream_socket_client(): Invalid IP Address: localhost in %s on line %d
bool(true)
-- a port in use: a warning, and the connect goes on unbound

Warning: stream_socket_client(): Failed to bind to '127.0.0.1:%d', system said: Address already in use in %s on line %d
bool(true)
bool(true)
-- an IPv6 bindto is dropped for an IPv4 target
bool(true)
-- an IPv4 bindto leaves an IPv6 target nothing to try

Warning: stream_socket_client(): Unable to connect to tcp://[::1]:%d (Unknown error) in %s on line %d
bool(false)
