<?php
// The benchmark's PHP client: the same three workloads as client.c, through whichever
// tcp:// transport this PHP has (the built-in one, or xport's when it is loaded).
// Usage: php bench.php PORT CONNECTS ROUND_TRIPS BULK_BYTES; prints "name seconds" lines.

[, $port, $connects, $trips, $bulk] = $argv;
$target = "tcp://127.0.0.1:$port";

if (extension_loaded('xport') && xport_stream_info(stream_socket_client($target)) === false) {
	fwrite(STDERR, "bench: xport is loaded but does not serve tcp://\n");
	exit(1);
}

function read_exactly($stream, int $size): string
{
	$data = '';
	while (strlen($data) < $size) {
		$chunk = fread($stream, $size - strlen($data));
		if ($chunk === false || $chunk === '') {
			fwrite(STDERR, "bench: short read\n");
			exit(1);
		}
		$data .= $chunk;
	}
	return $data;
}

$start = hrtime(true);
for ($i = 0; $i < $connects; $i++) {
	$stream = stream_socket_client($target, $errno, $errstr, 5);
	fwrite($stream, 'ping');
	read_exactly($stream, 4);
	fclose($stream);
}
printf("connect %.6f\n", (hrtime(true) - $start) / 1e9);

$stream = stream_socket_client($target, $errno, $errstr, 5);
stream_set_read_buffer($stream, 0);
$message = str_repeat('x', 64);
$start = hrtime(true);
for ($i = 0; $i < $trips; $i++) {
	fwrite($stream, $message);
	read_exactly($stream, 64);
}
printf("round_trip %.6f\n", (hrtime(true) - $start) / 1e9);
fclose($stream);

$stream = stream_socket_client($target, $errno, $errstr, 5);
$block = str_repeat('S', 65536);
$start = hrtime(true);
for ($sent = 0; $sent < $bulk;) {
	$written = fwrite($stream, $block);
	if (!$written) {
		fwrite(STDERR, "bench: write failed\n");
		exit(1);
	}
	$sent += $written;
}
printf("bulk_send %.6f\n", (hrtime(true) - $start) / 1e9);
fclose($stream);
