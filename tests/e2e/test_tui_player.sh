#!/bin/sh
# test_tui_player.sh - the player's defects of the curses game (issue 11), each
# driven in tmux at 80x24 (private socket) and read back with capture-pane:
# hot-seat selection, a bad --save-dir, the action menu's refusal, the load
# screen, the replay, the end screen.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=player
. "$ROOT/tests/e2e/lib_tmux.sh"
# the name of the selected region: the map marks it >Name<
selected() { screen | sed -n 's/.*[^A-Za-z]>\([A-Z][A-Za-z ]*\)<.*/\1/p' | head -n 1; }

export XDG_DATA_HOME="$E2E_TMP/data"
mkdir -p "$XDG_DATA_HOME/brink"
ln -s "$ROOT/scenarios" "$XDG_DATA_HOME/brink/scenarios"
cd "$E2E_TMP" || exit 1
mkdir -p sv

shell_start 80 24

# Defect 2: hot-seat. Russia's map opens on its own selection, not NATO's.
keys "$BRINK_TUI play --side both --seed 7 --save-dir sv; echo EXIT=\$?" Enter
expect "Both sides are played here" "hot-seat briefing"
keys Enter
expect "NATO's orders" "NATO first"
first=$(selected)
[ -n "$first" ] || fail "no selected region on NATO's map"
keys Down
sleep 0.3
moved=$(selected)
[ -n "$moved" ] && [ "$moved" != "$first" ] || fail "Down did not move NATO's selection ($first)"
keys e
expect "AP left unspent" "confirm"
keys y
expect "Hand the terminal to Russia's player" "hand-off"
keys Enter
expect "Russia's orders" "Russia's turn"
[ "$(selected)" = "$first" ] || fail "Russia's map opens on NATO's selection ($moved)"
keys e
expect "AP left unspent" "confirm"
keys y
expect "resolved" "resolution"
keys Enter
expect "Hand the terminal to NATO's player" "next turn"
keys Enter
expect "NATO's orders" "NATO again"
[ "$(selected)" = "$moved" ] || fail "NATO's own selection is not kept ($(selected))"
keys q
expect "Quit the game" "quit"
keys y
expect "EXIT=0" "quit"

# Defect 3: a save folder that cannot be used: s says so, writes nothing elsewhere.
keys clear Enter
keys "$BRINK_TUI play --seed 7 --save-dir /dev/null; echo EXIT=\$?" Enter
expect "You play NATO" "briefing"
keys Enter
expect "NATO's orders" "game screen"
expect "Saving is off" "the header tells that saving is off"
keys s
sleep 0.3
screen | grep -q "Saved:" && fail "s claims a save with a bad --save-dir"
expect "Saving is off" "s refuses"
[ -e saves ] && fail "s wrote to ./saves instead"
[ -e "$XDG_DATA_HOME/brink/saves" ] && [ -n "$(ls "$XDG_DATA_HOME/brink/saves")" ] &&
	fail "s wrote to the default save folder instead"

# Defect 5: the action menu's refusal stays inside the popup and goes with Esc.
keys Enter
expect "orders for Poland" "action menu"
for k in 1 2 3 4 5; do keys Down; done
expect "> Open the door" "Open the door chosen"
keys Enter
expect "Cannot order Open the door" "the refusal"
line=$(screen | grep -n "Cannot order Open the door" | head -n 1)
case "$line" in
1:*) fail "the refusal is drawn in the header, outside the popup" ;;
esac
screen | grep "Cannot order" | grep -q "resolve together" && fail "the refusal overwrites the details"
keys Escape
wait_gone "Cannot order" || fail "the refusal stays after Esc"
keys q
expect "Quit the game" "quit"
keys y
expect "EXIT=0" "quit"
# Defect 9 and the debrief: a whole game of 12 turns to its end screen.
keys clear Enter
keys "$BRINK_TUI play --seed 7 --save-dir sv; echo EXIT=\$?" Enter
expect "You play NATO" "briefing"
keys Enter
t=0
while [ $t -lt 12 ]; do
	expect "NATO's orders" "turn $((t + 1))"
	keys e
	expect "AP left unspent" "confirm"
	keys y
	# after an incident, a crisis asks to stand firm or back down
	i=0
	while [ $i -lt 50 ] && ! screen | grep -qF -e "resolved" -e "b = back down"; do
		sleep 0.1
		i=$((i + 1))
	done
	if screen | grep -qF "b = back down"; then
		screen | grep -qF "chance of war" || fail "the crisis dialog gives no odds"
		if [ -z "${crisis_back_tried:-}" ]; then
			# Esc goes back to the orders (it did nothing: f or b was the only way out)
			crisis_back_tried=1
			expect "Esc = back to your orders" "the crisis dialog says how to go back"
			keys Escape
			wait_gone "b = back down" || fail "Esc does not leave the crisis dialog"
			expect "NATO's orders" "back at the orders, not yet given"
			absent "resolved" "Esc gave no orders"
			keys e
			expect "AP left unspent" "confirm again"
			keys y
			expect "b = back down" "the crisis asks again when the orders are ended"
		fi
		keys b
	fi
	expect "resolved" "resolution of turn $((t + 1))"
	keys Enter
	t=$((t + 1))
done
expect "the end of the game" "end screen"
screen | grep -q "(result:" && fail "the end screen shows the internal result tag"
expect "Why: where each side's points came from" "the debrief"
expect "held" "points per side"
k=0
while [ $k -lt 6 ] && ! screen | grep -q "turn 0  1  2"; do
	keys PgDn
	sleep 0.2
	k=$((k + 1))
done
expect "turn 0  1  2  3  4  5  6  7  8  9  10 11 12" "the chart's axis counts the turns"
k=0
while [ $k -lt 6 ] && ! screen | grep -q "brink report "; do
	keys PgDn
	sleep 0.2
	k=$((k + 1))
done
expect "The after-action report: brink report" "the end screen points to brink report"
expect "-auto-12.save" "the end screen names the save"
keys Enter
expect "EXIT=0" "the game ends"

# Defect 6 and the summaries: the resolution opens with the turn in short, the news
# points out a missed proposal, x explains the derived numbers.
keys clear Enter
keys "$BRINK_TUI play --seed 5 --save-dir sv; echo EXIT=\$?" Enter
expect "You play NATO" "briefing"
keys Enter
expect "NATO's orders" "game"
keys e
expect "AP left unspent" "confirm"
keys y
expect "In short:" "the resolution opens with a summary"
expect "Missed: Russia chose Propose talks; NATO did not." "the summary names the missed proposal"
keys Enter
expect "Missed: Russia chose Propose talks; you did" "the news box points it out to NATO"
keys x
expect "Numbers" "the explain screen"
expect "Security index" "the security index is in the list"
expect "Miscalculation chance" "the miscalculation chance is in the list"
expect "│ Poland " "the selected region heads its numbers in the list"
expect "│   vulnerability " "a region's vulnerability is in the list"
for k in 1 2 3 4 5 6 7; do keys Down; done
expect "Security index: what it is made of" "the security index explains itself"
keys Down
expect "in 10,000" "the miscalculation chance explains itself"
keys Escape
expect "NATO's orders" "back"
# Defect 8: at 80x24 the explain list and its title keep a long region's names whole.
keys Down Down Right
expect ">Caucasus<" "the Caucasus selected"
keys x
expect "│ The Caucasus " "the region's name heads its rows"
expect "│   Russian forces " "a row's label whole"
expect "│   militarization " "a row's label whole"
k=0
while [ $k -lt 20 ] && ! screen | grep -q "vulnerability:"; do
	keys Down
	sleep 0.1
	k=$((k + 1))
done
screen | grep -Eq "┌ The Caucasus: vulnerability(: what it is made of|: made of)? ─" ||
	fail "the explain title is cut at 80 columns"
keys Escape
expect "NATO's orders" "back"
# The glossary in ?: every number on the screen in a line.
keys "?"
expect "Brink: help" "help"
k=0
while [ $k -lt 8 ] && ! screen | grep -q "Security index      how safe"; do
	keys PgDn
	sleep 0.2
	k=$((k + 1))
done
expect "Security index      how safe both sides are together" "the glossary's security index"
keys Escape
expect "NATO's orders" "back from help"
keys q
expect "Quit the game" "quit"
keys y
expect "EXIT=0" "quit"

# Defect 7: the load screen shows whole names and the turn the game resumes at.
sd="$XDG_DATA_HOME/brink/saves"
mkdir -p "$sd"
printf 'end\nsave a-rather-long-save-name-first\nsave a-rather-long-save-name-second\nquit\n' |
	"$BRINK_TUI" play --plain --seed 7 --save-dir "$sd" >plain.txt 2>&1 || fail "plain game to make saves"
keys clear Enter
keys "$BRINK_TUI; echo EXIT=\$?" Enter
expect "Load a saved game" "title menu"
keys Down Enter
expect "saved game" "load screen"
expect "a-rather-long-save-name-first" "the first name in full"
expect "a-rather-long-save-name-second" "the second name in full"
screen | grep "a-rather-long-save-name-first" | grep -q " 2/12 " ||
	fail "a save made on turn 2 of 12 does not read 2/12"
keys Escape
expect "New game" "back at the title"
keys q
expect "Quit Brink" "quit"
keys y
expect "EXIT=0" "left the menu"
# A war's end screen names the push that took tension to 100 (the road lists only the
# biggest rises, and left out the small one that made it war).
mkdir -p war
for sd in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	"$BRINK_TUI" play --plain --nato hawk --russia hawk --seed "$sd" --save-dir war </dev/null >war.txt 2>&1
	tail -n 1 war.txt | grep -q '^result: war ' && break
	rm -f war/*
done
tail -n 1 war.txt | grep -q '^result: war ' || fail "no hawk-vs-hawk game of seeds 1-16 ended in war"
last=$(ls war/*-auto-*.save | sort | tail -n 1)
keys clear Enter
keys "$BRINK_TUI load $last --save-dir war; echo EXIT=\$?" Enter
expect "the end of the game" "a finished game loads on its end screen"
keys End
expect "It reached 100 with:" "the end screen names the push that made it war"
keys Enter
expect "EXIT=0" "left the end screen"

# Defect 12: the README shows a real screen, not a placeholder.
grep -q "SCREEN-PLACEHOLDER" "$ROOT/README.md" && fail "README.md still has SCREEN-PLACEHOLDER"
grep -q "NATO's orders, 2025-Q2" "$ROOT/README.md" || fail "README.md shows no captured game screen"
echo "ok"
