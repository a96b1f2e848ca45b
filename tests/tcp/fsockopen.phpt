--TEST--
tcp: fsockopen() with a separate port, with and without a scheme, and a scheme-less stream_socket_client() target
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$port = (int) substr($address, strrpos($address, ':') + 1);

function check($stream, $server, string $label): void
{
	$accepted = stream_socket_accept($server, 10);
	fwrite($stream, $label);
	printf("%s: %s, %s, %s\n", $label, get_resource_type($stream),
		xport_stream_info($stream)['transport'] ?? 'not xport', fread($accepted, strlen($label)));
	fclose($stream);
}

$errno = $errstr = 'untouched';
$fp = fsockopen('127.0.0.1', $port, $errno, $errstr, 10);
var_dump($errno, $errstr);
check($fp, $server, 'host and port');

check(fsockopen('tcp://127.0.0.1', $port, $errno, $errstr, 10), $server, 'tcp:// host and port');
check(fsockopen("127.0.0.1:$port"), $server, 'host:port, no port argument');
check(fsockopen("tcp://127.0.0.1:$port", -1), $server, 'tcp://host:port, port -1');
check(stream_socket_client("127.0.0.1:$port", $errno, $errstr, 10), $server, 'stream_socket_client without a scheme');

$server6 = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
$port6 = (int) substr(stream_socket_get_name($server6, false), strrpos(stream_socket_get_name($server6, false), ':') + 1);
check(fsockopen('[::1]', $port6, $errno, $errstr, 10), $server6, 'IPv6 in brackets');

echo "-- failures\n";
fclose($server);
var_dump(fsockopen('127.0.0.1', $port, $errno, $errstr, 10));
var_dump($errno, $errstr);
var_dump(fsockopen("tcp://127.0.0.1:$port"));
?>
--EXPECTF--
int(0)
string(0) ""
host and port: stream, tcp, host and port
tcp:// host and port: stream, tcp, tcp:// host and port
host:port, no port argument: stream, tcp, host:port, no port argument
tcp://host:port, port -1: stream, tcp, tcp://host:port, port -1
stream_socket_client without a scheme: stream, tcp, stream_socket_client without a scheme
IPv6 in brackets: stream, tcp, IPv6 in brackets
-- failures

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: fsockopen(): Unable to connect to tcp://127.0.0.1:%d:-1 (Connection refused) in %s on line %d
bool(false)
