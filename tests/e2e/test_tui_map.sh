#!/bin/sh
# test_tui_map.sh - a scenario's own map in the curses UI, in tmux: the High North
# example (no art: the neutral layout) at 80x24 and 200x60, a scenario with long
# names that becomes a list saying why at 80x24 and a map at 200x60, and the help
# page wording the scenario's own victory control.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BRINK_TUI=${BRINK_TUI:-$ROOT/brink}
E2E_TMP=${E2E_TMP:-$(mktemp -d)}
TMUX_TAG=map
. "$ROOT/tests/e2e/lib_tmux.sh"
cd "$E2E_TMP" || exit 1

shell_start 80 24

# 1. The High North at 80x24: every box whole, no Eastern Europe labels.
keys "$BRINK_TUI play $ROOT/scenarios/high-north.cfg --seed 1 --save-dir $E2E_TMP; echo EXIT=\$?" Enter
expect "You play NATO" "the briefing"
keys Enter
expect "NATO's orders" "the game screen"
for name in Greenland Svalbard Kola Iceland "N. Norway" Finland "Sea Route"; do
	expect "$name" "the $name box"
done
expect "stab 40 uneasy" "status words whole"
absent "ROMANIA" "no labels of a map the scenario does not own"
absent "BELARUS" "no labels of a map the scenario does not own"
absent "A list:" "seven boxes fit at 80x24"

# 2. At 200x60 the map spreads out and neighbours are joined.
tm resize-window -t main -x 200 -y 60
expect "──────────│" "a line between neighbours in the grown map"
expect "Sea Route" "still every region"
expect "Northern Sea Route" "the large boxes: the whole name under the short one"
expect "milit" "the large boxes: militarization and vulnerability"
keys "?"
expect "alignment +40 or more by NATO" "the help with the scenario's control"
keys Escape
keys q
expect "Quit" "quit asks"
keys y
expect "EXIT=0" "left the game"

# 3. Twelve regions with long names: a list saying why at 80x24, a map at 200x60.
tm resize-window -t main -x 80 -y 24
{
	sed -n '/^format/,/^world/p' "$ROOT/scenarios/high-north.cfg" | sed 's/id = "high-north"/id = "long-names"/'
	echo "          nato_cohesion = 75; axis = 40; cyber = 35; };"
	echo "victory = { control = 35; };"
	echo "regions = ("
	i=1
	while [ $i -le 12 ]; do
		sep=","
		[ $i -eq 12 ] && sep=""
		echo "  { id = \"r$i\"; name = \"Long region name $i\"; value = 1; alignment = 0; stability = 50; }$sep"
		i=$((i + 1))
	done
	echo ");"
} > long.cfg
mkdir -p rules && ln -s "$ROOT/scenarios/rules/standard.cfg" rules/standard.cfg
$BRINK_TUI check long.cfg >/dev/null 2>check.err || { cat check.err; fail "long.cfg is not valid"; }
keys "clear; $BRINK_TUI play long.cfg --seed 1 --save-dir $E2E_TMP; echo EXIT=\$?" Enter
expect "You play NATO" "the briefing"
keys Enter
expect "A list: 12 boxes" "the list says why"
expect "Long region name 12" "names whole in the list"
tm resize-window -t main -x 200 -y 60
expect "┌Long region name 1" "a map of boxes at 200x60"
absent "A list:" "no list at 200x60"
keys "?"
expect "alignment +35 or more by NATO, -35 or less by" "the scenario's victory control"
keys Escape
keys q
expect "Quit" "quit asks"
keys y
expect "EXIT=0" "left the game"
exit 0
