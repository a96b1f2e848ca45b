--TEST--
tcp: STREAM_CLIENT_PERSISTENT and pfsockopen() give the same stream twice in a request
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$port = (int) substr($address, strrpos($address, ':') + 1);
$flags = STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT;

$p1 = stream_socket_client("tcp://$address", $errno, $errstr, 10, $flags);
$p2 = stream_socket_client("tcp://$address", $errno, $errstr, 10, $flags);
var_dump(get_resource_type($p1), $p1 === $p2);
var_dump(xport_stream_info($p1)['role'] ?? null);
$accepted = stream_socket_accept($server, 10);
fwrite($p2, "one connection");
var_dump(fread($accepted, 100));

echo "pfsockopen() keeps its own list:\n";
$f1 = pfsockopen('127.0.0.1', $port, $errno, $errstr, 10);
$f2 = pfsockopen('127.0.0.1', $port, $errno, $errstr, 10);
var_dump(get_resource_type($f1), $f1 === $f2, $f1 === $p1);
var_dump(xport_stream_info($f1)['transport'] ?? null);
$accepted2 = stream_socket_accept($server, 10);
fwrite($f2, "second connection");
var_dump(fread($accepted2, 100));

echo "after the peer closed, a new connection:\n";
fclose($accepted);
var_dump(fread($p1, 10), feof($p1));
$p3 = stream_socket_client("tcp://$address", $errno, $errstr, 10, $flags);
var_dump($p3 === $p1, get_resource_type($p3));
$accepted3 = stream_socket_accept($server, 10);
fwrite($p3, "fresh");
var_dump(fread($accepted3, 100));

echo "closed explicitly:\n";
fclose($p3);
fclose($f1);
var_dump(get_resource_type($p3));
?>
--EXPECT--
string(17) "persistent stream"
bool(true)
string(6) "client"
string(14) "one connection"
pfsockopen() keeps its own list:
string(17) "persistent stream"
bool(true)
bool(false)
string(3) "tcp"
string(17) "second connection"
after the peer closed, a new connection:
string(0) ""
bool(true)
bool(false)
string(17) "persistent stream"
string(5) "fresh"
closed explicitly:
string(7) "Unknown"
