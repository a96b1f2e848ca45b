--TEST--
errors: when every address of a name is refused, errstr lists each one after PHP's text
--EXTENSIONS--
xport
sockets
--SKIPIF--
<?php
$families = [];
foreach (socket_addrinfo_lookup('localhost', null, ['ai_socktype' => SOCK_STREAM]) ?: [] as $info) {
	$families[socket_addrinfo_explain($info)['ai_family']] = true;
}
if (count($families) < 2) die('skip "localhost" does not resolve to both 127.0.0.1 and ::1 here');
?>
--INI--
xport.transports=tcp,udp
--FILE--
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

var_dump(stream_socket_client("tcp://localhost:$port", $errno, $errstr, 10));
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
$client = stream_socket_client("tcp://localhost:$port", $errno, $errstr, 10);
var_dump(is_resource($client), $errno, $errstr);
$info = xport_stream_info($client);
var_dump($info['family'], end($info['attempts'])['result']);
?>
--EXPECTF--

Warning: stream_socket_client(): Unable to connect to tcp://localhost:%d (Connection refused (%s: Connection refused; %s: Connection refused)) in %s on line %d
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
