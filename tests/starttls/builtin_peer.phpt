--TEST--
starttls: xport's tcp:// streams upgrade against PHP's built-in (ext/openssl) streams, both directions
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
// The peer leaves tcp:// to PHP: its streams are ext/openssl's.
$builtin = ['xport.transports' => 'udp'];

echo "-- xport client, built-in server\n";
$peer = xport_tls_peer(<<<'CODE'
	$context = stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]);
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	fwrite($conn, "220 ready\r\n");
	fgets($conn);
	fwrite($conn, "220 go ahead\r\n");
	peer_say('built-in server enable_crypto: '
		. var_export(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER), true));
	peer_say('built-in server got: ' . json_encode(fgets($conn)));
	fwrite($conn, "250 ok\r\n");
	fclose($conn);
	CODE, $files, $builtin);
echo $peer->banner(), "\n";
$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$client = stream_socket_client("tcp://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump(fgets($client));
fwrite($client, "STARTTLS\r\n");
var_dump(fgets($client));
var_dump(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
echo $peer->readLine(), "\n";
echo 'xport client: ', xport_stream_info($client)['tls']['protocol'], "\n";
fwrite($client, "DATA\r\n");
echo $peer->readLine(), "\n";
var_dump(fgets($client));
var_dump(fread($client, 10), feof($client), xport_stream_info($client)['tls']['truncated']);
fclose($client);
echo $peer->stop();

echo "-- built-in client, xport server\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem')]]));
$peer = xport_tls_peer('$address = ' . var_export(stream_socket_get_name($server, false), true) . ";\n" . <<<'CODE'
	$context = stream_context_create(['ssl' => ['cafile' => "$certs/ca.crt", 'peer_name' => 'localhost']]);
	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	peer_ready($client);
	fwrite($client, "STARTTLS\r\n");
	peer_say('built-in client read: ' . json_encode(fgets($client)));
	peer_say('built-in client enable_crypto: '
		. var_export(stream_socket_enable_crypto($client, true, STREAM_CRYPTO_METHOD_TLS_CLIENT), true));
	peer_say('built-in client: ' . stream_get_meta_data($client)['crypto']['protocol']);
	fwrite($client, "DATA\r\n");
	peer_say('built-in client read: ' . json_encode(fgets($client)));
	fclose($client);
	CODE, $files, $builtin);
echo $peer->banner(), "\n";
$conn = stream_socket_accept($server, 10);
var_dump(fgets($conn));
fwrite($conn, "220 go ahead\r\n");
echo $peer->readLine(), "\n";
var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_SERVER));
echo $peer->readLine(), "\n", $peer->readLine(), "\n";
var_dump(fgets($conn));
fwrite($conn, "250 ok\r\n");
echo $peer->readLine(), "\n";
var_dump(fread($conn, 10), feof($conn));
fclose($conn);
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
-- xport client, built-in server
peer: not an xport stream
string(11) "220 ready
"
string(14) "220 go ahead
"
bool(true)
built-in server enable_crypto: true
xport client: TLSv1.3
built-in server got: "DATA\r\n"
string(8) "250 ok
"
string(0) ""
bool(true)
bool(false)
-- built-in client, xport server
peer: not an xport stream
string(10) "STARTTLS
"
built-in client read: "220 go ahead\r\n"
bool(true)
built-in client enable_crypto: true
built-in client: TLSv1.3
string(6) "DATA
"
built-in client read: "250 ok\r\n"
string(0) ""
bool(true)
