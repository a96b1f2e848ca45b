--TEST--
tls: xport.verbose_errors=1 puts the reason of a TLS failure into $errstr and the warnings
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
-- a plaintext greeting

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto: The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port) in %s on line %d
stream: false, errno 71
errstr: The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port
