--TEST--
tls: sslv2:// and sslv3:// are registered and fail with a reason (OpenSSL 3 has neither protocol)
--EXTENSIONS--
xport
openssl
--FILE--
<?php
$listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($listener, false);
var_dump(in_array('sslv2', stream_get_transports()), in_array('sslv3', stream_get_transports()));

foreach (['sslv2', 'sslv3'] as $transport) {
	echo "-- $transport client\n";
	$client = stream_socket_client("$transport://$address", $errno, $errstr, 10);
	var_dump($client, $errno);
	echo $errstr, "\n";
	$error = xport_last_error();
	echo "last error: {$error['operation']}, {$error['transport']}, errno {$error['errno']}: {$error['message']}\n";
	echo "nothing reached the listener: ";
	var_dump(@stream_socket_accept($listener, 0));

	echo "-- $transport server\n";
	$server = stream_socket_server("$transport://127.0.0.1:0", $errno, $errstr);
	var_dump($server, $errno);
	echo $errstr, "\n";
}
?>
--EXPECTF--
bool(true)
bool(true)
-- sslv2 client

Warning: stream_socket_client(): Unable to connect to sslv2://127.0.0.1:%d (SSLv2 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports) in %s on line %d
bool(false)
int(93)
SSLv2 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports
last error: connect, sslv2, errno 93: SSLv2 is not available in this OpenSSL
nothing reached the listener: bool(false)
-- sslv2 server

Warning: stream_socket_server(): Unable to connect to sslv2://127.0.0.1:%d (SSLv2 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports) in %s on line %d
bool(false)
int(0)
SSLv2 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports
-- sslv3 client

Warning: stream_socket_client(): Unable to connect to sslv3://127.0.0.1:%d (SSLv3 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports) in %s on line %d
bool(false)
int(93)
SSLv3 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports
last error: connect, sslv3, errno 93: SSLv3 is not available in this OpenSSL
nothing reached the listener: bool(false)
-- sslv3 server

Warning: stream_socket_server(): Unable to connect to sslv3://127.0.0.1:%d (SSLv3 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports) in %s on line %d
bool(false)
int(0)
SSLv3 is not available in the OpenSSL library xport is linked with (%s); use tls:// for any TLS version it supports
