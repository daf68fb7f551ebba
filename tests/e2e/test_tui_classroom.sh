#!/bin/sh
# test_tui_classroom.sh - the class kit in curses, in tmux: the projector view (v) at 200x60
# and 160x48, the selected region at length on the normal screen at 200x60, in the game and the replay viewer, and back; an empty Seed field in the
# title menu's new-game form picks a fresh seed, shown, instead of 0.
#
# Drives the real binary ($BRINK_TUI) in a private tmux server and reads the
# screen with capture-pane, polling (up to 5 s) instead of sleeping.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=cls
. "$ROOT/tests/e2e/lib_tmux.sh"

export XDG_DATA_HOME="$E2E_TMP/data"
mkdir -p "$XDG_DATA_HOME/brink"
ln -s "$ROOT/scenarios" "$XDG_DATA_HOME/brink/scenarios"
cd "$E2E_TMP" || exit 1
SAVES=$E2E_TMP/saves

shell_start 200 60

# 1. The projector view in a game at 200x60: v on, an order, the end of a turn, v off.
keys "$BRINK_TUI play --seed 1 --save-dir $SAVES --name proj; echo EXIT=\$?" Enter
expect "You play NATO" "the briefing"
keys Enter
expect "NATO's orders" "the game screen"
keys v
expect "Projector view: v to leave" "v turns the projector view on"
expect "TENSION, TURN BY TURN" "the tension turn by turn"
expect "DETENTE" "the track names the bands"
screen | grep -q "CONFRONTATION.*CRISIS.*BRINK" || fail "the track's bands in order"
# the tension (55 at the start) in block digits: five rows of them
screen | grep -c "██" >rows.txt
[ "$(cat rows.txt)" -ge 5 ] || fail "no block digits"
wait_gone "NATO's orders ─" || fail "the normal screen's orders box is not drawn in the projector view"
screen | grep -q "NATO holds   3 vp" || fail "Poland's card"
screen | grep -q "West .* Moscow" || fail "the alignment bars"
# an order from the projector view, then end the turn
keys Enter
expect "orders for" "the action menu opens over the projector view"
keys Enter
expect "Queued:" "an order queued"
keys e
expect "AP left unspent" "confirm unspent AP"
keys y
expect "resolved" "the turn resolves"
keys Enter
expect "TENSION, TURN BY TURN" "still the projector view in turn 2"
screen | grep -q "■ \|\* " || fail "the news as headlines"
# smaller than 160x48: the normal screen, and the header says why
tm resize-window -t main -x 120 -y 40
expect "NATO's orders" "the normal screen below 160x48"
keys v v
expect "Projector view needs 160x48 (now 120x40)" "too small for the projector view"
tm resize-window -t main -x 160 -y 48
expect "TENSION, TURN BY TURN" "the projector view at 160x48"
keys v
expect "Projector view off" "v turns it off"
expect "NATO's orders" "the normal screen again"
# At 200x60 the normal screen shows the selected region at length under the
# tension history; at 80x24 there is no room and nothing is cut.
tm resize-window -t main -x 200 -y 60
expect "Poland: NATO holds it" "the selected region's details at 200x60"
expect "Alignment +" "its alignment"
expect "Forces: NATO " "its forces"
expect "What moved it lately:" "what moved it"
screen | grep -q "2025-Q1  " || fail "what moved Poland in 2025-Q1"
tm resize-window -t main -x 80 -y 24
expect "NATO's orders" "the normal screen at 80x24"
wait_gone "What moved it lately" || fail "the details stay at 80x24"
keys q
expect "Quit the game?" "quit"
keys y
expect "EXIT=0" "the game exits 0"

# 2. The replay viewer: v, and back and forth through the turns.
tm resize-window -t main -x 200 -y 60
keys clear Enter
keys "$BRINK_TUI replay $SAVES/proj-auto-01.save; echo EXIT=\$?" Enter
expect "REPLAY" "the replay viewer"
keys v
expect "TENSION, TURN BY TURN" "the projector view in the replay"
expect "start" "the history names the start"
keys Left
expect "the start, before turn 1" "back to the start"
keys q
expect "EXIT=0" "the replay exits 0"

# 3. The title menu: an empty Seed field picks a fresh seed, shown in the form.
tm resize-window -t main -x 80 -y 24
keys clear Enter
keys "$BRINK_TUI; echo EXIT=\$?" Enter
expect "New game" "the title menu"
keys Enter
expect "Start the game" "the new-game form"
keys Down Down Down
i=0
while [ $i -lt 8 ]; do keys BSpace; i=$((i + 1)); done
keys s
expect "You play NATO" "the game starts with the Seed field empty"
keys Enter
expect "NATO's orders" "the game screen"
keys q
expect "Quit the game?" "quit"
keys y
expect "Load a saved game" "back at the title menu"
keys Enter
expect "Start the game" "the form again"
seed=$(screen | sed -n 's/.*Seed *\([0-9][0-9]*\)_.*/\1/p' | head -n 1)
[ -n "$seed" ] || fail "the form does not show the seed the game used"
ls "$XDG_DATA_HOME/brink/saves" | grep -q "^door-closed-$seed-auto-00.save$" ||
	{ ls "$XDG_DATA_HOME/brink/saves"; fail "the game's autosave is not named by its seed $seed"; }
ls "$XDG_DATA_HOME/brink/saves" | grep -q "^door-closed-0-" && fail "an empty seed still means seed 0"
keys Escape
expect "Load a saved game" "back at the title menu"
keys q
expect "Quit Brink?" "quit Brink"
keys y
expect "EXIT=0" "the menu exits 0"
exit 0
