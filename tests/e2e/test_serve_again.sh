#!/bin/bash
# test_serve_again.sh - a second class served with the same seed on the same
# folder, after the first class's games are over, keeps the first class's
# saves: its tables take names of their own. A player who quits a served
# game is told the server keeps it. End of input on /dev/null ends watch and
# join instead of hanging. The console's table lines count agreements and
# name the last incident, also after a resume. Run by tests/e2e/run.sh.
set -u
S=$ROOT/scenarios/door-closed.cfg
D=$E2E_TMP/serve
. "$ROOT/tests/e2e/lib_net.sh"
# class N: a server of one table on $D, printing to srvN.out
class() { serve "srv$1" --tables 1 --seed 9 --turns 1 --ai normal --save-dir "$D" || exit 1; spid=$SPID; }

# the first class: one table, one turn, played to its end
class 1
addr=$(sed -n 's/^listening: //p' srv1.out)
code=$(awk '$2 == 1 && $3 == "nato" { print $5 }' srv1.out)
printf 'do talks\nend\n' | "$BRINK" join "$addr" --code "$code" --plain --save-dir "$E2E_TMP/mine" >p1.out 2>&1
grep -q '^result: ' p1.out || { fail "the first class's game did not end"; tail -n 5 p1.out; }
printf 'tables\nquit\n' | "$BRINK" watch "$addr" --code "$(awk '$1 == "facilitator" { print $3 }' srv1.out)" --plain >w1.out 2>&1
grep -Eq '^table 1: turn 1, tension [0-9]+, .*, [0-9]+ agreements?(, last incident [a-z-]+)?, result ' w1.out ||
	{ fail "a finished table's line"; cat w1.out; }
first=$(ls "$D"/*.save)
[ "$(echo "$first" | wc -l)" -eq 1 ] || fail "the first class has one save: $first"
kill "$spid"
wait "$spid" 2>/dev/null
sum=$(cksum <"$first") # after the server's last save (it saves again as it stops)

# the second class, same seed, same folder
class 2
grep -q 'resumed' srv2.err && fail "the second server resumed games that were over"
[ "$(cksum <"$first")" = "$sum" ] || fail "the second class overwrote the first class's save"
[ "$(ls "$D"/*.save | wc -l)" -eq 2 ] || { fail "the second class's table has a save of its own"; ls "$D"; }
ls "$D" | grep -q -- '-table-01-2\.save$' || { fail "the new table is named -table-01-2"; ls "$D"; }
# a player who quits a served game is told the server keeps it (no autosave
# of the player's own to promise or to fail)
addr=$(sed -n 's/^listening: //p' srv2.out)
code=$(awk '$2 == 1 && $3 == "nato" { print $5 }' srv2.out)
printf 'quit\n' | "$BRINK" join "$addr" --code "$code" --plain --save-dir "$E2E_TMP/mine" >p2.out 2>&1
grep -q 'The server keeps the game: join again with your code' p2.out || { fail "quit: what is kept"; tail -n 3 p2.out; }
grep -q 'autosave failed' p2.out && fail "quit: a failed autosave is announced"
# end of input that epoll cannot watch (/dev/null, a device that is not a
# terminal) ends the console and a player's game instead of hanging
fcode=$(awk '$1 == "facilitator" { print $3 }' srv2.out)
timeout 20 "$BRINK" watch "$addr" --code "$fcode" --plain </dev/null >w.out 2>&1
[ $? -eq 0 ] || { fail "watch </dev/null did not end at end of input"; tail -n 3 w.out; }
grep -q '^table 1' w.out || fail "watch </dev/null printed no table"
timeout 20 "$BRINK" join "$addr" --code "$code" --plain </dev/null >p3.out 2>&1
[ $? -eq 0 ] || { fail "join </dev/null did not end at end of input"; tail -n 3 p3.out; }
grep -q 'End of input' p3.out || fail "join </dev/null: no end of input"
# the console's lines count agreements and name the last incident, also
# after the server resumes the table from its save
printf 'inject naval-collision 1\ntables\nquit\n' >cmds
"$BRINK" watch "$addr" --code "$fcode" --plain <cmds >w2.out 2>&1
grep -Eq '^table 1: turn 0, tension [0-9]+, .*, 0 agreements, last incident naval-collision' w2.out ||
	{ fail "the table line names no agreements or incident"; cat w2.out; }
kill "$spid"
wait "$spid" 2>/dev/null
class 3
grep -q 'resumed' srv3.err || fail "the third server did not resume the table"
addr=$(sed -n 's/^listening: //p' srv3.out)
fcode=$(awk '$1 == "facilitator" { print $3 }' srv3.out)
fcode=${fcode:-$(awk '$1 == "facilitator" { print $3 }' srv2.out)}
printf 'tables\nquit\n' >cmds
"$BRINK" watch "$addr" --code "$fcode" --plain <cmds >w3.out 2>&1
grep -Eq '^table 1: turn 0, .*, 0 agreements, last incident naval-collision' w3.out ||
	{ fail "a resumed table forgot its last incident"; cat w3.out srv3.err; }
kill "$spid"
wait "$spid" 2>/dev/null
[ "$fails" -eq 0 ]
