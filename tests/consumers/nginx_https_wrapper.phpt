--TEST--
consumers: PHP's http:// and https:// wrappers (direct and through a CONNECT proxy) against nginx
--EXTENSIONS--
xport
openssl
--SKIPIF--
<?php
require __DIR__ . '/../inc/services.php';
echo xport_tls_skip_without('nginx');
?>
--FILE--
<?php
require __DIR__ . '/../inc/services.php';

$files = XportTlsFiles::create(__FILE__);
$dir = $files->dir;
mkdir("$dir/www");
file_put_contents("$dir/www/hello.txt", "hello from nginx\n");
$httpPort = xport_free_port();
$httpsPort = xport_free_port();
// master_process off: one process, which keeps root's rights to read the 0700 directory.
file_put_contents("$dir/nginx.conf", <<<CONF
	daemon off;
	master_process off;
	pid $dir/nginx.pid;
	error_log $dir/error.log;
	events { worker_connections 64; }
	http {
		access_log $dir/access.log;
		client_body_temp_path $dir/body;
		proxy_temp_path $dir/proxy;
		fastcgi_temp_path $dir/fastcgi;
		uwsgi_temp_path $dir/uwsgi;
		scgi_temp_path $dir/scgi;
		server {
			listen 127.0.0.1:$httpPort;
			listen 127.0.0.1:$httpsPort ssl;
			ssl_certificate $dir/server.crt;
			ssl_certificate_key $dir/server.key;
			ssl_protocols TLSv1.2 TLSv1.3;
			root $dir/www;
		}
	}
	CONF);
$nginx = XportService::start([
	xport_tls_tool('nginx'), '-p', $dir, '-e', "$dir/error.log", '-c', "$dir/nginx.conf",
], "$dir/nginx.out");
if (!$nginx->waitForPort($httpsPort) || !$nginx->waitForPort($httpPort)) {
	die("nginx did not start:\n" . $nginx->log() . @file_get_contents("$dir/error.log"));
}
echo xport_service_transport_line('ssl'), "\n", xport_service_transport_line('tcp'), "\n";

$context = stream_context_create(['ssl' => ['cafile' => $files->path('ca.crt')]]);
$url = "https://localhost:$httpsPort/hello.txt";
echo "https: ", json_encode(file_get_contents($url, false, $context)), "\n";

// The wrapper hands back the socket stream itself, so xport's view of it is visible.
$stream = fopen($url, 'r', false, $context);
$info = xport_stream_info($stream);
echo "https stream: {$info['transport']}, tls ", json_encode($info['tls']['active']),
	", {$info['tls']['protocol']}, sni {$info['tls']['sni']}, verify {$info['tls']['verify_message']}",
	", resumed ", json_encode($info['tls']['resumed']), "\n";
echo "status: ", stream_get_meta_data($stream)['wrapper_data'][0], "\n";
echo "body: ", json_encode(stream_get_contents($stream)), "\n";
fclose($stream);

// Without the CA the certificate is untrusted: the request must fail.
$result = @file_get_contents($url);
echo "https without cafile: ", json_encode($result), ", ",
	str_contains(error_get_last()['message'] ?? '', 'Failed to open stream') ? 'refused' : 'unexpected', "\n";

$stream = fopen("http://127.0.0.1:$httpPort/hello.txt", 'r');
$info = xport_stream_info($stream);
echo "http stream: {$info['transport']}, tls ", json_encode($info['tls']['active'] ?? false), "\n";
echo "http: ", json_encode(stream_get_contents($stream)), "\n";
fclose($stream);

// A CONNECT proxy on xport's tcp:// for one tunnel: the wrapper enables TLS on its tcp://
// stream to the proxy once the tunnel stands.
$proxy = XportPeer::start(<<<'CODE'
	$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	peer_ready($server);
	$client = stream_socket_accept($server, 10);
	$request = '';
	while (!str_contains($request, "\r\n\r\n") && ($line = fgets($client)) !== false) {
		$request .= $line;
	}
	peer_say('proxy got: ' . strtok($request, "\r\n"));
	preg_match('~^CONNECT localhost:(\d+) ~', $request, $match);
	$upstream = stream_socket_client("tcp://127.0.0.1:$match[1]", $errno, $errstr, 10);
	fwrite($client, "HTTP/1.1 200 Connection established\r\n\r\n");
	$deadline = microtime(true) + 10;
	$open = true;
	while ($open && microtime(true) < $deadline) {
		$read = [$client, $upstream];
		$write = $except = null;
		if (stream_select($read, $write, $except, 1) < 1) {
			continue;
		}
		foreach ($read as $from) {
			$data = fread($from, 65536);
			if ($data === '' || $data === false) {
				$open = false;
				break;
			}
			fwrite($from === $client ? $upstream : $client, $data);
		}
	}
	peer_say('proxy: tunnel closed');
	CODE);
$context = stream_context_create([
	'ssl' => ['cafile' => $files->path('ca.crt')],
	'http' => ['proxy' => "tcp://$proxy->address"],
]);
$stream = fopen($url, 'r', false, $context);
$info = xport_stream_info($stream);
echo "proxied https stream: {$info['transport']}, tls ", json_encode($info['tls']['active']),
	", verify {$info['tls']['verify_message']}\n";
echo "proxied https: ", json_encode(stream_get_contents($stream)), "\n";
fclose($stream);
echo $proxy->stop();

$nginx->stop();
echo "nginx running: ", json_encode($nginx->running()), "\n";
$log = (string) file_get_contents("$dir/access.log");
echo "nginx logged: ", preg_match_all('~"GET /hello\.txt HTTP/1\.[01]" 200 ~', $log), " GETs\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/services.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECTF--
xport ssl: yes
xport tcp: yes
https: "hello from nginx\n"
https stream: ssl, tls true, TLSv1.%d, sni localhost, verify ok, resumed true
status: HTTP/1.1 200 OK
body: "hello from nginx\n"
https without cafile: false, refused
http stream: tcp, tls false
http: "hello from nginx\n"
proxied https stream: tcp, tls true, verify ok
proxied https: "hello from nginx\n"
proxy got: CONNECT localhost:%d HTTP/1.0
proxy: tunnel closed
nginx running: false
nginx logged: 4 GETs
