--TEST--
tcp: writing to a peer that closed: the first write succeeds, the next ones fail with a notice
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
fclose($accepted);

var_dump(fread($client, 10), feof($client));
var_dump(fwrite($client, "a"));
var_dump(fwrite($client, "bc"));
var_dump(fwrite($client, "d"));
var_dump(stream_get_meta_data($client)['eof']);
?>
--EXPECTF--
bool(true)
string(0) ""
bool(true)
int(1)

Notice: fwrite(): Send of 2 bytes failed with errno=32 Broken pipe in %s on line %d
bool(false)

Notice: fwrite(): Send of 1 bytes failed with errno=32 Broken pipe in %s on line %d
bool(false)
bool(true)
