--TEST--
starttls: non-blocking stream_socket_enable_crypto() on both ends in one process, driven by stream_select()
--EXTENSIONS--
xport
openssl
--FILE--
<?php
require __DIR__ . '/../inc/tls.php';

$files = XportTlsFiles::create(__FILE__);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
	stream_context_create(['ssl' => ['local_cert' => $files->path('server.pem')]]));
$address = stream_socket_get_name($server, false);
$client = stream_socket_client("tcp://$address", $errno, $errstr, 10, STREAM_CLIENT_CONNECT,
	stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]));
$accepted = stream_socket_accept($server, 10);

fwrite($client, "STARTTLS\n");
var_dump(fgets($accepted));
fwrite($accepted, "go ahead\n");
var_dump(fgets($client));
stream_set_blocking($client, false);
stream_set_blocking($accepted, false);

$ends = [
	'client' => [$client, STREAM_CRYPTO_METHOD_TLS_CLIENT],
	'server' => [$accepted, STREAM_CRYPTO_METHOD_TLS_SERVER],
];
$results = ['client' => [], 'server' => []];
for ($round = 0; $round < 1000 && $ends; $round++) {
	foreach ($ends as $name => [$stream, $method]) {
		$result = stream_socket_enable_crypto($stream, true, $method);
		$results[$name][] = $result;
		if ($result !== 0) {
			unset($ends[$name]);
		}
	}
	$read = array_map(fn ($end) => $end[0], array_values($ends));
	$write = $except = null;
	if ($read && stream_select($read, $write, $except, 10) === 0) {
		echo "stream_select() timed out\n";
		break;
	}
}
foreach ($results as $name => $list) {
	$last = array_pop($list);
	$zeros = count(array_filter($list, fn ($value) => $value === 0));
	echo "$name: first call ", var_export($list[0] ?? $last, true), ", ",
		$zeros === count($list) ? 'only 0 before the end' : 'something else before the end', ', then ',
		var_export($last, true), "\n";
}

var_dump(stream_get_meta_data($client)['crypto']['protocol']);
var_dump(stream_get_meta_data($client)['blocked'], stream_get_meta_data($accepted)['blocked']);
echo 'client: ', xport_stream_info($client)['tls']['role'], ', server: ',
	xport_stream_info($accepted)['tls']['role'], "\n";

echo "-- data both ways while non-blocking\n";
// A read may consume only TLS records without data (TLS 1.3 session tickets): select again.
function read_line($stream): string
{
	$line = '';
	for ($i = 0; $i < 100 && !str_ends_with($line, "\n"); $i++) {
		$read = [$stream];
		$write = $except = null;
		if (stream_select($read, $write, $except, 10) !== 1) {
			return "$line(stream_select() timed out)";
		}
		$line .= fread($stream, 100);
	}
	return $line;
}
var_dump(fwrite($client, "over TLS\n"));
var_dump(read_line($accepted));
var_dump(fwrite($accepted, "reply\n"));
var_dump(read_line($client));
echo "nothing more: ";
var_dump(fread($client, 10), feof($client));

fclose($client);
fclose($accepted);
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/tls.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
string(9) "STARTTLS
"
string(9) "go ahead
"
client: first call 0, only 0 before the end, then true
server: first call 0, only 0 before the end, then true
string(7) "TLSv1.3"
bool(false)
bool(false)
client: client, server: server
-- data both ways while non-blocking
int(9)
string(9) "over TLS
"
int(6)
string(6) "reply
"
nothing more: string(0) ""
bool(false)
