#!/bin/bash
# test_watch.sh - the facilitator's console: brink watch --plain against brink serve.
# Every table at a glance, a bad code refused, pause holds a table whose orders
# are in, resume lets it go on, a typed line that is not a command gets an error,
# stats answers. Loopback, port 0. Run by tests/e2e/run.sh.
set -u
S=$ROOT/scenarios/door-closed.cfg
. "$ROOT/tests/e2e/lib_net.sh"

serve srv --tables 2 --seed 5 --save-dir "$E2E_TMP/w" || exit 1
spid=$SPID addr=$ADDR fcode=$FCODE
ncode=$(awk '$2 == 1 && $3 == "nato" { print $5 }' srv.out)
rcode=$(awk '$2 == 1 && $3 == "russia" { print $5 }' srv.out)

"$BRINK" watch "$addr" --code ZZZZ-ZZZZ --plain </dev/null >bad.out 2>&1
rc=$?
[ $rc -eq 1 ] || fail "a bad facilitator code: exit $rc, want 1"
"$BRINK" watch "$addr" --code "$ncode" --plain </dev/null >seat.out 2>&1
[ $? -eq 1 ] || fail "a seat's code opened the console"

mkfifo w.in
"$BRINK" watch "$addr" --code "$fcode" --plain <w.in >w.out 2>&1 &
wp=$!
pids="$pids $wp"
exec 3>w.in
wait_for w.out '^table 2: turn 0, tension [0-9]+, NATO away, Russia away' ||
	{ fail "the console does not show every table"; cat w.out; }
printf 'pause 1\n' >&3
wait_for w.out '^ok: pause 1' || fail "pause 1 was not acknowledged"
wait_for w.out '^table 1: .*PAUSED' || fail "table 1 is not shown paused"

# Both sides of table 1 end their orders: the paused table waits.
for t in $(seq 14); do printf 'end\n'; done >e.in
"$BRINK" join "$addr" --code "$ncode" --plain <e.in >n.out 2>&1 &
np=$!
"$BRINK" join "$addr" --code "$rcode" --plain <e.in >r.out 2>&1 &
rp=$!
pids="$pids $np $rp"
wait_for w.out '^table 1: turn 0, .*NATO submitted, Russia submitted.*PAUSED' ||
	{ fail "the console does not show both sides' orders in"; tail -n 5 w.out; }
grep -q '2025-Q1 resolved' n.out && fail "a paused table resolved a turn"
printf 'resume 1\n' >&3
wait_for w.out '^ok: resume 1' || fail "resume 1 was not acknowledged"
wait $np $rp
grep -q '^result: ' n.out || { fail "table 1 did not finish after resume"; tail -n 5 n.out; }
wait_for w.out '^table 1: turn 12, .*result ' || { fail "the console does not show the result"; tail -n 5 w.out; }
printf 'launch everything\nstats\ninject summit 1\nquit\n' >&3
exec 3>&-
wait $wp
rc=$?
[ $rc -eq 0 ] || fail "watch: exit $rc at quit"
grep -q '^error: unknown command' w.out || fail "a bad command got no error"
grep -q '^stats: 12 turns resolved' w.out || { fail "no stats"; tail -n 5 w.out; }
grep -q "^error: no event 'summit'" w.out || fail "inject of an unknown event was not refused"
kill -TERM "$spid"
wait "$spid"
grep -l 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' ./*.out ./*.err 2>/dev/null && fail "sanitizer report"
[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all console checks passed"
