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

section('TLS with a throwaway certificate, and a resumed session');
$dir = sys_get_temp_dir() . '/xport-demo-' . getmypid();
@mkdir($dir);
$key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
$csr = openssl_csr_new(['commonName' => 'localhost'], $key,
	['digest_alg' => 'sha256', 'x509_extensions' => 'v3_req', 'req_extensions' => 'v3_req']);
$cert = openssl_csr_sign($csr, null, $key, 1, ['digest_alg' => 'sha256']);
openssl_x509_export($cert, $cert_pem);
openssl_pkey_export($key, $key_pem);
file_put_contents("$dir/cert.pem", $cert_pem . $key_pem);
file_put_contents("$dir/ca.pem", $cert_pem);

$tls_server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
	STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => "$dir/cert.pem"]]));
$tls_address = stream_socket_get_name($tls_server, false);
$child = pcntl_fork();
if ($child === 0) {
	// The server: two connections, each echoing one line.
	for ($i = 0; $i < 2; $i++) {
		$peer = @stream_socket_accept($tls_server, 5);
		if ($peer) {
			fwrite($peer, 'echo: ' . fgets($peer));
			fclose($peer);
		}
	}
	exit(0);
}
$client_options = ['ssl' => ['cafile' => "$dir/ca.pem", 'peer_name' => 'localhost']];
for ($i = 1; $i <= 2; $i++) {
	$tls = stream_socket_client("tls://$tls_address", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
		stream_context_create($client_options));
	fwrite($tls, "hello over TLS\n");
	echo "  connection $i got: ", fgets($tls);
	$info = xport_stream_info($tls)['tls'];
	printf("  %s %s, SNI %s, verified: %s, resumed: %s, handshake %.2f ms\n", $info['protocol'],
		$info['cipher'], var_export($info['sni'], true), $info['verify_message'],
		$info['resumed'] ? 'yes' : 'no', $info['handshake_ms']);
	fclose($tls);
}
pcntl_waitpid($child, $status);
array_map('unlink', glob("$dir/*"));
rmdir($dir);

section('A failed connect, explained');
$closed = stream_socket_server('tcp://127.0.0.1:0');
$closed_address = stream_socket_get_name($closed, false);
fclose($closed);
$failed = @stream_socket_client("tcp://$closed_address", $errno, $errstr, 1);
echo "  \$errno = $errno, \$errstr = '$errstr' (as PHP reports it)\n";
echo "xport_last_error():\n";
show(xport_last_error());
