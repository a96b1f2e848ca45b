--TEST--
info: xport_stream_info() is false for streams xport did not make, and rejects what is not a stream
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
var_dump(xport_stream_info(fopen('php://memory', 'r+')));
var_dump(xport_stream_info(fopen('php://temp', 'r+')));
var_dump(xport_stream_info(fopen(__FILE__, 'r')));
var_dump(xport_stream_info(STDOUT));
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
var_dump(xport_stream_info($a));
$dir = opendir(__DIR__);
var_dump(xport_stream_info($dir));

echo "-- unix sockets stay PHP's\n";
$path = sys_get_temp_dir() . '/xport-info-' . getmypid() . '.sock';
$unix = stream_socket_server("unix://$path", $errno, $errstr);
var_dump(xport_stream_info($unix));
fclose($unix);
@unlink($path);

echo "-- not a stream\n";
$closed = fopen('php://memory', 'r');
fclose($closed);
foreach ([$closed, 'tcp://127.0.0.1:80', null] as $value) {
	try {
		var_dump(xport_stream_info($value));
	} catch (TypeError $e) {
		echo get_class($e), ': ', $e->getMessage(), "\n";
	}
}
try {
	xport_stream_info();
} catch (ArgumentCountError $e) {
	echo $e->getMessage(), "\n";
}
?>
--EXPECT--
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
-- unix sockets stay PHP's
bool(false)
-- not a stream
TypeError: xport_stream_info(): supplied resource is not a valid stream resource
TypeError: xport_stream_info(): Argument #1 ($stream) must be of type resource, string given
TypeError: xport_stream_info(): Argument #1 ($stream) must be of type resource, null given
xport_stream_info() expects exactly 1 argument, 0 given
