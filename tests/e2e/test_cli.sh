#!/bin/sh
# test_cli.sh - the command line as a whole: every command's --help generated from its
# option table (no line over 80 columns), --opt=value and --opt value alike, uniform
# usage errors (exit 2, one line, a pointer to the command's --help, did-you-mean),
# options given before any command pointed at the command that takes them.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# 1. Help: brink --help lists every command; each command's help (every command
# brink --help lists, new ones included) fits 80 columns.
"$BRINK" --help >help.out 2>&1 || fail "--help: exit $?"
for c in play load check sim replay report scenarios menu; do
	grep -q "^  brink $c" help.out || fail "--help does not list $c"
done
for c in $(sed -n 's/^  brink \([a-z][a-z]*\).*/\1/p' help.out); do
	"$BRINK" "$c" --help >"help-$c.out" 2>&1 || fail "$c --help: exit $?"
	grep -q "^Usage: brink $c" "help-$c.out" || fail "$c --help: no usage line"
	grep -q -- "--help  *this text" "help-$c.out" || fail "$c --help: no --help line"
	cat "help-$c.out" >>help.out
	"$BRINK" help "$c" | cmp -s - "help-$c.out" || fail "brink help $c differs from $c --help"
done
awk 'length > 80 { print "too wide: " $0; bad = 1 } END { exit bad }' help.out ||
	fail "help lines wider than 80 columns"
# every option of the contract is documented
for o in side ai seed plain save-dir name nato russia; do
	grep -q -- "--$o" help-play.out || fail "play --help: no --$o"
done
for o in games seed nato russia jobs csv shard tournament ai-budget actions; do
	grep -q -- "--$o" help-sim.out || fail "sim --help: no --$o"
done
grep -q -- "--verify" help-replay.out || fail "replay --help: no --verify"
grep -q -- "--format md|csv" help-report.out || fail "report --help: no --format"
grep -q "greedy" help-sim.out || fail "sim --help: the AI levels leave out greedy"
grep -q "greedy" help-play.out || fail "play --help: the AI levels leave out greedy"

# 2. Usage errors: exit 2, nothing on stdout, one line naming the command and its --help.
# usage CMD WANT_PATTERN ARGS...
usage() {
	cmd=$1 want=$2
	shift 2
	"$BRINK" "$@" </dev/null >u.out 2>u.err
	rc=$?
	[ "$rc" -eq 2 ] || fail "$*: exit $rc, want 2"
	[ -s u.out ] && fail "$*: wrote to stdout"
	[ "$(wc -l <u.err)" -eq 1 ] || { fail "$*: not one line on stderr"; cat u.err; }
	grep -q -- "^brink${cmd:+ $cmd}: .*; try 'brink${cmd:+ $cmd} --help'\$" u.err ||
		{ fail "$*: not 'brink${cmd:+ $cmd}: REASON; try ...'"; cat u.err; }
	grep -q -- "$want" u.err || { fail "$*: no '$want'"; cat u.err; }
}
usage "" "'brink play --ai godlike'" --ai godlike
usage "" "'brink play --plain'" --plain
usage "" "did you mean 'play'" pley
usage "" "unknown command 'xyzzy'" xyzzy
usage play "did you mean '--seed'" play --sed 3
usage play "did you mean '--plain'" play --plian
usage play "unknown option '--bogus'" play --bogus
usage play "takes no value" play --plain=yes
usage play "needs a value" play --seed
usage play "needs a value" play --save-dir=
usage play "one scenario at a time" play a b
usage play "tit-for-tat, random, greedy" play --ai godlike
usage load "which save" load
usage load "one save at a time" load a b
usage replay "did you mean '--verify'" replay x --verfy
usage report "md or csv" report x --format=pdf
usage report "needs a value" report x --out
usage check "no scenario file" check
usage check "unknown option" check --bogus "$S"
usage scenarios "unexpected argument 'x'" scenarios x
usage sim "from 1 to 256" sim --jobs=999
usage sim "did you mean '--tournament'" sim --tourn
usage sim "I/N" sim --shard 3/2
usage menu "unexpected argument" menu x

# 3. --opt=value and --opt value give the same game; "--" ends the options.
"$BRINK" sim "$S" --games 20 --seed 7 --nato hawk --russia=dove --jobs=2 >a.out 2>&1 ||
	fail "sim (mixed forms): exit $?"
"$BRINK" sim "$S" --games=20 --seed=7 --nato=hawk --russia dove --jobs 2 >b.out 2>&1 ||
	fail "sim (other forms): exit $?"
grep -v games_per_second a.out >a.txt
grep -v games_per_second b.out >b.txt
cmp -s a.txt b.txt || { fail "--opt=value and --opt value differ"; diff a.txt b.txt; }
grep -q '^nato: hawk$' a.out || fail "sim --nato hawk not taken"
grep -q '^russia: dove$' a.out || fail "sim --russia=dove not taken"
mkdir -p rules && cp "$ROOT/scenarios/rules/standard.cfg" rules/ && cp "$S" ./-dash.cfg
"$BRINK" check -- -dash.cfg >dash.out 2>&1 || fail "check -- -dash.cfg: exit $?"
grep -q '^-dash.cfg: ok' dash.out || fail "check --: file not checked"

[ "$fails" -eq 0 ]
