--TEST--
tls: SNI_server_certs serves each name its certificate, from a PEM path or a cert/key pair, and picks up a certificate renewed on disk
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$files->certificate('one', 'one.xport.test', ['DNS:one.xport.test']);
$files->certificate('two', 'two.xport.test', ['DNS:two.xport.test']);
copy($files->path('one.pem'), $files->path('live-one.pem'));

$peer = xport_tls_server_peer($files, 'server.pem', 5, ['SNI_server_certs' => [
	'one.xport.test' => $files->path('live-one.pem'),
	'two.xport.test' => ['local_cert' => $files->path('two.crt'), 'local_pk' => $files->path('two.key')],
]]);

// The certificate the server presented to a client that asked for $name.
function served(XportPeer $peer, XportTlsFiles $files, string $name): void
{
	$context = stream_context_create(['ssl' => [
		'cafile' => $files->path('ca.crt'),
		'peer_name' => $name,
		'capture_peer_cert' => true,
	]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	if ($client === false) {
		echo "$name: no connection\n";
		echo $peer->readLine(), "\n";
		return;
	}
	$certificate = stream_context_get_options($context)['ssl']['peer_certificate'];
	$fingerprint = openssl_x509_fingerprint($certificate, 'sha256');
	$known = 'an unknown certificate';
	foreach (['server', 'one', 'two', 'renewed'] as $candidate) {
		if (is_file($files->path("$candidate.crt")) && $files->fingerprint($candidate, 'sha256') === $fingerprint) {
			$known = $candidate;
		}
	}
	echo "$name: served '$known', CN ", openssl_x509_parse($certificate)['subject']['CN'], "\n";
	fclose($client);
	echo $peer->readLine(), "\n";
}

served($peer, $files, 'one.xport.test');
served($peer, $files, 'two.xport.test');
served($peer, $files, 'one.xport.test');
served($peer, $files, 'localhost');

echo "-- one.xport.test's certificate renewed and moved into place\n";
$files->certificate('renewed', 'one.xport.test', ['DNS:one.xport.test']);
rename($files->path('renewed.pem'), $files->path('live-one.pem'));
served($peer, $files, 'one.xport.test');
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
one.xport.test: served 'one', CN one.xport.test
server: handshake done
two.xport.test: served 'two', CN two.xport.test
server: handshake done
one.xport.test: served 'one', CN one.xport.test
server: handshake done
localhost: served 'server', CN localhost
server: handshake done
-- one.xport.test's certificate renewed and moved into place
one.xport.test: served 'renewed', CN one.xport.test
server: handshake done
