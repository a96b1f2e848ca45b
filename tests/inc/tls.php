<?php
// TLS fixtures for the phpt suite (tests/tls, tests/starttls, tests/interop).
//
// - XportTlsFiles makes a CA, server and client certificates with ext/openssl when a test
//   starts, in a directory derived from the test's file name, so that --CLEAN-- (a separate
//   process) removes the same directory with XportTlsFiles::remove(__FILE__).
// - XportProcess runs one command (an OpenSSL or GnuTLS tool) without a shell, reads what it
//   prints, and stops it by its PID.
// - xport_tls_peer() and xport_tls_server_peer() start PHP peers (XportPeer) that find the
//   test's certificates.
// - xport_private_network() reruns a test inside its own network namespace, where the only
//   interface is loopback: for tools such as gnutls-serv that cannot bind one address.
require_once __DIR__ . '/peer.php';

// The helpers match tool output with preg_*; PCRE's JIT code reads past the end of subject
// strings, which memcheck reports as invalid reads under `run-tests.php -m`.
ini_set('pcre.jit', '0');

const XPORT_TLS_WAIT_SECONDS = 10;

// The absolute path of an executable on PATH or in the sbin directories (servers live there,
// and PATH may lack them), or null.
function xport_tls_tool(string $name): ?string
{
	$dirs = explode(PATH_SEPARATOR, getenv('PATH') ?: '/usr/local/bin:/usr/bin:/bin');
	foreach (array_merge($dirs, ['/usr/local/sbin', '/usr/sbin', '/sbin']) as $dir) {
		$path = rtrim($dir, '/') . '/' . $name;
		if ($dir !== '' && is_file($path) && is_executable($path)) {
			return $path;
		}
	}
	return null;
}

// For --SKIPIF--: "skip ..." when one of the tools is missing, else an empty string.
function xport_tls_skip_without(string ...$tools): string
{
	foreach ($tools as $tool) {
		if (xport_tls_tool($tool) === null) {
			return "skip $tool is not installed";
		}
	}
	return '';
}

// A port nobody listens on right now, for tools that cannot bind port 0 themselves. Use it in a
// private network (below), where no other process can take it in the meantime.
function xport_free_port(): int
{
	$probe = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
	if ($probe === false) {
		throw new RuntimeException("no free port: $errstr");
	}
	$name = stream_socket_get_name($probe, false);
	fclose($probe);
	return (int) substr($name, strrpos($name, ':') + 1);
}

// A PHP peer (see XportPeer) whose code finds the test's certificate directory in $certs.
function xport_tls_peer(string $code, ?XportTlsFiles $files = null, array $ini = []): XportPeer
{
	$prefix = $files === null ? '' : '$certs = ' . var_export($files->dir, true) . ";\n";

	return XportPeer::start($prefix . $code, $ini);
}

// A tls:// server in a worker that serves $certificate (a file of the test's directory, or an
// absolute path) with $options to $connections clients one after the other, and says for
// each whether its side of the handshake succeeded.
function xport_tls_server_peer(XportTlsFiles $files, string $certificate, int $connections = 1,
	array $options = []): XportPeer
{
	$path = str_starts_with($certificate, '/') ? $certificate : $files->path($certificate);
	$options += ['local_cert' => $path];
	$code = '$options = ' . var_export($options, true) . ";\n"
		. '$connections = ' . $connections . ";\n" . <<<'CODE'
		$server = stream_socket_server('tls://127.0.0.1:0', $errno, $errstr,
			STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, stream_context_create(['ssl' => $options]));
		peer_ready($server);
		for ($i = 0; $i < $connections; $i++) {
			$conn = @stream_socket_accept($server, 10);
			peer_say('server: handshake ' . ($conn ? 'done' : 'failed'));
			if ($conn) {
				fclose($conn);
			}
		}
		CODE;

	return xport_tls_peer($code, $files);
}

// Certificates for one test, made with ext/openssl. Every certificate `name` has
// name.crt (the certificate), name.key (its key, unencrypted unless asked) and name.pem
// (certificate then key, the form local_cert takes alone).
final class XportTlsFiles
{
	public readonly string $dir;
	private array $keys = [];
	private array $certificates = [];
	private int $serial = 1;

	private function __construct(string $dir)
	{
		$this->dir = $dir;
	}

	// The directory for the test whose FILE, SKIPIF or CLEAN script is $script.
	public static function directoryFor(string $script): string
	{
		$test = preg_replace('~(\.clean|\.skip)?\.php$~', '', $script);
		return sys_get_temp_dir() . '/xport-tls-' . basename($test) . '-' . substr(md5($test), 0, 8);
	}

	// A fresh directory with a CA ("ca"), a server certificate for localhost and 127.0.0.1
	// ("server") and a client certificate ("client"), all issued by the CA.
	public static function create(string $script): self
	{
		$files = new self(self::directoryFor($script));
		self::removeDirectory($files->dir);
		if (!mkdir($files->dir, 0700)) {
			throw new RuntimeException("cannot create $files->dir");
		}
		$files->writeConfig();
		$files->authority('ca', 'xport test CA');
		$files->certificate('server', 'localhost', ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1']);
		$files->certificate('client', 'xport test client', [], 'ca', 'client');
		return $files;
	}

	public static function remove(string $script): void
	{
		self::removeDirectory(self::directoryFor($script));
	}

	private static function removeDirectory(string $dir): void
	{
		if (!is_dir($dir)) {
			return;
		}
		foreach (scandir($dir) as $entry) {
			if ($entry !== '.' && $entry !== '..') {
				$path = "$dir/$entry";
				is_dir($path) && !is_link($path) ? self::removeDirectory($path) : unlink($path);
			}
		}
		rmdir($dir);
	}

	public function path(string $file): string
	{
		return "$this->dir/$file";
	}

	// A self-signed CA certificate.
	public function authority(string $name, string $cn): void
	{
		$this->issue($name, $cn, [], null, 'ca');
	}

	// A leaf certificate issued by $issuer, or self-signed when $issuer is null. $usage is
	// "server" or "client"; $san lists subjectAltName entries such as "DNS:localhost".
	public function certificate(string $name, string $cn, array $san, ?string $issuer = 'ca',
		string $usage = 'server', ?string $passphrase = null): void
	{
		$this->issue($name, $cn, $san, $issuer, $usage, $passphrase);
	}

	// The lower-case hex digest of a certificate made here, as peer_fingerprint expects it.
	public function fingerprint(string $name, string $algorithm): string
	{
		return openssl_x509_fingerprint($this->certificates[$name], $algorithm);
	}

	private function issue(string $name, string $cn, array $san, ?string $issuer, string $usage,
		?string $passphrase = null): void
	{
		$config = $this->path('openssl.cnf');
		$section = "ext_$name";
		$lines = match ($usage) {
			'ca' => ['basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign'],
			'client' => ['basicConstraints = CA:FALSE', 'extendedKeyUsage = clientAuth'],
			default => ['basicConstraints = CA:FALSE', 'extendedKeyUsage = serverAuth'],
		};
		$lines[] = 'subjectKeyIdentifier = hash';
		if ($san) {
			$lines[] = 'subjectAltName = ' . implode(',', $san);
		}
		file_put_contents($config, "\n[$section]\n" . implode("\n", $lines) . "\n", FILE_APPEND);

		$options = ['config' => $config, 'digest_alg' => 'sha256', 'x509_extensions' => $section];
		$key = openssl_pkey_new([
			'config' => $config,
			'private_key_type' => OPENSSL_KEYTYPE_EC,
			'curve_name' => 'prime256v1',
		]);
		$csr = openssl_csr_new(['commonName' => $cn], $key, $options);
		$signer = $issuer === null ? null : $this->certificates[$issuer];
		$signingKey = $issuer === null ? $key : $this->keys[$issuer];
		$certificate = openssl_csr_sign($csr, $signer, $signingKey, 2, $options, $this->serial++);
		if ($certificate === false) {
			throw new RuntimeException("cannot issue $name: " . openssl_error_string());
		}

		$this->keys[$name] = $key;
		$this->certificates[$name] = $certificate;
		openssl_x509_export($certificate, $pem);
		openssl_pkey_export($key, $keyPem, $passphrase, ['config' => $config]);
		file_put_contents($this->path("$name.crt"), $pem);
		file_put_contents($this->path("$name.key"), $keyPem);
		file_put_contents($this->path("$name.pem"), $pem . $keyPem);
	}

	private function writeConfig(): void
	{
		file_put_contents($this->path('openssl.cnf'),
			"[req]\ndefault_bits = 2048\ndistinguished_name = req_dn\n[req_dn]\n");
	}
}

// A command run without a shell, its standard error merged into its standard output.
final class XportProcess
{
	private $process;
	private array $pipes = [];
	private int $pid;
	private string $buffer = '';
	private string $seen = '';

	private function __construct()
	{
	}

	public static function start(array $command, ?array $environment = null): self
	{
		$run = new self();
		$spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]];
		$run->process = proc_open($command, $spec, $run->pipes, null, $environment);
		if (!is_resource($run->process)) {
			throw new RuntimeException('cannot start ' . $command[0]);
		}
		$run->pid = proc_get_status($run->process)['pid'];
		stream_set_blocking($run->pipes[1], false);
		return $run;
	}

	// Reads until the output (from the last match on) matches $pattern; the matches, or
	// null when the process ended or the wait ran out first.
	public function waitFor(string $pattern, float $seconds = XPORT_TLS_WAIT_SECONDS): ?array
	{
		$deadline = microtime(true) + $seconds;

		while (true) {
			if (preg_match($pattern, $this->buffer, $match, PREG_OFFSET_CAPTURE)) {
				$end = $match[0][1] + strlen($match[0][0]);
				$this->seen .= substr($this->buffer, 0, $end);
				$this->buffer = substr($this->buffer, $end);
				return array_map(fn ($group) => $group[0], $match);
			}
			if (microtime(true) >= $deadline || !$this->readSome($deadline)) {
				return null;
			}
		}
	}

	// Waits for a TCP listener's "ACCEPT host:port" style line and returns host:port.
	public function waitForAddress(string $pattern): string
	{
		$match = $this->waitFor($pattern);
		if ($match === null) {
			throw new RuntimeException("no address from the peer:\n" . $this->stop());
		}
		return $match[1];
	}

	public function send(string $data): void
	{
		fwrite($this->pipes[0], $data);
		fflush($this->pipes[0]);
	}

	public function closeInput(): void
	{
		if (is_resource($this->pipes[0])) {
			fclose($this->pipes[0]);
		}
	}

	// Kills the process by its PID at once (SIGKILL): its sockets close without any TLS alert.
	public function kill(): void
	{
		if (proc_get_status($this->process)['running']) {
			proc_terminate($this->process, 9);
		}
	}

	// Closes its input, waits a bounded time for it to exit, kills it by PID if it did not,
	// and returns everything it printed (including what waitFor() already consumed).
	public function stop(float $seconds = XPORT_TLS_WAIT_SECONDS): string
	{
		if ($this->process === null) {
			return $this->seen . $this->buffer;
		}
		$this->closeInput();
		$deadline = microtime(true) + $seconds;
		while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
			$this->readSome(min($deadline, microtime(true) + 0.05));
		}
		if (proc_get_status($this->process)['running']) {
			proc_terminate($this->process, 9);
			$this->buffer .= "[process $this->pid killed after $seconds s]\n";
		}
		$this->buffer .= (string) stream_get_contents($this->pipes[1]);
		fclose($this->pipes[1]);
		proc_close($this->process);
		$this->process = null;
		return $this->seen . $this->buffer;
	}

	// Reads what is available before $deadline; false once the output ended.
	private function readSome(float $deadline): bool
	{
		$read = [$this->pipes[1]];
		$write = $except = null;
		$left = max(0, $deadline - microtime(true));
		$ready = stream_select($read, $write, $except, (int) $left, (int) (fmod($left, 1) * 1e6));
		if ($ready === 0) {
			return true;
		}
		$chunk = fread($this->pipes[1], 65536);
		if ($chunk === '' || $chunk === false) {
			return !feof($this->pipes[1]);
		}
		$this->buffer .= $chunk;
		return true;
	}

	public function __destruct()
	{
		$this->stop(0);
	}
}

// For each pattern, what it matches in the first line of $output where it matches (or a
// note that it matches nowhere). Tools print to stdout and stderr, whose order in a merged
// pipe is not fixed: asserting pattern by pattern keeps the expected output exact.
function xport_tls_grep(string $output, array $patterns): string
{
	$lines = preg_split('~\r?\n~', $output);
	$found = '';

	foreach ($patterns as $pattern) {
		$text = "(nothing matches $pattern)";
		foreach ($lines as $line) {
			if (preg_match($pattern, $line, $match)) {
				$text = $match[0];
				break;
			}
		}
		$found .= $text . "\n";
	}
	return $found;
}

// Starts `openssl s_server` on 127.0.0.1 port 0 for one connection with $arguments added;
// returns the process and the address it listens on.
function xport_openssl_server(array $arguments): array
{
	$command = [xport_tls_tool('openssl'), 's_server', '-accept', '127.0.0.1:0', '-naccept', '1'];
	$server = XportProcess::start(array_merge($command, $arguments));

	return [$server, $server->waitForAddress('~ACCEPT (127\.0\.0\.1:\d+)\r?\n~')];
}

// --- A private network: only loopback, for tools that listen on every address ---------------

const XPORT_PRIVATE_NETWORK_ENV = 'XPORT_TLS_PRIVATE_NETWORK';

// The command that starts $command in new user and network namespaces.
function xport_private_network_command(array $command): ?array
{
	$unshare = xport_tls_tool('unshare');

	return $unshare === null ? null : array_merge([$unshare, '--net', '--map-root-user'], $command);
}

// For --SKIPIF--: "skip ..." when no private network can be made here, else ''.
function xport_private_network_skip(): string
{
	if (xport_tls_tool('unshare') === null || xport_tls_tool('ip') === null) {
		return 'skip unshare (util-linux) and ip (iproute2) are needed for a private network';
	}
	$command = xport_private_network_command([xport_tls_tool('ip'), 'link', 'set', 'lo', 'up']);
	$quiet = [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']];
	$process = proc_open($command, $quiet, $pipes);
	if (!is_resource($process) || proc_close($process) !== 0) {
		return 'skip no network namespace can be made here (unshare --net --map-root-user)';
	}
	return '';
}

// Runs the test script $script again inside a private network namespace and prints what it
// printed, then returns true: the caller's code ends there. Inside the namespace it brings
// loopback up and returns false, so the test goes on. Only 127.0.0.1 and ::1 exist in there,
// so a peer that binds "every address" is reachable through loopback alone.
function xport_private_network(string $script): bool
{
	if (getenv(XPORT_PRIVATE_NETWORK_ENV) === '1') {
		$ip = proc_open([xport_tls_tool('ip'), 'link', 'set', 'lo', 'up'], [], $pipes);
		if (!is_resource($ip) || proc_close($ip) !== 0) {
			throw new RuntimeException('cannot bring up loopback in the private network');
		}
		return false;
	}
	$command = xport_private_network_command(array_merge(xport_php_command(), [$script]));
	$environment = getenv();
	$environment[XPORT_PRIVATE_NETWORK_ENV] = '1';
	$inner = XportProcess::start($command, $environment);
	echo $inner->stop(60);
	return true;
}
