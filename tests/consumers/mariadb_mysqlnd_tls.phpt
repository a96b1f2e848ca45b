--TEST--
consumers: mysqli and PDO (mysqlnd) connect to MariaDB over TLS on xport's tcp://
--EXTENSIONS--
xport
openssl
mysqlnd
mysqli
pdo
pdo_mysql
--SKIPIF--
<?php
require __DIR__ . '/../inc/services.php';
echo xport_tls_skip_without('mariadbd', 'mariadb-install-db');
?>
--FILE--
<?php
require __DIR__ . '/../inc/services.php';

mysqli_report(MYSQLI_REPORT_OFF);
$files = XportTlsFiles::create(__FILE__);
$dir = $files->dir;
$port = xport_free_port();
$socket = "$dir/mysqld.sock";
echo xport_service_transport_line('tcp'), "\n";

// Nothing listens yet: the refused connection shows that mysqlnd's socket is xport's.
var_dump(@mysqli_connect('127.0.0.1', 'root', '', null, $port));
$error = xport_last_error();
echo "xport saw: {$error['operation']} {$error['transport']}://",
	$error['target'] === "127.0.0.1:$port" ? 'the server port' : $error['target'], ": {$error['message']}\n";

$user = xport_service_is_root() ? ['--user=root'] : [];
$common = ['--no-defaults', "--datadir=$dir/data", '--innodb-log-file-size=4M'];
$install = XportService::start(array_merge([xport_tls_tool('mariadb-install-db')], $common, $user,
	['--auth-root-authentication-method=normal', '--skip-test-db']), "$dir/install.log");
for ($i = 0; $i < 1200 && $install->running(); $i++) {
	usleep(50000);
}
$install->stop();
$server = XportService::start(array_merge([xport_tls_tool('mariadbd')], $common, $user, [
	'--bind-address=127.0.0.1', "--port=$port", "--socket=$socket", "--pid-file=$dir/mysqld.pid",
	'--skip-name-resolve', '--ssl-cert=' . $files->path('server.crt'),
	'--ssl-key=' . $files->path('server.key'), '--ssl-ca=' . $files->path('ca.crt'),
]), "$dir/mysqld.log");
if (!$server->waitForPort($port, 60)) {
	die("mariadbd did not start:\n" . file_get_contents("$dir/install.log") . $server->log());
}

// The Unix socket does not go through xport: it only creates a user that must use TLS.
$admin = mysqli_connect('localhost', 'root', '', null, 0, $socket);
var_dump($admin->query("CREATE USER 'xport'@'127.0.0.1' IDENTIFIED BY 'secret' REQUIRE SSL"));
$admin->close();

$plain = @mysqli_connect('127.0.0.1', 'xport', 'secret', null, $port);
echo "without TLS: ", json_encode($plain), ", ", mysqli_connect_errno(), "\n";

// The session's TLS status as the server reports it, or the client's connect error.
function mysqli_tls(string $label, string $ca, int $port, int $flags): void
{
	$db = mysqli_init();
	$db->ssl_set(null, null, $ca, null, null);
	if (!@$db->real_connect('127.0.0.1', 'xport', 'secret', null, $port, null, $flags)) {
		echo "$label: connect failed: ", mysqli_connect_error(), "\n";
		return;
	}
	$status = $db->query("SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_cipher', 'Ssl_version')")
		->fetch_all(MYSQLI_ASSOC);
	foreach ($status as $row) {
		echo "$label {$row['Variable_name']}: ", $row['Value'] === '' ? 'empty' : 'set', "\n";
	}
	echo "$label query: ", $db->query("SELECT CONCAT('over ', 'TLS')")->fetch_row()[0], "\n";
	$db->close();
}

// A CA alone makes mysqlnd verify the certificate and the host of its tcp:// URL (no
// peer_name): 127.0.0.1 matches the certificate's IP entry.
mysqli_tls('mysqli verified', $files->path('ca.crt'), $port, MYSQLI_CLIENT_SSL);
mysqli_tls('mysqli unverified', $files->path('ca.crt'), $port,
	MYSQLI_CLIENT_SSL | MYSQLI_CLIENT_SSL_DONT_VERIFY_SERVER_CERT);

try {
	$pdo = new PDO("mysql:host=127.0.0.1;port=$port", 'xport', 'secret', [
		PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
		PDO::MYSQL_ATTR_SSL_CA => $files->path('ca.crt'),
	]);
	$row = $pdo->query("SHOW SESSION STATUS LIKE 'Ssl_cipher'")->fetch(PDO::FETCH_NUM);
	echo "pdo {$row[0]}: ", $row[1] === '' ? 'empty' : 'set', "\n";
	$pdo = null;
} catch (PDOException $e) {
	echo "pdo: ", $e->getMessage(), "\n";
}

$server->stop(60);
echo "server running: ", json_encode($server->running()), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/../inc/services.php';
XportTlsFiles::remove(__FILE__);
?>
--EXPECT--
xport tcp: yes
bool(false)
xport saw: connect tcp://the server port: Connection refused
bool(true)
without TLS: false, 1045
mysqli verified Ssl_cipher: set
mysqli verified Ssl_version: set
mysqli verified query: over TLS
mysqli unverified Ssl_cipher: set
mysqli unverified Ssl_version: set
mysqli unverified query: over TLS
pdo Ssl_cipher: set
server running: false
