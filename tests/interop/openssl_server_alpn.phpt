--TEST--
interop: ALPN between an xport client and openssl s_server (selected; no overlap is fatal there)
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

function connect(XportTlsFiles $files, string $offer): void
{
	[$server, $address] = xport_openssl_server([
		'-cert', $files->path('server.crt'), '-key', $files->path('server.key'), '-alpn', 'http/1.1,spdy/1',
	]);
	$context = stream_context_create(['ssl' => [
		'cafile' => $files->path('ca.crt'),
		'peer_name' => 'localhost',
		'alpn_protocols' => $offer,
	]]);
	$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump($errno);
	if ($client === false) {
		echo xport_tls_grep($server->stop(), ['~^ALPN protocols advertised.*~']);
		return;
	}
	$crypto = stream_get_meta_data($client)['crypto'];
	echo 'meta alpn_protocol: ', var_export($crypto['alpn_protocol'] ?? '(absent)', true), "\n";
	echo 'xport alpn: ', var_export(xport_stream_info($client)['tls']['alpn'], true), "\n";
	fclose($client);
	echo xport_tls_grep($server->stop(), ['~^ALPN protocols advertised.*~', '~^ALPN protocols selected.*~']);
}

echo "-- h2 and http/1.1 offered\n";
connect($files, 'h2,http/1.1');
echo "-- only h2 offered: s_server answers no_application_protocol\n";
connect($files, 'h2');
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- h2 and http/1.1 offered
int(0)
meta alpn_protocol: 'http/1.1'
xport alpn: 'http/1.1'
ALPN protocols advertised by the client: h2, http/1.1
ALPN protocols selected: http/1.1
-- only h2 offered: s_server answers no_application_protocol

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000460:SSL routines::tlsv1 alert no application protocol in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
int(71)
ALPN protocols advertised by the client: h2
