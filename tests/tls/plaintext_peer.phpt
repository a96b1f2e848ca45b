--TEST--
tls: a plaintext server behind tls:// (SMTP, IMAP, POP3, HTTP greetings) and a plaintext client of a TLS server
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

// A plaintext server: $greeting right away, or as the answer to the ClientHello.
function plaintext(string $greeting, bool $afterHello = false): void
{
	$code = '$greeting = ' . var_export($greeting, true) . ";\n"
		. '$afterHello = ' . var_export($afterHello, true) . ";\n" . <<<'CODE'
		$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
		peer_ready($server);
		$conn = stream_socket_accept($server, 10);
		if ($afterHello) {
			fread($conn, 8192);
		}
		fwrite($conn, $greeting);
		peer_wait();
		CODE;
	$peer = xport_tls_peer($code);
	$context = stream_context_create(['ssl' => ['verify_peer' => false]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	var_dump($client, $errno);
	echo 'last error: ', xport_last_error()['message'], "\n";
	echo $peer->stop();
}

echo "-- SMTP\n";
plaintext("220 mail.xport.test ESMTP ready\r\n");
echo "-- SMTP, multi-line greeting\n";
plaintext("220-mail.xport.test ESMTP\r\n220 ready\r\n");
echo "-- IMAP\n";
plaintext("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n");
echo "-- POP3\n";
plaintext("+OK POP3 ready\r\n");
echo "-- HTTP server answering the ClientHello\n";
plaintext("HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain\r\n\r\nbad request\n", true);
echo "-- other plaintext: no hint\n";
plaintext("hello there, this is not TLS\r\n");

echo "-- a plaintext HTTP client of a tls:// server\n";
$files = XportTlsFiles::create(__FILE__);
$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem')]]));
$peer = xport_tls_peer('$address = ' . var_export(stream_socket_get_name($server, false), true) . ";\n" . <<<'CODE'
	$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
	peer_ready($client);
	fwrite($client, "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
	peer_say('client reads: ' . json_encode(fread($client, 100)) . ', eof ' . var_export(feof($client), true));
	CODE);
var_dump(stream_socket_accept($server, 10));
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- SMTP

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
last error: The server answered in plaintext ("220 mail.xport.test ESMTP ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port
-- SMTP, multi-line greeting

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("220-mail.xport.test ESMTP"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
last error: The server answered in plaintext ("220-mail.xport.test ESMTP"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port
-- IMAP

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
last error: The server answered in plaintext ("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port
-- POP3

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("+OK POP3 ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
last error: The server answered in plaintext ("+OK POP3 ready"), not TLS: this port expects a STARTTLS upgrade. Connect with tcp:// and call stream_socket_enable_crypto() after the protocol's STARTTLS command, or use the server's implicit-TLS port
-- HTTP server answering the ClientHello

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): The server answered in plaintext ("HTTP/1.0 400 Bad Request"), not TLS: this port speaks plain HTTP. Use http://, or the server's HTTPS port in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
last error: The server answered in plaintext ("HTTP/1.0 400 Bad Request"), not TLS: this port speaks plain HTTP. Use http://, or the server's HTTPS port
-- other plaintext: no hint

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00010B:SSL routines::wrong version number in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
bool(false)
int(71)
last error: TLS handshake failed (SSL operation failed with code 1. OpenSSL Error messages: error:0A00010B:SSL routines::wrong version number) in state "error"
-- a plaintext HTTP client of a tls:// server

Warning: stream_socket_accept(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00009C:SSL routines::http request in %s on line %d

Warning: stream_socket_accept(): Failed to enable crypto in %s on line %d

Warning: stream_socket_accept(): Accept failed: Success in %s on line %d
bool(false)
client reads: false, eof true
