--TEST--
errors: a connect refused for a bindto that is not a string shows in xport_last_error()
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);

foreach ([1234, ['127.0.0.1:0'], true] as $bindto) {
	$context = stream_context_create(['socket' => ['bindto' => $bindto]]);
	var_dump(@stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context));
	var_dump($errno, $errstr);
	$error = xport_last_error();
	if ($error !== null) {
		$error = [$error['operation'], $error['transport'], $error['target'] === $address, $error['errno'],
			$error['message']];
	}
	var_dump($error);
	// Start the next round from a different failure.
	@stream_socket_accept($server, 0);
}
?>
--EXPECT--
bool(false)
int(0)
string(42) "local_addr context option is not a string."
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  bool(true)
  [3]=>
  int(0)
  [4]=>
  string(42) "local_addr context option is not a string."
}
bool(false)
int(0)
string(42) "local_addr context option is not a string."
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  bool(true)
  [3]=>
  int(0)
  [4]=>
  string(42) "local_addr context option is not a string."
}
bool(false)
int(0)
string(42) "local_addr context option is not a string."
array(5) {
  [0]=>
  string(7) "connect"
  [1]=>
  string(3) "tcp"
  [2]=>
  bool(true)
  [3]=>
  int(0)
  [4]=>
  string(42) "local_addr context option is not a string."
}
