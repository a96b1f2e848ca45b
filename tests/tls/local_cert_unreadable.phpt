--TEST--
tls: local_cert and local_pk files the process may not read
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/services.php';
if (xport_service_is_root() && xport_tls_tool('setpriv') === null) {
	die('skip root reads mode 000 files, and setpriv (util-linux) is missing to drop that right');
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/services.php';

// Mode 000 does not stop root, so as root the client runs as "nobody" (setpriv); the
// directory then lets others reach its files by name, without listing it.
$files = XportTlsFiles::create(__FILE__);
chmod($files->dir, 0711);
copy($files->path('client.pem'), $files->path('locked-cert.pem'));
copy($files->path('client.key'), $files->path('locked.key'));
chmod($files->path('locked-cert.pem'), 0);
chmod($files->path('locked.key'), 0);
chmod($files->path('client.crt'), 0644);
$listener = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$address = stream_socket_get_name($listener, false);

file_put_contents($files->path('client.php'), <<<'CODE'
	<?php
	[, $address, $dir] = $argv;
	foreach ([
		'an unreadable certificate' => ['local_cert' => "$dir/locked-cert.pem"],
		'an unreadable key' => ['local_cert' => "$dir/client.crt", 'local_pk' => "$dir/locked.key"],
	] as $label => $options) {
		echo "-- $label\n";
		$context = stream_context_create(['ssl' => $options + ['verify_peer' => false]]);
		$client = stream_socket_client("tls://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
		echo 'stream: ', $client ? 'connected' : 'false', ", errno $errno\n";
	}
	CODE);
chmod($files->path('client.php'), 0644);
$command = array_merge(xport_php_command(), [$files->path('client.php'), $address, $files->dir]);
if (xport_service_is_root()) {
	$command = array_merge([xport_tls_tool('setpriv'), '--reuid=65534', '--regid=65534', '--clear-groups'],
		$command);
}
$spec = [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
$client = proc_open($command, $spec, $pipes);
echo stream_get_contents($pipes[1]), stream_get_contents($pipes[2]);
echo 'client exit status: ', proc_close($client), "\n";
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
client exit status: 0
