# Helpers shared by scripts/phpt.sh, scripts/ubsan.sh and scripts/valgrind.sh; sourced, not
# run. The sourcing script sets REPO_ROOT first, and SCRIPT_LABEL (the prefix of say()) and
# WORK and opt_keep (the scratch directory cleanup() removes unless asked to keep it) where
# it uses those.

say()
{
	printf '%s: %s\n' "$SCRIPT_LABEL" "$*"
}

die()
{
	say "$*" >&2
	exit 2
}

cleanup()
{
	if [[ -n "$WORK" && $opt_keep -eq 0 ]]; then
		rm -rf "$WORK"
	elif [[ -n "$WORK" ]]; then
		say "scratch directory kept: $WORK"
	fi
}

# The PHP to test with: $PHP, else the one phpize was configured with, else php8.2, else php.
find_php()
{
	local configured=""

	if [[ -n "${PHP:-}" ]]; then
		echo "$PHP"
		return
	fi
	if [[ -f "$REPO_ROOT/Makefile" ]]; then
		configured="$(sed -n 's/^PHP_EXECUTABLE = //p' "$REPO_ROOT/Makefile")"
	fi
	if [[ -n "$configured" && -x "$configured" ]]; then
		echo "$configured"
	elif command -v php8.2 >/dev/null; then
		command -v php8.2
	else
		command -v php
	fi
}
