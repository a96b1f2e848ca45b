--TEST--
interop: openssl s_server sees xport's SNI (peer_name) and switches certificates; no SNI for an IP literal
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
$files->certificate('named', 'sni.xport.test', ['DNS:sni.xport.test']);

function connect(XportTlsFiles $files, array $options): void
{
	[$server, $address] = xport_openssl_server([
		'-cert', $files->path('server.crt'), '-key', $files->path('server.key'),
		'-servername', 'sni.xport.test',
		'-cert2', $files->path('named.crt'), '-key2', $files->path('named.key'),
	]);
	$context = stream_context_create(['ssl' => $options + [
		'cafile' => $files->path('ca.crt'),
		'capture_peer_cert' => true,
	]]);
	$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump($errno);
	$certificate = stream_context_get_options($context)['ssl']['peer_certificate'];
	echo 'served certificate: ', openssl_x509_parse($certificate)['subject']['CN'], "\n";
	echo 'xport sent SNI: ', var_export(xport_stream_info($client)['tls']['sni'], true), "\n";
	fclose($client);
	echo xport_tls_grep($server->stop(), ['~^Hostname in TLS extension.*~', '~^Switching server context.*~']);
}

echo "-- peer_name sni.xport.test\n";
connect($files, ['peer_name' => 'sni.xport.test']);
echo "-- an IP literal: no SNI, the default certificate (its SAN holds 127.0.0.1)\n";
connect($files, []);
echo "-- SNI_enabled false\n";
connect($files, ['peer_name' => 'localhost', 'SNI_enabled' => false]);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- peer_name sni.xport.test
int(0)
served certificate: sni.xport.test
xport sent SNI: 'sni.xport.test'
Hostname in TLS extension: "sni.xport.test"
Switching server context.
-- an IP literal: no SNI, the default certificate (its SAN holds 127.0.0.1)
int(0)
served certificate: localhost
xport sent SNI: NULL
(nothing matches ~^Hostname in TLS extension.*~)
(nothing matches ~^Switching server context.*~)
-- SNI_enabled false
int(0)
served certificate: localhost
xport sent SNI: NULL
(nothing matches ~^Hostname in TLS extension.*~)
(nothing matches ~^Switching server context.*~)
