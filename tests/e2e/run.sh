#!/bin/sh
# run.sh - run every end-to-end test, tests/e2e/test_*.sh, against the real binary.
#
# Each test runs with sh (bash if its first line names bash), in a fresh scratch folder (its working directory,
# also exported as E2E_TMP, removed afterwards) with this environment:
#   ROOT       the repository root (scenarios: "$ROOT/scenarios/door-closed.cfg")
#   BRINK      the binary under test: $BRINK if set, else build/asan/brink when it
#              exists (leaks are checked: ASAN_OPTIONS, LSAN_OPTIONS exported),
#              else ./brink
#   BRINK_TUI  the plain build, for tests that drive curses in tmux
#   E2E_TMP    the scratch folder; XDG_DATA_HOME and XDG_CONFIG_HOME point into
#              it, so no test reads or writes the user's own files
# A test passes when it exits 0 and is skipped when it exits 77 (a tool it
# needs, such as tmux, is missing). Prints "ok NAME", "skip NAME (reason)" or
# "FAIL NAME" (with the test's output) for each, then "N passed, N failed,
# N skipped"; exits 1 if any failed or none passed. A test that runs longer than E2E_TIMEOUT seconds (default 300)
# fails. Usage: sh tests/e2e/run.sh [NAME...]  (NAME: test_plain or test_plain.sh)
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export ROOT
if [ -z "${BRINK:-}" ]; then
	if [ -x "$ROOT/build/asan/brink" ]; then
		BRINK=$ROOT/build/asan/brink
		ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
		LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp}
		export ASAN_OPTIONS LSAN_OPTIONS
	else
		BRINK=$ROOT/brink
	fi
fi
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
export BRINK BRINK_TUI
if [ ! -x "$BRINK" ]; then
	echo "run.sh: no binary at $BRINK (run make first)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

timeout=${E2E_TIMEOUT:-300}
if command -v timeout >/dev/null 2>&1; then
	run_timed() { timeout "$timeout" "$@"; }
else
	run_timed() { "$@"; }
fi

if [ $# -gt 0 ]; then
	tests=""
	for n in "$@"; do
		n=${n%.sh}
		tests="$tests $ROOT/tests/e2e/${n#tests/e2e/}.sh"
	done
else
	tests=$(ls "$ROOT"/tests/e2e/test_*.sh 2>/dev/null | sort)
fi

scratch_root=${TMPDIR:-/tmp}
passed=0
failed=0
skipped=0
for t in $tests; do
	name=$(basename "$t" .sh)
	if [ ! -f "$t" ]; then
		echo "FAIL $name (no such test)"
		failed=$((failed + 1))
		continue
	fi
	E2E_TMP=$(mktemp -d "$scratch_root/brink-e2e-$name.XXXXXX") || {
		echo "run.sh: cannot make a scratch folder in $scratch_root" >&2
		exit 1
	}
	export E2E_TMP
	mkdir -p "$E2E_TMP/data" "$E2E_TMP/config"
	log=$E2E_TMP.log
	trap 'rm -rf "$E2E_TMP" "$log"; exit 130' INT TERM HUP
	# a test whose first line asks for bash gets bash; the rest run with sh
	shell=sh
	head -n 1 "$t" | grep -q bash && shell=bash
	(
		cd "$E2E_TMP" || exit 1
		XDG_DATA_HOME=$E2E_TMP/data XDG_CONFIG_HOME=$E2E_TMP/config
		export XDG_DATA_HOME XDG_CONFIG_HOME
		run_timed "$shell" "$t" </dev/null
	) >"$log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "ok $name"
		passed=$((passed + 1))
	elif [ "$rc" -eq 77 ]; then
		echo "skip $name ($(grep -m 1 '^skip' "$log" | sed 's/^skip: *//'))"
		skipped=$((skipped + 1))
	else
		if [ "$rc" -eq 124 ]; then
			echo "FAIL $name (timed out after ${timeout}s)"
		else
			echo "FAIL $name (exit $rc)"
		fi
		sed 's/^/    /' "$log"
		failed=$((failed + 1))
	fi
	rm -rf "$E2E_TMP" "$log"
done

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
	exit 1
fi
exit 0
