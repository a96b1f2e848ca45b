--TEST--
tcp: socket_export_stream() makes an xport stream; socket_import_stream() takes one
--EXTENSIONS--
xport
sockets
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
[$host, $port] = explode(':', $address);

echo "-- export\n";
$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
var_dump(socket_connect($socket, $host, (int) $port));
$exported = socket_export_stream($socket);
$info = xport_stream_info($exported);
var_dump($info === false ? 'not xport' : [$info['transport'], $info['peer_address'] === $address]);
var_dump(stream_get_meta_data($exported)['stream_type']);
var_dump(stream_socket_get_name($exported, true) === $address);
$accepted = stream_socket_accept($server, 10);
fwrite($exported, "from an exported socket");
var_dump(fread($accepted, 100));
fwrite($accepted, "reply");
var_dump(fread($exported, 100));
stream_set_timeout($exported, 0, 1000);
var_dump(fread($exported, 100), stream_get_meta_data($exported)['timed_out']);
fclose($exported);
var_dump(fread($accepted, 100), feof($accepted));

echo "-- export of a UDP socket\n";
$udp = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
$stream = socket_export_stream($udp);
var_dump(xport_stream_info($stream)['transport'] ?? 'not xport');
var_dump(stream_get_meta_data($stream)['stream_type']);

echo "-- import\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
var_dump(xport_stream_info($client)['transport'] ?? 'not xport');
$imported = socket_import_stream($client);
var_dump($imported instanceof Socket);
var_dump(socket_getpeername($imported, $peer_host, $peer_port), "$peer_host:$peer_port" === $address);
$accepted = stream_socket_accept($server, 10);
var_dump(socket_write($imported, "via the Socket"));
var_dump(fread($accepted, 100));
fwrite($accepted, "to the stream");
var_dump(fread($client, 100));

echo "-- import with bytes buffered\n";
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);
fwrite($accepted, "abcdef");
var_dump(fread($client, 2));
var_dump(socket_import_stream($client) instanceof Socket);

echo "-- a listening stream\n";
$listener = socket_import_stream($server);
var_dump(socket_getsockname($listener, $local_host, $local_port), "$local_host:$local_port" === $address);
?>
--EXPECTF--
-- export
bool(true)
array(2) {
  [0]=>
  string(3) "tcp"
  [1]=>
  bool(true)
}
string(14) "tcp_socket/ssl"
bool(true)
string(23) "from an exported socket"
string(5) "reply"
bool(false)
bool(true)
string(0) ""
bool(true)
-- export of a UDP socket
string(3) "udp"
string(10) "udp_socket"
-- import
string(3) "tcp"
bool(true)
bool(true)
bool(true)
int(14)
string(14) "via the Socket"
string(13) "to the stream"
-- import with bytes buffered
string(2) "ab"

Warning: socket_import_stream(): 4 bytes of buffered data lost during stream conversion! in %s on line %d
bool(true)
-- a listening stream
bool(true)
bool(true)
