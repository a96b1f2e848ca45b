<?php
// The peer process XportPeer::start() runs: it loads the test's code (argv[1]) with these
// helpers in scope. Everything it prints reaches the test through XportPeer::stop().

// Announces $stream to the test: its local address and what xport knows about it. Must be
// the first thing the code prints.
function peer_ready($stream): void
{
	$info = function_exists('xport_stream_info') ? xport_stream_info($stream) : false;
	$line = json_encode(['ready' => stream_socket_get_name($stream, false), 'info' => $info]);

	fwrite(STDOUT, $line . "\n");
	fflush(STDOUT);
}

// Prints one line for the test's expected output.
function peer_say(string $line): void
{
	fwrite(STDOUT, $line . "\n");
	fflush(STDOUT);
}

// Waits for the next line the test sends with XportPeer::tell(); null once the test
// stopped the peer. The test kills the worker if it waits too long.
function peer_wait(): ?string
{
	$line = fgets(STDIN);

	return $line === false ? null : rtrim($line, "\n");
}

if (!isset($argv[1]) || !is_file($argv[1])) {
	fwrite(STDERR, "usage: peer_worker.php CODE-FILE\n");
	exit(2);
}
require $argv[1];
