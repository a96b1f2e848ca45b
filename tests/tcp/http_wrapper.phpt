--TEST--
tcp: PHP's http:// and ftp:// wrappers connect through xport
--EXTENSIONS--
xport
--INI--
xport.transports=tcp,udp
--FILE--
<?php
require __DIR__ . '/../inc/peer.php';

$peer = XportPeer::start(<<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$conn = stream_socket_accept($server, 10);
	$request = '';
	while (!str_contains($request, "\r\n\r\n") && ($line = fgets($conn)) !== false) {
		$request .= $line;
	}
	peer_say('request line: ' . strtok($request, "\r\n"));
	fwrite($conn, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nhello, xport");
	fclose($conn);
	CODE);
echo $peer->banner(), "\n";

var_dump(file_get_contents("http://$peer->address/path?q=1"));
var_dump($http_response_header[0]);
echo $peer->stop();

echo "-- refused\n";
$probe = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$refused = stream_socket_get_name($probe, false);
fclose($probe);
var_dump(file_get_contents("http://$refused/"));
echo "the ftp wrapper passes no error string, so the transport layer warns itself:\n";
var_dump(file_get_contents("ftp://$refused/file"));
var_dump(xport_last_error()['operation']);
?>
--EXPECTF--
peer: xport tcp server
string(12) "hello, xport"
string(15) "HTTP/1.0 200 OK"
request line: GET /path?q=1 HTTP/1.1
-- refused

Warning: file_get_contents(http://127.0.0.1:%d/): Failed to open stream: Connection refused in %s on line %d
bool(false)
the ftp wrapper passes no error string, so the transport layer warns itself:

Warning: file_get_contents(): connect() failed: Connection refused in %s on line %d

Warning: file_get_contents(ftp://127.0.0.1:%d/file): Failed to open stream: operation failed in %s on line %d
bool(false)
string(7) "connect"
