--TEST--
consumers: PHP's ftps:// wrapper and a hand-made FTPS client with TLS session reuse against vsftpd
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/services.php';
echo xport_tls_skip_without('vsftpd');
if (!xport_service_is_root()) {
	echo 'skip vsftpd must start as root';
}
if (!str_contains((string) @file_get_contents('/etc/passwd'), "\nftp:")) {
	echo 'skip vsftpd serves anonymous FTP as the user "ftp", which does not exist';
}
?>
--FILE--
<?php
require __DIR__ . '/../inc/services.php';

$files = XportTlsFiles::create(__FILE__);
$dir = $files->dir;
mkdir("$dir/ftp", 0755);
mkdir("$dir/empty", 0755);
file_put_contents("$dir/ftp/hello.txt", "hello from vsftpd\n");
chmod("$dir/ftp/hello.txt", 0644);

// Anonymous read-only FTP that insists on TLS for logins and data. vsftpd's default cipher
// list (DES-CBC3-SHA) is refused by OpenSSL 3, hence ssl_ciphers. With $reuse the server
// also requires every data connection to resume the control connection's TLS session,
// which PHP's ftps:// wrapper does not do.
function start_vsftpd(string $dir, string $name, bool $reuse): array
{
	$port = xport_free_port();
	$settings = [
		'listen' => 'YES', 'listen_ipv6' => 'NO', 'listen_address' => '127.0.0.1',
		'listen_port' => $port, 'background' => 'NO',
		'anonymous_enable' => 'YES', 'local_enable' => 'NO', 'write_enable' => 'NO',
		'anon_root' => "$dir/ftp", 'no_anon_password' => 'YES', 'ftp_username' => 'ftp',
		'secure_chroot_dir' => "$dir/empty", 'xferlog_enable' => 'NO',
		'seccomp_sandbox' => 'NO', 'isolate' => 'NO', 'isolate_network' => 'NO',
		'ssl_enable' => 'YES', 'allow_anon_ssl' => 'YES', 'force_anon_logins_ssl' => 'YES',
		'force_anon_data_ssl' => 'YES', 'ssl_ciphers' => 'HIGH',
		'require_ssl_reuse' => $reuse ? 'YES' : 'NO',
		'rsa_cert_file' => "$dir/server.crt", 'rsa_private_key_file' => "$dir/server.key",
	];
	$config = '';
	foreach ($settings as $key => $value) {
		$config .= "$key=$value\n";
	}
	file_put_contents("$dir/$name.conf", $config);
	$server = XportService::start([xport_tls_tool('vsftpd'), "$dir/$name.conf"], "$dir/$name.log");
	if (!$server->waitForPort($port)) {
		die("vsftpd did not start:\n" . $server->log());
	}
	return [$server, $port];
}

[$server, $port] = start_vsftpd($dir, 'vsftpd', false);
echo xport_service_transport_line('tcp'), "\n";

$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$url = "ftps://127.0.0.1:$port/hello.txt";
echo "ftps: ", json_encode(file_get_contents($url, false, $context)), "\n";

// The wrapper hands back the data connection: xport's tcp:// stream, upgraded to TLS.
$stream = fopen($url, 'r', false, $context);
$info = xport_stream_info($stream);
echo "data stream: {$info['transport']}, tls ", json_encode($info['tls']['active']),
	", verify {$info['tls']['verify_message']}\n";
echo "data: ", json_encode(stream_get_contents($stream)), "\n";
fclose($stream);

// Without peer_name the host of the URL is the name to check (the IP entry here).
$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt')]]);
echo "ftps, name from the URL: ", json_encode(@file_get_contents($url, false, $context)), "\n";

// An untrusted certificate stops the wrapper before it logs in.
echo "ftps without cafile: ", json_encode(@file_get_contents($url)), "\n";
$server->stop();
echo "vsftpd running: ", json_encode($server->running()), "\n";

// FTPS by hand: AUTH TLS on the control connection, then the data connection resumes the
// control connection's session (stream_socket_enable_crypto()'s fourth argument), which
// this server requires.
[$server, $port] = start_vsftpd($dir, 'vsftpd-reuse', true);

function ftp_command($control, string $command): string
{
	fwrite($control, "$command\r\n");
	$reply = rtrim((string) fgets($control), "\r\n");
	echo strtok($command, ' '), " -> ", substr($reply, 0, 3), "\n";
	return $reply;
}

$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt'), 'peer_name' => 'localhost']]);
$control = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $context);
stream_set_timeout($control, 10);
echo "banner -> ", substr((string) fgets($control), 0, 3), "\n";
ftp_command($control, 'AUTH TLS');
var_dump(stream_socket_enable_crypto($control, true, STREAM_CRYPTO_METHOD_TLS_CLIENT));
foreach (['PBSZ 0', 'PROT P', 'USER anonymous', 'TYPE I'] as $command) {
	ftp_command($control, $command);
}
$reply = ftp_command($control, 'PASV');
preg_match('~\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)~', $reply, $match);
$data = stream_socket_client("tcp://127.0.0.1:" . ($match[5] * 256 + $match[6]), $errno, $errstr, 10,
	STREAM_CLIENT_CONNECT, $context);
ftp_command($control, 'RETR hello.txt');
var_dump(stream_socket_enable_crypto($data, true, STREAM_CRYPTO_METHOD_TLS_CLIENT, $control));
$tls = xport_stream_info($data)['tls'];
echo "data connection: tls ", json_encode($tls['active']), ", resumed ", json_encode($tls['resumed']), "\n";
echo "data: ", json_encode(stream_get_contents($data)), "\n";
fclose($data);
echo "transfer -> ", substr((string) fgets($control), 0, 3), "\n";
ftp_command($control, 'QUIT');
fclose($control);
$server->stop();
echo "vsftpd running: ", json_encode($server->running()), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/services.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
xport tcp: yes
ftps: "hello from vsftpd\n"
data stream: tcp, tls true, verify ok
data: "hello from vsftpd\n"
ftps, name from the URL: "hello from vsftpd\n"
ftps without cafile: false
vsftpd running: false
banner -> 220
AUTH -> 234
bool(true)
PBSZ -> 200
PROT -> 200
USER -> 230
TYPE -> 200
PASV -> 227
RETR -> 150
bool(true)
data connection: tls true, resumed true
data: "hello from vsftpd\n"
transfer -> 226
QUIT -> 221
vsftpd running: false
