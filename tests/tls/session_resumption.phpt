--TEST--
tls: a client resumes its previous session with the same server; 'resumed' says so; the peer certificate stays available
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$peer = xport_tls_peer(<<<'CODE'
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]));
	peer_ready($server);
	for ($i = 0; $i < 4; $i++) {
		$conn = stream_socket_accept($server, 10);
		fwrite($conn, "hello\n");
		peer_say('server: resumed ' . var_export(xport_stream_info($conn)['tls']['resumed'], true));
		fclose($conn);
	}
	CODE, $files);

function connect(XportPeer $peer, XportTlsFiles $files, array $options = []): void
{
	$context = stream_context_create(['ssl' => $options + [
		'cafile' => $files->path('ca.crt'),
		'peer_name' => 'localhost',
		'capture_peer_cert' => true,
	]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	// Reading lets the client take the server's TLS 1.3 session ticket.
	fgets($client);
	$tls = xport_stream_info($client)['tls'];
	$certificate = stream_context_get_options($context)['ssl']['peer_certificate'];
	$known = openssl_x509_fingerprint($certificate, 'sha256') === $files->fingerprint('server', 'sha256');
	echo 'client: resumed ', var_export($tls['resumed'], true), ", {$tls['protocol']}, ",
		"verify {$tls['verify_message']}, certificate ", $known ? "the server's" : 'unknown', "\n";
	fclose($client);
	echo $peer->readLine(), "\n";
}

connect($peer, $files);
connect($peer, $files);
echo "-- other verification settings: a new session\n";
connect($peer, $files, ['verify_depth' => 5]);
echo "-- 'xport_session_cache' => false\n";
connect($peer, $files, ['xport_session_cache' => false]);
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
client: resumed false, TLSv1.3, verify ok, certificate the server's
server: resumed false
client: resumed true, TLSv1.3, verify ok, certificate the server's
server: resumed true
-- other verification settings: a new session
client: resumed false, TLSv1.3, verify ok, certificate the server's
server: resumed false
-- 'xport_session_cache' => false
client: resumed false, TLSv1.3, verify ok, certificate the server's
server: resumed false
