--TEST--
errors: xport_last_error() is null until an xport operation fails, and keeps the latest failure
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
function summary(): string
{
	$error = xport_last_error();
	return $error === null ? 'null' : "{$error['operation']} {$error['transport']} errno {$error['errno']}: {$error['message']}";
}

echo "start: ", summary(), "\n";
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);
fwrite($client, "x");
fread($accepted, 1);
echo "after successes: ", summary(), "\n";

@stream_socket_client('tcp://127.0.0.1', $errno, $errstr, 10);
echo "after a parse failure: ", summary(), "\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
stream_socket_accept($server, 10);
echo "a success leaves it: ", summary(), "\n";
@stream_socket_accept($server, 0);
echo "replaced by the next failure: ", summary(), "\n";

echo "-- failures that are not xport's leave it alone\n";
@stream_socket_client('TCP://127.0.0.1:80', $errno, $errstr, 10);
echo "unknown transport: ", summary(), "\n";
@stream_socket_client('unix:///nonexistent/xport.sock', $errno, $errstr, 10);
echo "unix socket: ", summary(), "\n";
@fopen('/nonexistent/xport', 'r');
echo "file: ", summary(), "\n";

echo "-- the value is a fresh array each time\n";
$copy = xport_last_error();
$copy['message'] = 'changed';
var_dump(xport_last_error()['message'] === 'changed');
var_dump(array_keys(xport_last_error()));
?>
--EXPECT--
start: null
after successes: null
after a parse failure: connect tcp errno 0: Failed to parse address "127.0.0.1"
a success leaves it: connect tcp errno 0: Failed to parse address "127.0.0.1"
replaced by the next failure: accept tcp errno 110: Connection timed out
-- failures that are not xport's leave it alone
unknown transport: accept tcp errno 110: Connection timed out
unix socket: accept tcp errno 110: Connection timed out
file: accept tcp errno 110: Connection timed out
-- the value is a fresh array each time
bool(false)
array(6) {
  [0]=>
  string(9) "operation"
  [1]=>
  string(9) "transport"
  [2]=>
  string(6) "target"
  [3]=>
  string(5) "errno"
  [4]=>
  string(7) "message"
  [5]=>
  string(8) "attempts"
}
