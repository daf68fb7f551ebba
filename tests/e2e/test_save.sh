#!/bin/sh
# test_save.sh - saves end to end: `save NAME` in plain mode, `brink load` continues the
# game, `brink replay --verify` accepts it and refuses tampered copies with FILE:LINE,
# the text replay, bad saves and usage errors.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
DIR=$E2E_TMP/saves
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
has() { grep -Eq -- "$2" "$1" || { fail "$3 (no line matching /$2/ in $1)"; sed -n '1,60p' "$1"; }; }
# status WANT WHAT CMD...: run CMD, expect exit status WANT
status() {
	want=$1 what=$2
	shift 2
	"$@" >cmd.out 2>cmd.err
	rc=$?
	[ "$rc" -eq "$want" ] || { fail "$what: exit $rc, want $want"; cat cmd.out cmd.err; }
}
turns() {
	n=$1
	shift
	i=0
	while [ "$i" -lt "$n" ]; do
		for l in "$@"; do printf '%s\n' "$l"; done
		i=$((i + 1))
	done
}

# 1. Three turns as NATO, then `save mygame` and quit.
{ turns 3 'do talks' 'end'; echo 'save mygame'; echo 'quit'; } >play.in
"$BRINK" play "$S" --plain --seed 3 --save-dir "$DIR" <play.in >play.out 2>play.err || fail "play exits $?"
has play.out "^saved: $DIR/mygame.save" "the save command names the file"
[ -f "$DIR/mygame.save" ] || fail "no $DIR/mygame.save"
has "$DIR/mygame.save" '^format = 1;$' "the save is versioned libconfig text"
has "$DIR/mygame.save" '^seed = "3";$' "the seed is a decimal string"
has "$DIR/mygame.save" 'nato = \( "talks" \);' "orders by action id"
ls -a "$DIR" | grep -q 'tmp' && fail "a temporary file was left in $DIR"

# 2. Verify: by path, and by name in --save-dir.
status 0 "replay --verify" "$BRINK" replay "$DIR/mygame.save" --verify
has cmd.out '^verify: ok \(3 turns\)$' "verify reports the turns"
status 0 "replay NAME --save-dir --verify" "$BRINK" replay mygame --save-dir "$DIR" --verify

# 3. Load continues the game at turn 4 (2025-Q4), to the end.
{ echo status; turns 70 'do talks' 'end'; } >rest.in
status 0 "load" "$BRINK" load "$DIR/mygame.save" --plain <rest.in
cp cmd.out load.out
has load.out '^\[nato 2025-Q4 AP [0-9]+\] > ' "the loaded game resumes at turn 4"
grep -q '^\[nato 2025-Q1 ' load.out && fail "the loaded game started over"
tail -n 1 load.out | grep -Eq '^result: (nato|russia|draw|war) \(nato [0-9]+, russia [0-9]+\)$' ||
	{ fail "the loaded game does not reach its result"; tail -n 5 load.out; }
# The game's id (door-closed-3) is in mygame.save: the loaded game goes on
# autosaving as that game, every turn kept.
last=$(ls "$DIR" | grep '^door-closed-3-auto-[0-9]*\.save$' | sort | tail -n 1)
[ -n "$last" ] || { fail "the loaded game did not autosave under its id in $DIR"; ls "$DIR"; }
if [ -n "$last" ]; then
	status 0 "verify the finished game" "$BRINK" replay "$DIR/$last" --verify
	n=$(ls "$DIR" | grep -c '^door-closed-3-auto-')
	t=$(echo "$last" | sed 's/.*-auto-0*\([0-9][0-9]*\)\.save/\1/')
	[ "$n" -eq $((t + 1)) ] || fail "$n autosaves kept, want every turn 0..$t"
fi

# 4. Tampered copies: a digest, an order, a variable. Exit 1 with FILE:LINE: error:.
T=$E2E_TMP/tampered.save
line=$(grep -n 'digest = ' "$DIR/mygame.save" | sed -n 2p | cut -d: -f1)
sed "${line}s/digest = \"./digest = \"x/" "$DIR/mygame.save" >"$T"
status 1 "verify of a changed digest" "$BRINK" replay "$T" --verify
has cmd.err "^$T:$line: error: " "the changed digest is pointed at"
line=$(grep -n 'digest = ' "$DIR/mygame.save" | sed -n 2p | cut -d: -f1)
good=$(sed -n "${line}p" "$DIR/mygame.save" | sed 's/.*"\(.*\)".*/\1/')
flip=$(echo "$good" | sed 's/^0/1/; t; s/^./0/')
sed "${line}s/$good/$flip/" "$DIR/mygame.save" >"$T"
status 1 "verify of a wrong digest" "$BRINK" replay "$T" --verify
has cmd.out '^verify: mismatch at turn 2 of 3$' "verify names the first turn that differs"
has cmd.err "^$T:$line: error: turn 2 \(2025-Q2\) does not replay" "the digest line"
sed '0,/nato = ( "talks" );/s//nato = ( "cyber-defense" );/' "$DIR/mygame.save" >"$T"
status 1 "verify of a changed order" "$BRINK" replay "$T" --verify
has cmd.out '^verify: mismatch at turn 1 of 3$' "a changed order fails at its turn"
sed '/^state/,/^scenario_file/s/^    dialogue = \([0-9]*\);/    dialogue = 1\1;/' "$DIR/mygame.save" >"$T"
status 1 "verify of a changed variable" "$BRINK" replay "$T" --verify
has cmd.err "^$T:[0-9]+: error: 'state.world.dialogue' is " "the changed variable is named"
status 1 "load of a tampered save" "$BRINK" load "$T" --plain
has cmd.err "^$T:[0-9]+: error: " "load reports FILE:LINE"
status 1 "report of a tampered save" "$BRINK" report "$T"

# 5. The text replay (stdout is not a terminal).
status 0 "replay as text" "$BRINK" replay "$DIR/mygame.save"
has cmd.out '^Turn 1 \(2025-Q1\)$' "the replay goes turn by turn"
has cmd.out '^  NATO orders: Propose talks$' "with each side's orders"
has cmd.out '^  tension: [0-9]+ -> [0-9]+ ' "and tension"
has cmd.out '^  - ' "and every cause in words"
has cmd.out "^The game goes on: 3 of 12 turns played.$" "an unfinished game says so"
status 0 "replay --plain" "$BRINK" replay "$DIR/mygame.save" --plain
has cmd.out "^Turn 3 \\(2025-Q3\\)$" "--plain replays as text"

# 6. Bad saves and bad command lines.
B=$ROOT/tests/data/badsaves
status 1 "load of a bad save" "$BRINK" load "$B/unknown-action.save" --plain
has cmd.err "unknown-action.save:33: error: turn 1: unknown action 'deplyo'" "a bad order's line"
status 1 "replay of a truncated save" "$BRINK" replay "$B/truncated.save" --verify
has cmd.err 'truncated.save:[0-9]+: error: ' "a truncated save"
status 1 "a save that does not exist" "$BRINK" load "$E2E_TMP/nothing.save"
has cmd.err 'error: no such save' "a missing save"
status 1 "verify of something that is not a save" "$BRINK" replay "$S" --verify
has cmd.err 'door-closed.cfg:1: error: not a Brink save' "a scenario is not a save"
printf 'root:x:0:0:root:/root:/bin/bash\n' >passwd
status 1 "load of a text file" "$BRINK" load ./passwd --plain
has cmd.err '^\./passwd:1: error: not a Brink save' "a text file is not a save"
[ "$(wc -l <cmd.err)" -eq 1 ] || fail "a text file: one error line, not $(wc -l <cmd.err)"
status 1 "report of a text file" "$BRINK" report ./passwd
has cmd.err 'error: not a Brink save' "report: a text file is not a save"
status 2 "load without a save" "$BRINK" load
has cmd.err "try 'brink load --help'" "usage errors point at --help"
status 2 "load with two saves" "$BRINK" load a b
status 2 "replay with an unknown option" "$BRINK" replay "$DIR/mygame.save" --bogus
status 0 "load --help" "$BRINK" load --help
has cmd.out '^Usage: brink load SAVE' "load --help"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
exit 0
