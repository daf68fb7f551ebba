#!/bin/sh
# test_classroom.sh - the class kit end to end: every game's autosaves in its own name
# (two games with one seed, a resumed older save), `play --turns`, `load --turn`
# what-ifs that leave the original byte for byte, and the what-if recipe of
# docs/saves.md after a whole 12-turn game, `report --class` over a folder of saves.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
DIR=$E2E_TMP/saves
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
has() { grep -Eq -- "$2" "$1" || { fail "$3 (no line matching /$2/ in $1)"; sed -n '1,40p' "$1"; }; }
# status WANT WHAT CMD...: run CMD (stdin from in.txt when it exists), expect exit status WANT
status() {
	want=$1 what=$2
	shift 2
	"$@" <in.txt >cmd.out 2>cmd.err
	rc=$?
	[ "$rc" -eq "$want" ] || { fail "$what: exit $rc, want $want"; cat cmd.out cmd.err | head -20; }
}
ends() { n=$1; : >in.txt; while [ "$n" -gt 0 ]; do echo end >>in.txt; n=$((n - 1)); done; }
snapshot() { (cd "$DIR" && for f in $(ls | grep "^$1-auto"); do cksum "$f"; done) >"$2"; }

# 1. Two games with the same seed in one folder: separate autosaves, every turn kept.
ends 3
echo quit >>in.txt
status 0 "first game" "$BRINK" play "$S" --plain --seed 5 --save-dir "$DIR"
status 0 "second game, same seed" "$BRINK" play "$S" --plain --seed 5 --save-dir "$DIR"
has cmd.err "this one's saves are door-closed-5-2" "the second game is told its own name"
for t in 00 01 02 03; do
	[ -f "$DIR/door-closed-5-auto-$t.save" ] || fail "the first game's autosave of turn $t is missing"
	[ -f "$DIR/door-closed-5-2-auto-$t.save" ] || fail "the second game's autosave of turn $t is missing"
done
grep -q '^id = "door-closed-5";' "$DIR/door-closed-5-auto-03.save" || fail "the first game's save names it"
grep -q '^id = "door-closed-5-2";' "$DIR/door-closed-5-2-auto-03.save" || fail "the second game's save names it"

# 2. Resuming an older save and playing on: a branch; the original untouched.
snapshot door-closed-5 before.txt
ends 2
echo quit >>in.txt
status 0 "load an older autosave" "$BRINK" load "$DIR/door-closed-5-auto-01.save" --plain
has cmd.out '^note: a what-if: a branch of door-closed-5 from turn 2, saved as door-closed-5-b1' "the branch is announced"
snapshot door-closed-5 after.txt
cmp -s before.txt after.txt || { fail "resuming an older save changed the original's autosaves"; diff before.txt after.txt; }
[ -f "$DIR/door-closed-5-b1-auto-03.save" ] || fail "the branch autosaved under its own name"
has "$DIR/door-closed-5-b1-auto-03.save" '^  from = "door-closed-5";' "the branch's save records its parent"

# 3. --turns: bounds, a game of 3 turns, recorded in the save.
: >in.txt
for n in 0 13 x; do
	status 2 "--turns $n" "$BRINK" play "$S" --plain --seed 1 --turns "$n" --save-dir "$DIR"
	has cmd.err "^brink play: --turns" "--turns $n is a usage error"
done
ends 5
status 0 "--turns 3" "$BRINK" play "$S" --plain --seed 2 --turns 3 --save-dir "$DIR"
has cmd.out '^result: ' "a 3-turn game ends"
has cmd.out '3 turns from' "the briefing says 3 turns"
grep -c '^\[nato ' cmd.out >n.txt
[ "$(cat n.txt)" -eq 3 ] || fail "a 3-turn game asked for orders $(cat n.txt) times"
has "$DIR/door-closed-2-auto-03.save" '^length = 3;' "the save records the length"
status 0 "verify the short game" "$BRINK" replay "$DIR/door-closed-2-auto-03.save" --verify
has cmd.out '^verify: ok \(3 turns\)' "it verifies"
status 0 "report of the short game" "$BRINK" report "$DIR/door-closed-2-auto-03.save"
has cmd.out "^\| Length \| 3 of the scenario's 12 turns" "the report says it was shortened"
status 0 "replay of the short game" "$BRINK" replay "$DIR/door-closed-2-auto-03.save" --plain
has cmd.out "^Length: 3 of the scenario's 12 turns" "the replay says it was shortened"

# 4. The what-if recipe after a whole 12-turn game: load --turn 5.
ends 12
status 0 "a whole game" "$BRINK" play "$S" --plain --seed 8 --name lesson --save-dir "$DIR"
has cmd.out '^result: ' "the whole game ends"
[ -f "$DIR/lesson-auto-12.save" ] || fail "the last autosave of a 12-turn game"
snapshot lesson before.txt
cp "$DIR/lesson-auto-12.save" orig.save
: >in.txt
status 1 "--turn 0" "$BRINK" load lesson-auto-12 --save-dir "$DIR" --turn 0 --plain
has cmd.err "lesson-auto-12.save: error: cannot branch from turn 0" "a bad turn is named"
status 1 "--turn 13" "$BRINK" load lesson-auto-12 --save-dir "$DIR" --turn 13 --plain
status 2 "--turn x" "$BRINK" load lesson-auto-12 --save-dir "$DIR" --turn x --plain
printf 'bad\n' >bad.save
status 1 "--turn of a bad save" "$BRINK" load bad.save --turn 2 --plain
{ echo 'do talks'; echo end; echo quit; } >in.txt
status 0 "load --turn 5" "$BRINK" load lesson-auto-12 --save-dir "$DIR" --turn 5 --plain
has cmd.out '^note: a what-if: a branch of lesson from turn 5, saved as lesson-b1' "the branch is announced"
has cmd.out '^\[nato 2026-Q1 AP [0-9]+\] > ' "the branch starts at turn 5 (2026-Q1)"
cmp -s orig.save "$DIR/lesson-auto-12.save" || fail "the original save changed"
snapshot lesson after.txt
cmp -s before.txt after.txt || { fail "a branch changed the original's autosaves"; diff before.txt after.txt; }
[ -f "$DIR/lesson-b1-auto-05.save" ] || { fail "the branch's autosave after its first turn"; ls "$DIR"; }
status 0 "replay of the branch" "$BRINK" replay "$DIR/lesson-b1-auto-05.save" --plain
has cmd.out '^Branch: a what-if: a branch of lesson from the start of turn 5 \(2026-Q1\)' "the replay says where it branched"
status 0 "report of the branch" "$BRINK" report "$DIR/lesson-b1-auto-05.save"
has cmd.out '^\| Branch \| a what-if: a branch of lesson from the start of turn 5' "the report says where it branched"
status 0 "verify the branch" "$BRINK" replay "$DIR/lesson-b1-auto-05.save" --verify
# A second what-if from the same turn gets a name of its own.
echo quit >in.txt
status 0 "load --turn 5 again" "$BRINK" load lesson-auto-12 --save-dir "$DIR" --turn 5 --plain
has cmd.out 'saved as lesson-b2' "a second branch is lesson-b2"

# 5. report --class over a folder of saves: one row per game (its latest save), md and csv.
C=$E2E_TMP/class
: >in.txt
for i in 1 2 3; do
	lv=dove
	[ "$i" -eq 2 ] && lv=hawk
	status 0 "class game $i" "$BRINK" play "$S" --plain --nato $lv --russia hawk --seed 42 --name table-$i --save-dir "$C"
done
# and one shortened game, and a what-if of table-1
status 0 "class game 4" "$BRINK" play "$S" --plain --nato dove --russia dove --seed 42 --turns 4 --name table-4 --save-dir "$C"
status 0 "a what-if of table-1" "$BRINK" load table-1-auto-12 --save-dir "$C" --turn 6 --plain
status 0 "report --class DIR" "$BRINK" report --class "$C"
cp cmd.out class.md
has class.md '^# Class report: 5 games of The Door Closes' "the title counts the games once each"
n=$(grep -c '^| table-' class.md)
[ "$n" -eq 5 ] || fail "$n rows of games, want 5 (one per game, not per autosave)"
has class.md '^\| table-2 \| AI hawk \| AI hawk \| war \(' "the hawks' game is a war"
has class.md '^\| table-4 \| AI dove \| AI dove \| .* \| 4 of 4 \|' "the short game has 4 turns"
has class.md '^\| table-1-b1 \(what-if\) \|' "the what-if has its row"
has class.md '^## The spread across the class' "the spread"
has class.md '^\| Final tension \| [0-9]+\.[0-9] \| [0-9]+ \| [0-9]+ \|$' "mean, min and max"
has class.md '^Results of 5 games: ' "the tally"
has class.md '^`A` table-1, `B` table-1-b1, `C` table-2, `D` table-3, `E` table-4$' "the chart's legend"
has class.md '^- table-2 went to war in 20[0-9][0-9]-Q[1-4] after ' "a prompt on the war"
has class.md '^- table-1-b1 replayed table-1 from turn 6' "a prompt on the what-if"
status 0 "report --class --format csv" "$BRINK" report --class "$C" --format csv
[ "$(wc -l <cmd.out)" -eq 6 ] || { fail "csv: want a header and 5 rows"; cat cmd.out; }
has cmd.out '^game,scenario,seed,nato,russia,result,' "the csv header"
has cmd.out '^table-2,door-closed,42,AI hawk,AI hawk,war,' "the csv row of the war"
has cmd.out '^table-1-b1,.*,table-1,6,[^,]*,[^,]*,0$' "the csv says where the what-if branched"
# files and folders mixed; a game given twice counts once
status 0 "report --class FILE FILE DIR" "$BRINK" report --class "$C/table-2-auto-01.save" "$C/table-3-auto-12.save" "$C" --out out.md
n=$(grep -c '^| table-' out.md)
[ "$n" -eq 5 ] || fail "files and folders: $n rows, want 5"
# a bad save: named on stderr, left out, exit 1
printf 'format = 1;\n' >"$C/broken.save"
status 1 "report --class with a bad save" "$BRINK" report --class "$C"
has cmd.err "broken.save:[0-9]+: error: " "the bad save is named"
n=$(grep -c '^| table-' cmd.out)
[ "$n" -eq 5 ] || fail "the good saves are still reported ($n rows)"
status 1 "report --class of a missing save" "$BRINK" report --class nosuch.save
status 2 "two saves without --class" "$BRINK" report "$C/table-1-auto-12.save" "$C/table-2-auto-01.save"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
exit 0
