# lib_net.sh - sourced by the end-to-end tests of network play (serve, join,
# watch): a failure count, the processes to kill when the test ends, and a
# wait on a file's lines instead of a sleep.
#
#   fail MESSAGE          print "FAIL: MESSAGE" and count it; end the test
#                         with [ "$fails" -eq 0 ]
#   pids="$pids $!"       a background process to kill -9 at exit
#   wait_for FILE PATTERN until FILE has a line matching the extended regular
#                         expression PATTERN; returns 1 after about 30 s
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
