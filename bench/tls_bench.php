<?php
// The benchmark's PHP TLS client: the workloads of tls_client.c through tls://, with the
// built-in transport or xport's. Usage: php tls_bench.php PORT CA_PEM CONNECTS ROUND_TRIPS BULK.

[, $port, $ca, $connects, $trips, $bulk] = $argv;
$target = "tls://127.0.0.1:$port";
$options = ['ssl' => ['cafile' => $ca, 'peer_name' => 'localhost']];

function read_exactly($stream, int $size): void
{
	for ($got = 0; $got < $size;) {
		$chunk = fread($stream, $size - $got);
		if ($chunk === false || $chunk === '') {
			fwrite(STDERR, "tls_bench: short read\n");
			exit(1);
		}
		$got += strlen($chunk);
	}
}

function open_tls(string $target, array $options)
{
	$stream = stream_socket_client($target, $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create($options));
	if (!$stream) {
		fwrite(STDERR, "tls_bench: $errstr\n");
		exit(1);
	}
	return $stream;
}

$start = hrtime(true);
for ($i = 0; $i < $connects; $i++) {
	$stream = open_tls($target, $options);
	fwrite($stream, 'ping');
	read_exactly($stream, 4);
	fclose($stream);
}
printf("tls_connect %.6f\n", (hrtime(true) - $start) / 1e9);

$stream = open_tls($target, $options);
stream_set_read_buffer($stream, 0);
$message = str_repeat('x', 64);
$start = hrtime(true);
for ($i = 0; $i < $trips; $i++) {
	fwrite($stream, $message);
	read_exactly($stream, 64);
}
printf("tls_round_trip %.6f\n", (hrtime(true) - $start) / 1e9);
fclose($stream);

$stream = open_tls($target, $options);
$block = str_repeat('S', 65536);
$start = hrtime(true);
for ($sent = 0; $sent < $bulk;) {
	$written = fwrite($stream, $block);
	if (!$written) {
		fwrite(STDERR, "tls_bench: write failed\n");
		exit(1);
	}
	$sent += $written;
}
printf("tls_bulk_send %.6f\n", (hrtime(true) - $start) / 1e9);
fclose($stream);
