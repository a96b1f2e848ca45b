--TEST--
tcp: stream_get_meta_data() keys and values on client, server and accepted streams
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10);
$accepted = stream_socket_accept($server, 10);

var_dump(xport_stream_info($client) !== false, xport_stream_info($accepted) !== false);
var_dump(stream_get_meta_data($client));
var_dump(stream_get_meta_data($server));

stream_set_blocking($accepted, false);
fwrite($client, "abc");
// A bounded wait: loopback delivers at once, but a non-blocking read may come first.
for ($i = 0, $got = ''; $i < 100 && $got === ''; $i++) {
	$got = fread($accepted, 1);
	if ($got === '') {
		usleep(10000);
	}
}
var_dump($got);
var_dump(stream_get_meta_data($accepted));
?>
--EXPECT--
bool(true)
bool(true)
array(7) {
  ["timed_out"]=>
  bool(false)
  ["blocked"]=>
  bool(true)
  ["eof"]=>
  bool(false)
  ["stream_type"]=>
  string(14) "tcp_socket/ssl"
  ["mode"]=>
  string(2) "r+"
  ["unread_bytes"]=>
  int(0)
  ["seekable"]=>
  bool(false)
}
array(7) {
  ["timed_out"]=>
  bool(false)
  ["blocked"]=>
  bool(true)
  ["eof"]=>
  bool(false)
  ["stream_type"]=>
  string(14) "tcp_socket/ssl"
  ["mode"]=>
  string(2) "r+"
  ["unread_bytes"]=>
  int(0)
  ["seekable"]=>
  bool(false)
}
string(1) "a"
array(7) {
  ["timed_out"]=>
  bool(false)
  ["blocked"]=>
  bool(false)
  ["eof"]=>
  bool(false)
  ["stream_type"]=>
  string(14) "tcp_socket/ssl"
  ["mode"]=>
  string(2) "r+"
  ["unread_bytes"]=>
  int(2)
  ["seekable"]=>
  bool(false)
}
