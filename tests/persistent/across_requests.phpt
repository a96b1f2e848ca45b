--TEST--
pfsockopen() in two requests of one PHP process reuses the same xport connection
--DESCRIPTION--
Starts a TCP echo peer and PHP's built-in web server (one process, no workers) with xport
serving tcp://. This same file is the server's router: each request pfsockopen()s to the peer
and answers with what it sees. The second request must get the connection of the first: same
process, same local address, and the peer accepted exactly one connection.
--EXTENSIONS--
xport
--SKIPIF--
<?php
if (PHP_SAPI !== 'cli') {
	die('skip needs the CLI SAPI, which provides the built-in web server');
}
if (!function_exists('proc_open')) {
	die('skip proc_open() is disabled');
}
?>
--INI--
xport.transports=tcp,udp
--FILE--
<?php
if (PHP_SAPI === 'cli-server') {
	// Router: connect (or reuse the process's connection), echo one line, describe the stream.
	$port = (int)($_GET['peer_port'] ?? 0);
	$stream = pfsockopen('tcp://127.0.0.1', $port, $errno, $errstr, 10);
	if (!$stream) {
		echo json_encode(['error' => "pfsockopen failed: $errno $errstr"]);
		return;
	}
	stream_set_timeout($stream, 10);
	fwrite($stream, 'ping ' . ($_GET['request'] ?? '?') . "\n");
	$info = xport_stream_info($stream);
	echo json_encode([
		'pid' => getmypid(),
		'type' => get_resource_type($stream),
		'echo' => rtrim((string)fgets($stream)),
		'xport' => is_array($info),
		'local' => is_array($info) ? $info['local_address'] : null,
	]);
	return;
}

require __DIR__ . '/../inc/peer.php';

// Echoes what each client sends; on "report" from the test, lists the connections accepted.
const ECHO_PEER = <<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$clients = [];
	$accepted = [];
	for ($round = 0; $round < 600; $round++) {
		$read = array_merge([$server, STDIN], $clients);
		$write = $except = null;
		if (!stream_select($read, $write, $except, 1)) {
			continue;
		}
		foreach ($read as $ready) {
			if ($ready === $server) {
				$client = stream_socket_accept($server, 0, $from);
				if ($client) {
					$clients[] = $client;
					$accepted[] = $from;
				}
			} elseif ($ready === STDIN) {
				if (peer_wait() === null) {
					exit(0);
				}
				peer_say('accepted ' . count($accepted) . ' ' . implode(',', $accepted));
			} else {
				$data = fread($ready, 8192);
				if ($data === '' || $data === false) {
					fclose($ready);
					$clients = array_filter($clients, fn($client) => $client !== $ready);
				} else {
					fwrite($ready, $data);
				}
			}
		}
	}
	CODE;

require __DIR__ . '/../inc/web_server.php';

// The web server: stopped by its PID on every way out of the script.
$web_server = null;
register_shutdown_function(function () use (&$web_server) {
	stop_web_server($web_server);
});

function fetch(int $server_port, string $peer_address, int $request): array
{
	$peer_port = (int)substr($peer_address, strrpos($peer_address, ':') + 1);
	$context = stream_context_create(['http' => ['timeout' => 60, 'ignore_errors' => true]]);
	$url = "http://127.0.0.1:$server_port/?peer_port=$peer_port&request=$request";
	$body = file_get_contents($url, false, $context);
	$answer = json_decode((string)$body, true);
	if (!is_array($answer) || isset($answer['error'])) {
		throw new RuntimeException("request $request failed: " . var_export($body, true));
	}
	return $answer;
}

$peer = XportPeer::start(ECHO_PEER);
$server_port = start_web_server($web_server, __FILE__);

$first = fetch($server_port, $peer->address, 1);
$second = fetch($server_port, $peer->address, 2);

$peer->tell('report');
$report = $peer->readLine();
if (!preg_match('~^accepted (\d+) (\S*)$~', (string)$report, $m)) {
	throw new RuntimeException('echo peer did not report: ' . var_export($report, true));
}
[, $accepted, $accepted_from] = $m;

foreach ([1 => $first, 2 => $second] as $number => $answer) {
	printf("request %d: %s, xport stream: %s, echo \"%s\"\n", $number, $answer['type'],
		$answer['xport'] ? 'yes' : 'no', $answer['echo']);
}
echo 'same server process: ', $first['pid'] === $second['pid'] ? 'yes' : 'no', "\n";
echo 'same local address: ', $first['local'] === $second['local'] ? 'yes' : 'no', "\n";
echo "connections the peer accepted: $accepted\n";
echo 'accepted from the stream\'s local address: ',
	$accepted_from === $first['local'] ? 'yes' : "no ($accepted_from, {$first['local']})", "\n";

stop_web_server($web_server);
echo $peer->stop();
?>
--EXPECT--
request 1: persistent stream, xport stream: yes, echo "ping 1"
request 2: persistent stream, xport stream: yes, echo "ping 2"
same server process: yes
same local address: yes
connections the peer accepted: 1
accepted from the stream's local address: yes
