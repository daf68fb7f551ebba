#!/bin/sh
# test_plain.sh - whole games in plain mode from scripted input: vs the AI, hot-seat,
# AI vs AI; bad commands; explain; end of input; determinism; usage errors.
# Run by tests/e2e/run.sh (BRINK, ROOT, E2E_TMP set; the working folder is scratch).
set -u
S=$ROOT/scenarios/door-closed.cfg
SAVES=$E2E_TMP/saves
RESULT_RE='^result: (nato|russia|draw|war) \(nato -?[0-9]+, russia -?[0-9]+\)$'
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# has FILE PATTERN WHAT: FILE has a line matching the extended regex PATTERN
has() { grep -Eq -- "$2" "$1" || { fail "$3 (no line matching /$2/ in $1)"; sed -n '1,200p' "$1"; }; }
hasnt() { if grep -Eq -- "$2" "$1"; then fail "$3 (a line matches /$2/ in $1)"; fi; }
# last_result FILE WHAT: the last line of FILE is the result line
last_result() {
	tail -n 1 "$1" | grep -Eq "$RESULT_RE" || { fail "$2: last line is not the result"; tail -n 20 "$1"; }
}
# turns N LINES...: the same lines N times (a turn's commands)
turns() {
	n=$1
	shift
	i=0
	while [ "$i" -lt "$n" ]; do
		for l in "$@"; do printf '%s\n' "$l"; done
		i=$((i + 1))
	done
}
play() { "$BRINK" play "$S" --plain --save-dir "$SAVES" "$@"; }

# 1. A whole game as NATO against the AI.
turns 70 'status' 'do talks' 'do cyber-defense' 'do deploy poland' 'end' >nato.in
play --seed 11 <nato.in >nato.out 2>nato.err
rc=$?
[ "$rc" -eq 0 ] || fail "game vs AI exits $rc"
has nato.out '^\[nato 2025-Q1 AP [0-9]+\] > ' "prompt names side, date and AP"
has nato.out '^== 2025-Q1, turn 1 of 12: NATO to move ==$' "first briefing header"
has nato.out '^== 2025-Q2, turn 2 of 12: NATO to move ==$' "second briefing header"
has nato.out '^News of 2025-Q1:$' "news of the last turn"
has nato.out '^Tension [0-9]+ \((Detente|Competition|Confrontation|Crisis|Brink|War)\)' "tension with its band"
has nato.out '^-- 2025-Q1 resolved --$' "resolution"
has nato.out '^Russia ordered: ' "the other side's orders revealed at resolution"
has nato.out '^queued: Propose talks' "an order queued"
has nato.out '^Security index: [0-9]+' "security index at the end"
last_result nato.out "game vs AI"
[ -s nato.err ] && { fail "game vs AI wrote to stderr"; cat nato.err; }
ls "$SAVES" 2>/dev/null | grep -q auto || fail "no autosave in $SAVES"

has nato.out '^Scenario door-closed, seed 11\.$' "status names the scenario and the seed"
has nato.out '^Tension [0-9]+ \([A-Za-z]+\)\. Chance of a miscalculation this turn: [0-9]+\.[0-9][0-9]%\.$' \
	"status gives the chance of a miscalculation"
has nato.out '^World: tension [0-9]+, dialogue [0-9]+, arms_control [0-9]+, sanctions [0-9]+, nato_cohesion [0-9]+, axis [0-9]+, cyber [0-9]+\.$' \
	"status gives every world variable"
has nato.out '^  poland \(Poland\): nato_forces [0-9]+, russia_forces [0-9]+, alignment -?[0-9]+, stability [0-9]+, member [a-z]+, conflict [a-z]+, vulnerability [0-9]+, value [0-9], controller (nato|russia|contested)\.$' \
	"status gives each region"

# 2. The same game again: byte for byte the same output.
play --seed 11 <nato.in >nato2.out 2>nato2.err
cmp -s nato.out nato2.out || { fail "same seed and input give different output"; diff nato.out nato2.out | head -20; }
grep -q "this one's saves are door-closed-11-2" nato2.err || fail "the second game with seed 11 is not told its own save name"

# 3. Playing Russia.
turns 70 'do talks' 'do info-campaign ukraine' 'end' >russia.in
play --side russia --ai easy --seed 5 <russia.in >russia.out 2>&1 || fail "game as Russia exits $?"
has russia.out '^\[russia 2025-Q1 AP [0-9]+\] > ' "prompt for Russia"
has russia.out 'Russia to move ==$' "Russia's briefing"
last_result russia.out "game as Russia"

# 4. Hot-seat: both sides at one terminal, hand-off lines, no extra input.
turns 70 'do talks' 'end' 'do talks' 'end' >hot.in
play --side both --seed 3 <hot.in >hot.out 2>&1 || fail "hot-seat exits $?"
has hot.out '^-- Hand over to Russia\. --$' "hand-off to Russia"
has hot.out '^-- Hand over to NATO\. --$' "hand-off back to NATO"
has hot.out '^\[russia 2025-Q1 AP [0-9]+\] > ' "Russia's prompt in hot-seat"
has hot.out 'Agreement: both sides chose Propose talks' "talks proposed by both sides agree"
last_result hot.out "hot-seat"

# 5. AI against AI: nothing to type, the game plays itself out.
play --nato hawk --russia hawk --seed 9 </dev/null >watch.out 2>&1 || fail "AI vs AI exits $?"
hasnt watch.out '^\[' "AI vs AI shows a prompt"
last_result watch.out "AI vs AI"

# 6. Bad commands get one clear line each, and the game goes on.
cat >bad.in <<'EOF'
frobnicate
do nosuch
do deploy
do deploy narnia
do talks poland
do snap-exercise ukraine
do talks
do talks
do cyber-defense
do sanction
do deploy poland
do reassure poland
explain nonsense
explain poland.nonsense
status now
undo
undo
undo
undo
undo
undo
   DO    TALKS   
# a comment

explain
save a/b
end
explain tension
explain poland
explain ukraine.alignment
quit
EOF
play --seed 1 <bad.in >bad.out 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail "bad commands: exit $rc"
has bad.out "^error: unknown command 'frobnicate'\\. Type 'help'" "unknown command"
has bad.out "^error: unknown action 'nosuch'" "unknown action"
has bad.out "^error: 'deploy' needs a region" "missing region"
has bad.out "^error: unknown region 'narnia'\\. The regions are: poland" "unknown region"
has bad.out "^error: 'talks' takes no region" "region given to a world action"
has bad.out "^error: 'snap-exercise' is an action of Russia, not of NATO" "the other side's action"
has bad.out '^error: Propose talks is already ordered this turn' "the same order twice"
has bad.out '^error: not enough action points: Reassure allies costs 1 AP and NATO has 0 left' "not enough AP"
has bad.out "^error: unknown variable 'nonsense'" "explain of an unknown variable"
has bad.out "^error: 'nonsense' is no region variable" "explain of an unknown region variable"
has bad.out "^error: 'status' takes no argument" "extra argument"
has bad.out '^error: no order to undo' "undo with nothing queued"
has bad.out '^queued: Propose talks \(1 AP; 3 AP left\)' "upper case and blanks accepted"
has bad.out '^error: explain what' "explain without a variable"
has bad.out '^Changes to Tension in 2025-Q1:$' "explain tension"
has bad.out '^Total [+-][0-9]+: from [0-9]+ to [0-9]+\.$' "explain tension gives the total"
has bad.out '^Changes in Poland in 2025-Q1:$' "explain a region"
has bad.out '^Changes to Ukraine: alignment in 2025-Q1:$' "explain a region variable"
has bad.out '^Quitting' "quit"
n=$(grep -c '^error: ' bad.out)
[ "$n" -ge 14 ] || fail "expected at least 14 error lines, got $n"
hasnt bad.out '^result: ' "quit ends the game with a result"

# 7. Requirement not met: the requirement and the current value.
printf 'do open-door ukraine\nactions\nquit\n' | play --seed 1 >req.out 2>&1 || fail "requirement: exit $?"
has req.out '^error: requirement not met: needs .+ in Ukraine \(now [-+a-z0-9]+\)\.$' \
	"requirement not met names the requirement and the value"
has req.out '^Not possible now:$' "actions lists the unavailable ones"
has req.out '^  open-door: Open the door, 3 AP, region: ' "why open-door is unavailable"

# 8. End of input in the middle of a turn: clean exit 0, the finished turn autosaved.
rm -rf "$SAVES"
printf 'do talks\nend\ndo talks\n' | play --seed 2 --name eofgame >eof.out 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail "end of input: exit $rc"
has eof.out '^End of input: quitting' "end of input is announced"
ls "$SAVES" | grep -q '^eofgame-auto' || fail "end of input: no autosave named eofgame-auto*"

# 9. save NAME writes a save and prints its path.
printf 'end\nsave mine\nquit\n' | play --seed 2 >save.out 2>&1 || fail "save: exit $?"
has save.out "^saved: .*mine" "save prints the path"
ls "$SAVES" | grep -q '^mine' || fail "save: no file named mine* in $SAVES"

# 10. Without --plain and without a terminal: plain mode with a note on stderr.
printf 'quit\n' | "$BRINK" play "$S" --seed 1 --save-dir "$SAVES" >fallback.out 2>fallback.err
rc=$?
[ "$rc" -eq 0 ] || fail "fallback: exit $rc"
has fallback.err 'cannot run the full-screen interface; using plain mode' "fallback note"
has fallback.out '^\[nato 2025-Q1 AP [0-9]+\] > ' "fallback plays in plain mode"

# 11. Usage errors: exit 2, one line "brink play: REASON" with a pointer to --help.
usage() {
	"$BRINK" play "$@" </dev/null >usage.out 2>usage.err
	rc=$?
	[ "$rc" -eq 2 ] || fail "play $*: exit $rc, want 2"
	grep -q '^brink play: ' usage.err || fail "play $*: no 'brink play: reason' line"
	[ "$(wc -l <usage.err)" -eq 1 ] || fail "play $*: not one line"
	grep -q -- "try 'brink play --help'" usage.err || fail "play $*: no pointer to --help"
	[ -s usage.out ] && fail "play $*: wrote to stdout"
}
usage --side mars
usage --ai godlike
usage --seed abc
usage --seed
usage --bogus
usage --nato superhuman
usage "$S" "$S"
"$BRINK" play --help >help.out 2>&1 || fail "play --help: exit $?"
has help.out '^Usage: brink play' "play --help"

# 12. The default scenario and a scenario by id, found from the source tree.
(cd "$ROOT" && printf 'quit\n' | "$BRINK" play --plain --seed 1 --save-dir "$SAVES") >def.out 2>&1 ||
	fail "default scenario: exit $?"
has def.out '^Brink: .* \(door-closed\), ' "the default scenario is door-closed"
(cd "$ROOT" && printf 'quit\n' | "$BRINK" play georgia-2008 --plain --seed 1 --save-dir "$SAVES") >id.out 2>&1 ||
	fail "scenario by id: exit $?"
has id.out '^Brink: .* \(georgia-2008\), ' "a scenario found by its id"
printf 'quit\n' | play --nato human --russia human --seed 1 >who.out 2>&1 || fail "--nato/--russia human: exit $?"
has who.out '^Russia: played here\.$' "--russia human"

# 13. Unknown scenario: exit 1 with a message.
"$BRINK" play no-such-scenario --plain </dev/null >unk.out 2>unk.err
rc=$?
[ "$rc" -eq 1 ] || fail "unknown scenario: exit $rc, want 1"
has unk.err "no-such-scenario" "unknown scenario is named"

# 14. A broken scenario file: its diagnostics, exit 1.
printf 'format = 1;\nscenario = { id = "x" \n' >broken.cfg
"$BRINK" play broken.cfg --plain </dev/null >broken.out 2>broken.err
rc=$?
[ "$rc" -eq 1 ] || fail "broken scenario: exit $rc, want 1"
has broken.err 'broken\.cfg:[0-9]+: error: ' "broken scenario diagnostics"

# 15. Garbage input: long lines, control bytes, CRLF; no crash.
{
	printf 'status\r\n'
	head -c 3000 /dev/zero | tr '\0' 'x'
	printf '\n'
	printf '\001\002\377\376 do\n'
	printf 'do %s\n' "$(head -c 600 /dev/zero | tr '\0' 'a')"
	printf 'explain ......\nexplain .\nexplain poland.\nexplain .tension\nsave\n'
	printf 'end\r\n'
} >junk.in
play --seed 4 <junk.in >junk.out 2>&1
rc=$?
[ "$rc" -eq 0 ] || fail "garbage input: exit $rc"
has junk.out '^error: line too long' "long line refused"
has junk.out '^-- 2025-Q1 resolved --$' "end with CRLF"

# 16. Near misses get a did-you-mean; the last turn promises no action points.
printf 'do deploi poland\ndo deploy polan\nexplain tensoin\nstatsu\nquit\n' >typo.in
play --seed 1 <typo.in >typo.out 2>&1
has typo.out "^error: unknown action 'deploi'\\. Did you mean 'deploy'\\?" "did-you-mean for an action"
has typo.out "^error: unknown region 'polan'\\. Did you mean 'poland'\\?" "did-you-mean for a region"
has typo.out "^error: unknown variable 'tensoin'\\. Did you mean 'tension'\\?" "did-you-mean for a variable"
has typo.out "^error: unknown command 'statsu'\\. Did you mean 'status'\\?" "did-you-mean for a command"
last=$(awk '/^-- 2027-Q4 resolved --$/ { on = 1 } on' nato.out)
[ -n "$last" ] || fail "no resolution of the last turn in nato.out"
printf '%s\n' "$last" | grep -q "Action points next turn" && fail "the last turn announces action points for a next turn"

# 17. Orders can fail: warned when queued, marked in the list, FAILED at resolution, in help.
printf 'help\ndo deploy ukraine\ndo outreach ukraine\norders\nquit\n' >risk.in
play --seed 3 <risk.in >risk.out 2>&1
has risk.out "^Orders can fail" "help says orders can fail"
has risk.out "^warning: this order may fail: Russia's orders this turn could bring alignment in Ukraine to" "a warning when an order can fail"
has risk.out "^  1\\. Deploy forces in Ukraine \\(1 AP\\), may fail$" "the orders list marks it"
hasnt risk.out "Diplomatic outreach in Ukraine \\(1 AP\\), may fail" "an order that cannot fail is not marked"
play --nato hard --russia hawk --seed 3 </dev/null >failed.out 2>&1
has failed.out "ordered: .*\\(FAILED\\)" "a failed order is marked in the orders of the resolution"
has failed.out "FAILED, its AP lost: it needs" "the news says why it failed"

# 18. The derived numbers explain themselves; each resolution opens with a summary;
# the briefing points out a proposal the player left unmatched.
printf 'end\nexplain security_index\nexplain miscalculation\nexplain ukraine.vulnerability\nexplain poland.militarization\nquit\n' >derived.in
play --seed 5 <derived.in >derived.out 2>&1
hasnt derived.out "unknown variable" "a derived number is a known one"
has derived.out "^Security index [0-9]+ of 100" "explain security_index"
has derived.out "^Chance of a miscalculation [0-9]+\\.[0-9][0-9]%" "explain miscalculation"
has derived.out "^Ukraine: vulnerability [0-9]+ of 100" "explain REGION.vulnerability"
has derived.out "^Poland: militarization [0-9]+ = NATO forces [0-9]+ \\+ Russian forces [0-9]+" "explain REGION.militarization"
has derived.out "^Summary:$" "a summary opens the resolution"
has derived.out "^  Tension [0-9]+ -> [0-9]+ \\([-+][0-9]+\\)" "the summary's tension"
has derived.out "^Missed: Russia chose Propose talks; you did not" "the briefing points out a missed agreement"

# 19. The end names the save and how to get its report.
has nato.out "^Autosaved in .*; the after-action report: brink report on this game's last autosave \\(its -auto-12 save\\)\\.$" "the end names the save folder and brink report"

# 20. A newcomer learns how to win: the intro points to help, and help says how the
# game is scored, with the scenario's numbers.
printf 'help\nquit\n' >win.in
play --seed 3 <win.in >win.out 2>&1
has win.out "^Type 'help' for the commands and how to win\.$" "the intro points to help for how to win"
has win.out "^How to win: A region is held at alignment \+40 or more by NATO, -40 or less by Russia\. Every turn each side scores" "help says how the game is scored"
has win.out "More than 2 points ahead wins; closer is a draw\. At war \(tension 100\) the game ends and both sides lose 60 points\.$" "help gives the draw margin and the war penalty"

# 21. Each side's score, action points and credibility explain themselves ('explain ap'
# said "unknown variable": a player had no way to learn where the points came from or
# why this turn has 3 AP).
printf 'help\nexplain score\nend\nexplain score\nexplain ap\nexplain credibility\nexplain scor\nquit\n' >sides.in
play --seed 5 <sides.in >sides.out 2>&1
hasnt sides.out "unknown variable 'score'" "score is a known one"
has sides.out "^Nothing has happened yet: no turn has been resolved\.$" "before the first turn"
has sides.out "^Changes to NATO: score in 2025-Q1:$" "NATO's score, turn by turn"
has sides.out "^  NATO: score \+[0-9]+ \(regions held this turn\)$" "where NATO's points came from"
has sides.out "^Changes to Russia: score in 2025-Q1:$" "Russia's score too"
has sides.out "^Changes to Russia: action points in 2025-Q1:$" "explain ap"
has sides.out "^Now [0-9]+ this turn\.$" "the AP of this turn"
has sides.out "^Changes to NATO: credibility in 2025-Q1:$" "explain credibility"
has sides.out "unknown variable 'scor'\. Did you mean 'score'\?" "a near miss is pointed to score"
has sides.out "^                      'explain ap' \(why this turn's action points\)" "help names them"

# 22. A war's end names the push that took tension to 100, even a small one (the road
# lists only the biggest rises, and left out the +1 that made it war).
war=
for sd in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	play --nato hawk --russia hawk --seed "$sd" </dev/null >war.out 2>&1
	if tail -n 1 war.out | grep -q '^result: war '; then war=$sd; break; fi
done
if [ -z "$war" ]; then
	fail "no hawk-vs-hawk game of seeds 1-16 ended in war"
else
	has war.out '^It reached 100 with: [0-9]{4}-Q[1-4]: Tension \+[0-9]+ \(' "the end names the push that made it war"
	# it is the last rise of tension before the WAR line of the last resolution
	want=$(sed -n '/^  WAR: tension reached 100/q;/^    Tension +[0-9]* (/p' war.out | tail -n 1 | sed 's/^    //')
	grep -qF -- "$want" war.out && grep "^It reached 100 with: " war.out | grep -qF -- "$want" ||
		fail "the push named is not the last rise before the war ('$want')"
fi

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all plain-mode checks passed"
