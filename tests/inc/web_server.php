<?php
// PHP's built-in web server in one process (no workers), for tests of persistent streams
// across requests. The caller's test file is the router.

require_once __DIR__ . '/peer.php';

function stop_web_server($process): void
{
	if (!is_resource($process)) {
		return;
	}
	// SIGINT lets the server shut down cleanly (closing its persistent streams); SIGKILL if
	// it does not exit in time.
	proc_terminate($process, 2);
	for ($i = 0; $i < 600 && proc_get_status($process)['running']; $i++) {
		usleep(50000);
	}
	if (proc_get_status($process)['running']) {
		proc_terminate($process, 9);
	}
	proc_close($process);
}

function read_line($pipe, int $seconds): ?string
{
	$read = [$pipe];
	$write = $except = null;
	if (!stream_select($read, $write, $except, $seconds)) {
		return null;
	}
	$line = fgets($pipe);
	return $line === false ? null : rtrim($line);
}

function free_port(): int
{
	$socket = stream_socket_server('tcp://127.0.0.1:0');
	$name = stream_socket_get_name($socket, false);
	fclose($socket);
	return (int)substr($name, strrpos($name, ':') + 1);
}

// Starts `php -S` with this file as its router, in one process (no PHP_CLI_SERVER_WORKERS),
// on a port of its own choosing, or on ports found free for PHP versions that cannot listen
// on port 0. Sets $process and returns the port.
function start_web_server(&$process, string $router, array $ini = []): int
{
	$environment = getenv();
	unset($environment['PHP_CLI_SERVER_WORKERS']);
	$failures = '';

	for ($try = 0; $try < 5; $try++) {
		$port = $try === 0 ? 0 : free_port();
		$command = [...xport_php_command($ini), '-S', "127.0.0.1:$port", '-t', dirname($router), $router];
		$process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]],
			$pipes, null, $environment);
		$output = '';
		while (($line = read_line($pipes[1], 60)) !== null) {
			$output .= "$line\n";
			if (preg_match('~Development Server \(http://127\.0\.0\.1:(\d+)\) started~', $line, $m)
				&& $m[1] !== '0') {
				return (int)$m[1];
			}
		}
		stop_web_server($process);
		$failures .= "on port $port:\n$output";
	}
	throw new RuntimeException("the built-in web server did not start\n$failures");
}

