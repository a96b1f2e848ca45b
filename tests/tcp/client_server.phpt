--TEST--
tcp: connect to a peer, read and write, fgets, accept with the peer's name, feof after close
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
require __DIR__ . '/../inc/peer.php';

$peer = XportPeer::start(<<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10, $name);
	peer_say('accept: ' . ($name === stream_socket_get_name($conn, true) ? 'peer name matches' : $name));
	peer_say('accepted stream: ' . (xport_stream_info($conn)['role'] ?? 'not xport'));
	peer_say('client sent: ' . json_encode(fgets($conn)));
	fwrite($conn, "line one\nline two\npartial");
	peer_wait();
	fwrite($conn, "bye");
	fclose($conn);
	peer_say('closed');
	CODE);
echo $peer->banner(), "\n";

$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 10);
var_dump($errno, $errstr);
var_dump(xport_stream_info($client)['role'] ?? null);
var_dump(stream_socket_get_name($client, true) === $peer->address);
var_dump(fwrite($client, "hello\n"));
echo $peer->readLine(), "\n", $peer->readLine(), "\n", $peer->readLine(), "\n";

var_dump(fgets($client));
var_dump(fgets($client));
echo "buffered bytes left, feof: ";
var_dump(feof($client));
// Exactly what is buffered: a longer blocking fread() would wait for more (PHP 8.2).
var_dump(fread($client, 7));

$peer->tell('write bye and close');
echo $peer->readLine(), "\n";
echo "closed but unread, feof: ";
var_dump(feof($client));
var_dump(fread($client, 100));
echo "all read, feof: ";
var_dump(feof($client));
var_dump(fread($client, 100));
var_dump(fgets($client));
var_dump(stream_get_meta_data($client)['eof']);
fclose($client);
echo $peer->stop();
?>
--EXPECT--
peer: xport tcp server
int(0)
string(0) ""
string(6) "client"
bool(true)
int(6)
accept: peer name matches
accepted stream: accepted
client sent: "hello\n"
string(9) "line one
"
string(9) "line two
"
buffered bytes left, feof: bool(false)
string(7) "partial"
closed
closed but unread, feof: bool(false)
string(3) "bye"
all read, feof: bool(true)
string(0) ""
bool(false)
bool(true)
