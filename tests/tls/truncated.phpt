--TEST--
tls: a peer that closes without close_notify ends the stream quietly and sets 'truncated'
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
$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);

foreach (['-tls1_3', '-tls1_2'] as $version) {
	echo "-- s_server $version killed after sending data\n";
	[$server, $address] = xport_openssl_server([
		$version, '-cert', $files->path('server.crt'), '-key', $files->path('server.key'),
	]);
	$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	$server->send("data before the end\n");
	var_dump(fgets($client));
	var_dump(xport_stream_info($client)['tls']['truncated']);
	// SIGKILL: the kernel closes the socket, no TLS alert is sent.
	$server->kill();
	var_dump(fread($client, 100));
	var_dump(feof($client));
	var_dump(xport_stream_info($client)['tls']['truncated']);
	$error = xport_last_error();
	echo "last error: {$error['operation']}, errno {$error['errno']}: {$error['message']}\n";
	fclose($client);
	$server->stop();
}
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- s_server -tls1_3 killed after sending data
string(20) "data before the end
"
bool(false)
string(0) ""
bool(true)
bool(true)
last error: tls read, errno 0: the peer closed the connection without a TLS close_notify: the data may be truncated
-- s_server -tls1_2 killed after sending data
string(20) "data before the end
"
bool(false)
string(0) ""
bool(true)
bool(true)
last error: tls read, errno 0: the peer closed the connection without a TLS close_notify: the data may be truncated
