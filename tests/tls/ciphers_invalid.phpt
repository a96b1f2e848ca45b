--TEST--
tls: an invalid "ciphers" list warns with the option's name, on a client, a server and at STARTTLS
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($listener, false);

echo "-- tls:// client\n";
$context = stream_context_create(['ssl' => ['ciphers' => 'NO-SUCH-CIPHER:ALSO-NOT-ONE', 'verify_peer' => false]]);
$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($client, $errno, $errstr);
echo "the listener got a TCP connection and no ClientHello: ";
$conn = stream_socket_accept($listener, 10);
var_dump(fread($conn, 10), feof($conn));

echo "-- STARTTLS\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
var_dump(xport_stream_info($client)['tls']);
echo "the stream is still usable in plaintext: ";
$conn = stream_socket_accept($listener, 10);
fwrite($client, "plain\n");
var_dump(fgets($conn));

echo "-- tls:// server\n";
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem'), 'ciphers' => '!ALL:BOGUS']]));
$peer = xport_tls_peer('$address = ' . var_export(stream_socket_get_name($server, false), true) . ";\n" . <<<'CODE'
	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
	peer_ready($client);
	fwrite($client, "\x16\x03\x01\x00\x01\x01");
	// The server closes with the six bytes unread, so the close may come as a reset (false)
	// or an end of file (""), depending on which arrives first; either way no data.
	peer_say('client reads: ' . json_encode((string) fread($client, 100)) . ', eof ' . var_export(feof($client), true));
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
-- tls:// client

Warning: stream_socket_client(): Invalid "ciphers" ssl context option: OpenSSL accepts none of "NO-SUCH-CIPHER:ALSO-NOT-ONE" in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
string(0) ""
the listener got a TCP connection and no ClientHello: string(0) ""
bool(true)
-- STARTTLS

Warning: stream_socket_enable_crypto(): Invalid "ciphers" ssl context option: OpenSSL accepts none of "NO-SUCH-CIPHER:ALSO-NOT-ONE" in %s on line %d
bool(false)
NULL
the stream is still usable in plaintext: string(6) "plain
"
-- tls:// server

Warning: stream_socket_accept(): Invalid "ciphers" ssl context option: OpenSSL accepts none of "!ALL:BOGUS" in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
bool(false)
client reads: "", eof true
