--TEST--
tls: the ciphersuites and groups options choose what TLS 1.3 negotiates; a value OpenSSL rejects warns naming the option
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);

function connect(XportTlsFiles $files, array $client, array $server = []): void
{
	$peer = xport_tls_server_peer($files, 'server.pem', 1, $server);
	$context = stream_context_create(['ssl' => $client + ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
	$stream = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	if ($stream) {
		$tls = xport_stream_info($stream)['tls'];
		echo "connected: {$tls['protocol']} {$tls['cipher']}\n";
		fclose($stream);
	} else {
		echo "stream: false, errno $errno\n";
	}
	echo $peer->stop();
}

echo "-- the client names one suite\n";
connect($files, ['ciphersuites' => 'TLS_CHACHA20_POLY1305_SHA256']);
echo "-- the server names one suite\n";
connect($files, [], ['ciphersuites' => 'TLS_AES_128_GCM_SHA256']);
echo "-- no suite in common\n";
connect($files, ['ciphersuites' => 'TLS_AES_256_GCM_SHA384'], ['ciphersuites' => 'TLS_AES_128_GCM_SHA256']);
echo "-- a group in common\n";
connect($files, ['groups' => 'X25519:P-256'], ['groups' => 'P-256']);
echo "-- no group in common\n";
connect($files, ['groups' => 'X25519'], ['groups' => 'P-384']);
echo "-- values OpenSSL rejects\n";
connect($files, ['ciphersuites' => 'TLS_NO_SUCH_SUITE']);
connect($files, ['groups' => 'no-such-group']);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- the client names one suite
connected: TLSv1.3 TLS_CHACHA20_POLY1305_SHA256
server: handshake done
-- the server names one suite
connected: TLSv1.3 TLS_AES_128_GCM_SHA256
server: handshake done
-- no suite in common

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000410:SSL routines::%s in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
server: handshake failed
-- a group in common
connected: TLSv1.3 TLS_AES_256_GCM_SHA384
server: handshake done
-- no group in common

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000410:SSL routines::%s in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
server: handshake failed
-- values OpenSSL rejects

Warning: stream_socket_client(): Invalid "ciphersuites" ssl context option: OpenSSL accepts none of "TLS_NO_SUCH_SUITE" in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
server: handshake failed

Warning: stream_socket_client(): Invalid "groups" ssl context option: OpenSSL does not know "no-such-group" in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
server: handshake failed
