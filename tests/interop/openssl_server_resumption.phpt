--TEST--
interop: four connections in a row to openssl s_server -www, TLS 1.3 and TLS 1.2: the server sees the last three resume
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
	echo "-- s_server $version\n";
	$server = XportProcess::start([xport_tls_tool('openssl'), 's_server', '-accept', '127.0.0.1:0',
		'-naccept', '4', '-www', $version, '-cert', $files->path('server.crt'), '-key', $files->path('server.key')]);
	$address = $server->waitForAddress('~ACCEPT (127\.0\.0\.1:\d+)\r?\n~');
	for ($i = 1; $i <= 4; $i++) {
		$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
		if (!$client) {
			echo "connection $i failed: $errno $errstr\n";
			continue;
		}
		stream_set_timeout($client, 10);
		fwrite($client, "GET / HTTP/1.0\r\n\r\n");
		// The page -www serves describes the session: "New, ..." or "Reused, ...".
		$page = stream_get_contents($client);
		$seen = preg_match('~^(New|Reused), (TLSv1\.[23]),~m', $page, $match) ? "$match[1] $match[2]" : 'no session line';
		$tls = xport_stream_info($client)['tls'];
		echo "connection $i: server says $seen; xport: resumed ", var_export($tls['resumed'], true), ", {$tls['protocol']}\n";
		fclose($client);
	}
	$server->stop();
}
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- s_server -tls1_3
connection 1: server says New TLSv1.3; xport: resumed false, TLSv1.3
connection 2: server says Reused TLSv1.3; xport: resumed true, TLSv1.3
connection 3: server says Reused TLSv1.3; xport: resumed true, TLSv1.3
connection 4: server says Reused TLSv1.3; xport: resumed true, TLSv1.3
-- s_server -tls1_2
connection 1: server says New TLSv1.2; xport: resumed false, TLSv1.2
connection 2: server says Reused TLSv1.2; xport: resumed true, TLSv1.2
connection 3: server says Reused TLSv1.2; xport: resumed true, TLSv1.2
connection 4: server says Reused TLSv1.2; xport: resumed true, TLSv1.2
