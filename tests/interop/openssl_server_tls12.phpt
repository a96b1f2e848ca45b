--TEST--
interop: xport client against openssl s_server, TLS 1.2: handshake, data both ways, close_notify
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
[$server, $address] = xport_openssl_server([
	'-tls1_2', '-cert', $files->path('server.crt'), '-key', $files->path('server.key'),
]);

$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
var_dump($errno, $errstr);
var_dump(stream_get_meta_data($client)['crypto']);
$tls = xport_stream_info($client)['tls'];
echo "xport: {$tls['role']} {$tls['protocol']} {$tls['cipher']}, sni {$tls['sni']}, verify {$tls['verify_message']}\n";

var_dump(fwrite($client, "hello from xport\n"));
echo "s_server got it: ", var_dump($server->waitFor('~hello from xport\n~') !== null);
$server->send("hello from s_server\n");
var_dump(fgets($client));

fclose($client);
$output = $server->stop();
echo xport_tls_grep($output, ['~^CIPHER is .*~', '~^hello from.*~', '~^DONE$~', '~^CONNECTION CLOSED$~']);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
int(0)
string(0) ""
array(4) {
  ["protocol"]=>
  string(7) "TLSv1.2"
  ["cipher_name"]=>
  string(29) "ECDHE-ECDSA-AES128-GCM-SHA256"
  ["cipher_bits"]=>
  int(128)
  ["cipher_version"]=>
  string(7) "TLSv1.2"
}
xport: client TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256, sni localhost, verify ok
int(17)
s_server got it: bool(true)
string(20) "hello from s_server
"
CIPHER is ECDHE-ECDSA-AES128-GCM-SHA256
hello from xport
DONE
CONNECTION CLOSED
