--TEST--
tls: a tls:// server facing clients that reset, send garbage or hang up mid-handshake keeps serving
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem')]]));
$address = stream_socket_get_name($server, false);

// A client in a worker: connects with tcp:// and runs $code with $client.
function hostile(string $address, string $code): void
{
	global $server;

	$peer = xport_tls_peer('$address = ' . var_export($address, true) . ";\n"
		. '$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);' . "\n"
		. "peer_ready(\$client);\n" . $code);
	$conn = stream_socket_accept($server, 10);
	echo 'accept: ', $conn ? 'TLS stream' : 'false', "\n";
	if ($conn) {
		fclose($conn);
	}
	echo $peer->stop();
}

// A genuine ClientHello, recorded from a client whose server never answers.
function record_client_hello(): string
{
	$listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	$client = stream_socket_client('tcp://' . stream_socket_get_name($listener, false), $errno, $errstr, 10);
	$accepted = stream_socket_accept($listener, 10);
	stream_set_blocking($client, false);
	stream_context_set_option($client, 'ssl', 'peer_name', 'localhost');
	stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
	$hello = fread($accepted, 5);
	$hello .= fread($accepted, unpack('n', substr($hello, 3, 2))[1]);
	return $hello;
}

echo "-- a ClientHello, then a reset while the server's answer is unread\n";
hostile($address, '$hello = ' . var_export(record_client_hello(), true) . ";\n" . <<<'CODE'
	fwrite($client, $hello);
	$read = [$client];
	$write = $except = null;
	peer_say('client: the answer is there: ' . stream_select($read, $write, $except, 10));
	fclose($client);
	CODE);

echo "-- binary garbage\n";
hostile($address, <<<'CODE'
	fwrite($client, str_repeat("\x00\xff\x13\x37garbage", 20));
	peer_say('client reads: ' . json_encode(fread($client, 100)));
	CODE);

echo "-- half a ClientHello, then a clean close\n";
hostile($address, <<<'CODE'
	fwrite($client, "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03");
	stream_socket_shutdown($client, STREAM_SHUT_WR);
	peer_say('client reads: ' . json_encode(fread($client, 100)));
	CODE);

echo "-- a well-behaved client is still served\n";
hostile($address, <<<'CODE'
	stream_context_set_option($client, 'ssl', 'verify_peer', false);
	stream_context_set_option($client, 'ssl', 'peer_name', 'localhost');
	$result = stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
	peer_say('client: ' . var_export($result, true));
	CODE);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- a ClientHello, then a reset while the server's answer is unread

Warning: stream_socket_accept(): SSL: Connection reset by peer in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
accept: false
client: the answer is there: 1
-- binary garbage

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
accept: false
client reads: false
-- half a ClientHello, then a clean close

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
accept: false
client reads: ""
-- a well-behaved client is still served
accept: TLS stream
client: true
