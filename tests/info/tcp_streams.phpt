--TEST--
info: xport_stream_info() for tcp client, server and accepted streams over IPv4 and IPv6
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
require __DIR__ . '/../inc/peer.php';

// The client side is this process; the peer in another process reports its accepted stream.
$peer = XportPeer::start(<<<'CODE'
	$server = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10, $name);
	$info = xport_stream_info($conn);
	peer_say("accepted: {$info['transport']} {$info['role']} {$info['family']}, " .
		($info['peer_address'] === $name ? 'peer is the client' : $info['peer_address']) . ', ' .
		($info['local_address'] === stream_socket_get_name($server, false) ? 'local is the server' : $info['local_address']) .
		', ' . count($info['attempts']) . ' attempts');
	CODE);
echo $peer->banner(), "\n";
$info = $peer->info;
var_dump($info['family'], $info['local_address'] === $peer->address);
var_dump($info['peer_address'], $info['attempts']);

$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 10);
$info = xport_stream_info($client);
echo "documented keys missing: ";
$documented = ['transport', 'role', 'family', 'local_address', 'peer_address', 'resolve_ms',
	'connect_ms', 'attempts'];
var_dump(array_diff($documented, array_keys($info)));
var_dump($info['transport'], $info['role'], $info['family']);
var_dump($info['local_address'] === stream_socket_get_name($client, false));
var_dump($info['peer_address'] === $peer->address);
var_dump(is_float($info['resolve_ms']) && $info['resolve_ms'] >= 0);
var_dump(is_float($info['connect_ms']) && $info['connect_ms'] >= 0);
var_dump(count($info['attempts']));
$attempt = $info['attempts'][0];
var_dump(array_keys($attempt));
var_dump($attempt['address'] === $peer->address, $attempt['family'], $attempt['result']);
var_dump($attempt['errno'], is_float($attempt['ms']));
echo $peer->readLine(), "\n";
echo $peer->stop();

echo "-- IPv4, in one process\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);
foreach (['server' => $server, 'client' => $client, 'accepted' => $accepted] as $label => $stream) {
	$info = xport_stream_info($stream);
	$local = $info['local_address'] === stream_socket_get_name($stream, false) ? 'ok' : $info['local_address'];
	$peer_name = $info['peer_address'] === stream_socket_get_name($stream, true) ? 'ok' : $info['peer_address'];
	printf("%s: %s %s %s, local %s, peer %s, %d attempts\n", $label, $info['transport'], $info['role'],
		$info['family'], $local, $info['peer_address'] === null ? 'none' : $peer_name, count($info['attempts']));
}

echo "-- after the peer closed, the stream still answers\n";
fclose($accepted);
fread($client, 1);
$info = xport_stream_info($client);
var_dump($info['role'], $info['attempts'][0]['result']);

echo "-- a name that resolves: the attempt shows the address used\n";
$port = substr(strrchr($address, ':'), 1);
$client = stream_socket_client("tcp://localhost:$port", $errno, $errstr, 10);
$info = xport_stream_info($client);
var_dump($info['peer_address'] === $address, end($info['attempts'])['result']);

echo "-- persistent and asynchronous clients\n";
$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT;
$persistent = stream_socket_client("tcp://$address", $errno, $errstr, 10, $flags);
var_dump(xport_stream_info($persistent)['role']);
$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT;
$async = stream_socket_client("tcp://$address", $errno, $errstr, 10, $flags);
var_dump(xport_stream_info($async)['role'], count(xport_stream_info($async)['attempts']));
?>
--EXPECT--
peer: xport tcp server
string(4) "ipv6"
bool(true)
NULL
array(0) {
}
documented keys missing: array(0) {
}
string(3) "tcp"
string(6) "client"
string(4) "ipv6"
bool(true)
bool(true)
bool(true)
bool(true)
int(1)
array(5) {
  [0]=>
  string(7) "address"
  [1]=>
  string(6) "family"
  [2]=>
  string(6) "result"
  [3]=>
  string(5) "errno"
  [4]=>
  string(2) "ms"
}
bool(true)
string(4) "ipv6"
string(9) "connected"
int(0)
bool(true)
accepted: tcp accepted ipv6, peer is the client, local is the server, 0 attempts
-- IPv4, in one process
server: tcp server ipv4, local ok, peer none, 0 attempts
client: tcp client ipv4, local ok, peer ok, 1 attempts
accepted: tcp accepted ipv4, local ok, peer ok, 0 attempts
-- after the peer closed, the stream still answers
string(6) "client"
string(9) "connected"
-- a name that resolves: the attempt shows the address used
bool(true)
string(9) "connected"
-- persistent and asynchronous clients
string(6) "client"
string(6) "client"
int(1)
