#!/bin/sh
# test_report.sh - `brink report` end to end: Markdown and CSV of a finished war game,
# --out FILE (and the PNG chart when gnuplot is installed), bad saves, usage errors.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
DIR=$E2E_TMP/saves
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
has() { grep -Eq -- "$2" "$1" || { fail "$3 (no line matching /$2/ in $1)"; sed -n '1,60p' "$1"; }; }
status() {
	want=$1 what=$2
	shift 2
	"$@" >cmd.out 2>cmd.err
	rc=$?
	[ "$rc" -eq "$want" ] || { fail "$what: exit $rc, want $want"; cat cmd.out cmd.err; }
}

# A whole game, hawk against hawk: it ends in war; its last autosave is the game.
"$BRINK" play "$S" --plain --nato hawk --russia hawk --seed 7 --save-dir "$DIR" --name war \
	</dev/null >play.out 2>&1 || fail "play exits $?"
tail -n 1 play.out | grep -q '^result: ' || fail "the game did not finish"
G=$DIR/$(ls "$DIR" | grep '^war-auto-' | sort | tail -n 1)
turns=$(sed -n 's/^  turn = \([0-9]*\);$/\1/p' "$G" | head -n 1)
[ -n "$turns" ] || fail "no turn count in $G"

# The text replay of a finished game ends with the result line, as the game did.
status 0 "replay as text" "$BRINK" replay "$G"
[ "$(tail -n 1 cmd.out)" = "$(tail -n 1 play.out)" ] ||
	fail "the replay's last line '$(tail -n 1 cmd.out)' is not the game's '$(tail -n 1 play.out)'"

# Markdown on stdout.
status 0 "report" "$BRINK" report "$G"
cp cmd.out report.md
for h in '^# After-action report: ' '^## Summary$' '^## What each side did$' '^## What happened$' \
	'^## Why$' '^### The largest tension changes$' '^### The path to war$' '^## Turn by turn$' \
	'^### Regions at the end$' '^## Final scores$' '^## Tension over time$'; do
	has report.md "$h" "section $h"
done
if grep -q '^result: war' play.out; then
	has report.md '^Tension reached 100 in turn [0-9]+ \(' "the war turn is named"
	has report.md '^The largest single push on the way: ' "the path to war names its largest push"
	has report.md '^\| Result \| war: both sides lose \|$' "the result"
fi
rows=$(sed -n '/^## Turn by turn$/,/^### Regions/p' report.md | grep -c '^| [0-9s]')
[ "$rows" -eq $((turns + 1)) ] || fail "turn table has $rows rows, want $((turns + 1)) (start + $turns turns)"

# CSV: one header and a row per turn (plus the start), each with every column.
status 0 "report --format csv" "$BRINK" report "$G" --format csv
cp cmd.out report.csv
head -n 1 report.csv | grep -q '^turn,date,tension,dialogue,arms_control,sanctions,nato_cohesion,axis,cyber,security_index,nato_ap,russia_ap,poland.nato_forces,' ||
	fail "CSV header: $(head -n 1 report.csv)"
head -n 1 report.csv | grep -q ',nato_orders,russia_orders,result$' || fail "CSV header ends with orders and result"
[ "$(wc -l <report.csv)" -eq $((turns + 2)) ] || fail "CSV has $(wc -l <report.csv) lines, want $((turns + 2))"
awk -F, 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad }' report.csv || fail "CSV rows differ in width"

# --out FILE writes the file (and FILE.png next to it when gnuplot is there).
status 0 "report --out" "$BRINK" report "$G" --out "$E2E_TMP/debrief.md"
[ -s "$E2E_TMP/debrief.md" ] || fail "--out wrote nothing"
[ -s cmd.out ] && fail "--out also wrote to stdout"
has "$E2E_TMP/debrief.md" '^## Summary$' "--out holds the report"
if command -v gnuplot >/dev/null 2>&1; then
	[ -s "$E2E_TMP/debrief.png" ] || fail "gnuplot is installed but no debrief.png"
	has "$E2E_TMP/debrief.md" '^!\[Tension over time\]\(debrief.png\)$' "the chart is linked"
else
	[ -e "$E2E_TMP/debrief.png" ] && fail "a PNG without gnuplot"
fi
status 0 "report --format csv --out" "$BRINK" report "$G" --format csv --out "$E2E_TMP/run.csv"
cmp -s "$E2E_TMP/run.csv" report.csv || fail "--out CSV differs from stdout CSV"

# Errors.
status 1 "report of a bad save" "$BRINK" report "$ROOT/tests/data/badsaves/digest-mismatch.save"
has cmd.err 'digest-mismatch.save:35: error: ' "FILE:LINE for a bad save"
status 1 "report into a folder that does not exist" "$BRINK" report "$G" --out "$E2E_TMP/no/such/dir/r.md"
has cmd.err 'error: cannot write the report' "an unwritable --out"
status 2 "report --format pdf" "$BRINK" report "$G" --format pdf
status 2 "report without a save" "$BRINK" report
status 2 "report --out without a file" "$BRINK" report "$G" --out

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
exit 0
