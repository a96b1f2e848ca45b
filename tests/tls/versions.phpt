--TEST--
tls: tlsv1.x:// transports, crypto_method and min/max_proto_version pick the protocol; mismatches fail
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);

function connect(XportPeer $peer, XportTlsFiles $files, string $transport, array $options = []): void
{
	$options += ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost'];
	$context = stream_context_create(['ssl' => $options]);
	$client = stream_socket_client("$transport://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	if ($client) {
		$tls = xport_stream_info($client)['tls'];
		echo "$transport: ", stream_get_meta_data($client)['crypto']['protocol'], " (xport says {$tls['protocol']})\n";
		fclose($client);
	} else {
		echo "$transport: failed, errno $errno\n";
	}
	echo $peer->readLine(), "\n";
}

echo "-- a tls:// server (TLS 1.0 to 1.3)\n";
$peer = xport_tls_server_peer($files, 'server.pem', 8);
connect($peer, $files, 'tls');
connect($peer, $files, 'ssl');
connect($peer, $files, 'tlsv1.2');
connect($peer, $files, 'tlsv1.3');
connect($peer, $files, 'tls', ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]);
connect($peer, $files, 'tls', ['max_proto_version' => STREAM_CRYPTO_PROTO_TLSv1_2]);
connect($peer, $files, 'tlsv1.2', ['max_proto_version' => STREAM_CRYPTO_PROTO_TLSv1_3]);
echo "-- TLS 1.0 needs security level 0 on both sides (OpenSSL 3)\n";
connect($peer, $files, 'tlsv1.0');
echo $peer->stop();

echo "-- TLS 1.0 at security level 0\n";
$peer = xport_tls_server_peer($files, 'server.pem', 1, ['security_level' => 0]);
connect($peer, $files, 'tlsv1.0', ['security_level' => 0]);
echo $peer->stop();

echo "-- a tlsv1.3:// server\n";
$peer = xport_tls_peer(<<<'CODE'
	$server = stream_socket_server('tlsv1.3://127.0.0.1:0', $errno, $errstr,
		STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
		stream_context_create(['ssl' => ['local_cert' => "$certs/server.pem"]]));
	peer_ready($server);
	for ($i = 0; $i < 2; $i++) {
		$conn = @stream_socket_accept($server, 10);
		peer_say('server: handshake ' . ($conn ? 'done' : 'failed'));
	}
	CODE, $files);
connect($peer, $files, 'tlsv1.2');
connect($peer, $files, 'tls');
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- a tls:// server (TLS 1.0 to 1.3)
tls: TLSv1.3 (xport says TLSv1.3)
server: handshake done
ssl: TLSv1.3 (xport says TLSv1.3)
server: handshake done
tlsv1.2: TLSv1.2 (xport says TLSv1.2)
server: handshake done
tlsv1.3: TLSv1.3 (xport says TLSv1.3)
server: handshake done
tls: TLSv1.2 (xport says TLSv1.2)
server: handshake done
tls: TLSv1.2 (xport says TLSv1.2)
server: handshake done
tlsv1.2: TLSv1.3 (xport says TLSv1.3)
server: handshake done
-- TLS 1.0 needs security level 0 on both sides (OpenSSL 3)

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000438:SSL routines::tlsv1 alert internal error in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tlsv1.0://127.0.0.1:%d (Unknown error) in %s on line %d
tlsv1.0: failed, errno 71
server: handshake failed
-- TLS 1.0 at security level 0
tlsv1.0: TLSv1 (xport says TLSv1)
server: handshake done
-- a tlsv1.3:// server

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A00042E:SSL routines::tlsv1 alert protocol version in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tlsv1.2://127.0.0.1:%d (Unknown error) in %s on line %d
tlsv1.2: failed, errno 71
server: handshake failed
tls: TLSv1.3 (xport says TLSv1.3)
server: handshake done
