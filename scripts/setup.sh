#!/usr/bin/env bash
# One command for a new user on Debian 12: installs what is missing, builds xport, and runs
# a short demo against a local server.  Options: --no-demo (build only).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages=(php8.2-dev php8.2-cli libssl-dev pkg-config make g++)

install_missing_packages() {
	local missing=()
	for package in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
			missing+=("$package")
	done
	[ ${#missing[@]} -eq 0 ] && return 0

	echo "setup: installing ${missing[*]}"
	local sudo=""
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
	# Reconfigure only when the build files changed; make does the rest.
	if [ ! -f Makefile ] || [ config.m4 -nt Makefile ] || [ Makefile.frag -nt Makefile ]; then
		phpize >/dev/null
		./configure --enable-xport >/dev/null
	fi
	make -j"$(nproc)" >/dev/null
	echo "setup: built $root/modules/xport.so"
}

install_missing_packages
build

if [ "${1:-}" != "--no-demo" ]; then
	php -n -d extension="$root/modules/xport.so" scripts/demo.php
fi
