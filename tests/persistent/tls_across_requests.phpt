--TEST--
A persistent TLS stream and TLS sessions survive from one request to the next in one process
--DESCRIPTION--
PHP's built-in web server (one process) runs this file as its router. Each request opens a
persistent tls:// stream with pfsockopen() (trusting the test's CA through openssl.cafile,
since pfsockopen() takes no context) and a short-lived tls:// connection. The second request
must get the first request's persistent stream back, and its short-lived connection must
resume a TLS session cached in an earlier request. The peer is an xport TLS echo server.
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
if (PHP_SAPI !== 'cli') {
	die('skip needs the CLI SAPI, which provides the built-in web server');
}
if (!function_exists('proc_open')) {
	die('skip proc_open() is disabled');
}
?>
--FILE--
<?php
if (PHP_SAPI === 'cli-server') {
	$port = (int)($_GET['peer_port'] ?? 0);
	$request = $_GET['request'] ?? '?';
	$persistent = pfsockopen('tls://localhost', $port, $errno, $errstr, 10);
	if (!$persistent) {
		echo json_encode(['error' => "pfsockopen failed: $errno $errstr"]);
		return;
	}
	fwrite($persistent, "persistent $request\n");
	$persistent_echo = rtrim((string)fgets($persistent));

	$short = stream_socket_client("tls://localhost:$port", $errno, $errstr, 10);
	if (!$short) {
		echo json_encode(['error' => "connect failed: $errno $errstr"]);
		return;
	}
	// Reading the echo also takes in the TLS 1.3 tickets the server sends after a handshake.
	fwrite($short, "short $request\n");
	$short_echo = rtrim((string)fgets($short));
	$short_info = xport_stream_info($short);
	fclose($short);
	echo json_encode([
		'pid' => getmypid(),
		'local' => xport_stream_info($persistent)['local_address'],
		'persistent_echo' => $persistent_echo,
		'short_echo' => $short_echo,
		'short_resumed' => $short_info['tls']['resumed'],
	]);
	return;
}

require __DIR__ . '/../inc/web_server.php';

$directory = sys_get_temp_dir() . '/xport-tls-across-' . getmypid();
@mkdir($directory);
$key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
$csr = openssl_csr_new(['commonName' => 'localhost'], $key, ['digest_alg' => 'sha256']);
$certificate = openssl_csr_sign($csr, null, $key, 1, ['digest_alg' => 'sha256']);
openssl_x509_export($certificate, $certificate_pem);
openssl_pkey_export($key, $key_pem);
file_put_contents("$directory/server.pem", $certificate_pem . $key_pem);
file_put_contents("$directory/ca.pem", $certificate_pem);

$web_server = null;
register_shutdown_function(function () use (&$web_server, $directory) {
	stop_web_server($web_server);
	array_map('unlink', glob("$directory/*"));
	@rmdir($directory);
});

// Echoes lines on every TLS connection; on "report" from the test, counts the handshakes.
$peer_code = sprintf(<<<'CODE'
	$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create(['ssl' => ['local_cert' => %s]]));
	peer_ready($server);
	$clients = [];
	$handshakes = 0;
	for ($round = 0; $round < 600; $round++) {
		$read = array_merge([$server, STDIN], $clients);
		$write = $except = null;
		if (!stream_select($read, $write, $except, 1)) {
			continue;
		}
		foreach ($read as $ready) {
			if ($ready === $server) {
				$client = @stream_socket_accept($server, 5);
				if ($client) {
					$clients[] = $client;
					$handshakes++;
				}
			} elseif ($ready === STDIN) {
				if (peer_wait() === null) {
					exit(0);
				}
				peer_say("handshakes $handshakes");
			} else {
				$line = fgets($ready);
				if ($line === false) {
					fclose($ready);
					$clients = array_filter($clients, fn($client) => $client !== $ready);
				} else {
					fwrite($ready, $line);
				}
			}
		}
	}
	CODE, var_export("$directory/server.pem", true));

$peer = XportPeer::start($peer_code);
$peer_port = (int)substr($peer->address, strrpos($peer->address, ':') + 1);
$server_port = start_web_server($web_server, __FILE__, ['openssl.cafile' => "$directory/ca.pem"]);

$answers = [];
foreach ([1, 2] as $request) {
	$body = file_get_contents("http://127.0.0.1:$server_port/?peer_port=$peer_port&request=$request",
		false, stream_context_create(['http' => ['timeout' => 60, 'ignore_errors' => true]]));
	$answers[$request] = json_decode((string)$body, true);
	if (!is_array($answers[$request]) || isset($answers[$request]['error'])) {
		throw new RuntimeException("request $request failed: " . var_export($body, true));
	}
}
$peer->tell('report');
$report = (string)$peer->readLine();

foreach ($answers as $request => $answer) {
	printf("request %d: persistent echo \"%s\", short echo \"%s\", short resumed: %s\n", $request,
		$answer['persistent_echo'], $answer['short_echo'], $answer['short_resumed'] ? 'yes' : 'no');
}
echo 'same server process: ', $answers[1]['pid'] === $answers[2]['pid'] ? 'yes' : 'no', "\n";
echo 'same persistent stream: ', $answers[1]['local'] === $answers[2]['local'] ? 'yes' : 'no', "\n";
// One persistent handshake plus one short connection per request.
echo "peer saw: $report\n";

stop_web_server($web_server);
echo $peer->stop();
?>
--EXPECT--
request 1: persistent echo "persistent 1", short echo "short 1", short resumed: yes
request 2: persistent echo "persistent 2", short echo "short 2", short resumed: yes
same server process: yes
same persistent stream: yes
peer saw: handshakes 3
