# lib_tmux.sh - sourced by the end-to-end tests that drive the curses UI in tmux.
#
# A private tmux server per test (socket brink-e2e-TAG-PID, removed on exit),
# and helpers that read the screen with capture-pane, polling (5 s at most)
# instead of sleeping. Set TMUX_TAG before sourcing to name the socket.
# Without tmux the test exits 77, which run.sh counts as skipped, not passed.
if ! command -v tmux >/dev/null 2>&1; then
	echo "skip: tmux is not installed"
	exit 77
fi
unset TMUX
S=brink-e2e-${TMUX_TAG:-tui}-$$
tm() { tmux -L "$S" "$@"; }
pids="" # processes the test started (serve_class): killed at exit
cleanup() {
	for p in $pids; do kill -9 "$p" 2>/dev/null; done
	tm kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$S"
}
trap cleanup EXIT INT TERM

screen() { tm capture-pane -p -t main 2>/dev/null; }
fail() {
	echo "FAIL: $*"
	echo "--- screen:"
	screen
	exit 1
}
# wait_for TEXT: poll the screen until TEXT shows (5 s at most).
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# wait_gone TEXT: poll until TEXT is no longer on the screen.
wait_gone() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
expect() { wait_for "$1" || fail "expected '$1' on the screen ($2)"; }
absent() { screen | grep -qF -- "$1" && fail "'$1' must not be on the screen ($2)"; return 0; }
keys() { tm send-keys -t main "$@"; }

# shell_start COLS ROWS: the tmux session "main", that size, with a shell
# (prompt "shell> ") ready for keys.
shell_start() {
	tm -f /dev/null new-session -d -s main -x "$1" -y "$2" "env PS1='shell> ' sh" || fail "tmux did not start"
	tm set-option -t main status off >/dev/null
	expect "shell>" "the shell starts"
}

# serve_class TABLES DIR: a brink serve of door-closed (seed 5) with TABLES
# tables saving in DIR, its output in srv.out; sets addr and fcode (the
# facilitator's code). Killed at exit.
serve_class() {
	"$BRINK" serve "$ROOT/scenarios/door-closed.cfg" --port 0 --tables "$1" --seed 5 \
		--save-dir "$2" >srv.out 2>srv.err &
	pids="$pids $!"
	i=0
	until grep -q '^facilitator code ' srv.out 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 250 ] && fail "the server did not start"
		sleep 0.02
	done
	addr=$(sed -n 's/^listening: //p' srv.out)
	fcode=$(awk '$1 == "facilitator" { print $3 }' srv.out)
}
