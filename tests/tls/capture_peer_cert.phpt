--TEST--
tls: capture_peer_cert and capture_peer_cert_chain give OpenSSLCertificate objects ext/openssl can use
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
// The server sends its certificate and the CA's.
file_put_contents($files->path('chain.pem'),
	file_get_contents($files->path('server.crt')) . file_get_contents($files->path('ca.crt'))
	. file_get_contents($files->path('server.key')));
file_put_contents($files->path('client-chain.pem'),
	file_get_contents($files->path('client.crt')) . file_get_contents($files->path('ca.crt'))
	. file_get_contents($files->path('client.key')));
$files->certificate('selfsigned', 'localhost', ['DNS:localhost'], null);

function describe(OpenSSLCertificate $certificate): string
{
	$fields = openssl_x509_parse($certificate);
	return get_class($certificate) . " CN={$fields['subject']['CN']} issuer CN={$fields['issuer']['CN']}";
}

function capture(XportPeer $peer, array $options): array
{
	$options += ['capture_peer_cert' => true, 'capture_peer_cert_chain' => true];
	$context = stream_context_create(['ssl' => $options]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo 'stream: ', $client ? 'connected' : 'false', "\n";
	if ($client) {
		fclose($client);
	}
	echo $peer->readLine(), "\n";
	return stream_context_get_options($context)['ssl'];
}

echo "-- client: the server's certificate and chain\n";
$peer = xport_tls_server_peer($files, 'chain.pem');
$ssl = capture($peer, ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']);
echo $peer->stop();
var_dump(array_keys($ssl));
echo describe($ssl['peer_certificate']), "\n";
var_dump(openssl_x509_fingerprint($ssl['peer_certificate'], 'sha256') === $files->fingerprint('server', 'sha256'));
openssl_x509_export($ssl['peer_certificate'], $pem);
var_dump($pem === file_get_contents($files->path('server.crt')));
var_dump(count($ssl['peer_certificate_chain']));
foreach ($ssl['peer_certificate_chain'] as $certificate) {
	echo describe($certificate), "\n";
}
[$leaf, $issuer] = $ssl['peer_certificate_chain'];
var_dump(openssl_x509_verify($leaf, openssl_pkey_get_public($issuer)));

echo "-- client: captured although the name check failed\n";
$peer = xport_tls_server_peer($files, 'server.pem');
$ssl = capture($peer, ['cafile' => $files->path('ca.crt'), 'peer_name' => 'other.xport.test']);
echo $peer->stop();
echo describe($ssl['peer_certificate']), "\n";
var_dump(count($ssl['peer_certificate_chain']));

echo "-- client: nothing to capture when the certificate was refused during the handshake\n";
$peer = xport_tls_server_peer($files, 'selfsigned.pem');
$ssl = capture($peer, ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']);
echo $peer->stop();
var_dump(isset($ssl['peer_certificate']), isset($ssl['peer_certificate_chain']));

$sent = ['client.pem' => 'its certificate alone', 'client-chain.pem' => 'its certificate and the CA'];
foreach ($sent as $pem => $what) {
	echo "-- server: a client that sends $what\n";
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		$serverContext = stream_context_create(['ssl' => [
			'local_cert' => $files->path('server.pem'),
			'verify_peer' => true,
			'cafile' => $files->path('ca.crt'),
			'capture_peer_cert' => true,
			'capture_peer_cert_chain' => true,
		]]));
	$code = '$address = ' . var_export(stream_socket_get_name($server, false), true) . ";\n"
		. '$pem = ' . var_export($pem, true) . ";\n" . <<<'CODE'
		$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
			stream_context_create(['ssl' => [
				'cafile' => "$certs/ca.crt",
				'peer_name' => 'localhost',
				'local_cert' => "$certs/$pem",
			]]));
		peer_ready($client);
		$result = stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT);
		peer_say('client: ' . var_export($result, true));
		CODE;
	$peer = xport_tls_peer($code, $files);
	$conn = stream_socket_accept($server, 10);
	echo $peer->readLine(), "\n";
	$ssl = stream_context_get_options($serverContext)['ssl'];
	echo describe($ssl['peer_certificate']), "\n";
	var_dump(openssl_x509_fingerprint($ssl['peer_certificate'], 'sha1') === $files->fingerprint('client', 'sha1'));
	echo "chain:\n";
	foreach ($ssl['peer_certificate_chain'] ?? [] as $certificate) {
		echo describe($certificate), "\n";
	}
	fclose($conn);
	echo $peer->stop();
}
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- client: the server's certificate and chain
stream: connected
server: handshake done
array(6) {
  [0]=>
  string(6) "cafile"
  [1]=>
  string(9) "peer_name"
  [2]=>
  string(17) "capture_peer_cert"
  [3]=>
  string(23) "capture_peer_cert_chain"
  [4]=>
  string(16) "peer_certificate"
  [5]=>
  string(22) "peer_certificate_chain"
}
OpenSSLCertificate CN=localhost issuer CN=xport test CA
bool(true)
bool(true)
int(2)
OpenSSLCertificate CN=localhost issuer CN=xport test CA
OpenSSLCertificate CN=xport test CA issuer CN=xport test CA
int(1)
-- client: captured although the name check failed

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `other.xport.test' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false
server: handshake done
OpenSSLCertificate CN=localhost issuer CN=xport test CA
int(1)
-- client: nothing to capture when the certificate was refused during the handshake

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false
server: handshake failed
bool(false)
bool(false)
-- server: a client that sends its certificate alone
client: true
OpenSSLCertificate CN=xport test client issuer CN=xport test CA
bool(true)
chain:
OpenSSLCertificate CN=xport test CA issuer CN=xport test CA
-- server: a client that sends its certificate and the CA
client: true
OpenSSLCertificate CN=xport test client issuer CN=xport test CA
bool(true)
chain:
OpenSSLCertificate CN=xport test CA issuer CN=xport test CA
