--TEST--
tls: a peer that answers the ClientHello with bytes that are not TLS
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

function answer(string $bytes): void
{
	$peer = xport_tls_peer('$answer = ' . var_export($bytes, true) . ";\n" . <<<'CODE'
		$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
		peer_ready($server);
		$conn = stream_socket_accept($server, 10);
		fread($conn, 8192);
		fwrite($conn, $answer);
		peer_wait();
		CODE);
	$context = stream_context_create(['ssl' => ['verify_peer' => false]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump($client, $errno, $errstr);
	$error = xport_last_error();
	echo "last error: {$error['operation']}, errno {$error['errno']}: {$error['message']}\n";
	echo $peer->stop();
}

echo "-- binary noise\n";
answer(str_repeat("\x00\xff\x13\x37garbage", 20));
echo "-- a handshake record holding an alert-sized nonsense message\n";
answer("\x16\x03\x03\x00\x04\x02\x00\x00\x00");
echo "-- a record longer than TLS allows\n";
answer("\x16\x03\x03\xff\xff" . str_repeat("\x00", 64));
?>
--EXPECTF--
-- binary noise

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
string(0) ""
last error: tls handshake, errno 71: TLS handshake failed (SSL operation failed with code 1. OpenSSL Error messages: error:0A00010B:SSL routines::wrong version number) in state "error"
-- a handshake record holding an alert-sized nonsense message

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00009F:SSL routines::length mismatch in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
string(0) ""
last error: tls handshake, errno 71: TLS handshake failed (SSL operation failed with code 1. OpenSSL Error messages: error:0A00009F:SSL routines::length mismatch) in state "error"
-- a record longer than TLS allows

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A0000C6:SSL routines::packet length too long in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
string(0) ""
last error: tls handshake, errno 71: TLS handshake failed (SSL operation failed with code 1. OpenSSL Error messages: error:0A0000C6:SSL routines::packet length too long) in state "error"
