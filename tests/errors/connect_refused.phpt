--TEST--
errors: connection refused gives errno 111, PHP's warning, and the details in xport_last_error()
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
echo "at the start: ";
var_dump(xport_last_error());

// A port nobody listens on: the kernel's choice, given back at once.
$probe = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($probe, false);
fclose($probe);

$errno = $errstr = 'untouched';
var_dump(stream_socket_client("tcp://$address", $errno, $errstr, 10));
var_dump($errno, $errstr);
$error = xport_last_error();
var_dump($error['target'] === $address, $error['attempts'][0]['address'] === $address);
$error['target'] = $error['attempts'][0]['address'] = 'ADDRESS';
var_dump($error);

echo "-- IPv6\n";
$probe = stream_socket_server('tcp://[::1]:0', $errno, $errstr);
$address6 = stream_socket_get_name($probe, false);
fclose($probe);
var_dump(stream_socket_client("tcp://$address6", $errno, $errstr, 10));
var_dump($errno, $errstr);
$error = xport_last_error();
var_dump($error['target'] === $address6, $error['attempts'][0]['address'] === $address6);
var_dump($error['attempts'][0]['family'], $error['attempts'][0]['errno']);

echo "-- fsockopen\n";
[$host, $port] = explode(':', $address);
var_dump(fsockopen($host, (int) $port, $errno, $errstr, 10));
var_dump($errno, $errstr);
var_dump(xport_last_error()['message']);
?>
--EXPECTF--
at the start: NULL

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
bool(true)
bool(true)
array(6) {
  ["operation"]=>
  string(7) "connect"
  ["transport"]=>
  string(3) "tcp"
  ["target"]=>
  string(7) "ADDRESS"
  ["errno"]=>
  int(111)
  ["message"]=>
  string(18) "Connection refused"
  ["attempts"]=>
  array(1) {
    [0]=>
    array(5) {
      ["address"]=>
      string(7) "ADDRESS"
      ["family"]=>
      string(4) "ipv4"
      ["result"]=>
      string(18) "Connection refused"
      ["errno"]=>
      int(111)
      ["ms"]=>
      float(%f)
    }
  }
}
-- IPv6

Warning: stream_socket_client(): Unable to connect to tcp://[::1]:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
bool(true)
bool(true)
string(4) "ipv6"
int(111)
-- fsockopen

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"
string(18) "Connection refused"
