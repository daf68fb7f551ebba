# lib_net.sh - sourced by the end-to-end tests of network play (serve, join,
# watch): a failure count, the processes to kill when the test ends, and a
# wait on a file's lines instead of a sleep.
#
#   fail MESSAGE          print "FAIL: MESSAGE" and count it; end the test
#                         with [ "$fails" -eq 0 ]
#   pids="$pids $!"       a background process to kill -9 at exit
#   wait_for FILE PATTERN until FILE has a line matching the extended regular
#                         expression PATTERN; returns 1 after about 30 s
#   serve NAME ARGS...    brink serve "$S" ARGS (port $PORT_WANT or any) in the
#                         background, writing NAME.out and NAME.err, until it
#                         prints its codes; sets SPID, ADDR, PORT, NCODE and
#                         RCODE (table 1's seats), FCODE; returns 1 if it did not start
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pids=""
cleanup() { for p in $pids; do kill -9 "$p" 2>/dev/null; done; }
trap cleanup EXIT
wait_for() {
	i=0
	until grep -Eq -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -gt 1500 ] && return 1
		sleep 0.02
	done
}
serve() {
	name=$1
	shift
	"$BRINK" serve "$S" --port "${PORT_WANT:-0}" "$@" >"$name.out" 2>"$name.err" &
	SPID=$!
	pids="$pids $SPID"
	wait_for "$name.out" '^facilitator code ' || { fail "$name: server did not start"; cat "$name.err"; return 1; }
	ADDR=$(sed -n 's/^listening: //p' "$name.out")
	PORT=${ADDR##*:}
	NCODE=$(awk '$1 == "table" && $2 == 1 && $3 == "nato" { print $5 }' "$name.out")
	RCODE=$(awk '$1 == "table" && $2 == 1 && $3 == "russia" { print $5 }' "$name.out")
	FCODE=$(awk '$1 == "facilitator" { print $3 }' "$name.out")
}
