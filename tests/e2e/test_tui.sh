#!/bin/sh
# test_tui.sh - the curses UI in tmux: title menu, new game, an order, explain, help,
# resize below and above 80x24, quit with q then y, terminal restored, NO_COLOR,
# `brink play --seed 1` straight to the game, Ctrl-C.
#
# Drives the real binary ($BRINK_TUI) in a private tmux server and reads the
# screen with capture-pane, polling (up to 5 s) instead of sleeping. Commands
# typed at the shell print EX''IT= and STTY-''DONE, so the words waited for
# show only once the command has run, never as the typed line itself.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=tui
. "$ROOT/tests/e2e/lib_tmux.sh"

# Scenarios on the search path, saves in the scratch folder.
export XDG_DATA_HOME="$E2E_TMP/data"
mkdir -p "$XDG_DATA_HOME/brink"
ln -s "$ROOT/scenarios" "$XDG_DATA_HOME/brink/scenarios"
cd "$E2E_TMP" || exit 1

shell_start 80 24

# 1. The title menu.
keys "$BRINK_TUI; echo EX''IT=\$?" Enter
expect "Load a saved game" "title menu"
expect "New game" "title menu"
expect "How to play" "title menu"

# 1b. The scenarios screen says when each scenario starts and how long it lasts.
keys Down Down Enter
expect "BRINK  Scenarios" "scenarios screen"
expect "From 2025-Q1, 12 turns of a quarter year." "the scenario's start and length"
keys Escape
expect "> Scenarios" "back to the title menu"
keys Up Up

# 2. New game: the form, then start with s.
keys Enter
expect "Start the game" "new game form"
expect "You play" "new game form"
keys Down Down
expect "Computer levels: easy" "the computer field's hint"
expect "greedy." "the level list wraps at 80 columns instead of being cut"
keys Up Up
keys s
expect "You play NATO" "scenario briefing"
keys Enter
expect "NATO's orders" "game screen"
expect "TENSION" "side panel"
expect "Miscalculation" "side panel"
screen | grep -q "Poland" || fail "the map shows Poland"

# 3. An order: the action menu, then queue the first action.
keys Enter
expect "orders for" "action menu"
expect "If it resolves now" "effects preview"
keys Enter
expect "Queued:" "order queued"
expect "1. " "orders panel lists it"
keys u
expect "Last order undone" "undo"
keys a
expect "orders for" "action menu with a"
keys Enter
expect "Queued:" "order queued again"

# 4. Explain and help.
keys x
expect "Explain: why did a number change" "explain screen"
expect "Tension" "explain lists variables"
keys Escape
expect "NATO's orders" "back from explain"
keys '?'
expect "THE SECURITY DILEMMA" "help"
expect "undo the last order" "help lists the keys"
keys Escape
expect "NATO's orders" "back from help"

# 5. Resize below the minimum and back.
tm resize-window -t main -x 60 -y 20
expect "Enlarge the terminal to 80x24 (now 60x20)" "too small"
tm resize-window -t main -x 160 -y 48
expect "GERMANY" "the large map at 160x48"
tm resize-window -t main -x 100 -y 30
expect "TENSION" "redrawn after the resize"
wait_gone "GERMANY" || fail "the large map stays at 100x30"
wait_gone "Enlarge the terminal" || fail "the enlarge message stays after resizing back"
screen | grep -q "Tab panel" || fail "the footer is on screen at 100x30"

# 6. End the turn: confirm unspent AP, see the resolution, then the next turn.
keys e
expect "AP left unspent" "confirm unspent AP"
keys y
expect "resolved" "resolution screen"
expect "What happened" "resolution lists causes"
keys Enter
expect "2025-Q2" "next turn"
expect "News: what happened in 2025-Q1" "news panel"

# 7. Quit: q asks, n keeps playing, q then y leaves; the terminal is restored.
keys q
expect "Quit the game?" "quit asks"
keys n
wait_gone "Quit the game?" || fail "n did not close the question"
expect "NATO's orders" "still playing after n"
keys q
expect "Quit the game?" "quit asks again"
keys y
# The game was started from the menu: quitting it comes back there.
expect "Load a saved game" "back at the title menu after the game"
# Load: the autosave of the turn just played is listed, and loads.
keys Down Enter
expect "saved game" "load screen"
expect "The Door Closes" "the save names its scenario"
expect "2/12" "the save names the turn it resumes at (one turn played)"
keys Enter
expect "NATO's orders, 2025-Q2" "the loaded game goes on at turn 2"
keys q
expect "Quit the game?" "quit the loaded game"
keys y
expect "Load a saved game" "back at the title menu"
keys q
expect "Quit Brink?" "menu asks too"
keys y
expect "EXIT=0" "menu exits 0"
wait_gone "TENSION" || fail "the game screen stays after exit"
keys "stty -a > stty.txt; echo STTY-\"\"DONE" Enter  # the typed line must not match
expect "STTY-DONE" "stty ran"
grep -q " icanon" stty.txt || fail "terminal left without icanon"
grep -q " echo " stty.txt || fail "terminal left without echo"

# 8. brink play --seed 1 goes straight to the game; colours are used...
tm resize-window -t main -x 80 -y 24
keys clear Enter
# xterm-256color: its mouse sequences (SGR) are the ones sent below.
keys "TERM=xterm-256color $BRINK_TUI play --seed 1 --save-dir $E2E_TMP/ctrlc --name ctrlc; echo EX''IT=\$?" Enter
expect "You play NATO" "brink play skips the menu"
keys Enter
expect "NATO's orders" "game screen from brink play"
# The mouse: a click on Ukraine's box (column 26, row 14) selects it, a second opens its menu.
tm send-keys -t main -l "$(printf '\033[<0;26;14M\033[<0;26;14m')"
expect ">Ukraine<" "a click selects a region"
tm send-keys -t main -l "$(printf '\033[<0;26;14M\033[<0;26;14m')"
expect "orders for Ukraine" "a second click opens its action menu"
keys Escape
wait_gone "orders for Ukraine" || fail "Esc closes the action menu"
tm capture-pane -e -p -t main > color.txt
grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|38;5;" color.txt || fail "no colour without NO_COLOR"
# ... and Ctrl-C leaves cleanly: an autosave of its own (a save folder no earlier step
# wrote to), a message saying so once the terminal is restored, exit status 0.
keys C-c
expect "EXIT=" "Ctrl-C stops the game"
wait_gone "TENSION" || fail "the game screen stays after Ctrl-C"
expect "brink: stopped by a signal; the game was autosaved" "Ctrl-C says it autosaved"
tm capture-pane -p -J -t main | grep -qF "autosaved in $E2E_TMP/ctrlc" ||
	fail "Ctrl-C does not name the save folder"
expect "EXIT=0" "Ctrl-C exits 0"
ls "$E2E_TMP"/ctrlc/ctrlc-auto-00.save >/dev/null 2>&1 || fail "no autosave written by Ctrl-C"

# 9. NO_COLOR: the same screen without colour escapes.
keys clear Enter
keys "NO_COLOR=1 $BRINK_TUI play --seed 1; echo EX''IT=\$?" Enter
expect "You play NATO" "NO_COLOR game"
keys Enter
expect "NATO's orders" "NO_COLOR game screen"
tm capture-pane -e -p -t main > mono.txt
if grep -q "$(printf '\033')\[[0-9;]*3[0-7]m\|38;5;" mono.txt; then
	fail "colour escapes with NO_COLOR=1"
fi
grep -q ">Poland<" mono.txt || fail "the selection reads without colour"
keys q
expect "Quit the game?" "quit in NO_COLOR"
keys y
expect "EXIT=0" "exit 0"
echo "ok"
