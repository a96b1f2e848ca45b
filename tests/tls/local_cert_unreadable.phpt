--TEST--
tls: local_cert and local_pk files the process may not read
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
$probe = tempnam(sys_get_temp_dir(), 'xport-probe-');
chmod($probe, 0);
$readable = is_readable($probe);
unlink($probe);
if ($readable) {
	die('skip files with mode 000 are readable here (running as root)');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
copy($files->path('client.pem'), $files->path('locked-cert.pem'));
copy($files->path('client.key'), $files->path('locked.key'));
chmod($files->path('locked-cert.pem'), 0);
chmod($files->path('locked.key'), 0);
$listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($listener, false);

foreach ([
	'an unreadable certificate' => ['local_cert' => $files->path('locked-cert.pem')],
	'an unreadable key' => ['local_cert' => $files->path('client.crt'), 'local_pk' => $files->path('locked.key')],
] as $label => $options) {
	echo "-- $label\n";
	$context = stream_context_create(['ssl' => $options + ['verify_peer' => false]]);
	$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
	echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\n";
}
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
-- an unreadable certificate

Warning: stream_socket_client(): Unable to set local cert chain file `%s/locked-cert.pem'; Check that your cafile/capath settings include details of your certificate and its issuer in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
-- an unreadable key

Warning: stream_socket_client(): Unable to set private key file `%s/locked.key' in %s on line %d

Warning: stream_socket_client(): Failed to enable crypto in %s on line %d

Warning: stream_socket_client(): Unable to connect to tls://127.0.0.1:%d (Unknown error) in %s on line %d
stream: false, errno 71
