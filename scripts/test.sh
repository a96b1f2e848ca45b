#!/usr/bin/env bash
# Runs every test: the C++ unit tests, the project's phpt suite, and the conformance run of
# PHP's own socket and stream tests with and without xport. Builds first when needed.
# Prints one closing line "tests: N passed, M failed" and fails when anything failed.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/setup.sh --no-demo || exit 1

total_passed=0
total_failed=0

# Adds the counts from a runner's closing line "<name>: N passed, M failed".
count() {
	local line
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		echo "test: no result line in $1; counting the run as one failure"
		total_failed=$((total_failed + 1))
		return
	fi
	total_passed=$((total_passed + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
	total_failed=$((total_failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

run() {
	local name=$1
	shift
	local log
	log=$(mktemp)
	echo "=== $name"
	"$@" 2>&1 | tee "$log"
	count "$log"
	rm -f "$log"
}

run unit make -s unit-test
run phpt bash scripts/phpt.sh
# PHP's own tests for every transport directory, with xport's default settings.
run conformance bash scripts/conformance.sh

echo "tests: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
