#!/bin/sh
# run.sh SECONDS [NAME...] - run each libFuzzer harness (build/fuzz/fuzz_NAME)
# for SECONDS, from the repository root, with its seed corpus. New inputs are
# kept in build/fuzz/corpus/NAME (reused by the next run); a crash is saved as
# build/fuzz/crash-* and fails the run. Prints each harness's figures.
set -u
seconds=${1:-60}
shift
cd "$(dirname "$0")/../.." || exit 1

# The seed folders of each harness: one line per harness.
seeds() {
	case $1 in
	fuzz_scenario) echo scenarios scenarios/rules tests/data/good tests/data/bad ;;
	fuzz_save) echo tests/data/badsaves tests/fuzz/seeds/save ;;
	*) echo "tests/fuzz/seeds/${1#fuzz_}" ;;
	esac
}

if [ $# -eq 0 ]; then
	set -- $(ls build/fuzz 2>/dev/null | grep -E '^fuzz_[a-z0-9_]+$')
fi
[ $# -gt 0 ] || { echo "run.sh: no harness in build/fuzz (make fuzz builds them)" >&2; exit 1; }
# libconfig 1.5 leaks a few bytes on some of its parse-error paths: suppressed
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for bin in "$@"; do
	name=$(basename "$bin")
	corpus=build/fuzz/corpus/$name
	mkdir -p "$corpus"
	dirs=""
	for d in $(seeds "$name"); do
		[ -d "$d" ] && dirs="$dirs $d"
	done
	log=build/fuzz/$name.log
	# shellcheck disable=SC2086
	"build/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 -artifact_prefix=build/fuzz/ \
		"$corpus" $dirs >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	if [ "$rc" -eq 0 ]; then
		echo "fuzz $name: ok, ${execs:-?} runs in ${seconds} s (${rate:-?}/s)"
	else
		echo "fuzz $name: FAILED (exit $rc); the input is in build/fuzz/; log:"
		tail -n 40 "$log"
		status=1
	fi
done
exit $status
