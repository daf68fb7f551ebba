#!/bin/sh
# test_tui_watch.sh - the facilitator's full-screen console (brink watch without --plain)
# in tmux against a brink serve of two tables: every table at a glance, pause the
# selected table (its orders in, no turn resolved), resume it (the turn resolves),
# pause and resume all with a confirmation, help, quit; at 80x24 and 200x60.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK=${BRINK:-$ROOT/brink}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=watch
. "$ROOT/tests/e2e/lib_tmux.sh"
cd "$E2E_TMP" || exit 1
serve_class 2 "$E2E_TMP/w"
ncode=$(awk '$2 == 1 && $3 == "nato" { print $5 }' srv.out)
rcode=$(awk '$2 == 1 && $3 == "russia" { print $5 }' srv.out)

shell_start 80 24

# A bad code is refused on the terminal as it is, before any full screen.
keys "$BRINK_TUI watch $addr --code ZZZZ-ZZZZ; echo EX''IT=\$?" Enter
expect "EXIT=1" "a bad code exits 1"
expect "refused by the server" "a bad code is said"

# 1. Every table at a glance at 80x24.
keys clear Enter
keys "$BRINK_TUI watch $addr --code $fcode; echo EX''IT=\$?" Enter
expect "Console  $addr" "the console's header"
expect ">Table 1<" "table 1, selected"
expect "Table 2" "table 2"
expect "2 tables: 0 paused, 0 over, orders in 0 of 4" "the header's counts"
[ "$(screen | grep -o 'Tension  55 Confrontation' | wc -l)" -eq 2 ] || fail "tension and band on both cards"
[ "$(screen | grep -o 'NATO:   away (no player)' | wc -l)" -eq 2 ] || fail "NATO away at both tables"
expect "p/r pause/resume" "the help line"
expect "q quit" "the help line fits 80 columns"

# 2. p pauses the selected table; its players' orders go in, no turn resolves.
keys p
expect ">Table 1< PAUSED" "p pauses table 1"
expect "paused: no turn resolves" "the card says what pausing means"
expect "ok: pause 1" "the server's answer"
absent "Table 2 PAUSED" "table 2 goes on"
printf 'end\n' >e.in
"$BRINK" join "$addr" --code "$ncode" --plain <e.in >n.out 2>&1 &
pids="$pids $!"
"$BRINK" join "$addr" --code "$rcode" --plain <e.in >r.out 2>&1 &
pids="$pids $!"
expect "orders in 2 of 4" "both sides' orders in at the paused table"
screen | grep -q "NATO:   orders in" || fail "the card shows NATO's orders in"
screen | grep -q "Turn 1 " || fail "the paused table is still at turn 1"
grep -q '2025-Q1 resolved' n.out && fail "a paused table resolved a turn"

# 3. r resumes it: the turn resolves.
keys r
expect "ok: resume 1" "r resumes table 1"
wait_gone ">Table 1< PAUSED" || fail "table 1 still shown paused"
expect "Turn 2 " "the turn resolved after resume"

# 4. P and R ask first; n keeps things as they are, y acts on every table.
keys P
expect "Pause every table? (y/n)" "P asks"
keys n
wait_gone "Pause every table" || fail "n closes the question"
absent "PAUSED" "n paused nothing"
keys P
expect "Pause every table? (y/n)" "P asks again"
keys y
expect "2 tables: 2 paused" "y pauses every table"
keys Right
expect ">Table 2< PAUSED" "Right selects table 2"
keys R
expect "Resume every table? (y/n)" "R asks"
keys y
expect "2 tables: 0 paused" "every table resumed"

# 5. The command prompt: any console command, as typed in --plain; the server's
# answer on the status line, the card refreshed. Table 2 is selected.
card2() { screen | grep -o 'Tension *[0-9]*' | sed -n 2p | tr -dc 0-9; }
t2=$(card2)
[ -n "$t2" ] || fail "table 2's tension on its card"
keys :
expect "Esc cancel" "the prompt's keys in the footer"
keys "inject naval-collision 2" Enter
expect "ok: inject" "the server takes the injected event"
i=0
while [ "$(card2)" = "$t2" ]; do
	i=$((i + 1))
	[ $i -gt 50 ] && fail "the injection changes table 2's tension on its card"
	sleep 0.1
done
expect "Last incident: naval-collision" "the card names the last incident"
expect "Agreements: " "the card counts agreements"
keys i
expect ":inject  2" "i prefills the prompt with the selected table"
keys "naval-collision" Enter
expect "error: table 2: a crisis is already open" "i then the event's name reaches table 2"
keys :
expect "Esc cancel" "the prompt again"
keys "set tension 500 2" Enter
expect "error: '500' is out of tension's range" "the server's reason for a bad command"
keys s
expect ":set  2" "s prefills the prompt"
keys "tension 20" Escape
wait_gone "Esc cancel" || fail "Esc closes the prompt"
keys :
keys "pause 2" Escape
wait_gone "Esc cancel" || fail "Esc closes the prompt"
sleep 0.3
absent "PAUSED" "Esc sends nothing"
# Nothing typed breaks it: a line longer than the screen, a resize, UTF-8.
keys :
keys "say all - $(printf 'Talks%.0s ' $(seq 60))"
expect "Talks Talks" "a long line scrolls"
tm resize-window -t main -x 100 -y 30
tm resize-window -t main -x 80 -y 24
expect "Esc cancel" "the prompt stays open across a resize"
keys C-u "say all - Talks résumé" Enter
expect "Not sent: a command is plain ASCII" "UTF-8 is refused, said"
keys :
keys "say all - Talks resume in Geneva" Enter
expect "ok: say" "a message said from the prompt"
expect ">Table 2<" "the console still runs"

# 6. A projector: 200x60, the same tables on larger cards, tension in big digits.
tm resize-window -t main -x 200 -y 60
expect "Facilitator's console" "the full title at 200x60"
expect "TENSION" "the large cards"
screen | grep -q "██████ " || fail "tension in big digits at 200x60"
tm resize-window -t main -x 80 -y 24
wait_gone "TENSION" || fail "small cards again at 80x24"
expect "Tension  " "small cards again at 80x24"

# 7. e ends the selected table's game, after a question.
keys Right
expect ">Table 2<" "table 2 selected"
keys e
expect "End table 2's game now" "e asks"
keys n
wait_gone "End table 2" || fail "n closes the question"
keys e
expect "End table 2's game now" "e asks again"
keys y
expect "ok: end 2" "the server ends table 2"
expect "game over" "table 2's card shows the game over"

# 8. Help, then quit with a confirmation.
keys "?"
expect "THE FACILITATOR'S CONSOLE" "the help page"
keys Escape
expect "Console  $addr" "back from help"
keys q
expect "Leave the console?" "q asks"
keys y
expect "EXIT=0" "the console exits 0"
grep -l 'ERROR: AddressSanitizer\|runtime error\|LeakSanitizer' ./*.out ./*.err 2>/dev/null &&
	fail "sanitizer report"
echo "ok"
