--TEST--
errors: strict mode takes a port with leading zeros when its value is from 0 to 65535
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
xport.strict_addresses=1
--FILE--
<?php
// Ephemeral ports have five digits, so "0" . $port is six characters long.
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$port = substr(strrchr(stream_socket_get_name($server, false), ':'), 1);

foreach (["0$port", "000$port", '0065536'] as $text) {
	$client = @stream_socket_client("tcp://127.0.0.1:$text", $errno, $errstr, 10);
	echo strlen($text), " characters, value ", (int) $text <= 65535 ? 'in range' : 'out of range', ": ",
		$client ? 'connected' : $errstr, "\n";
}
?>
--EXPECT--
6 characters, value in range: connected
8 characters, value in range: connected
7 characters, value out of range: Invalid port "0065536": expected a number from 0 to 65535 after the last colon
