<?php
// Real servers for tests/consumers (nginx, MariaDB, an SMTP server, vsftpd).
//
// Each server runs in the foreground from the test's certificate directory (see
// XportTlsFiles), which also holds its configuration, data and logs, so --CLEAN-- removes
// everything with XportTlsFiles::remove(__FILE__). XportService starts the server without a
// shell, sends its output to a log file (a pipe nobody reads could block it), and stops it
// by its PID: SIGTERM, a bounded wait, then SIGKILL. A shutdown function stops whatever a
// test left running, also after a fatal error.
require_once __DIR__ . '/tls.php';

const XPORT_SERVICE_WAIT_SECONDS = 30;

// Whether this process runs as root (posix is not loaded under `php -n`).
function xport_service_is_root(): bool
{
	$status = (string) @file_get_contents('/proc/self/status');

	return preg_match('~^Uid:\s+\d+\s+0\s~m', $status) === 1;
}

// The line a test prints to show that PHP's streams for $transport are xport's.
function xport_service_transport_line(string $transport): string
{
	$transports = explode(',', (string) ini_get('xport.transports'));

	return sprintf("xport %s: %s", $transport,
		extension_loaded('xport') && in_array($transport, $transports, true) ? 'yes' : 'no');
}

final class XportService
{
	/** @var XportService[] services still running, stopped at shutdown */
	private static array $running = [];
	private static bool $cleanupRegistered = false;

	public readonly int $pid;
	private $process;
	private string $log;

	private function __construct()
	{
	}

	// Starts $command with standard output and error going to the file $log.
	public static function start(array $command, string $log, ?string $cwd = null): self
	{
		$service = new self();
		$service->log = $log;
		$spec = [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']];
		$service->process = proc_open($command, $spec, $pipes, $cwd);
		if (!is_resource($service->process)) {
			throw new RuntimeException('cannot start ' . $command[0]);
		}
		$service->pid = proc_get_status($service->process)['pid'];
		self::$running[$service->pid] = $service;
		if (!self::$cleanupRegistered) {
			register_shutdown_function([self::class, 'stopAll']);
			self::$cleanupRegistered = true;
		}
		return $service;
	}

	public function running(): bool
	{
		return $this->process !== null && proc_get_status($this->process)['running'];
	}

	// Waits until something accepts TCP connections on 127.0.0.1:$port. False when the
	// server exited or the wait ran out first; the test then shows log().
	public function waitForPort(int $port, float $seconds = XPORT_SERVICE_WAIT_SECONDS): bool
	{
		$deadline = microtime(true) + $seconds;

		while (microtime(true) < $deadline && $this->running()) {
			$probe = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1);
			if ($probe !== false) {
				fclose($probe);
				return true;
			}
			usleep(50000);
		}
		return false;
	}

	public function log(): string
	{
		return (string) @file_get_contents($this->log);
	}

	// SIGTERM, up to $seconds for the server to exit, then SIGKILL; all by its PID.
	public function stop(float $seconds = XPORT_SERVICE_WAIT_SECONDS): void
	{
		if ($this->process === null) {
			return;
		}
		unset(self::$running[$this->pid]);
		proc_terminate($this->process, 15);
		$deadline = microtime(true) + $seconds;
		while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
			usleep(20000);
		}
		if (proc_get_status($this->process)['running']) {
			proc_terminate($this->process, 9);
		}
		proc_close($this->process);
		$this->process = null;
	}

	public static function stopAll(): void
	{
		foreach (self::$running as $service) {
			$service->stop();
		}
	}
}

// The first python3 (Debian's /usr/bin/python3, then PATH) that can import $module, or null.
function xport_service_python_with(string $module): ?string
{
	$candidates = array_unique(array_filter(['/usr/bin/python3', xport_tls_tool('python3')]));

	foreach ($candidates as $python) {
		if (!is_executable($python)) {
			continue;
		}
		$spec = [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']];
		$process = proc_open([$python, '-c', "import $module"], $spec, $pipes);
		if (is_resource($process) && proc_close($process) === 0) {
			return $python;
		}
	}
	return null;
}
