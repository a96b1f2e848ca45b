--TEST--
tls: stream_socket_shutdown() with STREAM_SHUT_WR or STREAM_SHUT_RDWR sends close_notify first
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

foreach (['STREAM_SHUT_WR' => STREAM_SHUT_WR, 'STREAM_SHUT_RDWR' => STREAM_SHUT_RDWR] as $name => $how) {
	echo "-- $name\n";
	[$server, $address] = xport_openssl_server([
		'-cert', $files->path('server.crt'), '-key', $files->path('server.key'),
	]);
	$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	fwrite($client, "last words\n");
	var_dump(stream_socket_shutdown($client, $how));
	// s_server prints DONE for a close_notify, ERROR for a connection closed without one.
	$seen = $server->waitFor('~^(DONE|ERROR)$~m');
	echo 's_server: ', $seen[1] ?? 'nothing', "\n";
	if ($how === STREAM_SHUT_WR) {
		echo "reading side still open, s_server's own close_notify: ";
		var_dump(fread($client, 100), feof($client));
		var_dump(xport_stream_info($client)['tls']['truncated']);
	}
	fclose($client);
	echo xport_tls_grep($server->stop(), ['~^last words$~', '~unexpected eof~']);
}
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- STREAM_SHUT_WR
bool(true)
s_server: DONE
reading side still open, s_server's own close_notify: string(0) ""
bool(true)
bool(false)
last words
(nothing matches ~unexpected eof~)
-- STREAM_SHUT_RDWR
bool(true)
s_server: DONE
last words
(nothing matches ~unexpected eof~)
