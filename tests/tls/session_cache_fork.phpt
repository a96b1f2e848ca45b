--TEST--
tls: a forked child does not resume with its parent's cached session; the parent still does
--EXTENSIONS--
xport
openssl
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$peer = xport_tls_peer(<<<'CODE'
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]));
	peer_ready($server);
	for ($i = 0; $i < 3; $i++) {
		$conn = stream_socket_accept($server, 10);
		fwrite($conn, "hello\n");
		peer_say('server: resumed ' . var_export(xport_stream_info($conn)['tls']['resumed'], true));
		fclose($conn);
	}
	CODE, $files);

// Connects and returns what the client saw; reading lets it take a TLS 1.3 ticket.
function connect(XportPeer $peer, XportTlsFiles $files): string
{
	$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	if (!$client) {
		return "connect failed: $errstr";
	}
	fgets($client);
	$resumed = xport_stream_info($client)['tls']['resumed'];
	fclose($client);
	return 'resumed ' . var_export($resumed, true);
}

echo 'parent: ', connect($peer, $files), "\n";
echo $peer->readLine(), "\n";

// The child writes its result to a file: its output would mix with the parent's.
$result = $files->path('child.txt');
$child = pcntl_fork();
if ($child === 0) {
	file_put_contents($result, connect($peer, $files));
	exit(0);
}
pcntl_waitpid($child, $status);
echo 'child: ', file_get_contents($result), "\n";
echo $peer->readLine(), "\n";

echo 'parent again: ', connect($peer, $files), "\n";
echo $peer->readLine(), "\n";
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
parent: resumed false
server: resumed false
child: resumed false
server: resumed false
parent again: resumed true
server: resumed true
