--TEST--
udp: a connected client talks to a bound server in another process; datagrams keep their boundaries
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
require __DIR__ . '/../inc/peer.php';

$peer = XportPeer::start(<<<'CODE'
	$server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
	peer_ready($server);
	stream_set_timeout($server, 10);
	// Three datagrams in, each answered in upper case to the address it came from.
	for ($i = 0; $i < 3; $i++) {
		$data = stream_socket_recvfrom($server, 1500, 0, $from);
		peer_say("peer got " . json_encode($data) . ($from === peer_wait() ? ' from the client' : " from $from"));
		var_dump(stream_socket_sendto($server, strtoupper($data), 0, $from));
	}
	CODE);
echo $peer->banner(), "\n";

$client = stream_socket_client("udp://$peer->address", $errno, $errstr, 10);
var_dump($errno, $errstr);
$info = xport_stream_info($client);
var_dump($info['transport'] ?? null, $info['role'] ?? null);
var_dump(stream_get_meta_data($client)['stream_type']);
var_dump(stream_socket_get_name($client, true) === $peer->address);
$local = stream_socket_get_name($client, false);

foreach (['first', 'second datagram', 'x'] as $message) {
	var_dump(fwrite($client, $message));
	$peer->tell($local);
	echo $peer->readLine(), "\n", $peer->readLine(), "\n";
}
stream_set_timeout($client, 10);
echo "one datagram per read, however large the buffer:\n";
var_dump(fread($client, 1500));
var_dump(fread($client, 1500));
var_dump(fread($client, 1500));
echo $peer->stop();
?>
--EXPECT--
peer: xport udp server
int(0)
string(0) ""
string(3) "udp"
string(6) "client"
string(10) "udp_socket"
bool(true)
int(5)
peer got "first" from the client
int(5)
int(15)
peer got "second datagram" from the client
int(15)
int(1)
peer got "x" from the client
int(1)
one datagram per read, however large the buffer:
string(5) "FIRST"
string(15) "SECOND DATAGRAM"
string(1) "X"
