--TEST--
interop: xport server against openssl s_client: handshake, data both ways, ALPN, client certificates
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

function listen(array $options): array
{
	$context = stream_context_create(['ssl' => $options]);
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	return [$server, $context, stream_socket_get_name($server, false)];
}

function s_client(XportTlsFiles $files, string $address, array $arguments): XportProcess
{
	return XportProcess::start(array_merge([
		xport_tls_tool('openssl'), 's_client', '-connect', $address, '-servername', 'localhost',
		'-CAfile', $files->path('ca.crt'), '-verify_return_error',
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
$client = s_client($files, $address, [
	'-alpn', 'h2,http/1.1', '-cert', $files->path('client.crt'), '-key', $files->path('client.key'),
]);
$conn = stream_socket_accept($server, 10);
var_dump(stream_get_meta_data($conn)['crypto']);
$tls = xport_stream_info($conn)['tls'];
echo "xport: {$tls['role']} {$tls['protocol']}, alpn {$tls['alpn']}, verify {$tls['verify_message']}\n";
$certificate = stream_context_get_options($context)['ssl']['peer_certificate'];
echo 'client certificate: ', openssl_x509_parse($certificate)['subject']['CN'], "\n";
var_dump(fwrite($conn, "hello s_client\n"));
var_dump($client->waitFor('~hello s_client\n~') !== null);
$client->send("hello xport\n");
var_dump(fgets($conn));
fclose($conn);
echo xport_tls_grep($client->stop(), [
	'~^CN = xport test CA$~', '~^Verification: .*~', '~^New, .*~', '~^ALPN protocol: .*~', '~^closed$~',
]);

echo "-- TLS 1.2, no ALPN, no client certificate asked for\n";
[$server, $context, $address] = listen(['local_cert' => $files->path('server.pem')]);
$client = s_client($files, $address, ['-tls1_2']);
$conn = stream_socket_accept($server, 10);
var_dump(stream_get_meta_data($conn)['crypto']);
var_dump(xport_stream_info($conn)['tls']['alpn']);
$client->send("over TLS 1.2\n");
var_dump(fgets($conn));
fclose($conn);
echo xport_tls_grep($client->stop(), [
	'~^Acceptable client certificate CA names$~', '~^New, .*~', '~^No ALPN negotiated$~',
]);

echo "-- the server verifies peers, s_client sends no certificate\n";
[$server, $context, $address] = listen([
	'local_cert' => $files->path('server.pem'),
	'verify_peer' => true,
	'cafile' => $files->path('ca.crt'),
]);
$client = s_client($files, $address, ['-tls1_2']);
var_dump(stream_socket_accept($server, 10));
echo xport_tls_grep($client->stop(), ['~^New, .*~', '~^closed$~']);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
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
int(15)
bool(true)
string(12) "hello xport
"
CN = xport test CA
Verification: OK
New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384
ALPN protocol: http/1.1
closed
-- TLS 1.2, no ALPN, no client certificate asked for
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
NULL
string(13) "over TLS 1.2
"
(nothing matches ~^Acceptable client certificate CA names$~)
New, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-GCM-SHA256
No ALPN negotiated
-- the server verifies peers, s_client sends no certificate

Warning: stream_socket_accept(): Could not get peer certificate in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
bool(false)
New, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-GCM-SHA256
closed
