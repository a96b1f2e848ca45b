--TEST--
tcp: timed_out stays set after feof(), fwrite() and non-blocking reads, as with PHP's transport
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
stream_set_timeout($client, 0, 50000);

// Only a new blocking wait for data, or stream_set_timeout(), resets the flag.
var_dump(fread($client, 10));
echo "after feof(): ";
var_dump(feof($client), stream_get_meta_data($client)['timed_out']);

echo "after fwrite(): ";
var_dump(fwrite($client, "x"), stream_get_meta_data($client)['timed_out']);

echo "after a non-blocking fread(): ";
stream_set_blocking($client, false);
var_dump(fread($client, 10), stream_get_meta_data($client)['timed_out']);
?>
--EXPECT--
bool(true)
bool(false)
after feof(): bool(false)
bool(true)
after fwrite(): int(1)
bool(true)
after a non-blocking fread(): string(0) ""
bool(true)
