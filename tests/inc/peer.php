<?php
// Peer processes for the phpt suite.
//
// A test hands XportPeer::start() a piece of PHP code; it runs in a separate PHP process
// (tests/inc/peer_worker.php) started with proc_open(). Tests run under `php -n`, so the
// worker gets the same PHP binary, `-n`, this process's xport.so and xport INI settings on
// its command line, never a php.ini. The code announces the socket it bound (to port 0)
// with peer_ready(); start() returns once that line arrived, with the real address and what
// xport_stream_info() said about the worker's stream. stop() ends the worker, by its PID if
// it does not exit by itself in time, and returns everything else it printed.

const XPORT_PEER_WAIT_SECONDS = 10;

// The xport.so this process loaded: the worker must load the very same file.
function xport_extension_path(): string
{
	$maps = @file('/proc/self/maps', FILE_IGNORE_NEW_LINES);

	foreach ($maps ?: [] as $line) {
		// A rebuild while this process runs marks the mapping " (deleted)"; the path still holds.
		if (preg_match('~\s(/\S*/xport\.so)( \(deleted\))?$~', $line, $match)) {
			return $match[1];
		}
	}
	// `make test` loads "xport.so" from an extension_dir pointing at modules/.
	return rtrim((string) ini_get('extension_dir'), '/') . '/xport.so';
}

// Command line of a PHP process that has this process's xport setup and nothing else.
function xport_php_command(array $ini = []): array
{
	$settings = [
		'extension' => xport_extension_path(),
		'xport.transports' => (string) ini_get('xport.transports'),
		'xport.strict_addresses' => ini_get('xport.strict_addresses') ? '1' : '0',
		'display_errors' => '1',
		'error_reporting' => (string) E_ALL,
		'default_socket_timeout' => (string) XPORT_PEER_WAIT_SECONDS,
	];
	$command = [PHP_BINARY, '-n'];

	foreach (array_merge($settings, $ini) as $name => $value) {
		$command[] = '-d';
		$command[] = "$name=$value";
	}
	return $command;
}

final class XportPeer
{
	/** @var XportPeer[] peers still running, stopped at shutdown if a test forgot one */
	private static array $running = [];
	private static bool $cleanupRegistered = false;
	/** the process that started the peers: a forked child must leave them to its parent */
	private static int $ownerPid = 0;

	public readonly string $address;
	/** xport_stream_info() of the worker's announced stream, as the worker saw it */
	public readonly array|false $info;

	private $process;
	private array $pipes = [];
	private int $pid;
	private string $codeFile;
	private string $output = '';

	private function __construct()
	{
	}

	// Starts a worker that runs $code and waits until it called peer_ready().
	public static function start(string $code, array $ini = []): self
	{
		$peer = new self();
		$peer->codeFile = tempnam(sys_get_temp_dir(), 'xport-peer-');
		file_put_contents($peer->codeFile, "<?php\n" . $code);

		$command = xport_php_command($ini);
		$command[] = __DIR__ . '/peer_worker.php';
		$command[] = $peer->codeFile;
		$spec = [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]];
		$peer->process = proc_open($command, $spec, $peer->pipes);
		if (!is_resource($peer->process)) {
			unlink($peer->codeFile);
			throw new RuntimeException('could not start a peer process');
		}
		$peer->pid = proc_get_status($peer->process)['pid'];
		self::$running[$peer->pid] = $peer;
		if (!self::$cleanupRegistered) {
			register_shutdown_function([self::class, 'stopAll']);
			self::$cleanupRegistered = true;
			self::$ownerPid = getmypid();
		}

		$line = $peer->readLine();
		$ready = $line === null ? null : json_decode($line, true);
		if (!is_array($ready) || !isset($ready['ready'])) {
			$rest = $peer->stop();
			throw new RuntimeException("peer did not start: " . ($line ?? '') . $rest);
		}
		$peer->address = $ready['ready'];
		$peer->info = $ready['info'];
		return $peer;
	}

	// One line for the expected output: which transport the worker's stream belongs to.
	public function banner(): string
	{
		if ($this->info === false) {
			return 'peer: not an xport stream';
		}
		return "peer: xport {$this->info['transport']} {$this->info['role']}";
	}

	// Sends one line to the worker's standard input (see peer_wait()).
	public function tell(string $line): void
	{
		fwrite($this->pipes[0], $line . "\n");
		fflush($this->pipes[0]);
	}

	// The next line the worker printed, without its newline; null on EOF or after the wait.
	public function readLine(): ?string
	{
		$deadline = microtime(true) + XPORT_PEER_WAIT_SECONDS;
		$line = '';

		while (microtime(true) < $deadline) {
			$read = [$this->pipes[1]];
			$write = $except = null;
			if (stream_select($read, $write, $except, 0, 100000) === 0) {
				continue;
			}
			$chunk = fgets($this->pipes[1]);
			if ($chunk === false) {
				return $line === '' ? null : $line;
			}
			$line .= $chunk;
			if (str_ends_with($line, "\n")) {
				return substr($line, 0, -1);
			}
		}
		return null;
	}

	// Closes the worker's input, waits a bounded time for it to exit, kills it by PID when
	// it does not, and returns what it printed that nobody read yet.
	public function stop(): string
	{
		if (!isset(self::$running[$this->pid])) {
			return $this->output;
		}
		unset(self::$running[$this->pid]);
		fclose($this->pipes[0]);

		stream_set_blocking($this->pipes[1], false);
		$deadline = microtime(true) + XPORT_PEER_WAIT_SECONDS;
		while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
			$this->output .= (string) stream_get_contents($this->pipes[1]);
			usleep(10000);
		}
		if (proc_get_status($this->process)['running']) {
			// proc_terminate() signals exactly this PID: the worker runs without a shell.
			proc_terminate($this->process, 9);
			$this->output .= "peer $this->pid killed after " . XPORT_PEER_WAIT_SECONDS . " s\n";
		}
		$this->output .= (string) stream_get_contents($this->pipes[1]);
		fclose($this->pipes[1]);
		proc_close($this->process);
		@unlink($this->codeFile);
		return $this->output;
	}

	public static function stopAll(): void
	{
		if (getmypid() !== self::$ownerPid) {
			return;
		}
		foreach (self::$running as $peer) {
			echo $peer->stop();
		}
	}
}
