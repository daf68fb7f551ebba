#!/bin/sh
# test_load_ai.sh - a game that goes on from a save is the game that would
# have been played: the AIs remember the turns before the save (the other
# side's record, offers left unanswered) and their dice are where they were.
# Each pair of AIs plays a whole game (seeds where it lasts past turn 6), then the game is loaded from its
# autosave after turn 5 and played on: the orders of turns 6 to 12 and the
# result must be the same. Run by tests/e2e/run.sh.
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
for pair in "normal normal 1" "hard tit-for-tat 1" "hawk normal 13"; do
	set -- $pair
	d=full-$1-$2
	pair="$1 v $2"
	"$BRINK" play "$ROOT/scenarios/door-closed.cfg" --nato "$1" --russia "$2" --seed "$3" --plain --save-dir "$d" --name g </dev/null >"$d.out" 2>/dev/null
	[ -f "$d/g-auto-05.save" ] || { fail "$pair: no autosave after turn 5"; continue; }
	"$BRINK" load "$d/g-auto-05.save" --plain --save-dir "on-$d" </dev/null >"on-$d.out" 2>/dev/null
	# the orders of the turns after the save, and the result
	sed -n '/^-- 2026-Q2 resolved --$/,$p' "$d.out" | grep -E '^(NATO|Russia) ordered:|^result: ' >a
	sed -n '/^-- 2026-Q2 resolved --$/,$p' "on-$d.out" | grep -E '^(NATO|Russia) ordered:|^result: ' >b
	[ -s a ] || { fail "$pair: the whole game printed no orders"; continue; }
	cmp -s a b || { fail "$pair: the loaded game went another way"; diff a b | head -n 6; }
done
[ "$fails" -eq 0 ]
