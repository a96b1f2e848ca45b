--TEST--
tls: missing, unusable and mismatched local_cert/local_pk files, and key passphrases
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$files->certificate('locked', 'xport test client', [], 'ca', 'client', 'right horse');
$listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($listener, false);

function client(string $address, array $options): void
{
	$context = stream_context_create(['ssl' => $options + ['verify_peer' => false]]);
	$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\n";
}

echo "-- a certificate file that does not exist\n";
client($address, ['local_cert' => $files->path('missing.pem')]);
echo "-- a directory\n";
client($address, ['local_cert' => $files->dir]);
echo "-- a path with a NUL byte\n";
client($address, ['local_cert' => $files->path("client.pem\0.txt")]);
echo "-- a certificate without its key\n";
client($address, ['local_cert' => $files->path('client.crt')]);
echo "-- a key file that does not exist\n";
client($address, ['local_cert' => $files->path('client.crt'), 'local_pk' => $files->path('missing.key')]);
echo "-- the key of another certificate\n";
client($address, ['local_cert' => $files->path('client.crt'), 'local_pk' => $files->path('server.key')]);
echo "-- an encrypted key and a wrong passphrase\n";
client($address, ['local_cert' => $files->path('locked.pem'), 'passphrase' => 'wrong horse']);

echo "-- an encrypted key and the right passphrase: the handshake starts\n";
$peer = xport_tls_server_peer($files, 'server.pem', 1, [
	'verify_peer' => true,
	'cafile' => $files->path('ca.crt'),
	'capture_peer_cert' => true,
]);
client($peer->address, ['local_cert' => $files->path('locked.pem'), 'passphrase' => 'right horse']);
echo $peer->stop();

echo "-- a server whose certificate is missing\n";
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('missing.pem')]]));
var_dump($server !== false);
$peer = xport_tls_peer('$address = ' . var_export(stream_socket_get_name($server, false), true) . ";\n" . <<<'CODE'
	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
	peer_ready($client);
	$result = @stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
	peer_say('client handshake: ' . var_export($result, true));
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
-- a certificate file that does not exist

Warning: stream_socket_client(): Unable to set local cert chain file `%s/missing.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- a directory

Warning: stream_socket_client(): Unable to set local cert chain file `%s Check that your cafile/capath settings include details of your certificate and its issuer in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- a path with a NUL byte

Warning: stream_socket_client(): Path for local_cert in ssl stream context option must not contain any null bytes in %s on line %d

Warning: stream_socket_client(): Unable to get real path of certificate file `%s/client.pem' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- a certificate without its key

Warning: stream_socket_client(): Unable to set private key file `%s/client.crt' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- a key file that does not exist

Warning: stream_socket_client(): Unable to set private key file `%s/missing.key' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- the key of another certificate

Warning: stream_socket_client(): Unable to set private key file `%s/server.key' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- an encrypted key and a wrong passphrase

Warning: stream_socket_client(): Unable to set private key file `%s/locked.pem' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- an encrypted key and the right passphrase: the handshake starts
stream: connected, errno 0
server: handshake done
-- a server whose certificate is missing
bool(true)

Warning: stream_socket_accept(): Unable to set local cert chain file `%s/missing.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
bool(false)
client handshake: false
