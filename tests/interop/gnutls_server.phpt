--TEST--
interop: xport client against gnutls-serv, TLS 1.2 and 1.3: handshake, SNI, ALPN, echoed data
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.php';
echo xport_tls_skip_without('gnutls-serv') ?: xport_private_network_skip();
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

// gnutls-serv listens on every address: it runs where loopback is the only interface.
if (xport_private_network(__FILE__)) {
	exit;
}
$files = XportTlsFiles::create(__FILE__);

foreach (['TLS1.2' => '+VERS-TLS1.2', 'TLS1.3' => '+VERS-TLS1.3'] as $label => $version) {
	echo "-- $label\n";
	$port = xport_free_port();
	$server = XportProcess::start([
		xport_tls_tool('gnutls-serv'), '--echo', '--port', (string) $port, '--disable-client-cert',
		'--x509certfile', $files->path('server.crt'), '--x509keyfile', $files->path('server.key'),
		'--priority', "NORMAL:-VERS-ALL:$version", '--alpn', 'h2',
	]);
	var_dump($server->waitFor('~listening on IPv4 \S+ port \d+\.\.\.done~') !== null);

	$context = stream_context_create(['ssl' => [
		'cafile' => $files->path('ca.crt'),
		'peer_name' => 'localhost',
		'alpn_protocols' => 'h2,http/1.1',
	]]);
	$client = stream_socket_client("tls://127.0.0.1:$port", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump($errno);
	$crypto = stream_get_meta_data($client)['crypto'];
	echo "xport: {$crypto['protocol']} {$crypto['cipher_name']}, ALPN {$crypto['alpn_protocol']}\n";
	var_dump(fwrite($client, "echo me\n"));
	var_dump(fgets($client));
	fclose($client);

	var_dump($server->waitFor('~received cmd: echo me~') !== null);
	$server->kill();
	echo xport_tls_grep($server->stop(), ['~^- Version: .*~', '~^- Given server name\[1\]: .*~', '~^- Cipher: .*~']);
}
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- TLS1.2
bool(true)
int(0)
xport: TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256, ALPN h2
int(8)
string(8) "echo me
"
bool(true)
- Version: TLS1.2
- Given server name[1]: localhost
- Cipher: AES-128-GCM
-- TLS1.3
bool(true)
int(0)
xport: TLSv1.3 TLS_AES_256_GCM_SHA384, ALPN h2
int(8)
string(8) "echo me
"
bool(true)
- Version: TLS1.3
- Given server name[1]: localhost
- Cipher: AES-256-GCM
