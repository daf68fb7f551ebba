#!/bin/sh
# run_unit.sh BINARY - run a Criterion binary and fail unless it ran tests and all passed.
# Criterion exits 0 when nothing ran, so the "Tested:" count is checked as well.
set -u
bin=$1
out=$(mktemp)
"$bin" -j2 2>"$out"
rc=$?
cat "$out" >&2
tested=$(sed -n 's/.*Tested: *\([0-9]*\).*/\1/p' "$out" | tail -n 1)
rm -f "$out"
if [ "$rc" -ne 0 ]; then echo "$bin: tests failed" >&2; exit 1; fi
if [ -z "$tested" ] || [ "$tested" -eq 0 ]; then echo "$bin: no test ran" >&2; exit 1; fi
