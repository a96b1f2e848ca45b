--TEST--
tcp: stream_socket_shutdown() for writing, reading and both
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
	// Read to EOF: only the client's shutdown for writing ends this loop.
	$received = '';
	for ($i = 0; $i < 1000 && !feof($conn); $i++) {
		$received .= fread($conn, 100);
	}
	peer_say('peer read until EOF: ' . json_encode($received));
	fwrite($conn, "reply after shutdown");
	fclose($conn);
	CODE);
echo $peer->banner(), "\n";

$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 10);
var_dump(xport_stream_info($client) !== false);
fwrite($client, "request");
var_dump(stream_socket_shutdown($client, STREAM_SHUT_WR));
echo $peer->readLine(), "\n";
echo "reading still works: ";
var_dump(stream_get_contents($client));
echo "writing does not: ";
var_dump(@fwrite($client, "more"));
echo "both directions closed, nothing left to shut down: ";
var_dump(stream_socket_shutdown($client, STREAM_SHUT_RD));
fclose($client);
echo $peer->stop();

echo "-- invalid how\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);
try {
	stream_socket_shutdown($client, 7);
} catch (ValueError $e) {
	echo $e->getMessage(), "\n";
}
echo "-- reading side, then both, on a live connection\n";
var_dump(stream_socket_shutdown($client, STREAM_SHUT_RD));
var_dump(stream_socket_shutdown($client, STREAM_SHUT_RDWR));
echo "the peer sees EOF: ";
var_dump(fread($accepted, 10), feof($accepted));
?>
--EXPECT--
peer: xport tcp server
bool(true)
bool(true)
peer read until EOF: "request"
reading still works: string(20) "reply after shutdown"
writing does not: bool(false)
both directions closed, nothing left to shut down: bool(false)
-- invalid how
stream_socket_shutdown(): Argument #2 ($mode) must be one of STREAM_SHUT_RD, STREAM_SHUT_WR, or STREAM_SHUT_RDWR
-- reading side, then both, on a live connection
bool(true)
bool(true)
the peer sees EOF: string(0) ""
bool(true)
