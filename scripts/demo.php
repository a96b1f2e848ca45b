<?php
// A short tour of xport: a TCP echo server and client, a UDP exchange, and what xport
// tells about its streams. Everything runs over loopback inside this one process.

function section(string $title): void
{
	echo "\n== $title ==\n";
}

function show(array $info): void
{
	foreach ($info as $key => $value) {
		if ($key === 'attempts') {
			foreach ($value as $n => $attempt) {
				printf("  attempt %d: %-22s %-5s %-20s %.3f ms\n", $n + 1, $attempt['address'],
					$attempt['family'], $attempt['result'], $attempt['ms']);
			}
			continue;
		}
		printf("  %-14s %s\n", $key, is_float($value) ? sprintf('%.3f', $value) : var_export($value, true));
	}
}

if (!extension_loaded('xport')) {
	fwrite(STDERR, "xport is not loaded\n");
	exit(1);
}

section('Transports registered (xport serves: ' . ini_get('xport.transports') . ')');
echo '  ', implode(', ', stream_get_transports()), "\n";

section('TCP echo over loopback');
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($server, false);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 2);
$accepted = stream_socket_accept($server, 2);
fwrite($client, "hello through xport\n");
$line = fgets($accepted);
fwrite($accepted, strtoupper($line));
echo '  server got: ', $line;
echo '  client got: ', fgets($client);
echo "  stream_type: ", stream_get_meta_data($client)['stream_type'], "\n";
echo "xport_stream_info(client):\n";
show(xport_stream_info($client));
echo "xport_stream_info(accepted):\n";
show(xport_stream_info($accepted));
fclose($client);
fclose($accepted);
fclose($server);

section('UDP datagrams');
$udp_server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$udp_address = stream_socket_get_name($udp_server, false);
$udp_client = stream_socket_client("udp://$udp_address", $errno, $errstr);
fwrite($udp_client, 'ping');
$datagram = stream_socket_recvfrom($udp_server, 64, 0, $from);
echo "  server got '$datagram' from $from\n";
stream_socket_sendto($udp_server, 'pong', 0, $from);
echo '  client got \'', fread($udp_client, 64), "'\n";

section('A failed connect, explained');
$closed = stream_socket_server('tcp://127.0.0.1:0');
$closed_address = stream_socket_get_name($closed, false);
fclose($closed);
$failed = @stream_socket_client("tcp://$closed_address", $errno, $errstr, 1);
echo "  \$errno = $errno, \$errstr = '$errstr' (as PHP reports it)\n";
echo "xport_last_error():\n";
show(xport_last_error());
