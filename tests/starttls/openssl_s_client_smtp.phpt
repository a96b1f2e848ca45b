--TEST--
starttls: openssl s_client -starttls smtp against a small SMTP server on xport's tcp://
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
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem')]]));
$client = XportProcess::start([
	xport_tls_tool('openssl'), 's_client', '-connect', stream_socket_get_name($server, false),
	'-starttls', 'smtp', '-name', 'client.xport.test', '-crlf', '-servername', 'localhost',
	'-CAfile', $files->path('ca.crt'), '-verify_return_error',
]);

$conn = stream_socket_accept($server, 10);
fwrite($conn, "220 mail.xport.test ESMTP\r\n");
echo 'server got: ', json_encode(fgets($conn)), "\n";
fwrite($conn, "250-mail.xport.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
echo 'server got: ', json_encode(fgets($conn)), "\n";
fwrite($conn, "220 2.0.0 Ready to start TLS\r\n");
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo 'server: ', stream_get_meta_data($conn)['crypto']['protocol'], ' ', xport_stream_info($conn)['tls']['role'], "\n";

$client->send("MAIL FROM:<sender@xport.test>\n");
echo 'server got: ', json_encode(fgets($conn)), "\n";
fwrite($conn, "250 2.1.0 Ok\r\n");
var_dump($client->waitFor('~250 2\.1\.0 Ok~') !== null);
fclose($conn);
echo xport_tls_grep($client->stop(), ['~^Verification: .*~', '~^New, .*~', '~^250 2\.1\.0 Ok~', '~^closed$~']);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
server got: "EHLO client.xport.test\r\n"
server got: "STARTTLS\r\n"
bool(true)
server: TLSv1.3 server
server got: "MAIL FROM:<sender@xport.test>\r\n"
bool(true)
Verification: OK
New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384
250 2.1.0 Ok
closed
