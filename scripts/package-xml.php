<?php
// Keeps package.xml's <contents> in step with the source tree.
//
// The tree is what git knows: tracked files plus untracked files that are not ignored, less
// files deleted from the work tree. Each file gets a PECL role from RULES below; dev-only files
// (scripts/, CI and editor settings, composer.json) stay out of the package. A file no rule
// covers is an error, so that whoever adds it decides where it belongs.
//
// Usage: php scripts/package-xml.php [--check] [--root DIR] [--package-xml FILE]
//   (no option)        rewrites <contents> and the release version (from PHP_XPORT_VERSION)
//   --check            changes nothing; exits 1 when package.xml lists other files, other roles
//                      or another release version than the tree has
//   --root DIR         the tree to describe (default: this script's repository)
//   --package-xml FILE the package.xml to check or rewrite (default: DIR/package.xml)
// Exit status: 0 up to date (or rewritten), 1 out of date (--check), 2 usage or setup error.

declare(strict_types=1);

// Ordered: the first pattern that matches a path decides its role; null keeps it out.
const RULES = [
	['#^\.valgrindrc$#', 'test'],
	['#^\.#', null],
	['#^(scripts|bench)/#', null],
	['#^(composer\.json|package\.xml)$#', null],
	// What run-tests.php leaves beside each test: output, even where git does not ignore it.
	['#^tests/.*\.(diff|exp|log|out|mem|sh)$#', null],
	['#^tests/#', 'test'],
	['#^src/#', 'src'],
	['#^(config\.m4|config\.w32|Makefile\.frag)$#', 'src'],
	['#^[^/]+\.(c|h|cpp|stub\.php)$#', 'src'],
	['#^(LICENSE|COPYING|CREDITS|NEWS|CHANGELOG)(\.[a-z]+)?$#', 'doc'],
	['#^[^/]+\.md$#', 'doc'],
	['#^docs?/#', 'doc'],
];

final class UsageError extends RuntimeException
{
}

function main(array $argv): int
{
	try {
		[$check, $root, $package_xml] = parse_arguments(array_slice($argv, 1));
		$expected = classify_all(tree_files($root));
		$version = extension_version($root);
		if (!is_file($package_xml)) {
			throw new UsageError("$package_xml does not exist");
		}

		return $check ? check($package_xml, $expected, $version)
			: rewrite($package_xml, $expected, $version);
	} catch (UsageError $e) {
		fwrite(STDERR, 'package-xml: ' . $e->getMessage() . "\n");
		return 2;
	}
}

// Returns [check mode, repository root, package.xml path].
function parse_arguments(array $args): array
{
	$check = false;
	$root = dirname(__DIR__);
	$package_xml = null;
	for ($i = 0; $i < count($args); $i++) {
		if ($args[$i] === '--check') {
			$check = true;
		} elseif ($args[$i] === '--root' && isset($args[$i + 1])) {
			$root = $args[++$i];
		} elseif ($args[$i] === '--package-xml' && isset($args[$i + 1])) {
			$package_xml = $args[++$i];
		} else {
			throw new UsageError("unknown argument '{$args[$i]}'"
				. ' (usage: [--check] [--root DIR] [--package-xml FILE])');
		}
	}
	$real = realpath($root);
	if ($real === false || !is_dir($real)) {
		throw new UsageError("no such directory: $root");
	}

	return [$check, $real, $package_xml ?? "$real/package.xml"];
}

// Paths relative to $root of every file git tracks or would track, sorted.
function tree_files(string $root): array
{
	$command = ['git', '-C', $root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'];
	$pipes = [];
	$process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	if ($process === false) {
		throw new UsageError('cannot run git');
	}
	$output = stream_get_contents($pipes[1]);
	$errors = stream_get_contents($pipes[2]);
	fclose($pipes[1]);
	fclose($pipes[2]);
	if (proc_close($process) !== 0) {
		throw new UsageError("git ls-files failed in $root: " . trim($errors));
	}

	$files = [];
	foreach (explode("\0", $output) as $path) {
		// ls-files --cached still lists files deleted from the work tree.
		if ($path !== '' && is_file("$root/$path")) {
			$files[$path] = true;
		}
	}
	$files = array_keys($files);
	sort($files, SORT_STRING);

	return $files;
}

// Maps each packaged path to its role; throws on a path no rule covers.
function classify_all(array $paths): array
{
	$roles = [];
	$unknown = [];
	foreach ($paths as $path) {
		[$matched, $role] = classify($path);
		if (!$matched) {
			$unknown[] = $path;
		} elseif ($role !== null) {
			$roles[$path] = $role;
		}
	}
	if ($unknown) {
		throw new UsageError("no packaging rule for: " . implode(', ', $unknown)
			. "\nadd one to RULES in " . __FILE__);
	}

	return $roles;
}

// Returns [whether a rule matched, role or null for files kept out].
function classify(string $path): array
{
	foreach (RULES as [$pattern, $role]) {
		if (preg_match($pattern, $path)) {
			return [true, $role];
		}
	}

	return [false, null];
}

function extension_version(string $root): string
{
	$header = @file_get_contents("$root/php_xport.h");
	if ($header === false
		|| !preg_match('/#define\s+PHP_XPORT_VERSION\s+"([^"]+)"/', $header, $m)) {
		throw new UsageError("PHP_XPORT_VERSION not found in $root/php_xport.h");
	}

	return $m[1];
}

// Reads the file => role map and the release version that package.xml declares.
function declared(string $package_xml): array
{
	$doc = new DOMDocument();
	if (!@$doc->load($package_xml)) {
		throw new UsageError("$package_xml is not well-formed XML");
	}
	$xpath = new DOMXPath($doc);
	$xpath->registerNamespace('p', 'http://pear.php.net/dtd/package-2.0');
	$contents = $xpath->query('/p:package/p:contents')->item(0);
	if ($contents === null) {
		throw new UsageError("$package_xml has no <contents>");
	}
	$roles = [];
	collect_files($contents, '', $roles);
	ksort($roles, SORT_STRING);
	$release = $xpath->query('/p:package/p:version/p:release')->item(0);

	return [$roles, $release === null ? '' : trim($release->textContent)];
}

// Walks nested <dir>/<file> elements, joining names into paths relative to the package root.
function collect_files(DOMElement $element, string $prefix, array &$roles): void
{
	foreach ($element->childNodes as $child) {
		if (!$child instanceof DOMElement) {
			continue;
		}
		$name = trim($child->getAttribute('name'), '/');
		$path = ltrim($prefix . '/' . $name, '/');
		if ($child->localName === 'dir') {
			collect_files($child, $path, $roles);
		} elseif ($child->localName === 'file') {
			$roles[$path] = $child->getAttribute('role');
		}
	}
}

function check(string $package_xml, array $expected, string $version): int
{
	[$listed, $release] = declared($package_xml);
	$problems = [];
	foreach (array_diff_key($expected, $listed) as $path => $role) {
		$problems[] = "missing from package.xml: $path (role $role)";
	}
	foreach (array_diff_key($listed, $expected) as $path => $role) {
		$problems[] = "listed but not in the tree (or not packaged): $path";
	}
	foreach (array_intersect_key($listed, $expected) as $path => $role) {
		if ($role !== $expected[$path]) {
			$problems[] = "role of $path is '$role', expected '{$expected[$path]}'";
		}
	}
	if ($release !== $version) {
		$problems[] = "release version is '$release', PHP_XPORT_VERSION is '$version'";
	}

	if ($problems) {
		fwrite(STDERR, "package-xml: package.xml is out of date:\n  "
			. implode("\n  ", $problems) . "\nrun php scripts/package-xml.php to update it\n");
		return 1;
	}
	echo 'package-xml: package.xml lists the ' . count($expected) . " files of the tree\n";

	return 0;
}

function rewrite(string $package_xml, array $expected, string $version): int
{
	$xml = file_get_contents($package_xml);
	$count = 0;
	$xml = preg_replace_callback('#^([ \t]*)<contents>.*?</contents>#ms',
		fn($m) => contents_block($m[1], $expected), $xml, 1, $count);
	if ($count !== 1) {
		throw new UsageError("$package_xml has no <contents> element to replace");
	}
	$xml = preg_replace('#(<version>\s*<release>)[^<]*(</release>)#', '${1}' . $version . '${2}',
		$xml, 1);

	file_put_contents($package_xml, $xml);
	echo 'package-xml: wrote ' . count($expected) . " files, release $version, to $package_xml\n";

	return 0;
}

// One flat <dir name="/"> with a <file> per path, indented one step per level as PEAR does.
function contents_block(string $indent, array $roles): string
{
	$lines = ["$indent<contents>", "$indent <dir name=\"/\">"];
	foreach ($roles as $path => $role) {
		$name = htmlspecialchars((string) $path, ENT_XML1 | ENT_QUOTES);
		$lines[] = "$indent  <file name=\"$name\" role=\"$role\"/>";
	}
	$lines[] = "$indent </dir>";
	$lines[] = "$indent</contents>";

	return implode("\n", $lines);
}

exit(main($argv));
