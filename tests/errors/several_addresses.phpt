--TEST--
errors: when every address of a name is refused, errstr lists each one after PHP's text
--EXTENSIONS--
xport
--DESCRIPTION--
Runs in a private network namespace where dual.xport.test resolves to ::1 and 127.0.0.1
(tests/inc/dual_stack_netns.inc, without its SYN drop), so it needs no dual-stack
"localhost" on the machine.
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
// A port free on both loopback addresses a moment ago.
$tries = 0;
do {
	$probe = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
	$port = substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
	$v4 = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
	fclose($probe);
} while (!$v4 && ++$tries < 20);
fclose($v4);

var_dump(stream_socket_client("tcp://dual.xport.test:$port", $errno, $errstr, 10));
var_dump($errno);
var_dump(preg_match('/^Connection refused \((.*)\)$/', $errstr, $match));
$parts = explode('; ', $match[1]);
sort($parts);
var_dump(str_replace(":$port:", ':PORT:', $parts));

$error = xport_last_error();
var_dump($error['message'] === $errstr, $error['errno'], count($error['attempts']));
$summary = array_map(fn($a) => "{$a['family']} {$a['result']} {$a['errno']}", $error['attempts']);
sort($summary);
var_dump($summary);
echo "the list follows the order of the attempts: ";
var_dump($match[1] === implode('; ', array_map(fn($a) => "{$a['address']}: {$a['result']}", $error['attempts'])));

echo "-- one address listening: connected, the other attempt recorded if it came first\n";
$server = stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
$client = stream_socket_client("tcp://dual.xport.test:$port", $errno, $errstr, 10);
var_dump(is_resource($client), $errno, $errstr);
$info = xport_stream_info($client);
var_dump($info['family'], end($info['attempts'])['result']);
PHP;

[$status, $stdout, $stderr] = xport_netns_php($child, false);
echo $stdout, $stderr;
var_dump($status);
?>
--EXPECTF--

Warning: stream_socket_client(): Unable to connect to tcp://dual.xport.test:%d (Connection refused (%s: Connection refused; %s: Connection refused)) in %s on line %d
bool(false)
int(111)
int(1)
array(2) {
  [0]=>
  string(34) "127.0.0.1:PORT: Connection refused"
  [1]=>
  string(30) "[::1]:PORT: Connection refused"
}
bool(true)
int(111)
int(2)
array(2) {
  [0]=>
  string(27) "ipv4 Connection refused 111"
  [1]=>
  string(27) "ipv6 Connection refused 111"
}
the list follows the order of the attempts: bool(true)
-- one address listening: connected, the other attempt recorded if it came first
bool(true)
int(0)
string(0) ""
string(4) "ipv4"
string(9) "connected"
int(0)
