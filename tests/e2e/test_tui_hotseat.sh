#!/bin/sh
# test_tui_hotseat.sh - hot-seat in tmux: the hand-off hides the first side's orders from
# the second; SIGTERM restores the terminal; TERM=dumb falls back with a clear message.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=hotseat
. "$ROOT/tests/e2e/lib_tmux.sh"

# Scenarios on the search path, saves in the scratch folder.
export XDG_DATA_HOME="$E2E_TMP/data"
mkdir -p "$XDG_DATA_HOME/brink"
ln -s "$ROOT/scenarios" "$XDG_DATA_HOME/brink/scenarios"
cd "$E2E_TMP" || exit 1

# The title menu needs a real terminal: without one, a pointer to plain mode.
TERM=dumb "$BRINK_TUI" </dev/null >out.txt 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: brink with TERM=dumb exits $rc, not 1"; exit 1; }
grep -q "brink play --plain" err.txt || { echo "FAIL: no pointer to plain mode"; cat err.txt; exit 1; }
TERM=no-such-terminal "$BRINK_TUI" </dev/null >out.txt 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: brink with an unknown TERM exits $rc, not 1"; exit 1; }
grep -q "brink play --plain" err.txt || { echo "FAIL: no pointer to plain mode"; cat err.txt; exit 1; }

shell_start 80 24

# Hot-seat: NATO gives an order, the hand-off hides it, Russia does not see it.
keys "$BRINK_TUI play --side both --seed 7; echo EX''IT=\$?" Enter
expect "Both sides are played here" "hot-seat briefing"
keys Enter
expect "NATO's orders" "NATO first"
keys Enter
expect "orders for" "action menu"
keys Enter
expect "Queued:" "NATO queued an order"
order=$(screen | sed -n 's/.*1\. \([A-Za-z][A-Za-z ]*[a-z]\) in [A-Z].*/\1/p' | head -n 1)
[ -n "$order" ] || fail "cannot read NATO's order from the screen"
keys e
expect "AP left unspent" "confirm"
keys y
expect "Hand the terminal to Russia's player" "hand-off screen"
screen | grep -q "$order" && fail "the hand-off shows NATO's order ($order)"
screen | grep -q "TENSION" && fail "the hand-off shows the game"
keys Enter
expect "Russia's orders" "Russia's turn"
expect "none yet" "Russia's queue is empty"
screen | grep -q "1\. $order" && fail "Russia sees NATO's order"
keys e
expect "AP left unspent" "confirm"
keys y
expect "resolved" "resolution"
expect "NATO ordered:" "both sides' orders revealed"
expect "Russia ordered:" "both sides' orders revealed"
screen | grep -q "$order" || fail "the resolution shows NATO's order"
keys Enter
expect "Hand the terminal to NATO's player" "hand-off before the next turn"
keys Enter
expect "2025-Q2" "the next turn"

# SIGTERM: the game autosaves, leaves curses, and the shell is usable again.
pid=$(tm list-panes -t main -F '#{pane_pid}')
bpid=$(ps -o pid= --ppid "$pid" | tr -d ' ' | head -n 1)
[ -n "$bpid" ] || fail "cannot find brink's process"
kill -TERM "$bpid"
expect "EXIT=0" "SIGTERM stops brink with status 0"
wait_gone "TENSION" || fail "the game screen stays after SIGTERM"
keys "stty -a > stty.txt; echo STTY-\"\"DONE" Enter  # the typed line must not match
expect "STTY-DONE" "stty ran"
grep -q " icanon" stty.txt || fail "terminal left without icanon"
grep -q " echo " stty.txt || fail "terminal left without echo"

# The replay viewer on the autosave: turn by turn, back and forth.
save=$(ls -t "$XDG_DATA_HOME"/brink/saves/* 2>/dev/null | head -n 1)
[ -n "$save" ] || fail "no autosave after SIGTERM"
keys clear Enter
keys "$BRINK_TUI replay '$save'; echo EX''IT=\$?" Enter
expect "REPLAY" "replay viewer"
expect "REPLAY  2025-Q1, turn 1 of 12" "the replay opens at the first turn"
expect "2025-Q1  turn 1 of 12" "the side panel names the same turn as the header"
expect "Orders given" "the replay reveals both sides' orders"
keys Left
expect "the start, before turn 1" "Left steps back"
keys End
expect "turn 1 of 12  |" "End goes to the last turn played"
keys q
expect "EXIT=0" "q leaves the replay"

# A game started from the title menu: SIGTERM ends Brink, not only the game.
keys clear Enter
keys "$BRINK_TUI; echo EX''IT=\$?" Enter
expect "Load a saved game" "title menu"
keys Enter
expect "Start the game" "new game form"
keys s
expect "You play NATO" "briefing"
keys Enter
expect "NATO's orders" "game from the menu"
pid=$(tm list-panes -t main -F '#{pane_pid}')
bpid=$(ps -o pid= --ppid "$pid" | tr -d ' ' | head -n 1)
[ -n "$bpid" ] || fail "cannot find brink's process"
kill -TERM "$bpid"
expect "EXIT=" "SIGTERM ends brink started from the menu"
screen | grep -q "Load a saved game" && fail "back at the menu after SIGTERM"
echo "ok"
