--TEST--
tcp: stream_socket_sendto() and stream_socket_recvfrom() with STREAM_PEEK and STREAM_OOB
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);
var_dump(xport_stream_info($client) !== false, xport_stream_info($accepted) !== false);

var_dump(stream_socket_sendto($client, "hello world"));
$read = [$accepted];
$write = $except = null;
stream_select($read, $write, $except, 10);

echo "peek leaves the bytes in place:\n";
var_dump(stream_socket_recvfrom($accepted, 5, STREAM_PEEK));
var_dump(stream_socket_recvfrom($accepted, 5, STREAM_PEEK, $address));
var_dump($address);
echo "then they are read:\n";
var_dump(stream_socket_recvfrom($accepted, 6, 0, $address));
var_dump($address);
var_dump(fread($accepted, 5));

echo "out-of-band byte:\n";
var_dump(stream_socket_sendto($client, "x", STREAM_OOB));
$read = $write = null;
$except = [$accepted];
var_dump(stream_select($read, $write, $except, 10));
var_dump(stream_socket_recvfrom($accepted, 1, STREAM_OOB));
echo "no second urgent byte:\n";
var_dump(@stream_socket_recvfrom($accepted, 1, STREAM_OOB));

echo "sendto with an address on a connected TCP socket ignores it:\n";
var_dump(stream_socket_sendto($accepted, "back", 0, '127.0.0.1:9'));
var_dump(fread($client, 4));

echo "bad target address:\n";
var_dump(stream_socket_sendto($client, "x", 0, 'no-port-here'));
echo "sending after shutdown for writing:\n";
stream_socket_shutdown($client, STREAM_SHUT_WR);
var_dump(stream_socket_sendto($client, "x"));
echo "length must be positive:\n";
try {
	stream_socket_recvfrom($accepted, 0);
} catch (ValueError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECTF--
bool(true)
bool(true)
int(11)
peek leaves the bytes in place:
string(5) "hello"
string(5) "hello"
string(0) ""
then they are read:
string(6) "hello "
string(0) ""
string(5) "world"
out-of-band byte:
int(1)
int(1)
string(1) "x"
no second urgent byte:
bool(false)
sendto with an address on a connected TCP socket ignores it:
int(4)
string(4) "back"
bad target address:

Warning: stream_socket_sendto(): Failed to parse `no-port-here' into a valid network address in %s on line %d
bool(false)
sending after shutdown for writing:

Warning: stream_socket_sendto(): Broken pipe
 in %s on line %d
int(-1)
length must be positive:
stream_socket_recvfrom(): Argument #2 ($length) must be greater than 0
