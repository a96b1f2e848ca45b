--TEST--
interop: xport client certificates against openssl s_server -Verify (sent, missing on TLS 1.3 and 1.2)
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

function start_server(XportTlsFiles $files, string $version): array
{
	return xport_openssl_server([
		$version, '-cert', $files->path('server.crt'), '-key', $files->path('server.key'),
		'-Verify', '1', '-CAfile', $files->path('ca.crt'),
	]);
}

function client_context(XportTlsFiles $files, array $options = []): array
{
	return ['ssl' => $options + ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']];
}

echo "-- client certificate and key in local_cert\n";
[$server, $address] = start_server($files, '-tls1_3');
$context = stream_context_create(client_context($files, ['local_cert' => $files->path('client.pem')]));
$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($errno);
fwrite($client, "signed hello\n");
var_dump($server->waitFor('~signed hello\n~') !== null);
$server->send("welcome\n");
var_dump(fgets($client));
fclose($client);
echo xport_tls_grep($server->stop(), ['~^subject=.*~', '~^issuer=.*~', '~^verify return:.*~', '~^DONE$~']);

echo "-- certificate in local_cert, key in local_pk, TLS 1.2\n";
[$server, $address] = start_server($files, '-tls1_2');
$context = stream_context_create(client_context($files, [
	'local_cert' => $files->path('client.crt'),
	'local_pk' => $files->path('client.key'),
]));
$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($errno, stream_get_meta_data($client)['crypto']['protocol']);
fclose($client);
echo xport_tls_grep($server->stop(), ['~^subject=.*~']);

echo "-- no client certificate, TLS 1.3: the server's alert arrives after the handshake\n";
[$server, $address] = start_server($files, '-tls1_3');
$context = stream_context_create(client_context($files));
$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($errno);
var_dump(fread($client, 100));
var_dump(feof($client));
fclose($client);
echo xport_tls_grep($server->stop(), ['~did not return a certificate~']);

echo "-- no client certificate, TLS 1.2: the handshake fails\n";
[$server, $address] = start_server($files, '-tls1_2');
$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($client, $errno, $errstr);
echo xport_tls_grep($server->stop(), ['~did not return a certificate~']);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- client certificate and key in local_cert
int(0)
bool(true)
string(8) "welcome
"
subject=CN = xport test client
issuer=CN = xport test CA
verify return:1
DONE
-- certificate in local_cert, key in local_pk, TLS 1.2
int(0)
string(7) "TLSv1.2"
subject=CN = xport test client
-- no client certificate, TLS 1.3: the server's alert arrives after the handshake
int(0)

Warning: fread(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00045C:SSL routines::tlsv13 alert certificate required in %s on line %d
string(0) ""
bool(true)
did not return a certificate
-- no client certificate, TLS 1.2: the handshake fails

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000410:SSL routines::sslv3 alert handshake failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
string(0) ""
did not return a certificate
