--TEST--
tcp: stream_select() on client and server streams, blocking and non-blocking mode
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
	$conn = stream_socket_accept($server, 10);
	while (($line = peer_wait()) !== null) {
		fwrite($conn, $line);
	}
	CODE);
echo $peer->banner(), "\n";

$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 10);
var_dump(xport_stream_info($client)['transport'] ?? null);

echo "nothing to read yet:\n";
$read = [$client];
$write = $except = null;
var_dump(stream_select($read, $write, $except, 0));
var_dump($read);

echo "writable:\n";
$read = $except = null;
$write = ['c' => $client];
var_dump(stream_select($read, $write, $except, 0));
var_dump(array_keys($write));

$peer->tell('ping');
echo "readable within the timeout:\n";
$read = ['c' => $client];
$write = $except = null;
var_dump(stream_select($read, $write, $except, 10));
var_dump(array_keys($read));

echo "non-blocking:\n";
var_dump(stream_set_blocking($client, false));
var_dump(stream_get_meta_data($client)['blocked']);
var_dump(fread($client, 2));
echo "buffered bytes make select() return at once:\n";
$read = [$client];
$write = $except = null;
var_dump(stream_select($read, $write, $except, 0));
var_dump(fread($client, 10));
var_dump(fread($client, 10));
var_dump(fgets($client));
var_dump(feof($client));

echo "blocking again:\n";
var_dump(socket_set_blocking($client, true));
var_dump(stream_get_meta_data($client)['blocked']);
$peer->tell('pong');
var_dump(fread($client, 4));

echo "a listening socket is readable when a client waits:\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$read = [$server];
$write = $except = null;
var_dump(stream_select($read, $write, $except, 0));
$other = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
$read = [$server];
var_dump(stream_select($read, $write, $except, 10));
var_dump(stream_socket_accept($server, 0) !== false);
echo $peer->stop();
?>
--EXPECT--
peer: xport tcp server
string(3) "tcp"
nothing to read yet:
int(0)
array(0) {
}
writable:
int(1)
array(1) {
  [0]=>
  string(1) "c"
}
readable within the timeout:
int(1)
array(1) {
  [0]=>
  string(1) "c"
}
non-blocking:
bool(true)
bool(false)
string(2) "pi"
buffered bytes make select() return at once:
int(1)
string(2) "ng"
string(0) ""
bool(false)
bool(false)
blocking again:
bool(true)
bool(true)
string(4) "pong"
a listening socket is readable when a client waits:
int(0)
int(1)
bool(true)
