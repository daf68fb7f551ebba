#!/bin/sh
# test_sim.sh - brink sim end to end: determinism and properties, identical results for
# any --jobs (also on scenarios this module's author did not write), shards
# that merge into the whole run, CSV rows, the tournament, and every kind of
# bad input (exit 2 for usage, 1 for files), never a crash.
set -u
fail() { echo "FAIL: $*"; exit 1; }
strip() { grep -v '^games_per_second:' "$1"; }

W=$PWD
# 1. Determinism and properties, never frozen figures (the balance is
# measured by `make balance`, not here): the same seed twice gives the same
# summary; --jobs 1 and 2 the same games; every game ends in a known result
# with scores in their range, and a war is lost by both sides.
( cd "$ROOT" && "$BRINK" sim --games 200 --seed 7 --nato normal --russia normal --csv "$W/det-a.csv" ) \
	>det-a.out 2>det-a.err || fail "sim run exited $? ($(cat det-a.err))"
for key in games nato_wins russia_wins draws wars war_rate draw_rate mean_nato_score mean_russia_score \
	mean_final_tension games_per_second; do
	grep -q "^$key: " det-a.out || fail "no '$key:' line"
done
( cd "$ROOT" && "$BRINK" sim --games 200 --seed 7 --nato normal --russia normal --jobs 2 --csv "$W/det-b.csv" ) \
	>det-b.out 2>det-b.err || fail "sim --jobs 2 exited $?"
( cd "$ROOT" && "$BRINK" sim --games 200 --seed 7 --nato normal --russia normal --csv "$W/det-c.csv" ) \
	>det-c.out 2>det-c.err || fail "second sim run exited $?"
strip det-a.out >det-a.txt; strip det-b.out >det-b.txt; strip det-c.out >det-c.txt
cmp -s det-a.txt det-c.txt || { diff det-a.txt det-c.txt; fail "the same seed twice differs"; }
cmp -s det-a.txt det-b.txt || { diff det-a.txt det-b.txt; fail "--jobs 1 and --jobs 2 differ"; }
cmp -s det-a.csv det-b.csv || fail "--jobs 1 and --jobs 2 CSVs differ"
( cd "$ROOT" && "$BRINK" sim --games 200 --seed 8 --nato normal --russia normal ) | strip /dev/stdin >det-d.txt
cmp -s det-a.txt det-d.txt && fail "another seed gives the very same summary"
awk -F, 'NR > 1 {
	if ($3 !~ /^(nato|russia|draw|war)$/) bad = "winner " $3
	if ($6 < -1000 || $6 > 1000 || $7 < -1000 || $7 > 1000) bad = "score out of range"
	if ($3 == "war" && ($8 != 1 || $5 != 100)) bad = "war without tension 100"
	if ($3 == "nato" && $6 <= $7) bad = "nato won without the higher score"
	if ($3 == "russia" && $7 <= $6) bad = "russia won without the higher score"
	n++ } END { if (n != 200) bad = "rows " n; if (bad) { print bad; exit 1 } }' det-a.csv ||
	fail "a game broke a property"
# a war costs both sides (war_penalty): a hawk's war scores below the same
# game's peaceful draws on average
( cd "$ROOT" && "$BRINK" sim --games 100 --seed 2 --nato hawk --russia hawk --csv "$W/hh.csv" ) >hh.out ||
	fail "hawk vs hawk run"
awk -F, 'NR > 1 && $3 == "war" { w++ } END { exit !(w > 0) }' hh.csv || fail "hawk vs hawk never went to war"
# fixed strategies: a usage error (exit 2) for an unknown action or region
( cd "$ROOT" && "$BRINK" sim --games 5 --nato fixed:aid@ukraine,talks --russia fixed:info-campaign@ukraine ) \
	>fixed.out 2>fixed.err || fail "a fixed strategy run exited $? ($(cat fixed.err))"
grep -q '^nato: fixed:aid@ukraine,talks$' fixed.out || fail "the fixed strategy is not named"
for bad in fixed:nosuch fixed:aid@narnia fixed:aid fixed:talks@poland fixed:buildup@poland fixed:; do
	( cd "$ROOT" && "$BRINK" sim --games 5 --nato "$bad" ) >/dev/null 2>fixed-bad.err
	rc=$?
	[ $rc -eq 2 ] || fail "--nato $bad exited $rc, not 2"
	grep -q "brink sim: --nato: " fixed-bad.err || fail "--nato $bad: no reason ($(cat fixed-bad.err))"
done

# 2. The same games whatever --jobs is: on the default scenario by path, on a
# test scenario with its own actions, and on one written here.
cat >own.cfg <<'CFG'
format = 1;
scenario = { id = "own-test"; title = "Own"; summary = "Written by the sim test.";
  start = { year = 2030; quarter = 3; }; turns = 9; };
sides = { nato = { name = "West"; ap = 3; }; russia = { name = "East"; ap = 5; }; };
world = { tension = 35; dialogue = 40; arms_control = 10; sanctions = 20;
          nato_cohesion = 55; axis = 70; cyber = 60; };
regions = (
  { id = "north"; name = "North"; member = "none"; value = 2; nato_forces = 5; russia_forces = 5;
    alignment = 0; stability = 35; conflict = "none"; borders = [ "south" ]; borders_russia = true; },
  { id = "south"; name = "South"; member = "csto"; value = 4; nato_forces = 0; russia_forces = 40;
    alignment = -20; stability = 60; conflict = "frozen"; borders = [ "north" ]; borders_russia = false; }
);
actions = (
  { id = "handshake"; name = "Handshake"; side = "both"; cost = 1; target = "world";
    effects = ( { var = "dialogue"; add = 3; } );
    agreed = ( { var = "tension"; add = -10; } ); },
  { id = "march"; name = "March"; side = "both"; cost = 2; target = "region";
    effects = ( { var = "target.alignment"; add = 9; }, { var = "tension"; add = 6; } ); },
  { id = "bribe"; name = "Bribe"; side = "russia"; cost = 1; target = "region";
    requires = ( { var = "target.stability"; max = 70; } );
    effects = ( { var = "target.alignment"; add = -4; }, { var = "cyber"; add = 3; } ); },
  { id = "freebie"; name = "Free talk"; side = "nato"; cost = 0; target = "world";
    effects = ( { var = "dialogue"; add = 1; } ); }
);
events = (
  { id = "storm"; title = "Storm"; text = "Bad weather."; kind = "event"; weight = 2;
    effects = ( { var = "north.stability"; add = -5; } ); },
  { id = "clash"; title = "Clash"; text = "Shots fired."; kind = "incident"; weight = 1;
    effects = ( { var = "tension"; add = 15; } ); }
);
dynamics = { mil_baseline = 20; mil_divisor = 5; misc_threshold = 30; };
victory = { control = 30; cooperative = true; };
CFG
for scen in "$ROOT/scenarios/door-closed.cfg" "$ROOT/tests/data/good/full.cfg" own.cfg; do
	name=$(basename "$scen" .cfg)
	for j in 1 2 3; do
		"$BRINK" sim "$scen" --games 40 --seed 3 --nato hard --russia tit-for-tat --ai-budget 6 \
			--jobs $j --csv "$name-$j.csv" >"$name-$j.out" 2>"$name-$j.err" ||
			fail "$name --jobs $j exited $? ($(cat "$name-$j.err"))"
		strip "$name-$j.out" >"$name-$j.txt"
	done
	for j in 2 3; do
		cmp -s "$name-1.txt" "$name-$j.txt" || { diff "$name-1.txt" "$name-$j.txt"; fail "$name: --jobs $j summary differs"; }
		cmp -s "$name-1.csv" "$name-$j.csv" || fail "$name: --jobs $j CSV differs"
	done
	grep -q '^games: 40$' "$name-1.out" || fail "$name: not 40 games"
	[ "$(wc -l <"$name-1.csv")" -eq 41 ] || fail "$name: CSV is not a header and 40 rows"
done
head -n 1 own-1.csv | grep -qx 'game,seed,winner,turns,final_tension,nato_score,russia_score,war,security_index' ||
	fail "CSV header: $(head -n 1 own-1.csv)"
awk -F, 'NR > 1 && $1 != NR - 2 { bad = 1 } END { exit bad }' own-1.csv || fail "CSV rows not in game order"
awk -F, 'NR > 1 && ($3 !~ /^(nato|russia|draw|war|peace)$/ || $4 < 1 || $4 > 9) { bad = 1 } END { exit bad }' own-1.csv ||
	fail "CSV row with a bad winner or turn count"
grep -q '^scenario: own-test$' own-1.out || fail "own scenario not named"

# 3. Shards: three shards' CSVs merge (sorted by game) into the whole run's.
"$BRINK" sim own.cfg --games 31 --seed 11 --nato greedy --russia random --csv whole.csv >whole.out ||
	fail "whole run"
: >merged.body
for i in 0 1 2; do
	"$BRINK" sim own.cfg --games 31 --seed 11 --nato greedy --russia random --shard $i/3 \
		--csv part$i.csv >part$i.out || fail "shard $i/3"
	grep -q "^shard: $i/3$" part$i.out || fail "shard $i/3 not reported"
	tail -n +2 part$i.csv >>merged.body
done
head -n 1 whole.csv >merged.csv
sort -t, -k1,1n merged.body >>merged.csv
cmp -s whole.csv merged.csv || fail "merged shards differ from the whole run"
total=0
for i in 0 1 2; do
	n=$(sed -n 's/^games: //p' part$i.out)
	total=$((total + n))
done
[ "$total" -eq 31 ] || fail "shards played $total games, not 31"

# 4. Action shares and the tournament.
( cd "$ROOT" && "$BRINK" sim --games 20 --actions ) >actions.out || fail "--actions"
grep -q '^action_nato_talks: ' actions.out || fail "--actions prints no share of talks"
"$BRINK" sim own.cfg --tournament --games 2 --ai-budget 4 --jobs 2 --csv tour.csv >tour.out 2>tour.err ||
	fail "tournament exited $? ($(cat tour.err))"
for level in easy normal hard hawk dove tit-for-tat random greedy; do
	grep -q "^$level " tour.out || fail "tournament table has no row for $level"
done
grep -q '^games: 128$' tour.out || fail "tournament: not 8 x 8 pairings of 2 games"
[ "$(wc -l <tour.csv)" -eq 129 ] || fail "tournament CSV rows"
head -n 1 tour.csv | grep -q ',nato_ai,russia_ai$' || fail "tournament CSV header"

# 5. Help, and bad input: usage errors exit 2, bad files exit 1, never a crash.
"$BRINK" sim --help >help.out || fail "--help exit status"
grep -q -- '--shard I/N' help.out || fail "--help does not document --shard"
expect() {
	want=$1
	shift
	"$BRINK" "$@" >bad.out 2>bad.err
	rc=$?
	[ "$rc" -eq "$want" ] || fail "brink $* exited $rc, want $want ($(cat bad.err))"
	[ -s bad.err ] || fail "brink $* printed no reason"
	grep -q 'Sanitizer\|runtime error' bad.err && fail "brink $*: sanitizer report"
	return 0
}
expect 2 sim own.cfg --games 0
expect 2 sim own.cfg --games abc
expect 2 sim own.cfg --games -5
expect 2 sim own.cfg --games 99999999999999999999999
expect 2 sim own.cfg --games
expect 2 sim own.cfg --nato bogus
expect 2 sim own.cfg --russia ""
expect 2 sim own.cfg --jobs 0
expect 2 sim own.cfg --jobs 100000
expect 2 sim own.cfg --shard 3/3
expect 2 sim own.cfg --shard 1/0
expect 2 sim own.cfg --shard x
expect 2 sim own.cfg --shard /2
expect 2 sim own.cfg --ai-budget 0
expect 2 sim own.cfg --seed 1e5
expect 2 sim own.cfg --frobnicate
expect 2 sim own.cfg own.cfg
expect 1 sim no-such-scenario
expect 1 sim "$ROOT/tests/data/bad/syntax.cfg"
expect 1 sim "$ROOT/tests/data/bad/out-of-range.cfg"
expect 1 sim own.cfg --games 1 --csv no-such-dir/x.csv
grep -q 'syntax.cfg:[0-9]*: error' "$E2E_TMP/bad.err" 2>/dev/null || true
"$BRINK" sim "$ROOT/tests/data/bad/syntax.cfg" 2>syntax.err >/dev/null
grep -q 'syntax.cfg:[0-9][0-9]*: error' syntax.err || fail "no FILE:LINE: error for a bad scenario"
# --events: every event and incident of the scenario, with how often it fired
"$BRINK" sim "$ROOT/scenarios/high-north.cfg" --games 40 --events >events.out 2>events.err ||
	fail "sim --events: exit $?"
grep -q '^miscalculations: [0-9]' events.out || fail "sim --events: no miscalculations line"
grep -q '^incident_cable-cut: ' events.out || fail "sim --events: the scenario's own incident"
grep -q '^event_sea-ice-minimum: ' events.out || fail "sim --events: the scenario's own event"
grep -q '^event_crimea-buildup' events.out && fail "sim --events: a removed event is listed"
grep -Eq '^event_[a-z0-9-]+: 0 never$' events.out || fail "sim --events: no 'never' line"
nev=$(grep -Ec '^(event|incident)_' events.out)
[ "$nev" -ge 20 ] || fail "sim --events: only $nev events listed"
# check --balance: the three pairings and a verdict line for each target
"$BRINK" check --balance --games 20 "$ROOT/scenarios/high-north.cfg" >balance.out 2>balance.err ||
	fail "check --balance: exit $?"
for want in "normal vs normal" "hawk   vs hawk" "dove   vs dove" "verdict:" "(at most 60%)" \
	"(at least 15)"; do
	grep -qF -- "$want" balance.out || { cat balance.out; fail "check --balance: no '$want'"; }
done
grep -Eq '^  (ok|MISSED) ' balance.out || fail "check --balance: no ok/MISSED lines"
expect 2 check --balance --games 0 "$ROOT/scenarios/high-north.cfg"
exit 0
