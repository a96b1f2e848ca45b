--TEST--
Happy Eyeballs: a name whose first address (IPv6) drops SYNs still connects, over IPv4
--DESCRIPTION--
In a private network namespace dual.xport.test resolves to ::1 first and 127.0.0.1 second,
and SYNs to ::1 are dropped. PHP's built-in transport would wait on ::1 for the whole timeout;
xport starts 127.0.0.1 while ::1 is still pending, connects there, and abandons ::1.
--EXTENSIONS--
xport
--SKIPIF--
<?php
require __DIR__ . '/../inc/dual_stack_netns.inc';
$reason = xport_netns_skip_reason();
if ($reason !== null) {
	die("skip $reason");
}
?>
--INI--
xport.transports=tcp,udp
--FILE--
<?php
require __DIR__ . '/../inc/dual_stack_netns.inc';

$child = <<<'PHP'
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if (!$server) {
	exit("listen failed: $errno $errstr\n");
}
$port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$show = fn(string $text) => str_replace(":$port", ':PORT', $text);

// Generous, so that a slow machine still reaches the IPv4 attempt long before the deadline.
$client = stream_socket_client("tcp://dual.xport.test:$port", $errno, $errstr, 10);
if (!$client) {
	echo "connect failed: $errno $errstr\n";
	var_dump(xport_last_error());
	exit;
}
$peer = stream_socket_accept($server, 10);
fwrite($client, "over IPv4\n");
echo 'server read: ', fgets($peer);

$info = xport_stream_info($client);
echo 'peer: ', $show(stream_socket_get_name($client, true)), "\n";
echo 'family: ', $info['family'], "\n";
foreach ($info['attempts'] as $i => $attempt) {
	printf("attempt %d: %s %s %s\n", $i, $show($attempt['address']), $attempt['family'],
		$attempt['result']);
}
PHP;

[$status, $stdout, $stderr] = xport_netns_php($child);
echo $stdout, $stderr;
var_dump($status);
?>
--EXPECT--
server read: over IPv4
peer: 127.0.0.1:PORT
family: ipv4
attempt 0: [::1]:PORT ipv6 abandoned
attempt 1: 127.0.0.1:PORT ipv4 connected
int(0)
