#!/bin/sh
# test_state.sh - the small leaks of state of issue 9 (defects 5-9), end to end:
# a quit never promises an autosave that failed; write errors on standard output
# exit 1; a failed save lookup creates no folder; unusable save names are a
# usage error; absurd sim runs are refused, --ai-budget is bounded, and a long
# run on a terminal shows its progress.
# (Defect 4, stale temporary files of killed saves, is tested in test_save.c.)
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() {
	want=$1 what=$2
	shift 2
	timeout 20 "$@" >cmd.out 2>cmd.err </dev/null
	rc=$?
	[ "$rc" -eq "$want" ] || { fail "$what: exit $rc, want $want"; cat cmd.out cmd.err; }
}

# Defect 5: with autosaves failing (here: a file size limit of 0, which also
# holds for root), quit said "The game is autosaved as it stood..." and then
# "note: autosave failed".
mkdir saves5
printf 'end\nquit\n' > moves
(trap '' XFSZ; ulimit -f 0; exec "$BRINK" play "$S" --plain --nato human --russia normal --seed 3 \
	--save-dir saves5 <moves 2>&1) | cat >quit.out
grep -q 'autosave failed' quit.out || fail "the failed autosave is told (setup)"
grep -q 'The game is autosaved' quit.out && fail "quit promises an autosave that failed"
grep -q '^Quitting. The last autosave failed' quit.out || { fail "quit says the autosave failed"; cat quit.out; }

# Defect 6: write errors on standard output exit 1 (they exited 0).
ln -s "$ROOT/scenarios" scenarios
if [ -w /dev/full ]; then
	for c in "sim $S --games 20" "scenarios" "check $S" \
		"play $S --plain --nato normal --russia normal --turns 2 --save-dir saves6"; do
		# shellcheck disable=SC2086
		timeout 20 "$BRINK" $c >/dev/full 2>err6 </dev/null
		rc=$?
		[ "$rc" -eq 1 ] || fail "'brink $c >/dev/full' exits $rc, want 1"
		grep -q 'cannot write to standard output' err6 || fail "'brink $c >/dev/full' says why"
	done
else
	echo "note: no /dev/full here: defect 6 is left out"
fi

# Defect 7: a failed save lookup creates no folders.
for c in "report nosuch" "replay nosuch --verify" "load nosuch --plain"; do
	# shellcheck disable=SC2086
	run 1 "brink $c in a missing folder" "$BRINK" $c --save-dir new/nested/folder
	[ -e new ] && { fail "'brink $c --save-dir new/nested/folder' created folders"; rm -rf new; }
done

# Defect 8: unusable save names are a usage error, before any game starts.
for n in .. / 'ÄÖ' ''; do
	run 2 "play --name '$n'" "$BRINK" play "$S" --plain --name "$n" --save-dir saves8
	grep -q 'name' cmd.err || fail "--name '$n': the message names the problem"
done
[ -e saves8 ] && [ -n "$(ls saves8)" ] && fail "a refused name still wrote saves"
run 0 "play --name with a space (becomes _)" "$BRINK" play "$S" --plain --name "my game" \
	--nato normal --russia normal --turns 1 --save-dir saves8

# Defect 9: sim budgets that cannot finish are refused within a second; the
# hard AI's budget is bounded; a long run on a terminal shows its progress.
start=$(date +%s)
run 1 "sim --games 99999999999" "$BRINK" sim "$S" --games 99999999999
grep -q 'would take about .* days' cmd.err || { fail "sim says how long it would take"; cat cmd.err; }
[ $(($(date +%s) - start)) -le 3 ] || fail "the refusal took more than a few seconds"
run 2 "sim --ai-budget 1000000" "$BRINK" sim "$S" --ai-budget 1000000
grep -q 'from 1 to 4096' cmd.err || fail "--ai-budget says its bound"
if command -v script >/dev/null 2>&1; then
	# stderr on a terminal (script's pty): a run of more than 2 s shows a
	# progress line each second (the plain build: about 6 s of hard games at
	# their largest budget here; games of the normal AI got too fast to last)
	script -qc "\"$BRINK_TUI\" sim \"$S\" --games 3 --nato hard --russia hard --ai-budget 4096" /dev/null \
		>pty.out 2>&1 </dev/null
	tr '\r' '\n' <pty.out | grep -q '^sim: [0-9]* of 3 games ([0-9]*%), about .* left' ||
		{ fail "no progress shown on a terminal"; head -c 600 pty.out; }
	grep -q '^games: 3' pty.out || fail "the summary follows the progress"
else
	echo "note: no script(1): the progress display is left out"
fi
run 0 "sim to a file shows no progress" "$BRINK" sim "$S" --games 300
grep -q 'sim: ' cmd.err && fail "progress printed when stderr is not a terminal"

[ "$fails" -eq 0 ] || { echo "test_state: $fails failure(s)"; exit 1; }
exit 0
