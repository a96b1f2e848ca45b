--TEST--
starttls: plaintext exchange on tcp://, then stream_socket_enable_crypto() on both sides (blocking)
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$peer = xport_tls_peer(<<<'CODE'
	$context = stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]);
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	fwrite($conn, "220 ready\r\n");
	peer_say('server got: ' . json_encode(fgets($conn)));
	fwrite($conn, "220 go ahead\r\n");
	$result = stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER);
	peer_say('server enable_crypto: ' . var_export($result, true));
	peer_say('server: ' . xport_stream_info($conn)['tls']['role'] . ' '
		. stream_get_meta_data($conn)['crypto']['protocol']);
	peer_say('server got: ' . json_encode(fgets($conn)));
	fwrite($conn, "250 secret received\r\n");
	peer_say('server reads: ' . json_encode(fread($conn, 100)) . ', eof ' . var_export(feof($conn), true));
	fclose($conn);
	CODE, $files);
echo $peer->banner(), "\n";

$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
echo "before STARTTLS, tls: ";
var_dump(xport_stream_info($client)['tls']);
var_dump(isset(stream_get_meta_data($client)['crypto']));
var_dump(fgets($client));
fwrite($client, "STARTTLS\r\n");
echo $peer->readLine(), "\n";
var_dump(fgets($client));

echo "-- errors before the upgrade\n";
try {
	stream_socket_enable_crypto($client, true);
} catch (ValueError $e) {
	echo $e->getMessage(), "\n";
}
echo "turning crypto off on a plaintext stream: ";
var_dump(stream_socket_enable_crypto($client, false));

echo "-- the upgrade\n";
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
echo $peer->readLine(), "\n", $peer->readLine(), "\n";
var_dump(stream_get_meta_data($client)['crypto']['protocol']);
$tls = xport_stream_info($client)['tls'];
echo 'client: active ', var_export($tls['active'], true), ", {$tls['role']}, sni {$tls['sni']}, ",
	"verify {$tls['verify_message']}\n";
fwrite($client, "secret\r\n");
echo $peer->readLine(), "\n";
var_dump(fgets($client));

echo "-- a second upgrade of a blocking stream\n";
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));

echo "-- turning crypto off sends close_notify and reports false\n";
var_dump(stream_socket_enable_crypto($client, false));
echo $peer->readLine(), "\n";
var_dump(isset(stream_get_meta_data($client)['crypto']));
var_dump(xport_stream_info($client)['tls']['active']);
fclose($client);
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
peer: xport tcp server
before STARTTLS, tls: NULL
bool(false)
string(11) "220 ready
"
server got: "STARTTLS\r\n"
string(14) "220 go ahead
"
-- errors before the upgrade
stream_socket_enable_crypto(): Argument #3 ($crypto_method) must be specified when enabling encryption
turning crypto off on a plaintext stream: bool(false)
-- the upgrade
bool(true)
server enable_crypto: true
server: server TLSv1.3
string(7) "TLSv1.3"
client: active true, client, sni localhost, verify ok
server got: "secret\r\n"
string(21) "250 secret received
"
-- a second upgrade of a blocking stream

Warning: stream_socket_enable_crypto(): SSL/TLS already set-up for this stream in %s on line %d
bool(false)
-- turning crypto off sends close_notify and reports false
bool(false)
server reads: "", eof true
bool(false)
bool(false)
