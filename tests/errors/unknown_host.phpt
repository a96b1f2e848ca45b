--TEST--
errors: a host name that does not resolve gives two warnings and errno 0, for tcp and udp
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
// An empty label makes the resolver give up locally, without asking any name server.
foreach (['tcp', 'udp'] as $transport) {
	echo "-- $transport\n";
	$errno = $errstr = 'untouched';
	var_dump(stream_socket_client("$transport://xport..invalid:80", $errno, $errstr, 10));
	var_dump($errno, $errstr);
	$error = xport_last_error();
	var_dump($error['operation'], $error['transport'], $error['target']);
	var_dump($error['errno'], $error['message'] === $errstr, $error['attempts']);
}

echo "-- server\n";
var_dump(stream_socket_server('tcp://xport..invalid:0', $errno, $errstr));
var_dump($errno, $errstr);
var_dump(xport_last_error()['operation']);

echo "-- fsockopen\n";
var_dump(fsockopen('xport..invalid', 80, $errno, $errstr, 10));
var_dump($errno, $errstr);
?>
--EXPECTF--
-- tcp

Warning: stream_socket_client(): php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known in %s on line %d

Warning: stream_socket_client(): Unable to connect to tcp://xport..invalid:80 (php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known) in %s on line %d
bool(false)
int(0)
string(90) "php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known"
string(7) "connect"
string(3) "tcp"
string(17) "xport..invalid:80"
int(0)
bool(true)
array(0) {
}
-- udp

Warning: stream_socket_client(): php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known in %s on line %d

Warning: stream_socket_client(): Unable to connect to udp://xport..invalid:80 (php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known) in %s on line %d
bool(false)
int(0)
string(90) "php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known"
string(7) "connect"
string(3) "udp"
string(17) "xport..invalid:80"
int(0)
bool(true)
array(0) {
}
-- server

Warning: stream_socket_server(): php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known in %s on line %d

Warning: stream_socket_server(): Unable to connect to tcp://xport..invalid:0 (php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known) in %s on line %d
bool(false)
int(0)
string(90) "php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known"
string(4) "bind"
-- fsockopen

Warning: fsockopen(): php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known in %s on line %d

Warning: fsockopen(): Unable to connect to xport..invalid:80 (php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known) in %s on line %d
bool(false)
int(0)
string(90) "php_network_getaddresses: getaddrinfo for xport..invalid failed: Name or service not known"
