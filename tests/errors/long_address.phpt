--TEST--
errors: an address text over 4096 bytes is refused in every mode, before any lookup
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$long = str_repeat('a', 5000) . ':80';

foreach (['0', '1'] as $strict) {
	ini_set('xport.strict_addresses', $strict);
	echo "-- strict_addresses=$strict\n";
	foreach (['tcp', 'udp'] as $transport) {
		$errno = $errstr = 'untouched';
		var_dump(@stream_socket_client("$transport://$long", $errno, $errstr, 10), $errno, $errstr);
		$error = xport_last_error();
		var_dump($error['operation'], $error['transport'], strlen($error['target']), $error['message']);
	}
	var_dump(@stream_socket_server("tcp://$long", $errno, $errstr), $errno, $errstr);
}

echo "-- the warning\n";
ini_set('xport.strict_addresses', '0');
$text = '';
set_error_handler(function ($type, $message) use (&$text) { $text = $message; return true; });
stream_socket_client("tcp://$long", $errno, $errstr, 10);
restore_error_handler();
var_dump(str_starts_with($text, 'stream_socket_client(): Unable to connect to tcp://aaaa'),
	str_ends_with($text, 'aaaa:80 (Address is longer than 4096 bytes)'));

echo "-- exactly 4096 bytes is still looked up\n";
$edge = str_repeat('a', 4093) . ':80';
var_dump(strlen($edge));
var_dump(@stream_socket_client("tcp://$edge", $errno, $errstr, 10));
var_dump($errno, str_ends_with($errstr, 'failed: Name or service not known'));
?>
--EXPECT--
-- strict_addresses=0
bool(false)
int(0)
string(33) "Address is longer than 4096 bytes"
string(7) "connect"
string(3) "tcp"
int(5003)
string(33) "Address is longer than 4096 bytes"
bool(false)
int(0)
string(33) "Address is longer than 4096 bytes"
string(7) "connect"
string(3) "udp"
int(5003)
string(33) "Address is longer than 4096 bytes"
bool(false)
int(0)
string(33) "Address is longer than 4096 bytes"
-- strict_addresses=1
bool(false)
int(0)
string(33) "Address is longer than 4096 bytes"
string(7) "connect"
string(3) "tcp"
int(5003)
string(33) "Address is longer than 4096 bytes"
bool(false)
int(0)
string(33) "Address is longer than 4096 bytes"
string(7) "connect"
string(3) "udp"
int(5003)
string(33) "Address is longer than 4096 bytes"
bool(false)
int(0)
string(33) "Address is longer than 4096 bytes"
-- the warning
bool(true)
bool(true)
-- exactly 4096 bytes is still looked up
int(4096)
bool(false)
int(0)
bool(true)
