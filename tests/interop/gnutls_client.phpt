--TEST--
interop: xport server against gnutls-cli: handshake, data both ways, ALPN, a client certificate
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/tls.php';
echo xport_tls_skip_without('gnutls-cli');
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);

function listen(array $options): array
{
	$context = stream_context_create(['ssl' => $options]);
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	return [$server, $context, stream_socket_get_name($server, false)];
}

function gnutls_cli(XportTlsFiles $files, string $address, array $arguments): XportProcess
{
	[$host, $port] = explode(':', $address);
	return XportProcess::start(array_merge([
		xport_tls_tool('gnutls-cli'), '--port', $port, $host, '--x509cafile', $files->path('ca.crt'),
		'--verify-hostname', 'localhost', '--sni-hostname', 'localhost',
	], $arguments));
}

echo "-- TLS 1.3, ALPN, a client certificate the server verifies\n";
[$server, $context, $address] = listen([
	'local_cert' => $files->path('server.pem'),
	'alpn_protocols' => 'http/1.1,h2',
	'verify_peer' => true,
	'cafile' => $files->path('ca.crt'),
	'capture_peer_cert' => true,
]);
$client = gnutls_cli($files, $address, [
	'--alpn', 'h2', '--alpn', 'http/1.1',
	'--x509certfile', $files->path('client.crt'), '--x509keyfile', $files->path('client.key'),
]);
$conn = stream_socket_accept($server, 10);
var_dump(stream_get_meta_data($conn)['crypto']);
$tls = xport_stream_info($conn)['tls'];
echo "xport: {$tls['role']} {$tls['protocol']}, alpn {$tls['alpn']}, verify {$tls['verify_message']}\n";
$certificate = stream_context_get_options($context)['ssl']['peer_certificate'];
echo 'client certificate: ', openssl_x509_parse($certificate)['subject']['CN'], "\n";
var_dump(fwrite($conn, "hello gnutls-cli\n"));
var_dump($client->waitFor('~hello gnutls-cli\n~') !== null);
$client->send("hello xport\n");
var_dump(fgets($conn));
fclose($conn);
echo xport_tls_grep($client->stop(), [
	'~^- Server has requested a certificate\.$~', '~^- Successfully sent \d+ certificate\(s\) to server\.$~',
	'~^- Status: .*trusted\.~', '~^- Description: .*~', '~^- Application protocol: .*~',
	'~^- Peer has closed the GnuTLS connection$~',
]);

echo "-- TLS 1.2 only, no ALPN, no client certificate asked for\n";
[$server, $context, $address] = listen(['local_cert' => $files->path('server.pem')]);
$client = gnutls_cli($files, $address, ['--priority', 'NORMAL:-VERS-ALL:+VERS-TLS1.2']);
$conn = stream_socket_accept($server, 10);
var_dump(stream_get_meta_data($conn)['crypto']);
$client->send("over TLS 1.2\n");
var_dump(fgets($conn));
fwrite($conn, "bye\n");
var_dump($client->waitFor('~bye\n~') !== null);
fclose($conn);
echo xport_tls_grep($client->stop(), [
	'~^- Server has requested a certificate\.$~', '~^- Description: .*~', '~^- Application protocol: .*~',
	'~^- Peer has closed the GnuTLS connection$~',
]);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- TLS 1.3, ALPN, a client certificate the server verifies
array(5) {
  ["protocol"]=>
  string(7) "TLSv1.3"
  ["cipher_name"]=>
  string(22) "TLS_AES_256_GCM_SHA384"
  ["cipher_bits"]=>
  int(256)
  ["cipher_version"]=>
  string(7) "TLSv1.3"
  ["alpn_protocol"]=>
  string(8) "http/1.1"
}
xport: server TLSv1.3, alpn http/1.1, verify ok
client certificate: xport test client
int(17)
bool(true)
string(12) "hello xport
"
- Server has requested a certificate.
- Successfully sent 1 certificate(s) to server.
- Status: The certificate is trusted.
- Description: (TLS1.3-X.509)-(ECDHE-SECP256R1)-(ECDSA-SECP256R1-SHA256)-(AES-256-GCM)
- Application protocol: http/1.1
- Peer has closed the GnuTLS connection
-- TLS 1.2 only, no ALPN, no client certificate asked for
array(4) {
  ["protocol"]=>
  string(7) "TLSv1.2"
  ["cipher_name"]=>
  string(29) "ECDHE-ECDSA-AES128-GCM-SHA256"
  ["cipher_bits"]=>
  int(128)
  ["cipher_version"]=>
  string(7) "TLSv1.2"
}
string(13) "over TLS 1.2
"
bool(true)
(nothing matches ~^- Server has requested a certificate\.$~)
- Description: (TLS1.2-X.509)-(ECDHE-X25519)-(ECDSA-SHA256)-(AES-128-GCM)
(nothing matches ~^- Application protocol: .*~)
- Peer has closed the GnuTLS connection
