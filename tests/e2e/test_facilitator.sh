#!/bin/bash
# test_facilitator.sh - the facilitator's changes, from the console to the saves.
# brink serve with two tables (the AI stands in for an absent Russia); a team
# plays table 1 in plain mode. After turn 1, brink watch --plain injects an
# incident into table 1, sets tension in all tables and says a message with
# changes to table 1; bad commands get clear errors. The game goes on to its
# end; the server restarts on its folder and resumes table 2 with its
# change, which the facilitator then ends. The saves replay (--verify), the
# replay and the report tell the facilitator's causes, the class report names
# the team, and a what-if from turn 3 keeps the changes made before it. Run by tests/e2e/run.sh.
set -u
S=$ROOT/scenarios/door-closed.cfg
. "$ROOT/tests/e2e/lib_net.sh"

D=$E2E_TMP/class
serve srv --tables 2 --seed 9 --turns 6 --ai normal --save-dir "$D" || exit 1
spid=$SPID addr=$ADDR fcode=$FCODE
ncode=$(awk '$2 == 1 && $3 == "nato" { print $5 }' srv.out)

mkfifo w.in p.in
"$BRINK" watch "$addr" --code "$fcode" --plain <w.in >w.out 2>&1 &
wp=$!
pids="$pids $wp"
exec 3>w.in
"$BRINK" join "$addr" --code "$ncode" --name Eagles --plain --save-dir "$E2E_TMP/mine" <p.in >p.out 2>&1 &
pp=$!
pids="$pids $pp"
exec 4>p.in
wait_for w.out '^table 1 \(Eagles v -\): turn 0' || { fail "the console does not name the team"; cat w.out; }

# turn 1, then the facilitator's changes
printf 'end\n' >&4
wait_for w.out '^table 1 \(Eagles v -\): turn 1,' || { fail "turn 1 was not played"; tail -n 5 w.out p.out; }
printf 'inject naval-collision 1\nset tension 70 all\n' >&3
printf 'say 1 dialogue=+10,stability@poland=-5 Talks resume in Geneva\n' >&3
wait_for w.out '^ok: say 1 1' || { fail "say was not acknowledged"; tail -n 5 w.out; }
grep -q '^ok: inject 1 1' w.out || fail "inject was not acknowledged"
grep -q '^ok: set all 2' w.out || fail "set all was not acknowledged for both tables"
# bad input: each a clear error, nothing changed
printf 'inject no-such-event 1\nset tension 101 1\nset stability 40 1\nset stability@narnia 40 1\n' >&3
printf 'set tension 50 7\nsay 1 tension=5 x\nsay 1 -\ninject naval-collision 1\nend 9\n' >&3
wait_for w.out "^error: no table '9'" || { fail "end 9 was not refused"; tail -n 12 w.out; }
for e in "no event 'no-such-event'" "'101' is out of tension's range 0..100" \
	"'stability' is a region's variable" "no region 'narnia'" "no table '7'" \
	"a change is \+N or -N" "say needs a message" "table 1: a crisis is already open"; do
	grep -Eq "^error: .*$e" w.out || fail "no error: $e"
done

# the player sees them, in the game's words
wait_for p.out 'Facilitator: Talks resume in Geneva' || { fail "the player was not told the message"; tail -n 20 p.out; }
grep -q 'The facilitator brought in an incident: Naval collision' p.out || fail "the player was not told of the incident"
grep -q 'The facilitator set tension to 70' p.out || fail "the player was not told of the new tension"

# play on to the end; table 2 is ended now
for t in $(seq 8); do printf 'crisis firm\nend\n'; done >&4
exec 4>&-
wait $pp
grep -q '^result: ' p.out || { fail "table 1 did not finish"; tail -n 8 p.out; }
# the notes came while the prompt waited: each on a line of its own, then the
# prompt again as the world now is (the incident opened a crisis)
grep -q '^note: Facilitator: Talks resume in Geneva$' p.out || fail "the message's note is not on a line of its own"
grep -Eq '^\[nato 2025-Q2 AP [0-9]+ CRISIS\] > crisis firm$' p.out ||
	{ fail "the prompt given again does not show the crisis the facilitator opened"; grep -A2 '^note: Facilitator' p.out; }
grep -q 'The facilitator' p.out || fail "the player's news does not tell the facilitator's changes"
printf 'quit\n' >&3
exec 3>&-
wait $wp || fail "watch: exit at quit"

# the server restarted on its folder resumes table 2 with its change
kill -TERM "$spid"
wait "$spid"
serve srv2 --tables 2 --seed 9 --turns 6 --ai normal --save-dir "$D" || exit 1
spid=$SPID
grep -q 'resumed 2 tables' srv2.err || fail "the server did not resume"
addr=$(sed -n 's/^listening: //p' srv2.out)
# a player at table 2 is ordering when the facilitator ends the game: it
# sees the end and the result at once, without typing anything (its stdin
# is a fifo held open, so nothing but the server's line can wake it)
n2code=$(awk '$2 == 2 && $3 == "nato" { print $5 }' srv.out)
mkfifo p2.in
"$BRINK" join "$addr" --code "$n2code" --plain <p2.in >p2.out 2>&1 &
p2=$!
pids="$pids $p2"
exec 4>p2.in
wait_for p2.out 'turn 1 of 6' || { fail "table 2's player did not join"; cat p2.out; }
printf 'end 2\nquit\n' >w2.in
"$BRINK" watch "$addr" --code "$fcode" --plain <w2.in >w2.out 2>&1 || fail "second console"
grep -q '^table 2: turn 0, tension 70,' w2.out || { fail "table 2 lost its change in the restart"; cat w2.out; }
grep -q '^ok: end 2 1' w2.out || { fail "end 2 was not acknowledged"; cat w2.out; }
wait_for p2.out 'The facilitator ended the game now' || { fail "table 2's player was not told"; tail -n 5 p2.out; }
wait_for p2.out '^result: ' || { fail "table 2's player saw no result until it typed a line"; tail -n 5 p2.out; }
wait_for p2.out '^== Game over before the first turn, 2025-Q1 ==$' || fail "table 2's player was not shown the game's end, before its first turn"
grep -Eq '^ +NATO [1-9][0-9]*: .*regions held at the end' p2.out ||
	{ fail "the debrief of a game ended before its first turn does not count its points"; grep -A3 '^Why' p2.out; }
# the note came while the prompt waited: on a line of its own
grep -B1 '^note: The facilitator ended the game now' p2.out | grep -q '^\[nato 2025-Q1 AP 4\] > $' ||
	{ fail "the note was not put on a line of its own after the prompt"; tail -n 20 p2.out; }
# the game is over: the client leaves by itself, its stdin still open
i=0
while kill -0 "$p2" 2>/dev/null && [ "$i" -lt 500 ]; do i=$((i + 1)); sleep 0.02; done
kill -0 "$p2" 2>/dev/null && { fail "table 2's player did not leave after the result"; kill "$p2"; }
exec 4>&-
wait $p2 || fail "table 2's player: exit status after an ended game"
kill -TERM "$spid"
wait "$spid"

T1=$D/door-closed-9-table-01.save
T2=$D/door-closed-9-table-02.save
"$BRINK" replay "$T1" --verify >v1.out 2>&1 || { fail "table 1's save does not verify"; cat v1.out; }
"$BRINK" replay "$T2" --verify >v2.out 2>&1 || { fail "table 2's save does not verify"; cat v2.out; }
grep -q '^format = 2;' "$T1" || fail "a save with the facilitator's changes is not format 2"
grep -q 'team = "Eagles";' "$T1" || fail "the team's name is not in the save"
grep -q 'change = "inject naval-collision"' "$T1" || fail "the injected event is not in the save"
"$BRINK" replay "$T1" --plain >r1.out 2>&1 || fail "replay of table 1"
grep -q 'The facilitator set tension to 70' r1.out || fail "the replay does not tell the set"
grep -q 'Facilitator: Talks resume in Geneva' r1.out || fail "the replay does not tell the message"
grep -q 'Dialogue +10 (the facilitator.s message)' r1.out || fail "the replay does not give the message's change"
"$BRINK" report "$T1" >rep1.md 2>&1 || fail "report of table 1"
grep -q 'The facilitator brought in an incident: Naval collision' rep1.md || fail "the report does not tell the inject"
grep -q 'The facilitator set tension to 70' rep1.md || fail "the report does not tell the set"
grep -q 'NATO (human, team Eagles)' rep1.md || fail "the report does not name the team"
"$BRINK" report "$T2" >rep2.md 2>&1 || fail "report of table 2"
grep -q '### Before the first turn' rep2.md || fail "table 2's report has no 'before the first turn'"
grep -q 'The facilitator ended the game now' rep2.md || fail "table 2's report does not say who ended it"
"$BRINK" report --class "$D" --out class.md >/dev/null 2>&1 || fail "class report"
grep -q 'Eagles (human)' class.md || { fail "the class report does not name the team"; grep '^| table' class.md; }
grep -q 'The facilitator changed table-01 (3), table-02 (2)' class.md ||
	{ fail "the class report does not count the facilitator's changes"; grep -i facilitator class.md; }
# its debrief prompt names them, table by table
grep -q '^- The facilitator changed 2 of 2 games (1 event brought in, 2 variables set, 1 message, 1 game ended before its last turn)\. ' class.md ||
	{ fail "no debrief prompt on the facilitator's changes"; grep -i facilitator class.md; }
grep -q '^  - table-01: after turn 1 (2025-Q1): The facilitator brought in an incident: Naval collision.*Facilitator: Talks resume in Geneva\.$' class.md ||
	{ fail "the prompt does not name table 1's changes"; grep -i facilitator class.md; }
grep -q '^  - table-02: before the first turn: The facilitator set tension to 70\. The facilitator ended the game now\.$' class.md ||
	{ fail "the prompt does not name table 2's changes"; grep -i facilitator class.md; }
"$BRINK" report --class "$D" --format csv >class.csv 2>&1
grep -q ',Eagles,,3$' class.csv || { fail "the CSV lacks the team or the changes"; cat class.csv; }

# the player's client made every change itself: a digest that differed
# from the server's would have stopped it
grep -q 'out of step\|cannot be made here' p.out && fail "the player's game went out of step"

# a what-if from turn 3 keeps the changes made after turn 1
printf 'quit\n' | "$BRINK" load "$T1" --turn 3 --plain --save-dir "$E2E_TMP/whatif" >b.out 2>&1
b=$(ls "$E2E_TMP"/whatif/*-b1-auto-02.save 2>/dev/null | head -n 1)
[ -n "$b" ] && grep -q 'change = "say dialogue=+10' "$b" || { fail "the what-if lost the facilitator's changes"; tail -n 5 b.out; }
[ -n "$b" ] && { "$BRINK" replay "$b" --verify >vb.out 2>&1 || { fail "the what-if does not verify"; cat vb.out; }; }

grep -l 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' ./*.out ./*.err 2>/dev/null && fail "sanitizer report"
[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all facilitator checks passed"
