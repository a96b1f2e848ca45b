--TEST--
A warning made fatal by an error handler in the middle of a persistent connect leaves no stream behind
--DESCRIPTION--
An invalid "bindto" address makes the connect op warn while the connection is being made. The
error handler turns that warning into E_USER_ERROR, so the engine unwinds out of the transport
with a longjmp. PHP's stream layer then closes the half-made persistent stream; nothing of it
may remain: no persistent resource, no socket descriptor, and (under valgrind) no memory.
PHP's own transport keeps the socket of such a connect open until the process ends; xport's
stream owns it from the moment it exists, so the close op releases it.
--EXTENSIONS--
xport
--SKIPIF--
<?php
if (!is_dir('/proc/self/fd')) {
	die('skip needs /proc/self/fd to count sockets');
}
?>
--INI--
xport.transports=tcp,udp
--ENV--
USE_TRACKED_ALLOC=1
--FILE--
<?php
// USE_TRACKED_ALLOC (above) lets a valgrind run free what the engine itself abandons on a
// fatal error; memory xport allocates with malloc or new is still reported if it leaks.

$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if (!$server) {
	die("cannot listen: $errstr\n");
}
$address = stream_socket_get_name($server, false);

$probe = stream_socket_client("tcp://$address", $errno, $errstr, 10);
echo 'xport serves tcp://: ', is_array(xport_stream_info($probe)) ? 'yes' : 'no', "\n";
fclose($probe);

function open_sockets(): int
{
	$count = 0;
	foreach (scandir('/proc/self/fd') as $fd) {
		$count += str_starts_with((string)@readlink("/proc/self/fd/$fd"), 'socket:');
	}
	return $count;
}

$sockets_before = open_sockets();

set_error_handler(function (int $errno, string $message): never {
	trigger_error($message, E_USER_ERROR);
});

register_shutdown_function(function () use ($sockets_before): void {
	$persistent = 0;
	foreach (get_resources() as $resource) {
		if (get_resource_type($resource) === 'persistent stream') {
			$persistent++;
		}
	}
	echo "persistent streams left: $persistent\n";
	echo 'sockets left by the connect: ', open_sockets() - $sockets_before, "\n";
});

$context = stream_context_create(['socket' => ['bindto' => '256.0.0.1:0']]);
stream_socket_client("tcp://$address", $errno, $errstr, 10,
	STREAM_CLIENT_CONNECT | STREAM_CLIENT_PERSISTENT, $context);

echo "not reached\n";
?>
--EXPECTF--
xport serves tcp://: yes

Fatal error: stream_socket_client(): Invalid IP Address: 256.0.0.1 in %s on line %d
persistent streams left: 0
sockets left by the connect: 0
