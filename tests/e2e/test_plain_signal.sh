#!/bin/sh
# test_plain_signal.sh - SIGTERM, SIGHUP and SIGINT while plain mode waits for input:
# the game is autosaved, the player is told, exit 0, no crash and no leak.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# wait_for FILE PATTERN: until FILE has a line matching PATTERN (at most ~20 s)
wait_for() {
	i=0
	until grep -Eq -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -gt 1000 ] && return 1
		sleep 0.02
	done
}

for sig in TERM HUP INT; do
	saves=$E2E_TMP/saves-$sig
	rm -f cmd.fifo
	mkfifo cmd.fifo
	# emptied here, not by the child's redirection: the wait below must not
	# read the previous signal's output before the child truncates it
	: >sig.out
	"$BRINK" play "$S" --plain --seed 6 --save-dir "$saves" --name sig <cmd.fifo >sig.out 2>&1 &
	pid=$!
	exec 3>cmd.fifo
	printf 'do talks\nend\n' >&3
	# the first turn is resolved and autosaved once turn 2's prompt shows
	wait_for sig.out '^\[nato 2025-Q2 AP [0-9]+\] > ' || fail "SIG$sig: turn 2 never came"
	kill -"$sig" "$pid"
	# Close our end too: if the signal landed just before the read began,
	# end of input still lets the game leave (with the flag seen).
	wait_for sig.out 'stopped by a signal'
	exec 3>&-
	wait "$pid"
	rc=$?
	[ "$rc" -eq 0 ] || { fail "SIG$sig: exit $rc, want 0"; cat sig.out; }
	grep -q '^note: stopped by a signal; the game was autosaved' sig.out ||
		{ fail "SIG$sig: no notice of the stop"; tail -n 5 sig.out; }
	ls "$saves" 2>/dev/null | grep -q '^sig-auto' || fail "SIG$sig: no autosave in $saves"
	grep -q 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' sig.out && fail "SIG$sig: sanitizer report"
done

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all signal checks passed"
