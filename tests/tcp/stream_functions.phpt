--TEST--
tcp: write buffer, read buffer, chunk size, fstat, locking and other stream functions on sockets
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

echo "write buffer: ";
var_dump(stream_set_write_buffer($client, 0), stream_set_write_buffer($client, 4096));
echo "read buffer: ";
var_dump(stream_set_read_buffer($client, 0));
echo "chunk size: ";
var_dump(stream_set_chunk_size($client, 1024), stream_set_chunk_size($client, 8192));

$stat = fstat($client);
printf("fstat: socket %s, size %d\n", ($stat['mode'] & 0170000) === 0140000 ? 'yes' : 'no', $stat['size']);
$stat = fstat($server);
printf("listening: socket %s\n", ($stat['mode'] & 0170000) === 0140000 ? 'yes' : 'no');

echo "lock: ";
var_dump(stream_supports_lock($client), flock($client, LOCK_SH));
echo "local, tty: ";
var_dump(stream_is_local($client), stream_isatty($client));
echo "seek: ";
var_dump(fseek($client, 0), ftell($client));
echo "truncate: ";
var_dump(ftruncate($client, 0));
echo "flush: ";
var_dump(fflush($client));

echo "unbuffered reads still work:\n";
fwrite($accepted, "abc");
var_dump(fread($client, 1), stream_get_meta_data($client)['unread_bytes'], fread($client, 2));
?>
--EXPECTF--
bool(true)
write buffer: int(-1)
int(-1)
read buffer: int(0)
chunk size: int(8192)
int(1024)
fstat: socket yes, size 0
listening: socket yes
lock: bool(false)
bool(false)
local, tty: bool(false)
bool(false)
seek: 
Warning: fseek(): Stream does not support seeking in %s on line %d
int(-1)
int(0)
truncate: 
Warning: ftruncate(): Can't truncate this stream! in %s on line %d
bool(false)
flush: bool(true)
unbuffered reads still work:
string(1) "a"
int(0)
string(2) "bc"
