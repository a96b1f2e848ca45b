--TEST--
tls: tls:// client and server: handshake, data both ways, meta data and xport_stream_info()
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$peer = xport_tls_peer(<<<'CODE'
	$context = stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]);
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	$info = xport_stream_info($conn)['tls'];
	peer_say("server: role {$info['role']}, active " . var_export($info['active'], true)
		. ", protocol {$info['protocol']}, sni " . var_export($info['sni'], true));
	peer_say('server got: ' . json_encode(fgets($conn)));
	fwrite($conn, "pong\n");
	peer_say('server reads EOF: ' . json_encode(fread($conn, 100)) . ' ' . var_export(feof($conn), true));
	peer_say('server: truncated ' . var_export(xport_stream_info($conn)['tls']['truncated'], true));
	fclose($conn);
	CODE, $files);
echo $peer->banner(), "\n";

$context = stream_context_create(['ssl' => [
	'cafile' => $files->path('ca.crt'),
	'peer_name' => 'localhost',
]]);
$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($errno, $errstr);
echo $peer->readLine(), "\n";
var_dump(fwrite($client, "ping\n"));
echo $peer->readLine(), "\n";
var_dump(fgets($client));

$meta = stream_get_meta_data($client);
var_dump($meta['stream_type']);
var_dump($meta['crypto']);

$tls = xport_stream_info($client)['tls'];
var_dump(array_keys($tls));
var_dump($tls['handshake_ms'] >= 0);
unset($tls['handshake_ms']);
var_dump($tls);

echo "-- close_notify on shutdown, then the peer's close\n";
var_dump(stream_socket_shutdown($client, STREAM_SHUT_WR));
echo $peer->readLine(), "\n", $peer->readLine(), "\n";
var_dump(fread($client, 100), feof($client));
var_dump(xport_stream_info($client)['tls']['truncated']);
fclose($client);
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
peer: xport tls server
int(0)
string(0) ""
server: role server, active true, protocol TLSv1.3, sni 'localhost'
int(5)
server got: "ping\n"
string(5) "pong
"
string(14) "tcp_socket/ssl"
array(4) {
  ["protocol"]=>
  string(7) "TLSv1.3"
  ["cipher_name"]=>
  string(22) "TLS_AES_256_GCM_SHA384"
  ["cipher_bits"]=>
  int(256)
  ["cipher_version"]=>
  string(7) "TLSv1.3"
}
array(11) {
  [0]=>
  string(6) "active"
  [1]=>
  string(8) "protocol"
  [2]=>
  string(6) "cipher"
  [3]=>
  string(4) "alpn"
  [4]=>
  string(7) "resumed"
  [5]=>
  string(4) "role"
  [6]=>
  string(3) "sni"
  [7]=>
  string(13) "verify_result"
  [8]=>
  string(14) "verify_message"
  [9]=>
  string(12) "handshake_ms"
  [10]=>
  string(9) "truncated"
}
bool(true)
array(10) {
  ["active"]=>
  bool(true)
  ["protocol"]=>
  string(7) "TLSv1.3"
  ["cipher"]=>
  string(22) "TLS_AES_256_GCM_SHA384"
  ["alpn"]=>
  NULL
  ["resumed"]=>
  bool(false)
  ["role"]=>
  string(6) "client"
  ["sni"]=>
  string(9) "localhost"
  ["verify_result"]=>
  int(0)
  ["verify_message"]=>
  string(2) "ok"
  ["truncated"]=>
  bool(false)
}
-- close_notify on shutdown, then the peer's close
bool(true)
server reads EOF: "" true
server: truncated false
string(0) ""
bool(true)
bool(false)
