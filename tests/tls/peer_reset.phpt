--TEST--
tls: a peer that resets or closes the connection in the middle of the handshake
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

// A TCP peer that waits for the ClientHello, then runs $then.
function peer(string $then): XportPeer
{
	return xport_tls_peer(<<<CODE
		\$server = stream_socket_server('tcp://127.0.0.1:0', \$errno, \$errstr);
		peer_ready(\$server);
		\$conn = stream_socket_accept(\$server, 10);
		\$read = [\$conn];
		\$write = \$except = null;
		stream_select(\$read, \$write, \$except, 10);
		$then
		CODE);
}

function connect(XportPeer $peer): void
{
	$context = stream_context_create(['ssl' => ['verify_peer' => false]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump($client, $errno, $errstr);
	$error = xport_last_error();
	echo "last error: {$error['operation']}, {$error['transport']}, errno {$error['errno']}: {$error['message']}\n";
	echo $peer->stop();
}

echo "-- closed with the ClientHello unread: the peer's kernel sends a reset\n";
connect(peer('fclose($conn);'));

echo "-- a partial ServerHello record, then a reset\n";
connect(peer('fwrite($conn, "\x16\x03\x03\x00\x40\x02\x00"); usleep(100000); fclose($conn);'));

echo "-- the ClientHello read, then a clean close\n";
connect(peer('fread($conn, 8192); fclose($conn);'));
?>
--EXPECTF--
-- closed with the ClientHello unread: the peer's kernel sends a reset

Warning: stream_socket_client(): SSL: Connection reset by peer in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(104)
string(0) ""
last error: tls handshake, tls, errno 104: TLS handshake failed (SSL: Connection reset by peer) in state "SSLv3/TLS write client hello"
-- a partial ServerHello record, then a reset

Warning: stream_socket_client(): SSL: Connection reset by peer in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(104)
string(0) ""
last error: tls handshake, tls, errno 104: TLS handshake failed (SSL: Connection reset by peer) in state "SSLv3/TLS write client hello"
-- the ClientHello read, then a clean close

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(104)
string(0) ""
last error: tls handshake, tls, errno 104: TLS handshake failed (the peer closed the connection) in state "SSLv3/TLS write client hello"
