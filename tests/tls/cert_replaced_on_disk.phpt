--TEST--
tls: a server certificate replaced on disk between two accepts is served from the next accept on
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
copy($files->path('server.pem'), $files->path('live.pem'));

// The fingerprint of the certificate the server presents, as the client captured it.
function served(XportPeer $peer, XportTlsFiles $files): string
{
	$context = stream_context_create(['ssl' => [
		'cafile' => $files->path('ca.crt'),
		'peer_name' => 'localhost',
		'capture_peer_cert' => true,
	]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	if ($client === false) {
		return 'no connection';
	}
	fclose($client);
	echo $peer->readLine(), "\n";
	$fingerprint = openssl_x509_fingerprint(stream_context_get_options($context)['ssl']['peer_certificate'], 'sha256');
	foreach (['server', 'renewed', 'again'] as $name) {
		if (is_file($files->path("$name.crt")) && $files->fingerprint($name, 'sha256') === $fingerprint) {
			return $name;
		}
	}
	return 'an unknown certificate';
}

$peer = xport_tls_server_peer($files, 'live.pem', 3);
$served = served($peer, $files);
echo "first accept serves: $served\n";

echo "-- a renewed certificate moved into place (a new file)\n";
$files->certificate('renewed', 'localhost', ['DNS:localhost', 'IP:127.0.0.1']);
rename($files->path('renewed.pem'), $files->path('live.pem.new'));
rename($files->path('live.pem.new'), $files->path('live.pem'));
$served = served($peer, $files);
echo "second accept serves: $served\n";

echo "-- rewritten in place: same file, same size, same modification time\n";
clearstatcache();
$size = filesize($files->path('live.pem'));
$mtime = filemtime($files->path('live.pem'));
for ($i = 0; $i < 100; $i++) {
	$files->certificate('again', 'localhost', ['DNS:localhost', 'IP:127.0.0.1']);
	if (filesize($files->path('again.pem')) === $size) {
		break;
	}
}
var_dump(filesize($files->path('again.pem')) === $size);
file_put_contents($files->path('live.pem'), file_get_contents($files->path('again.pem')));
touch($files->path('live.pem'), $mtime);
$served = served($peer, $files);
echo "third accept serves: $served\n";
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
server: handshake done
first accept serves: server
-- a renewed certificate moved into place (a new file)
server: handshake done
second accept serves: renewed
-- rewritten in place: same file, same size, same modification time
bool(true)
server: handshake done
third accept serves: again
