--TEST--
tls: peer_fingerprint as an md5 or sha1 string, a [algo => hex] array, mismatches and invalid forms
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$files->certificate('other', 'localhost', ['DNS:localhost']);
$cases = [
	'md5 string' => $files->fingerprint('server', 'md5'),
	'sha1 string, upper case' => strtoupper($files->fingerprint('server', 'sha1')),
	'sha256 array' => ['sha256' => $files->fingerprint('server', 'sha256')],
	'sha1 and sha256 array' => [
		'sha1' => $files->fingerprint('server', 'sha1'),
		'sha256' => $files->fingerprint('server', 'sha256'),
	],
	'md5 of another certificate' => $files->fingerprint('other', 'md5'),
	'sha256 of another certificate' => ['sha256' => $files->fingerprint('other', 'sha256')],
	'one of two entries wrong' => [
		'sha1' => $files->fingerprint('server', 'sha1'),
		'sha256' => $files->fingerprint('other', 'sha256'),
	],
	'sha256 as a string (only 32 and 40 digits are understood)' => $files->fingerprint('server', 'sha256'),
	'an integer' => 42,
	'an empty array' => [],
	'a list' => [$files->fingerprint('server', 'sha1')],
	'an unknown algorithm' => ['nosuchdigest' => 'abcd'],
];
$peer = xport_tls_server_peer($files, 'server.pem', count($cases) + 1);

foreach ($cases as $label => $fingerprint) {
	echo "-- $label\n";
	// verify_peer is off: the fingerprint alone vouches for the peer.
	$context = stream_context_create(['ssl' => [
		'verify_peer' => false,
		'verify_peer_name' => false,
		'peer_fingerprint' => $fingerprint,
	]]);
	$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\n";
	if ($client) {
		fclose($client);
	} else {
		echo 'last error: ', xport_last_error()['message'], "\n";
	}
	echo $peer->readLine(), "\n";
}

echo "-- with verify_peer on, a matching fingerprint does not excuse an untrusted certificate\n";
$context = stream_context_create(['ssl' => [
	'peer_name' => 'localhost',
	'peer_fingerprint' => $files->fingerprint('server', 'sha1'),
]]);
$client = stream_socket_client("tls://$peer->address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\n";
echo $peer->stop();
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- md5 string
stream: connected, errno 0
server: handshake done
-- sha1 string, upper case
stream: connected, errno 0
server: handshake done
-- sha256 array
stream: connected, errno 0
server: handshake done
-- sha1 and sha256 array
stream: connected, errno 0
server: handshake done
-- md5 of another certificate

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- sha256 of another certificate

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- one of two entries wrong

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- sha256 as a string (only 32 and 40 digits are understood)

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- an integer

Warning: stream_socket_client(): Expected peer fingerprint must be a string or an array in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: %Speer_fingerprint%S
server: handshake done
-- an empty array

Warning: stream_socket_client(): Invalid peer_fingerprint array; [algo => fingerprint] form required in %s on line %d

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- a list

Warning: stream_socket_client(): Invalid peer_fingerprint array; [algo => fingerprint] form required in %s on line %d

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- an unknown algorithm

Warning: stream_socket_client(): Unknown digest algorithm in %s on line %d

Warning: stream_socket_client(): peer_fingerprint match failure in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
last error: the peer certificate does not match peer_fingerprint
server: handshake done
-- with verify_peer on, a matching fingerprint does not excuse an untrusted certificate

Warning: stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages:
error:0A000086:SSL routines::certificate verify failed in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 129
server: handshake failed
