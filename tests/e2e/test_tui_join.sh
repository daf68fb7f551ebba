#!/bin/sh
# test_tui_join.sh - a player joined in curses (brink join without --plain)
# in tmux at 80x24, when the facilitator ends the game: the end-of-game page
# comes at once, with no key pressed; a second time with the player inside
# the orders menu (a screen over the map) when the end comes; a third time with its orders
# given, waiting for the other side.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK=${BRINK:-$ROOT/brink}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=join
. "$ROOT/tests/e2e/lib_tmux.sh"
cd "$E2E_TMP" || exit 1
serve_class 3 "$E2E_TMP/j"

shell_start 80 24

# join table T's NATO seat in curses and get to the game screen
join_table() {
	code=$(awk -v t="$1" '$2 == t && $3 == "nato" { print $5 }' srv.out)
	keys clear Enter
	keys "$BRINK_TUI join $addr --code $code; echo EX''IT=\$?" Enter
	expect "The Door Closes" "table $1: the briefing"
	keys Enter
	expect "4 of 4 AP left" "table $1: the game screen"
}
# the facilitator ends table T from a plain console
end_table() {
	printf 'end %s\nquit\n' "$1" | "$BRINK" watch "$addr" --code "$fcode" --plain >"w$1.out" 2>&1
	grep -q "^ok: end $1 1" "w$1.out" || { cat "w$1.out"; fail "end $1 was not acknowledged"; }
}

# 1. On the map: the result shows with no key pressed.
join_table 1
end_table 1
expect "Result: " "table 1: the end-of-game page comes without a key"
keys q
expect "EXIT=0" "table 1: the player leaves the ended game"

# 2. In the orders menu over the map: the same.
join_table 2
keys Enter
expect "NATO: orders for" "table 2: the orders menu"
end_table 2
expect "Result: " "table 2: the end-of-game page comes over the orders menu"
keys q
expect "EXIT=0" "table 2: the player leaves the ended game"

# 3. Orders given, waiting for the other side (away): the same.
join_table 3
keys e
expect "End NATO's orders anyway?" "table 3: ending the orders asks first"
keys y
expect "orders sent; waiting for Russia" "table 3: waiting for the other side"
end_table 3
expect "Result: " "table 3: the end-of-game page comes while the player waits"
keys q
expect "EXIT=0" "table 3: the player leaves the ended game"
echo "all curses join checks passed"
