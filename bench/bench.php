<?php
// The benchmark's PHP client: the workloads of client.c (tcp) or tls_client.c (tls), through
// whichever transport this PHP has for them: the built-in one, or xport's when it is loaded.
// Usage, with the arguments of the C clients after the transport:
//   php bench.php tcp PORT CONNECTS ROUND_TRIPS BULK_BYTES
//   php bench.php tls PORT CA_PEM CONNECTS ROUND_TRIPS BULK_BYTES
// Prints "name seconds" lines; TLS workload names start with "tls_".

$transport = $argv[1];
$options = [];
if ($transport === 'tls') {
	$options = ['ssl' => ['cafile' => $argv[3], 'peer_name' => 'localhost']];
	array_splice($argv, 3, 1);
}
[, , $port, $connects, $trips, $bulk] = $argv;
$target = "$transport://127.0.0.1:$port";
$context = stream_context_create($options);
$prefix = $transport === 'tls' ? 'tls_' : '';

function fail(string $message): never
{
	fwrite(STDERR, "bench: $message\n");
	exit(1);
}

function open_stream(string $target, $context)
{
	$stream = stream_socket_client($target, $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $context);
	if (!$stream) {
		fail($errstr);
	}
	return $stream;
}

function read_exactly($stream, int $size): void
{
	for ($got = 0; $got < $size;) {
		$chunk = fread($stream, $size - $got);
		if ($chunk === false || $chunk === '') {
			fail('short read');
		}
		$got += strlen($chunk);
	}
}

$start = hrtime(true);
for ($i = 0; $i < $connects; $i++) {
	$stream = open_stream($target, $context);
	fwrite($stream, 'ping');
	read_exactly($stream, 4);
	fclose($stream);
}
printf("%sconnect %.6f\n", $prefix, (hrtime(true) - $start) / 1e9);

$stream = open_stream($target, $context);
// Checked here, outside the timed loops, and not before them: an extra TLS connect would fill
// xport's session cache before the connect workload starts.
if (extension_loaded('xport') && xport_stream_info($stream) === false) {
	fail("xport is loaded but does not serve $transport://");
}
stream_set_read_buffer($stream, 0);
$message = str_repeat('x', 64);
$start = hrtime(true);
for ($i = 0; $i < $trips; $i++) {
	fwrite($stream, $message);
	read_exactly($stream, 64);
}
printf("%sround_trip %.6f\n", $prefix, (hrtime(true) - $start) / 1e9);
fclose($stream);

$stream = open_stream($target, $context);
$block = str_repeat('S', 65536);
$start = hrtime(true);
for ($sent = 0; $sent < $bulk;) {
	$written = fwrite($stream, $block);
	if (!$written) {
		fail('write failed');
	}
	$sent += $written;
}
printf("%sbulk_send %.6f\n", $prefix, (hrtime(true) - $start) / 1e9);
fclose($stream);
