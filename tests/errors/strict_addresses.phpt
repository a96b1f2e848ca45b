--TEST--
errors: xport.strict_addresses=1 rejects ports and hosts that PHP would accept silently
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
xport.strict_addresses=1
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$port = substr(strrchr($address, ':'), 1);

function attempt(string $target): void
{
	$errno = $errstr = 'untouched';
	$client = stream_socket_client($target, $errno, $errstr, 10);
	echo "-- ", strlen($target) > 60 ? substr($target, 0, 20) . '...(' . strlen($target) . ')' : addcslashes($target, "\0"), ": ";
	if ($client) {
		echo "connected\n";
		return;
	}
	echo "errno $errno, $errstr\n";
	$error = xport_last_error();
	echo "   last error: {$error['operation']} {$error['errno']} {$error['message']}\n";
}

foreach (['abc', '99999', '65536', '-1', '+80', ' 80', '80 ', '0x50', '8o', '', '123456'] as $bad_port) {
	attempt("tcp://127.0.0.1:$bad_port");
}
attempt('udp://127.0.0.1:abc');
attempt('tcp://:80');
attempt('tcp://[]:80');
attempt('tcp://' . str_repeat('a', 254) . ':80');
echo "-- PHP's own parse errors keep their texts\n";
attempt('tcp://127.0.0.1');
attempt('tcp://[::1:80');
attempt("tcp://127.0.0.1\0:80");
echo "-- the warning\n";
var_dump(stream_socket_client('tcp://127.0.0.1:99999'));

echo "-- good addresses still work\n";
attempt("tcp://127.0.0.1:$port");
attempt("tcp://localhost:$port");
$server6 = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
attempt('tcp://' . stream_socket_get_name($server6, false));

echo "-- fsockopen and servers\n";
var_dump(fsockopen('127.0.0.1', 99999, $errno, $errstr, 10), $errno, $errstr);
var_dump(stream_socket_server('tcp://127.0.0.1:65536', $errno, $errstr), $errno, $errstr);
var_dump(xport_last_error()['operation']);
var_dump(stream_socket_server('udp://:0', $errno, $errstr, STREAM_SERVER_BIND), $errno, $errstr);
var_dump(is_resource(stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND)));

echo "-- switched off at run time\n";
var_dump(ini_set('xport.strict_addresses', '0'));
var_dump(stream_socket_client('tcp://127.0.0.1:abc', $errno, $errstr, 10), $errno, $errstr);
?>
--EXPECTF--

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:abc (Invalid port "abc": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:abc: errno 0, Invalid port "abc": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "abc": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:99999 (Invalid port "99999": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:99999: errno 0, Invalid port "99999": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "99999": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:65536 (Invalid port "65536": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:65536: errno 0, Invalid port "65536": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "65536": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:-1 (Invalid port "-1": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:-1: errno 0, Invalid port "-1": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "-1": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:+80 (Invalid port "+80": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:+80: errno 0, Invalid port "+80": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "+80": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1: 80 (Invalid port " 80": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1: 80: errno 0, Invalid port " 80": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port " 80": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:80  (Invalid port "80 ": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:80 : errno 0, Invalid port "80 ": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "80 ": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:0x50 (Invalid port "0x50": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:0x50: errno 0, Invalid port "0x50": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "0x50": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:8o (Invalid port "8o": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:8o: errno 0, Invalid port "8o": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "8o": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1: (Failed to parse address "127.0.0.1:") in %s on line %d
-- tcp://127.0.0.1:: errno 0, Failed to parse address "127.0.0.1:"
   last error: connect 0 Failed to parse address "127.0.0.1:"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:123456 (Invalid port "123456": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- tcp://127.0.0.1:123456: errno 0, Invalid port "123456": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "123456": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to udp://127.0.0.1:abc (Invalid port "abc": expected a number from 0 to 65535 after the last colon) in %s on line %d
-- udp://127.0.0.1:abc: errno 0, Invalid port "abc": expected a number from 0 to 65535 after the last colon
   last error: connect 0 Invalid port "abc": expected a number from 0 to 65535 after the last colon

Warning: stream_socket_client(): Unable to connect to tcp://:80 (Missing host name before the port) in %s on line %d
-- tcp://:80: errno 0, Missing host name before the port
   last error: connect 0 Missing host name before the port

Warning: stream_socket_client(): Unable to connect to tcp://[]:80 (Missing host name before the port) in %s on line %d
-- tcp://[]:80: errno 0, Missing host name before the port
   last error: connect 0 Missing host name before the port

Warning: stream_socket_client(): Unable to connect to tcp://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:80 (Host name is longer than 253 characters) in %s on line %d
-- tcp://aaaaaaaaaaaaaa...(263): errno 0, Host name is longer than 253 characters
   last error: connect 0 Host name is longer than 253 characters
-- PHP's own parse errors keep their texts

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1") in %s on line %d
-- tcp://127.0.0.1: errno 0, Failed to parse address "127.0.0.1"
   last error: connect 0 Failed to parse address "127.0.0.1"

Warning: stream_socket_client(): Unable to connect to tcp://[::1:80 (Failed to parse IPv6 address "[::1:80") in %s on line %d
-- tcp://[::1:80: errno 0, Failed to parse IPv6 address "[::1:80"
   last error: connect 0 Failed to parse IPv6 address "[::1:80"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1\0:80 (The hostname must not contain null bytes) in %s on line %d
-- tcp://127.0.0.1\000:80: errno 0, The hostname must not contain null bytes
   last error: connect 0 The hostname must not contain null bytes
-- the warning

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:99999 (Invalid port "99999": expected a number from 0 to 65535 after the last colon) in %s on line %d
bool(false)
-- good addresses still work
-- tcp://127.0.0.1:%d: connected
-- tcp://localhost:%d: connected
-- tcp://[::1]:%d: connected
-- fsockopen and servers

Warning: fsockopen(): Unable to connect to 127.0.0.1:99999 (Invalid port "99999": expected a number from 0 to 65535 after the last colon) in %s on line %d
bool(false)
int(0)
string(76) "Invalid port "99999": expected a number from 0 to 65535 after the last colon"

Warning: stream_socket_server(): Unable to connect to tcp://127.0.0.1:65536 (Invalid port "65536": expected a number from 0 to 65535 after the last colon) in %s on line %d
bool(false)
int(0)
string(76) "Invalid port "65536": expected a number from 0 to 65535 after the last colon"
string(4) "bind"

Warning: stream_socket_server(): Unable to connect to udp://:0 (Missing host name before the port) in %s on line %d
bool(false)
int(0)
string(33) "Missing host name before the port"
bool(true)
-- switched off at run time
string(1) "1"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:abc (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
