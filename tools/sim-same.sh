#!/bin/sh
# sim-same.sh - do two brink binaries play the very same games? The check
# behind every speed change, which must change no result.
#
# Usage: sh tools/sim-same.sh REF_BRINK [NEW_BRINK]   (NEW_BRINK: ./brink)
#
# Runs one fixed set of sims with each binary, on the scenario files of this
# tree: every shipped scenario with each AI level against itself and against
# normal; the hard AI (default budget and a small one) with a few games; fixed
# strategies; the tournament with a few games a pairing; always with
# --actions, --events and a CSV of every game. Then compares the outputs
# byte for byte, minus the games_per_second line. Prints "same: N runs" and
# exits 0, or shows the differences and exits 1. `make sim-same` builds the
# reference from main (REF=rev for another) and runs this.
set -u
ref=${1:?usage: sh tools/sim-same.sh REF_BRINK [NEW_BRINK]}
new=${2:-./brink}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/brink-sim-same.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT INT TERM HUP

# run NAME ARGS...: both binaries, outputs into $out/{ref,new}/NAME.{txt,csv}
runs=0
run() {
	name=$1
	shift
	for b in ref new; do
		bin=$ref
		[ $b = new ] && bin=$new
		mkdir -p "$out/$b"
		"$bin" sim "$@" --actions --events --csv "$out/$b/$name.csv" >"$out/$b/$name.out" 2>&1
		echo "exit: $?" >>"$out/$b/$name.out"
		grep -v '^games_per_second:' "$out/$b/$name.out" >"$out/$b/$name.txt"
		rm -f "$out/$b/$name.out"
	done
	runs=$((runs + 1))
}

levels="normal easy hawk dove tit-for-tat greedy random"
for f in "$root"/scenarios/*.cfg; do
	s=$(basename "$f" .cfg)
	for l in $levels; do
		g=100
		[ "$l" = random ] && g=2000
		run "$s-$l-$l" "$f" --games $g --seed 3 --nato "$l" --russia "$l"
		run "$s-$l-normal" "$f" --games 40 --seed 4 --nato "$l" --russia normal
	done
	run "$s-normal-random" "$f" --games 200 --seed 5 --nato normal --russia random
done
dc=$root/scenarios/door-closed.cfg
run hard-normal "$dc" --games 6 --seed 6 --nato hard --russia normal
run normal-hard "$dc" --games 6 --seed 7 --nato normal --russia hard
run hard-hard-small "$root/scenarios/ukraine-2022.cfg" --games 6 --seed 8 --nato hard --russia hard \
	--ai-budget 12
run hard-baltic "$root/scenarios/baltic-flashpoint.cfg" --games 4 --seed 9 --nato hawk --russia hard
for p in fixed:aid@ukraine,outreach@ukraine,outreach@caucasus \
	fixed:aid@ukraine,outreach@ukraine,outreach@caucasus,talks fixed:deploy@poland,exercise@baltics \
	fixed:talks,arms-control; do
	run "fixed-$p-normal" "$dc" --games 60 --seed 10 --nato "$p" --russia normal
	run "fixed-$p-hard" "$dc" --games 3 --seed 11 --nato "$p" --russia hard --ai-budget 24
done
run fixed-russia "$dc" --games 60 --seed 12 --nato tit-for-tat \
	--russia fixed:info-campaign@ukraine,red-line@ukraine,buildup@belarus
run tournament "$dc" --tournament --games 2 --seed 13
run tournament-2022 "$root/scenarios/ukraine-2022.cfg" --tournament --games 1 --seed 14

if diff -r "$out/ref" "$out/new" >"$out/diff"; then
	echo "same: $runs runs"
	exit 0
fi
head -n 60 "$out/diff"
echo "DIFFERENT: see above ($runs runs)"
exit 1
