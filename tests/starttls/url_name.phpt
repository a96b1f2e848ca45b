--TEST--
starttls: without peer_name, the host of the tcp:// URL is the name to verify and the SNI name
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.php';
echo xport_tls_skip_without('openssl');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$files->certificate('named', 'mail.xport.test', ['DNS:mail.xport.test']);

// STARTTLS right after the TCP connect to `openssl s_server`, with no peer_name set.
function upgrade(XportTlsFiles $files, string $host, string $certificate): void
{
	[$server, $address] = xport_openssl_server([
		'-cert', $files->path("$certificate.crt"), '-key', $files->path("$certificate.key"),
		'-servername', 'localhost',
		'-cert2', $files->path("$certificate.crt"), '-key2', $files->path("$certificate.key"),
	]);
	$port = substr($address, strrpos($address, ':') + 1);
	$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt')]]);
	$client = stream_socket_client("tcp://$host:$port", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
	$tls = xport_stream_info($client)['tls'];
	echo 'active ', var_export($tls['active'], true), ', sni ', var_export($tls['sni'], true), "\n";
	fclose($client);
	echo xport_tls_grep($server->stop(), ['~^Hostname in TLS extension.*~']);
}

echo "-- tcp://localhost: verified as localhost, SNI localhost\n";
upgrade($files, 'localhost', 'server');
echo "-- tcp://localhost, a certificate for another name\n";
upgrade($files, 'localhost', 'named');
echo "-- tcp://127.0.0.1: verified against the IP entry, no SNI\n";
upgrade($files, '127.0.0.1', 'server');
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- tcp://localhost: verified as localhost, SNI localhost
bool(true)
active true, sni 'localhost'
Hostname in TLS extension: "localhost"
-- tcp://localhost, a certificate for another name

Warning: stream_socket_enable_crypto(): Peer certificate subjectAltName did not match expected name `localhost' in %s on line %d
bool(false)
active false, sni 'localhost'
Hostname in TLS extension: "localhost"
-- tcp://127.0.0.1: verified against the IP entry, no SNI
bool(true)
active true, sni NULL
(nothing matches ~^Hostname in TLS extension.*~)
