--TEST--
tls: xport.verbose_errors=1 puts the reason of a TLS failure (certificate, name, versions, plaintext) into $errstr and the warnings
--EXTENSIONS--
xport
openssl
--INI--
xport.verbose_errors=1
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$files->certificate('selfsigned', 'localhost', ['DNS:localhost', 'IP:127.0.0.1'], null);

function connect(XportTlsFiles $files, string $certificate, array $options): void
{
	$peer = xport_tls_server_peer($files, "$certificate.pem");
	$context = stream_context_create(['ssl' => $options + ['cafile' => $files->path('ca.crt')]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\nerrstr: $errstr\n";
	echo 'the same reason in xport_last_error(): ', var_export(xport_last_error()['message'] === $errstr, true), "\n";
	echo $peer->stop();
}

echo "-- an untrusted self-signed certificate\n";
connect($files, 'selfsigned', ['peer_name' => 'localhost']);
echo "-- a name the certificate does not hold\n";
connect($files, 'server', ['peer_name' => 'other.xport.test']);

echo "-- tlsv1.0:// at OpenSSL's default security level\n";
$peer = xport_tls_server_peer($files, 'server.pem');
$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$client = @stream_socket_client("tlsv1.0://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\nerrstr: $errstr\n";
echo $peer->stop();

echo "-- tlsv1.3:// to a server that stops at TLS 1.2\n";
$peer = xport_tls_server_peer($files, 'server.pem', 1, ['max_proto_version' => STREAM_CRYPTO_PROTO_TLSv1_2]);
$client = @stream_socket_client("tlsv1.3://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\nerrstr: $errstr\n";
echo $peer->stop();

echo "-- a plaintext greeting\n";
$peer = xport_tls_peer(<<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	fwrite($conn, "220 mail.xport.test ESMTP ready\r\n");
	fread($conn, 4096);
	CODE);
$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10);
echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\nerrstr: $errstr\n";
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- an untrusted self-signed certificate

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto: the peer certificate was not accepted: self-signed certificate (X509 verify result 18); name the issuing CA with the cafile option in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (the peer certificate was not accepted: self-signed certificate (X509 verify result 18); name the issuing CA with the cafile option) in %s on line %d
stream: false, errno 129
errstr: the peer certificate was not accepted: self-signed certificate (X509 verify result 18); name the issuing CA with the cafile option
the same reason in xport_last_error(): true
server: handshake failed
-- a name the certificate does not hold

Warning: stream_socket_client(): Peer certificate subjectAltName did not match expected name `other.xport.test' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto: the peer certificate is for DNS:localhost, IP:127.0.0.1, IP:::1, not for the expected name `other.xport.test' (set peer_name to a name the certificate holds) in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (the peer certificate is for DNS:localhost, IP:127.0.0.1, IP:::1, not for the expected name `other.xport.test' (set peer_name to a name the certificate holds)) in %s on line %d
stream: false, errno 129
errstr: the peer certificate is for DNS:localhost, IP:127.0.0.1, IP:::1, not for the expected name `other.xport.test' (set peer_name to a name the certificate holds)
the same reason in xport_last_error(): true
server: handshake done
-- tlsv1.0:// at OpenSSL's default security level
stream: false, errno 71
errstr: TLS handshake failed (SSL operation failed with code 1. OpenSSL Error messages: error:%s:SSL routines::%s) in state "%s"; TLS 1.0 and 1.1 need OpenSSL security level 0 and this stream's is %d: set the 'security_level' ssl context option to 0 (the peer must allow them too), or use TLS 1.2 or later
server: handshake failed
-- tlsv1.3:// to a server that stops at TLS 1.2
stream: false, errno 71
errstr: TLS handshake failed (SSL operation failed with code 1. OpenSSL Error messages: error:0A00042E:SSL routines::tlsv1 alert protocol version) in state "%s"; the two sides have no TLS version in common: see crypto_method, min_proto_version and max_proto_version (a tlsv1.x:// transport allows one version only)
server: handshake failed
-- a plaintext greeting

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto: The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port) in %s on line %d
stream: false, errno 71
errstr: The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port
