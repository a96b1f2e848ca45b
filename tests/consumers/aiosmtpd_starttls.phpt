--TEST--
consumers: an SMTP client on tcp:// upgrades with STARTTLS and delivers a message to aiosmtpd
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/services.php';
if (xport_service_python_with('aiosmtpd') === null) {
	echo 'skip python3 with aiosmtpd (python3-aiosmtpd) is not installed';
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/services.php';

$files = XportTlsFiles::create(__FILE__);
$dir = $files->dir;
$port = xport_free_port();
// The server refuses mail before STARTTLS and appends each message it accepts, with the TLS
// version its side negotiated, to a spool file as one JSON line.
file_put_contents("$dir/smtp_server.py", <<<'PYTHON'
	import asyncio, json, ssl, sys
	from aiosmtpd.smtp import SMTP

	port, cert, key, spool = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

	class Spool:
	    async def handle_DATA(self, server, session, envelope):
	        cipher = session.ssl.get('cipher') if session.ssl else None
	        record = {
	            'tls': cipher[1] if cipher else None,
	            'from': envelope.mail_from,
	            'to': envelope.rcpt_tos,
	            'content': envelope.content.decode('utf-8', 'replace'),
	        }
	        with open(spool, 'a') as out:
	            out.write(json.dumps(record) + '\n')
	        return '250 2.0.0 Message accepted'

	context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
	context.load_cert_chain(cert, key)
	loop = asyncio.new_event_loop()
	asyncio.set_event_loop(loop)
	loop.run_until_complete(loop.create_server(
	    lambda: SMTP(Spool(), hostname='mail.xport.test', tls_context=context,
	                 require_starttls=True),
	    '127.0.0.1', port))
	loop.run_forever()
	PYTHON);
$server = XportService::start([
	xport_service_python_with('aiosmtpd'), "$dir/smtp_server.py", (string) $port,
	$files->path('server.crt'), $files->path('server.key'), "$dir/spool.jsonl",
], "$dir/smtp.log");
if (!$server->waitForPort($port)) {
	die("aiosmtpd did not start:\n" . $server->log());
}

// Sends one command (unless null) and returns the reply's lines; prints the last one.
function smtp($conn, ?string $command): array
{
	if ($command !== null) {
		fwrite($conn, "$command\r\n");
	}
	$lines = [];
	do {
		$line = fgets($conn);
		if ($line === false) {
			echo "connection closed\n";
			return $lines;
		}
		$lines[] = rtrim($line, "\r\n");
	} while (strlen($line) > 3 && $line[3] === '-');
	echo ($command === null ? 'banner' : strtok($command, ' ')), ' -> ', end($lines), "\n";
	return $lines;
}

$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$conn = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
stream_set_timeout($conn, 10);
$info = xport_stream_info($conn);
echo "stream: {$info['transport']}, tls ", json_encode($info['tls']['active'] ?? false), "\n";
smtp($conn, null);
$ehlo = smtp($conn, 'EHLO client.xport.test');
echo "STARTTLS offered: ", json_encode(in_array('250-STARTTLS', $ehlo, true) || in_array('250 STARTTLS', $ehlo, true)), "\n";
smtp($conn, 'MAIL FROM:<early@xport.test>');
smtp($conn, 'STARTTLS');

var_dump(stream_socket_enable_crypto($conn, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
$tls = xport_stream_info($conn)['tls'];
echo "stream: tcp, tls ", json_encode($tls['active']), ", {$tls['protocol']}, verify {$tls['verify_message']}\n";

$ehlo = smtp($conn, 'EHLO client.xport.test');
echo "STARTTLS offered: ", json_encode(in_array('250-STARTTLS', $ehlo, true) || in_array('250 STARTTLS', $ehlo, true)), "\n";
smtp($conn, 'MAIL FROM:<sender@xport.test>');
smtp($conn, 'RCPT TO:<rcpt@xport.test>');
smtp($conn, 'DATA');
fwrite($conn, "Subject: over xport\r\n\r\nHello through STARTTLS.\r\n..a line starting with a dot\r\n");
smtp($conn, '.');
smtp($conn, 'QUIT');
fclose($conn);

$server->stop();
echo "server running: ", json_encode($server->running()), "\n";
$records = array_map(fn ($line) => json_decode($line, true),
	file("$dir/spool.jsonl", FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: []);
echo "messages spooled: ", count($records), "\n";
$mail = $records[0];
echo "from {$mail['from']} to ", implode(',', $mail['to']), ", server tls ", $mail['tls'] === $tls['protocol'] ? 'same version' : json_encode($mail['tls']), "\n";
echo json_encode(str_replace("\r\n", "\n", $mail['content'])), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/services.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
stream: tcp, tls false
banner -> 220 mail.xport.test %s
EHLO -> 250 HELP
STARTTLS offered: true
MAIL -> 530 Must issue a STARTTLS command first
STARTTLS -> 220 Ready to start TLS
bool(true)
stream: tcp, tls true, TLSv1.3, verify ok
EHLO -> 250 HELP
STARTTLS offered: false
MAIL -> 250 OK
RCPT -> 250 OK
DATA -> 354 End data with <CR><LF>.<CR><LF>
. -> 250 2.0.0 Message accepted
QUIT -> 221 Bye
server running: false
messages spooled: 1
from sender@xport.test to rcpt@xport.test, server tls same version
"Subject: over xport\n\nHello through STARTTLS.\n.a line starting with a dot\n"
