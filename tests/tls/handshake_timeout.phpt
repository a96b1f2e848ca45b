--TEST--
tls: a peer that never answers the handshake: the client's connect timeout, the server's read timeout
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);

echo "-- client: the TCP connect succeeds, the ServerHello never comes\n";
$peer = xport_tls_peer(<<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	peer_wait();
	CODE);
$context = stream_context_create(['ssl' => ['verify_peer' => false]]);
$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $context);
var_dump($client, $errno, $errstr);
$error = xport_last_error();
echo "last error: {$error['operation']}, errno {$error['errno']}: {$error['message']}\n";
echo $peer->stop();

echo "-- STARTTLS: stream_socket_enable_crypto() on a blocking stream, same timeout\n";
$peer = xport_tls_peer(<<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	peer_wait();
	CODE);
$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 1, STREAM_CLIENT_CONNECT, $context);
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
var_dump(xport_stream_info($client)['tls']['active']);
fclose($client);
echo $peer->stop();

echo "-- server: a client that connects and sends nothing; the listener's read timeout applies\n";
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem')]]));
stream_set_timeout($server, 1);
$peer = xport_tls_peer('$address = ' . var_export(stream_socket_get_name($server, false), true) . ";\n" . <<<'CODE'
	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
	peer_ready($client);
	peer_say('client reads: ' . json_encode(fread($client, 100)) . ', eof ' . var_export(feof($client), true));
	CODE);
var_dump(stream_socket_accept($server, 10));
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- client: the TCP connect succeeds, the ServerHello never comes

Warning: stream_socket_client(): SSL: Handshake timed out in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(110)
string(0) ""
last error: tls handshake, errno 110: the TLS handshake timed out
-- STARTTLS: stream_socket_enable_crypto() on a blocking stream, same timeout

Warning: stream_socket_enable_crypto(): SSL: Handshake timed out in %s on line %d
bool(false)
bool(false)
-- server: a client that connects and sends nothing; the listener's read timeout applies

Warning: stream_socket_accept(): SSL: Handshake timed out in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
bool(false)
client reads: "", eof true
