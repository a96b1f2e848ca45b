--TEST--
errors: addresses PHP cannot parse fail with PHP's texts and errno 0 (default mode)
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
function attempt(string $target): void
{
	echo "-- ", json_encode($target), "\n";
	$errno = $errstr = 'untouched';
	var_dump(stream_socket_client($target, $errno, $errstr, 10));
	var_dump($errno, $errstr);
	$error = xport_last_error();
	var_dump([$error['operation'], $error['transport'], addcslashes($error['target'], "\0"), $error['errno'], $error['message']]);
}

attempt('tcp://127.0.0.1');
attempt('udp://127.0.0.1');
attempt('tcp://127.0.0.1:');
attempt('tcp://[::1:80');
attempt('tcp://[::1]80');
attempt("tcp://127.0.0.1\0:80");
attempt("tcp://127.0.0.1:80\0");
attempt('tcp://:80');

echo "-- servers\n";
var_dump(stream_socket_server('tcp://127.0.0.1', $errno, $errstr), $errno, $errstr);
var_dump(stream_socket_server("udp://[::1]\0:0", $errno, $errstr, STREAM_SERVER_BIND), $errno, $errstr);
var_dump(xport_last_error()['operation']);

echo "-- a bare IPv6 address splits at its first colon\n";
var_dump(fsockopen('::1', 80, $errno, $errstr, 10));
var_dump($errno, $errstr);
?>
--EXPECTF--
-- "tcp:\/\/127.0.0.1"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1") in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(9) "127.0.0.1"
  [3]=>
  int(0)
  [4]=>
  string(35) "Failed to parse address "127.0.0.1""
}
-- "udp:\/\/127.0.0.1"

Warning: stream_socket_client(): Unable to connect to udp://127.0.0.1 (Failed to parse address "127.0.0.1") in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "udp"
  [2]=>
  string(9) "127.0.0.1"
  [3]=>
  int(0)
  [4]=>
  string(35) "Failed to parse address "127.0.0.1""
}
-- "tcp:\/\/127.0.0.1:"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1: (Failed to parse address "127.0.0.1:") in %s on line %d
bool(false)
int(0)
string(36) "Failed to parse address "127.0.0.1:""
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(10) "127.0.0.1:"
  [3]=>
  int(0)
  [4]=>
  string(36) "Failed to parse address "127.0.0.1:""
}
-- "tcp:\/\/[::1:80"

Warning: stream_socket_client(): Unable to connect to tcp://[::1:80 (Failed to parse IPv6 address "[::1:80") in %s on line %d
bool(false)
int(0)
string(38) "Failed to parse IPv6 address "[::1:80""
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(7) "[::1:80"
  [3]=>
  int(0)
  [4]=>
  string(38) "Failed to parse IPv6 address "[::1:80""
}
-- "tcp:\/\/[::1]80"

Warning: stream_socket_client(): Unable to connect to tcp://[::1]80 (Failed to parse IPv6 address "[::1]80") in %s on line %d
bool(false)
int(0)
string(38) "Failed to parse IPv6 address "[::1]80""
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(7) "[::1]80"
  [3]=>
  int(0)
  [4]=>
  string(38) "Failed to parse IPv6 address "[::1]80""
}
-- "tcp:\/\/127.0.0.1\u0000:80"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1\0:80 (The hostname must not contain null bytes) in %s on line %d
bool(false)
int(0)
string(40) "The hostname must not contain null bytes"
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(16) "127.0.0.1\000:80"
  [3]=>
  int(0)
  [4]=>
  string(40) "The hostname must not contain null bytes"
}
-- "tcp:\/\/127.0.0.1:80\u0000"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:80\0 (The hostname must not contain null bytes) in %s on line %d
bool(false)
int(0)
string(40) "The hostname must not contain null bytes"
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(16) "127.0.0.1:80\000"
  [3]=>
  int(0)
  [4]=>
  string(40) "The hostname must not contain null bytes"
}
-- "tcp:\/\/:80"

Warning: stream_socket_client(): php_network_getaddresses: getaddrinfo for  failed: Name or service not known in %s on line %d

Warning: stream_socket_client(): Unable to connect to tcp://:80 (php_network_getaddresses: getaddrinfo for  failed: Name or service not known) in %s on line %d
bool(false)
int(0)
string(76) "php_network_getaddresses: getaddrinfo for  failed: Name or service not known"
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  string(3) ":80"
  [3]=>
  int(0)
  [4]=>
  string(76) "php_network_getaddresses: getaddrinfo for  failed: Name or service not known"
}
-- servers

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1") in %s on line %d
bool(false)
int(0)
string(35) "Failed to parse address "127.0.0.1""

Warning: stream_socket_server(): Unable to connect to udp://[::1] (The hostname must not contain null bytes) in %s on line %d
bool(false)
int(0)
string(40) "The hostname must not contain null bytes"
string(4) "bind"
-- a bare IPv6 address splits at its first colon

Warning: fsockopen(): php_network_getaddresses: getaddrinfo for  failed: Name or service not known in %s on line %d

Warning: fsockopen(): Unable to connect to ::1:80 (php_network_getaddresses: getaddrinfo for  failed: Name or service not known) in %s on line %d
bool(false)
int(0)
string(76) "php_network_getaddresses: getaddrinfo for  failed: Name or service not known"
