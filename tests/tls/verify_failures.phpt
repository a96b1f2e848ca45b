--TEST--
tls: peer verification failures: messages, $errno 129 (EKEYREJECTED), xport_last_error(), and what passes
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$files->certificate('selfsigned', 'localhost', ['DNS:localhost', 'IP:127.0.0.1'], null);
$files->certificate('cnonly', 'cnonly.xport.test', []);

function connect(XportTlsFiles $files, string $certificate, array $options): void
{
	$peer = xport_tls_server_peer($files, "$certificate.pem");
	$context = stream_context_create(['ssl' => $options + ['cafile' => $files->path('ca.crt')]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno, errstr ", json_encode($errstr), "\n";
	if ($client) {
		$tls = xport_stream_info($client)['tls'];
		echo "verify_result {$tls['verify_result']}: {$tls['verify_message']}\n";
		fclose($client);
	} else {
		$error = xport_last_error();
		echo "last error: {$error['operation']}, errno {$error['errno']}: {$error['message']}\n";
	}
	echo $peer->stop();
}

echo "-- a self-signed certificate the CA file does not hold\n";
connect($files, 'selfsigned', ['peer_name' => 'localhost']);
echo "-- the same with allow_self_signed\n";
connect($files, 'selfsigned', ['peer_name' => 'localhost', 'allow_self_signed' => true]);
echo "-- the same with verify_peer off: the result is still recorded\n";
connect($files, 'selfsigned', ['peer_name' => 'localhost', 'verify_peer' => false]);
echo "-- verify_depth 0 with a CA-issued certificate\n";
connect($files, 'server', ['peer_name' => 'localhost', 'verify_depth' => 0]);
echo "-- a name the subjectAltName list does not hold\n";
connect($files, 'server', ['peer_name' => 'other.xport.test']);
echo "-- the same with verify_peer off (the name is still checked)\n";
connect($files, 'server', ['peer_name' => 'other.xport.test', 'verify_peer' => false]);
echo "-- a certificate with a CN and no subjectAltName\n";
connect($files, 'cnonly', ['peer_name' => 'localhost']);
echo "-- its CN matches\n";
connect($files, 'cnonly', ['peer_name' => 'cnonly.xport.test']);
echo "-- the IP literal of the target against the subjectAltName IP entry\n";
connect($files, 'server', []);
echo "-- verify_peer_name off\n";
connect($files, 'server', ['peer_name' => 'other.xport.test', 'verify_peer_name' => false]);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- a self-signed certificate the CA file does not hold

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129, errstr ""
last error: tls handshake, errno 129: the peer certificate was not accepted: self-signed certificate (X509 verify result 18); name the issuing CA with the cafile option
server: handshake failed
-- the same with allow_self_signed
stream: connected, errno 0, errstr ""
verify_result 18: self-signed certificate
server: handshake done
-- the same with verify_peer off: the result is still recorded
stream: connected, errno 0, errstr ""
verify_result 18: self-signed certificate
server: handshake done
-- verify_depth 0 with a CA-issued certificate

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129, errstr ""
last error: tls handshake, errno 129: the peer certificate was not accepted: certificate chain too long (X509 verify result 22)
server: handshake failed
-- a name the subjectAltName list does not hold

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `other.xport.test' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129, errstr ""
last error: tls handshake, errno 129: the peer certificate is for DNS:localhost, IP:127.0.0.1, IP:::1, not for the expected name `other.xport.test' (set peer_name to a name the certificate holds)
server: handshake done
-- the same with verify_peer off (the name is still checked)

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `other.xport.test' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129, errstr ""
last error: tls handshake, errno 129: the peer certificate is for DNS:localhost, IP:127.0.0.1, IP:::1, not for the expected name `other.xport.test' (set peer_name to a name the certificate holds)
server: handshake done
-- a certificate with a CN and no subjectAltName

Warning: stream_socket_client(): Peer certificate CN=`cnonly.xport.test' did not match expected CN=`localhost' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129, errstr ""
last error: tls handshake, errno 129: the peer certificate is for CN=cnonly.xport.test, not for the expected name `localhost' (set peer_name to a name the certificate holds)
server: handshake done
-- its CN matches
stream: connected, errno 0, errstr ""
verify_result 0: ok
server: handshake done
-- the IP literal of the target against the subjectAltName IP entry
stream: connected, errno 0, errstr ""
verify_result 0: ok
server: handshake done
-- verify_peer_name off
stream: connected, errno 0, errstr ""
verify_result 0: ok
server: handshake done
