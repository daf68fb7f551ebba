#!/bin/bash
# test_net.sh - network play end to end: brink serve and two brink join --plain clients.
# A whole game to the same result line on both sides (and a save that verifies);
# disconnect and rejoin keeps the seat and its orders; a taken seat and a bad code
# are refused; garbage, oversized and half-open peers get errors and stop nothing;
# kill -9 of the server mid-game, restart, and the game goes on from its saves; a broken
# serve.state or a FIFO in its place ends the server with one clear line.
# Loopback only, port 0 (the kernel picks a free port). Run by tests/e2e/run.sh.
set -u
S=$ROOT/scenarios/door-closed.cfg
. "$ROOT/tests/e2e/lib_net.sh"
# count FILE PATTERN: lines of FILE matching PATTERN
count() { grep -Ec -- "$2" "$1" 2>/dev/null; }
# wait_count FILE PATTERN N: until FILE has N lines matching PATTERN
wait_count() {
	i=0
	until [ "$(count "$1" "$2")" -ge "$3" ]; do
		i=$((i + 1))
		[ "$i" -gt 1500 ] && return 1
		sleep 0.02
	done
}
sanitizer() { grep -l 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' "$@" 2>/dev/null; }

# ---- 1. a whole game; a raw peer sends garbage meanwhile ----------------------
serve game --seed 11 --save-dir "$E2E_TMP/game" || exit 1
case $ADDR in 127.0.0.1:[0-9]*) ;; *) fail "listening line: '$ADDR'" ;; esac

# A half-open peer: connects, says nothing, holds its socket the whole game.
exec 6<>/dev/tcp/127.0.0.1/"$PORT"

# A garbage peer: every bad line gets an error and the connection goes on.
exec 5<>/dev/tcp/127.0.0.1/"$PORT"
{
	printf 'join %s\n' "$NCODE"              # before hello
	printf 'hello 1\n'
	printf 'launch everything\n'
	printf '\001\002\377binary\n'
	head -c 5000 /dev/zero | tr '\0' 'x'; printf '\n'   # oversized line
	printf '%%s%%s%%n\n'
	printf 'orders 1 deploy@poland\n'        # no seat yet
	printf 'ping\n'
} >&5
garbage=""
for _ in 1 2 3 4 5 6 7 8; do
	IFS= read -r -t 10 line <&5 || break
	garbage="$garbage$line
"
done
printf '%s' "$garbage" >garbage.out
grep -q '^error join-first\|^error hello-first' garbage.out || fail "no error for join before hello"
grep -q '^welcome 1 brink' garbage.out || fail "no welcome after hello"
grep -q '^error bad-line unknown command' garbage.out || fail "no error for an unknown command"
grep -q '^error bad-line control character' garbage.out || fail "no error for binary bytes"
grep -q '^error too-long line too long' garbage.out || fail "no error for an oversized line"
grep -q '^error join-first' garbage.out || fail "no error for orders without a seat"
grep -q '^pong' garbage.out || { fail "the garbage peer's connection did not go on"; cat garbage.out; }
# A flood of bad lines far beyond the watermark: the server drops this peer only.
head -c 300000 /dev/zero | tr '\0' '\n' | sed 's/^/junk/' >&5 2>/dev/null
exec 5>&-

# Both clients: a few orders, then end every turn (input is read only when asked).
for t in $(seq 14); do printf 'do talks\nend\n'; done >nato.in
for t in $(seq 14); do printf 'end\n'; done >russia.in
"$BRINK" join "$ADDR" --code "$NCODE" --plain --name Eagles <nato.in >nato.out 2>&1 &
np=$!
"$BRINK" join "$ADDR" --code "$RCODE" --plain <russia.in >russia.out 2>&1 &
rp=$!
pids="$pids $np $rp"
wait $np; nrc=$?
wait $rp; rrc=$?
[ $nrc -eq 0 ] || fail "nato client exit $nrc"
[ $rrc -eq 0 ] || fail "russia client exit $rrc"
nres=$(grep '^result: ' nato.out)
rres=$(grep '^result: ' russia.out)
[ -n "$nres" ] || { fail "no result line for nato"; tail -n 20 nato.out; }
[ "$nres" = "$rres" ] || fail "the two sides disagree: '$nres' / '$rres'"
grep -q 'Russia is still ordering\|Russia has ended its orders' nato.out ||
	fail "nato never heard of Russia's progress"
grep -q 'NATO (Eagles)' russia.out || fail "russia never saw the team name"
# The half-open peer held nothing up, and still has its socket.
exec 6>&-
# SIGTERM: the server writes what its saver has pending, then exits 0.
kill -TERM "$SPID"
wait "$SPID"; src=$?
[ $src -eq 0 ] || fail "server exit $src on SIGTERM"
save=$(ls "$E2E_TMP"/game/*table-01.save 2>/dev/null | head -n 1)
[ -n "$save" ] || fail "no save of table 1"
if [ -n "$save" ]; then
	"$BRINK" replay "$save" --verify >verify.out 2>&1 || { fail "the table's save does not verify"; cat verify.out; }
	"$BRINK" report "$save" >report.out 2>&1 || fail "no report from the table's save"
	grep -q '"talks"' "$save" || fail "nato's orders are not in the save"
	grep -q 'turn = 12;' "$save" || fail "the save does not hold the whole game"
fi

# ---- 2. disconnect and rejoin keeps seat and orders; refusals ------------------
serve rejoin --seed 12 --save-dir "$E2E_TMP/rejoin" || exit 1
mkfifo n1.in
"$BRINK" join "$ADDR" --code "$NCODE" --plain <n1.in >n1.out 2>&1 &
n1=$!
pids="$pids $n1"
exec 3>n1.in
printf 'do talks\nend\n' >&3
wait_for n1.out 'orders sent' || fail "nato's orders were not sent"
# The same code again while the seat is in use: refused, exit 1.
"$BRINK" join "$ADDR" --code "$NCODE" --plain </dev/null >taken.out 2>&1
rc=$?
[ $rc -eq 1 ] || fail "a taken seat: exit $rc, want 1"
grep -q 'in use' taken.out || { fail "a taken seat is not said so"; cat taken.out; }
"$BRINK" join "$ADDR" --code ZZZZ-ZZZZ --plain </dev/null >badcode.out 2>&1
rc=$?
[ $rc -eq 1 ] || fail "a bad code: exit $rc, want 1"
grep -q 'refused' badcode.out || { fail "a bad code is not refused"; cat badcode.out; }
# Drop nato's connection (the process dies), join again with the code.
kill -9 $n1
wait $n1 2>/dev/null
exec 3>&-
"$BRINK" join "$ADDR" --code "$NCODE" --plain </dev/null >n2.out 2>&1 &
n2=$!
pids="$pids $n2"
wait_for n2.out 'waiting for|still ordering|not connected' || fail "the rejoined seat did not come back"
for t in $(seq 14); do printf 'end\n'; done >r2.in
"$BRINK" join "$ADDR" --code "$RCODE" --plain <r2.in >r2.out 2>&1 &
r2=$!
pids="$pids $r2"
# Turn 1 resolves with the orders nato gave before it dropped: talks.
wait_for "$E2E_TMP/rejoin/door-closed-12-table-01.save" 'turn = 1;' ||
	fail "turn 1 was not played after the rejoin"
grep -A3 'turn = 1;' "$E2E_TMP/rejoin/door-closed-12-table-01.save" | grep -q '"talks"' ||
	fail "nato's orders given before the drop were lost"
kill $n2 $r2 2>/dev/null
wait $n2 $r2 2>/dev/null
kill -TERM "$SPID"
wait "$SPID"

# ---- 3. kill -9 of the server mid-game; restart; the game goes on ---------------
serve crash --seed 13 --save-dir "$E2E_TMP/crash" || exit 1
mkfifo cn.in cr.in
"$BRINK" join "$ADDR" --code "$NCODE" --plain <cn.in >cn.out 2>&1 &
cn=$!
"$BRINK" join "$ADDR" --code "$RCODE" --plain <cr.in >cr.out 2>&1 &
cr=$!
pids="$pids $cn $cr"
exec 3>cn.in 4>cr.in
csave=$E2E_TMP/crash/door-closed-13-table-01.save
printf 'end\n' >&3; printf 'end\n' >&4
wait_for "$csave" 'turn = 1;' || fail "turn 1 was not saved"
cp "$csave" turn1.save
for t in 2 3; do printf 'do talks\nend\n' >&3; printf 'end\n' >&4; done
wait_for cn.out '\[nato 2025-Q4 AP' || fail "nato did not reach turn 4"
wait_for cr.out '\[russia 2025-Q4 AP' || fail "russia did not reach turn 4"
kill -9 "$SPID"
wait "$SPID" 2>/dev/null
# As if the server had died before saving turns 2 and 3: the clients go back
# with it and give their orders of those turns again.
cp turn1.save "$csave"
wait_for cn.out 'connection to the server lost' || fail "nato was not told of the lost connection"
PORT_WANT=$PORT serve crash2 --save-dir "$E2E_TMP/crash" || exit 1
grep -q 'resumed 1 tables' crash2.err || { fail "the server did not resume"; cat crash2.err; }
[ "$(awk '$3 == "nato" { print $5 }' crash2.out)" = "$NCODE" ] || fail "the codes changed on restart"
wait_for cn.out 'rejoined table 1' || fail "nato did not rejoin"
wait_for cr.out 'rejoined table 1' || fail "russia did not rejoin"
for t in $(seq 12); do printf 'end\n' >&3; printf 'end\n' >&4; done
exec 3>&- 4>&-
wait $cn; crc=$?
wait $cr
[ $crc -eq 0 ] || fail "nato client after the crash: exit $crc"
cres=$(grep '^result: ' cn.out)
[ -n "$cres" ] || { fail "the crashed game did not finish"; tail -n 20 cn.out; }
[ "$cres" = "$(grep '^result: ' cr.out)" ] || fail "after the crash the sides disagree"
kill -TERM "$SPID"
wait "$SPID"
for t in 2 3; do
	grep -A3 "turn = $t;" "$csave" | grep -q '"talks"' || fail "nato's orders of lost turn $t were not given again"
done
"$BRINK" replay "$E2E_TMP/crash/door-closed-13-table-01.save" --verify >cverify.out 2>&1 ||
	{ fail "the crashed game's save does not verify"; cat cverify.out; }

# ---- 4. a broken or strange serve.state: one clear line, exit 1, never a hang -------
mkdir -p "$E2E_TMP/broken" "$E2E_TMP/fifo"
printf 'brink-serve 1\nseed 1\nno such line\ntable 1 x-table-01 AAAA BBBB\nworse\n' \
	>"$E2E_TMP/broken/serve.state"
timeout 20 "$BRINK" serve "$S" --port 0 --save-dir "$E2E_TMP/broken" >broken.out 2>broken.err
[ $? -eq 1 ] || fail "a broken serve.state did not end the server with 1"
grep -q 'broken/serve.state:3: error: not a brink serve state file' broken.err ||
	{ fail "a broken serve.state is not named at its first bad line"; cat broken.err; }
mkfifo "$E2E_TMP/fifo/serve.state"
timeout 20 "$BRINK" serve "$S" --port 0 --save-dir "$E2E_TMP/fifo" >fifo.out 2>fifo.err
[ $? -eq 1 ] || fail "a FIFO as serve.state did not end the server with 1 (a hang is 124)"
grep -q 'fifo/serve.state: error: cannot read the serve state: not a regular file' fifo.err ||
	{ fail "a FIFO as serve.state is not refused by name"; cat fifo.err; }

bad=$(sanitizer ./*.out ./*.err)
[ -z "$bad" ] || { fail "sanitizer reports in: $bad"; cat $bad | head -n 40; }
[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all network checks passed"
