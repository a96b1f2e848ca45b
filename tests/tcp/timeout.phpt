--TEST--
tcp: stream_set_timeout(), a read that times out, and timed_out in the meta data
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false), $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);
var_dump(xport_stream_info($client) !== false);

var_dump(stream_set_timeout($client, 0, 100000));
var_dump(stream_get_meta_data($client)['timed_out']);
echo "nothing to read: ";
var_dump(fread($client, 10));
var_dump(stream_get_meta_data($client)['timed_out']);
var_dump(fgets($client));
var_dump(stream_get_meta_data($client)['timed_out']);

echo "stream_set_timeout() clears the flag: ";
var_dump(stream_set_timeout($client, 0, 100000));
var_dump(stream_get_meta_data($client)['timed_out']);

fwrite($accepted, "data");
echo "a read that gets data clears the flag too: ";
var_dump(fread($client, 10));
var_dump(stream_get_meta_data($client)['timed_out']);

// PHP 8.2: a blocking fread() that finds bytes buffered still asks the socket for the rest
// and waits the whole timeout before it returns them.
fwrite($accepted, "line\nrest");
var_dump(fgets($client));
var_dump(fread($client, 100));
var_dump(stream_get_meta_data($client)['timed_out']);

echo "socket_set_timeout() is the alias: ";
var_dump(socket_set_timeout($client, 1));
var_dump(socket_get_status($client)['timed_out']);
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
nothing to read: bool(false)
bool(true)
bool(false)
bool(true)
stream_set_timeout() clears the flag: bool(true)
bool(false)
a read that gets data clears the flag too: string(4) "data"
bool(false)
string(5) "line
"
string(4) "rest"
bool(true)
socket_set_timeout() is the alias: bool(true)
bool(false)
